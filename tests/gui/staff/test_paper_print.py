""""Print paper form…" (a blank questionnaire) on the patient record: four copies offered,
the chosen one drawn off the GUI thread and saved where asked, through the report-saving
path."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.paper_forms import paper_reference
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, new_episode, new_patient


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def test_print_a_named_and_an_anonymous_copy(qtbot: QtBot, session: Session,
                                             tmp_path: Path) -> None:
    pid = new_patient(session)
    eid = new_episode(session, pid)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    button = record.paper_button
    assert button.isEnabled()
    menu = button.menu()
    assert menu is not None and len(menu.actions()) == 4
    assert record.paper_target() == (pid, eid, "A1")  # the next assessment to do
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()][1] == (
        "Assessment 1: named copy (name, date of birth, NHS number)…")
    reference = paper_reference(session, eid, "A1")
    for named, name in ((False, "anonymous.pdf"), (True, "named.pdf")):
        button.write(tmp_path / name, named=named, large=False)
        op = button.operation
        assert op is not None
        qtbot.waitUntil(lambda op=op: not op.running, timeout=60_000)  # type: ignore[misc]
        assert "saved where you chose" in record.message.plain_text()
        assert button.isEnabled()
        text = " ".join(PdfReader(io.BytesIO((tmp_path / name).read_bytes()))
                        .pages[0].extract_text().split())
        assert reference in text
        assert ("Edith Pemberton" in text) is named
    prints = audit_repo.entries(session._db, action="questionnaire.print")
    assert sorted('"named":true' in e.detail for e in prints) == [False, True]


def test_an_unwritable_place_says_so(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    pid = new_patient(session)
    new_episode(session, pid)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    blocker = tmp_path / "a file"
    blocker.write_bytes(b"")
    record.paper_button.write(blocker / "q.pdf", named=False, large=True)
    op = record.paper_button.operation
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    assert "could not be written" in record.message.plain_text()
    assert record.paper_button.isEnabled()
