"""Shared fixtures: a real encrypted clinic, built once per test session and copied per test.

Key derivation is deliberately slow, so the template's key slots use the cheap TEST_COST;
tests that are about the KDF itself use the real parameters.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from crdesk.core.roles import Role
from crdesk.crypto.kdf import TEST_COST
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from tests.helpers import logfail

ADMIN_PASSWORD = "correct-horse-for-tests-1"
STAFF_PASSWORD = "battery-staple-for-tests-2"


@pytest.fixture(autouse=True)
def _no_real_basedir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # No test may touch the developer's real crdesk folder.
    monkeypatch.setenv("CRDESK_BASEDIR", str(tmp_path / "default-basedir"))


@pytest.fixture(autouse=True)
def _fail_on_log_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    # A WARNING or above from crdesk fails the test unless it declares it (tests/helpers/logfail).
    # Autouse and in the root conftest: set up before, and torn down after, every other
    # function fixture, so that what their set-up and tear-down log counts too.
    handler = logfail.LogFailHandler()
    logger = logging.getLogger(logfail.LOGGER)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    logfail.check(handler, request.node.get_closest_marker("expected_log_warning"))


@pytest.fixture(scope="session")
def template_clinic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("template") / "clinic"
    with ClinicHome.open(BaseDir(root)) as home:
        new = access.create(home, clinic_name="Test Clinic", ods_code="RX100", admin="admin",
                          password=ADMIN_PASSWORD, cost=TEST_COST)
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        s.add_user("staff", Role.STAFF, STAFF_PASSWORD, cost=TEST_COST)
        s.close()
    (root / "clinic.lock").unlink()
    return root, new.recovery_key


@pytest.fixture
def clinic_dir(template_clinic: tuple[Path, str], tmp_path: Path) -> BaseDir:
    target = tmp_path / "clinic"
    shutil.copytree(template_clinic[0], target)
    return BaseDir(target)


@pytest.fixture
def recovery_key(template_clinic: tuple[Path, str]) -> str:
    return template_clinic[1]


@pytest.fixture
def home(clinic_dir: BaseDir) -> Iterator[ClinicHome]:
    h = ClinicHome.open(clinic_dir)
    yield h
    h.close()


@pytest.fixture
def admin(home: ClinicHome) -> Iterator[Session]:
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    yield s
    s.close()


@pytest.fixture
def staff(home: ClinicHome) -> Iterator[Session]:
    s = access.unlock(home, "staff", STAFF_PASSWORD)
    yield s
    s.close()


def file_digest(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()
