"""Accounts and roles, enforced in the services."""

from __future__ import annotations

import pytest

from crdesk.core.roles import Role
from crdesk.crypto import recovery
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import PermissionDeniedError, ValidationError, WrongPasswordError
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from crdesk.storage.connection import open_database
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD


def test_roles_come_from_the_database(admin: Session, home: ClinicHome) -> None:
    assert admin.role is Role.ADMIN
    s = access.unlock(home, "staff", STAFF_PASSWORD)
    assert s.role is Role.STAFF
    s.close()


@pytest.mark.parametrize("call", [
    lambda s: s.add_user("newbie", Role.STAFF, "a-perfectly-fine-password", cost=TEST_COST),
    lambda s: s.remove_user("admin"),
    lambda s: s.reset_password("admin", "a-perfectly-fine-password", cost=TEST_COST),
    lambda s: s.rekey(),
])
def test_staff_cannot_do_admin_work(staff: Session, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError) as err:
        call(staff)
    assert "Only an admin" in err.value.message


@pytest.mark.parametrize(("password", "reason"), [
    ("short-pw", "at least 12"),
    ("password1234", "most common"),
    ("aaaaaaaaaaaaaaaa", "more than one"),
    ("newbie-is-my-name", "user name"),
])
def test_password_policy(admin: Session, password: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        admin.add_user("newbie", Role.STAFF, password, cost=TEST_COST)


def test_long_passwords_have_no_maximum(admin: Session, home: ClinicHome) -> None:
    long_pw = "x" + "correct horse battery staple " * 10
    admin.add_user("newbie", Role.STAFF, long_pw, cost=TEST_COST)
    access.unlock(home, "newbie", long_pw).close()


def test_user_changes_never_rekey_the_database(admin: Session, home: ClinicHome,
                                               recovery_key: str) -> None:
    admin.add_user("newbie", Role.STAFF, "first-password-ok", cost=TEST_COST)
    admin.reset_password("staff", "reset-password-ok", cost=TEST_COST)
    admin.change_own_password(ADMIN_PASSWORD, "my-new-boss-pass1", cost=TEST_COST)
    admin.remove_user("newbie")
    # The recovery key is the data key: it still opens the database after all of that.
    db = open_database(home.basedir.db, recovery.decode(recovery_key))
    assert db.scalar("SELECT count(*) FROM users") == 3
    db.close()
    with pytest.raises(WrongPasswordError):
        access.unlock(home, "newbie", "first-password-ok")
    with pytest.raises(WrongPasswordError):
        access.unlock(home, "admin", ADMIN_PASSWORD)
    access.unlock(home, "admin", "my-new-boss-pass1").close()
    access.unlock(home, "staff", "reset-password-ok").close()


def test_own_password_change_needs_the_old_password(staff: Session) -> None:
    with pytest.raises(WrongPasswordError):
        staff.change_own_password("not-my-password", "a-new-password-ok", cost=TEST_COST)


def test_last_admin_cannot_be_removed(admin: Session) -> None:
    with pytest.raises(ValidationError, match="only admin"):
        admin.remove_user("admin")


def test_failures_reach_the_audit_log_at_next_unlock(home: ClinicHome) -> None:
    for _ in range(3):
        with pytest.raises(WrongPasswordError):
            access.unlock(home, "staff", "not-the-right-password")
    s = access.unlock(home, "staff", STAFF_PASSWORD)
    try:
        failures = audit_repo.entries(s._db, action="login.failures")
        assert len(failures) == 1
        assert '"count":3' in failures[0].detail
        assert failures[0].actor == "staff"
    finally:
        s.close()


def test_user_list_and_audit_of_account_changes(admin: Session) -> None:
    admin.add_user("newbie", Role.STAFF, "first-password-ok", cost=TEST_COST)
    assert [u.username for u in admin.list_users()] == ["admin", "newbie", "staff"]
    actions = [e.action for e in audit_repo.entries(admin._db, entity_id="newbie")]
    assert "user.add" in actions
