"""Issue 15: the patient list at 200,000 patients reads compact rows (two texts a patient,
one query) and the episodes' states a screenful at a time until the background read of
them all arrives. Every cell, every filter and every sort must be what the full
summaries gave: a wrong status or due date beside a name is a clinical-safety fault."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from crdesk.core import care_status as cs
from crdesk.core.dashboard.worklist import episode_items
from crdesk.core.patient_list import (
    COLUMNS,
    NextAction,
    PatientIndex,
    PatientRows,
    PatientSummary,
    _action,
    next_action,
    open_episode,
)
from crdesk.core.patient_rows import search_keys
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.gui.main_window import MainWindow, PageFrame
from crdesk.gui.operations import wait_for_all
from crdesk.gui.pages import install_pages
from crdesk.gui.staff.patient_model import PatientListModel
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.patients import PatientService
from crdesk.services.session import Session
from crdesk.storage import patients_repo

PW = "compact list passphrase"
TODAY = dt.date(2026, 6, 1)
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
         Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole)


@pytest.fixture
def demo(home: ClinicHome) -> Iterator[Session]:
    make_demo(home, patients=60, password=PW, cost=TEST_COST, variants=12)
    s = access.unlock(home, "admin", PW)
    yield s
    s.close()


def cells(model: PatientListModel) -> dict[int, list[object]]:
    """patient id -> every column's value in every role the view asks for."""
    out = {}
    for r in range(model.rowCount()):
        values: list[object] = []
        for c in range(len(COLUMNS)):
            for role in ROLES:
                v = model.data(model.index(r, c), role)
                values.append(v.bold() if hasattr(v, "bold") else
                              v.color().name() if hasattr(v, "color") else v)
        out[model.summary(r).id] = values
    return out


def shown_ids(model: PatientListModel) -> list[int]:
    return [model.summary(r).id for r in range(model.rowCount())]


def test_compact_rows_show_filter_and_sort_as_the_full_summaries(qtbot: QtBot,
                                                                 demo: Session) -> None:
    db = demo._db
    full = patients_repo.list_summaries(db)
    fetched: list[Sequence[int] | None] = []

    def fetch(ids: Sequence[int] | None) -> dict[int, str]:
        fetched.append(ids)
        return patients_repo.list_states(db, ids)

    compact = patients_repo.list_rows(db, fetch)
    assert sorted(compact.ids) == sorted(r.id for r in full)
    statuses = {cs.status(r.outcome, r.programme_start, r.programme_end, r.assessments, TODAY)
                if r.episode_id is not None else cs.REFERRED for r in full}
    assert len(statuses) >= 4, "the demo clinic should show a mix of statuses"

    old, new = PatientListModel(), PatientListModel()
    old.load(full, TODAY)
    new.load(compact, TODAY)
    assert cells(new) == cells(old)
    # The cells on screen read their states a few at a time, never all of them.
    assert fetched and None not in fetched
    for sort in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            old.sort(sort, order)
            new.sort(sort, order)
            if sort >= 5:  # next action and due: ties fall by name either way; cells agree
                tail = 5 * len(ROLES)  # the next action and due columns
                assert [cells(old)[i][tail:] for i in shown_ids(old)] == \
                       [cells(new)[i][tail:] for i in shown_ids(new)]
            elif sort != 0:
                keys = PatientIndex(full, TODAY).sort_key(sort)
                by_id = dict(zip((r.id for r in full), keys, strict=True))
                assert [by_id[i] for i in shown_ids(new)] == [by_id[i] for i in shown_ids(old)]
    old.sort(0, Qt.SortOrder.AscendingOrder)
    new.sort(0, Qt.SortOrder.AscendingOrder)
    for text in ("", "a", "an", "e", "smi", "DEMO1000", "999", "0 1", "zzz"):
        for status in ("", cs.COMPLETED, cs.AWAITING_A1, cs.REFERRED, cs.OPTED_OUT):
            old.set_filter(text, status)
            new.set_filter(text, status)
            assert sorted(shown_ids(new)) == sorted(shown_ids(old)), (text, status)


def test_background_states_match_the_rows_read_on_screen(qtbot: QtBot, demo: Session) -> None:
    page = PatientsPage(demo, today=TODAY)
    qtbot.addWidget(page)
    page.reload_list()
    rows = page.list.model.index_.rows
    assert isinstance(rows, PatientRows)
    wait_for_all()
    qtbot.waitUntil(lambda: rows.complete)
    index = page.list.model.index_
    full = {r.id: r for r in PatientService(demo, TODAY).summaries()}
    assert index.statuses == [full[i].status(TODAY) for i in rows.ids]
    page.list.status.setCurrentIndex(page.list.status.findData(cs.COMPLETED))
    assert {page.list.model.summary(r).id for r in range(page.list.model.rowCount())} == {
        i for i, r in full.items() if r.status(TODAY) == cs.COMPLETED}


def test_search_keys_stay_aligned_with_their_rows() -> None:
    odd = ["Ó'Brien\x01Siân\x1fH1\x1f", "Line\nbreak\x01X\x1fH2\x1f", "İz\x01A\x1fH3\x1f"]
    keys = search_keys(odd)
    assert len(keys) == 3 and keys[1].startswith("line\nbreak") and keys[2].endswith("h3\x1f")
    rows = [PatientSummary(1, "", "H1", "Ó'Brien", "Siân", "1950-01-01", False),
            PatientSummary(2, "", "H2", "de la Cruz", "Ann", "1950-01-01", False),
            PatientSummary(3, "", "H3", "de", "Zed", "1950-01-01", False)]
    index = PatientIndex(rows, TODAY)
    assert [index.rows[i].id for i in index.filter("ó")] == [1]
    assert [index.rows[i].id for i in index.filter("SIÂN")] == [1]
    # Sorted as (family, given): "de" before "de la Cruz" whatever the given names.
    assert [rows[i].id for i in index.sorted_rows(0)] == [3, 2, 1]


def test_only_home_is_built_at_sign_in(qtbot: QtBot, demo: Session) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    install_pages(window, demo)
    assert window.current_page() is window.page("home")
    frame = window.pages.widget(window.page_keys().index("patients"))
    assert isinstance(frame, PageFrame)
    assert not isinstance(frame.page(), PatientsPage)  # the stand-in
    window.show_page("patients")
    assert isinstance(window.current_page(), PatientsPage)
    assert window.page("patients") is window.current_page() is frame.page()
    assert window.current_page_key() == "patients"
    assert len({window.page(k) for k in window.page_keys()}) == window.pages.count()
    wait_for_all()


def _reference_next_action(row: PatientSummary, today: dt.date) -> NextAction:
    """The list's next action as it was first written: through the worklist's items."""
    if row.episode_id is None:
        return next_action(row, today)
    items = episode_items(open_episode(row), today, {})
    if items:
        item = min(items, key=lambda i: i.due or dt.date.max)
        return _action(item.group, item.due, item.days_left, today)
    return next_action(row, today)  # no window shows: the same fall-back code


def test_next_action_without_items_is_the_worklist_rule(demo: Session) -> None:
    """next_action takes the worklist's windows without making its items (for speed): on
    every demo patient, on days across two years, it says what the items said."""
    rows = patients_repo.list_summaries(demo._db)
    seen = set()
    for step in range(0, 730, 9):
        today = dt.date(2025, 1, 1) + dt.timedelta(days=step)
        for row in rows:
            got = next_action(row, today)
            assert got == _reference_next_action(row, today), (row.id, today)
            seen.add(got.text.split(";")[0])
    assert {"Assessment 1", "Assessment 2", "Assessment 3 (12 months)"} <= seen
