"""The first-run wizard: a clinic exists only after its recovery key was typed back."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from crdesk.crypto import recovery
from crdesk.crypto.kdf import TEST_COST
from crdesk.gui.setup_wizard import SetupWizard
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.setup import STAGING_PREFIX

from .conftest import PASSWORD

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


def staging_dirs(home: ClinicHome) -> list[str]:
    return [p.name for p in home.basedir.root.iterdir() if p.name.startswith(STAGING_PREFIX)]


def open_wizard(qtbot: QtBot, home: ClinicHome) -> SetupWizard:
    w = SetupWizard(home, cost=TEST_COST)
    qtbot.addWidget(w)
    w.show()
    qtbot.keyClicks(w.clinic_page.name, "Riverside Cardiac Rehab")
    qtbot.keyClicks(w.clinic_page.ods, "rx1")
    w.next()
    assert w.currentPage() is w.admin_page
    return w


def reach_key_page(qtbot: QtBot, w: SetupWizard) -> None:
    page = w.admin_page
    qtbot.keyClicks(page.username, "jsmith")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.confirm, PASSWORD)
    w.next()
    qtbot.waitUntil(lambda: w.currentPage() is w.key_page, timeout=30_000)


def test_clinic_created_only_after_key_typed_back(qtbot: QtBot, home: ClinicHome) -> None:
    w = open_wizard(qtbot, home)
    reach_key_page(qtbot, w)
    assert w.staged is not None
    key = w.staged.recovery_key
    shown = [w.key_page.key_grid.itemAt(i).widget().text()
             for i in range(w.key_page.key_grid.count())]
    assert "-".join(shown) == key
    assert not home.initialised, "nothing is in place while the key is only shown"
    assert not w.button(NEXT).isEnabled(), "must confirm the key is saved first"
    w.key_page.saved.setChecked(True)
    assert w.button(NEXT).isEnabled()
    w.next()
    assert w.currentPage() is w.confirm_page

    # A well-formed key that is not this clinic's blocks Finish with a message.
    w.confirm_page.typed.setText(recovery.encode(os.urandom(32)))
    w.button(FINISH).click()
    assert "not the recovery key shown" in w.confirm_page.error.plain_text()
    assert w.confirm_page.error.isVisible()
    assert w.isVisible() and w.result() != QWizard.DialogCode.Accepted.value
    assert not home.initialised

    # A mistyped one is explained in plain words.
    w.confirm_page.typed.setText(key[:-6])
    w.button(FINISH).click()
    assert "56 characters" in w.confirm_page.error.plain_text()
    assert not home.initialised

    # Typed back forgivingly (small letters, no dashes): the clinic is moved into place.
    with qtbot.waitSignal(w.clinic_created) as created:
        w.confirm_page.typed.setText(key.replace("-", "").lower())
        w.button(FINISH).click()
    assert created.args == ["jsmith"]
    assert home.initialised
    assert staging_dirs(home) == []
    assert home.settings().last_user == "jsmith"
    session = access.unlock(home, "jsmith", PASSWORD)
    try:
        assert session.is_admin
        assert session.clinic().ods_code == "RX1"
        assert not session.clinic().is_demo
    finally:
        session.close()


def test_weak_password_refused_with_policy_message(qtbot: QtBot, home: ClinicHome) -> None:
    w = open_wizard(qtbot, home)
    page = w.admin_page
    qtbot.keyClicks(page.username, "jsmith")
    qtbot.keyClicks(page.password, "short")
    # Live feedback while typing.
    assert "at least 12 characters" in page.password_feedback.plain_text()
    page.password.clear()
    qtbot.keyClicks(page.password, "password1234")
    qtbot.keyClicks(page.confirm, "password1234")
    assert "most common passwords" in page.password_feedback.plain_text()
    w.next()
    assert w.currentPage() is page, "a weak password must not get past this page"
    assert "most common passwords" in page.password_feedback.plain_text()
    assert w.staged is None and staging_dirs(home) == []


def test_mismatched_passwords_refused(qtbot: QtBot, home: ClinicHome) -> None:
    w = open_wizard(qtbot, home)
    page = w.admin_page
    qtbot.keyClicks(page.username, "jsmith")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.confirm, PASSWORD + "x")
    w.next()
    assert w.currentPage() is page
    assert "not the same" in page.confirm_error.plain_text()


def test_bad_ods_code_shown_at_the_field(qtbot: QtBot, home: ClinicHome) -> None:
    w = SetupWizard(home, cost=TEST_COST)
    qtbot.addWidget(w)
    w.show()
    qtbot.keyClicks(w.clinic_page.name, "Riverside")
    qtbot.keyClicks(w.clinic_page.ods, "R-1")
    w.next()
    assert w.currentPage() is w.clinic_page
    assert "ODS code is 3 to 6 letters" in w.clinic_page.ods_error.plain_text()


def test_cancel_after_key_shown_leaves_no_clinic(qtbot: QtBot, home: ClinicHome) -> None:
    w = open_wizard(qtbot, home)
    reach_key_page(qtbot, w)
    assert staging_dirs(home)
    w.reject()
    assert staging_dirs(home) == []
    assert not home.initialised
    assert not home.basedir.keyslots.exists()
