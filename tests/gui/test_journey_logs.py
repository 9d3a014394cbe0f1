"""A whole day's journey through the real GUI (sign in, a new patient with name, NHS
number, date of birth and postcode, a referral, clinical measures, the kiosk questionnaire
answered, the report saved, sign out), then the CLI, and no log file holds any of the
identifiers or answer texts used (issue 13). Logging is set up as the app sets it up
(crdesk/log.py, in the clinic's logs folder)."""

from __future__ import annotations

import io
import logging
import logging.handlers
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from crdesk.cli import main as cli_main
from crdesk.gui.controller import AppController
from crdesk.gui.kiosk import KioskOptions, start_kiosk
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.log import setup_logging
from crdesk.services.home import ClinicHome
from tests.gui.conftest import PASSWORD
from tests.gui.staff.test_workspace import choose, enter_measures, type_into
from tests.helpers.staff import A1_DAY
from tests.kiosk_helpers.driver import A1_PLAN, answer_screen

NHS = "943 476 5919"
FAMILY, GIVEN = "Quenneville", "Philippa"
POSTCODE = "LS1 4DY"
OTHER_CONDITION = "Zygomatic neuralgia"


@pytest.fixture
def logged(real_clinic: ClinicHome) -> Iterator[Path]:
    path = setup_logging(real_clinic.basedir.logs)
    yield path.parent
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
            h.close()


def _needles() -> list[str]:
    return [NHS, NHS.replace(" ", ""), FAMILY, GIVEN, f"{GIVEN} {FAMILY}", FAMILY.upper(),
            "1950-03-14", "14/03/1950", "14 March 1950", "14 Mar 1950", POSTCODE,
            POSTCODE.replace(" ", ""), OTHER_CONDITION, OTHER_CONDITION.lower()]


def test_a_days_journey_leaves_no_identifier_in_any_log(
        qtbot: QtBot, real_clinic: ClinicHome, logged: Path,
        make_controller: Callable[..., AppController], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    home = real_clinic
    c = make_controller(home)
    assert c.login is not None
    c.login.username.setText("jsmith")
    c.login.password.setText(PASSWORD)
    c.login.unlock_button.click()
    qtbot.waitUntil(lambda: c.main_window is not None, timeout=30_000)
    window, session = c.main_window, c.session
    assert window is not None and session is not None
    window.show_page("patients")
    page = window.current_page()
    assert isinstance(page, PatientsPage)

    page.new_patient()
    g = page.editor.grid
    for field, text in (("nhs_number", NHS), ("family_name", FAMILY), ("given_name", GIVEN),
                        ("date_of_birth", "14/03/1950"), ("postcode", POSTCODE)):
        type_into(g.fields[field], text)
    page.editor.save_button.click()
    record = page.record
    assert record is not None, [g.message(f) for f in g.fields]
    pid = record.patient_id

    dialog = record.edit_episode(None)
    eg = dialog.grid
    choose(eg.fields["initiating_event"], "mi_nstemi")
    type_into(eg.fields["event_date"], "10/01/2026")
    choose(eg.fields["treatment"], "pci")
    type_into(eg.fields["referral_date"], "15/01/2026")
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    eid = record.episode_id
    assert eid is not None
    enter_measures(record, "A1", A1_DAY, "92", "300")

    kiosk = start_kiosk(session, home, pid, episode_id=eid, assessment="A1",
                        options=KioskOptions(fullscreen=False))
    qtbot.waitExposed(kiosk)
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    plan = {**A1_PLAN, "conditions_other": OTHER_CONDITION}
    for _ in range(80):
        if kiosk.screens.currentWidget() is not kiosk.questions:
            break
        answer_screen(kiosk, plan)
    assert kiosk._current_name() == "end"
    kiosk.close_released("journey over")
    QApplication.processEvents()

    record.reload()
    target = tmp_path / "report.pdf"
    record.write_report(target)
    op = record.report_operation
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")
    c.sign_out()
    c.shutdown()
    home.close()  # the CLI takes the clinic's lock, as a second program would

    for args in (["check"], ["user", "list"], ["backup", str(tmp_path / "b.crbackup")],
                 ["report", "service", "--format", "json", "--period",
                  "2025-12-01..2026-12-31", "--out", str(tmp_path / "r.json")]):
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert cli_main(["--basedir", str(home.basedir.root), *args, "--user", "jsmith",
                         "--password-stdin"]) == 0, args

    files = [f for f in logged.iterdir() if f.is_file()]
    text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    assert "command backup" in text and "unlocked" in text  # the logs were written to
    hits = [n for n in _needles() if n.lower() in text.lower()]
    assert hits == []
