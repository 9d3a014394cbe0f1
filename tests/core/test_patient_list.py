"""Patient search: name, NHS number with or without spaces, hospital number, status."""

from __future__ import annotations

import datetime as dt

from crdesk.core import care_status as cs
from crdesk.core.patient_list import PatientIndex, PatientSummary

ROWS = [
    PatientSummary(1, "9434765919", "H001", "Pemberton", "Edith", "1950-03-14", False),
    PatientSummary(2, "6716689966", "RX-77", "Patel", "Sanjay", "1961-07-01", True,
                   episode_id=5, assessments={"A1": {"done_date": "2026-05-01"}},
                   programme_start="2026-05-05"),
    PatientSummary(3, "", "H002", "Oldroyd", "Peter", "1944-01-02", False, episode_id=6,
                   outcome="declined"),
]


def ids(index: PatientIndex, text: str, status: str = "") -> list[int]:
    return sorted(index.rows[i].id for i in index.filter(text, status))


def test_search_by_name_words_nhs_and_hospital_number() -> None:
    index = PatientIndex(ROWS, dt.date(2026, 6, 1))
    assert ids(index, "pe") == [1, 3]
    assert ids(index, "PETER old") == [3]
    assert ids(index, "943 476 5919") == [1]
    assert ids(index, "9434765919") == [1]
    assert ids(index, "943-476") == [1]
    assert ids(index, "rx-77") == [2]
    assert ids(index, "002") == [3]
    assert ids(index, "") == [1, 2, 3]


def test_status_filter_and_opt_out() -> None:
    index = PatientIndex(ROWS, dt.date(2026, 6, 1))
    assert ids(index, "", cs.IN_PROGRAMME) == [2]
    assert ids(index, "", cs.DECLINED) == [3]
    assert ids(index, "", cs.OPTED_OUT) == [2]
    assert ids(index, "", cs.REFERRED) == [1]


def test_typing_more_narrows_and_deleting_widens() -> None:
    index = PatientIndex(ROWS, dt.date(2026, 6, 1))
    assert ids(index, "p") == [1, 2, 3]
    assert ids(index, "pa") == [2]
    assert ids(index, "p") == [1, 2, 3], "backspace searches everything again"
    assert ids(index, "pe", cs.DECLINED) == [3]


def test_sort_keys() -> None:
    index = PatientIndex(ROWS, dt.date(2026, 6, 1))
    keys = index.sort_key(0)
    assert sorted(range(3), key=keys.__getitem__) == [2, 1, 0]
