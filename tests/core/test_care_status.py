"""Patient status and NACR assessment windows."""

from __future__ import annotations

import datetime as dt

from crdesk.core import care_status as cs

TODAY = dt.date(2026, 6, 1)


def test_status_follows_outcome_then_assessments() -> None:
    assert cs.status(None, None, None, {}, TODAY) == cs.REFERRED
    assert cs.status(None, None, None, {"A1": {"due_date": "2026-06-10"}}, TODAY) \
        == cs.AWAITING_A1
    a1 = {"A1": {"done_date": "2026-05-01"}}
    assert cs.status(None, "2026-05-05", None, a1, TODAY) == cs.IN_PROGRAMME
    assert cs.status(None, "2026-02-05", None, {"A1": {"done_date": "2026-02-01"}}, TODAY) \
        == cs.AWAITING_A2
    assert cs.status(None, None, None, {**a1, "A2": {"done_date": "2026-05-30"}}, TODAY) \
        == cs.COMPLETED
    assert cs.status("declined", None, None, {}, TODAY) == cs.DECLINED
    assert cs.status("did_not_attend", None, None, {}, TODAY) == cs.DID_NOT_ATTEND
    assert cs.status("withdrew", None, None, a1, TODAY) == cs.STOPPED


def test_a2_more_than_20_weeks_after_a1_is_flagged() -> None:
    dates = {"A1": {"done_date": "2026-01-05"}, "A2": {"done_date": "2026-06-01"}}
    a2 = cs.assessment_lines(dates, None, TODAY)[1]
    assert "21 weeks" in a2.warning and "NACR does not count" in a2.warning


def test_open_a2_window_warns_before_and_after_it_closes() -> None:
    closing = cs.assessment_lines({"A1": {"done_date": "2026-01-19"}}, None, TODAY)[1]
    assert "must be done by 08/06/2026" in closing.warning
    closed = cs.assessment_lines({"A1": {"done_date": "2025-12-01"}}, None, TODAY)[1]
    assert "closed on 20/04/2026" in closed.warning
    fine = cs.assessment_lines({"A1": {"done_date": "2026-05-01"}}, None, TODAY)
    assert [line.warning for line in fine] == ["", "", ""]
    assert fine[1].due == dt.date(2026, 7, 24)  # 12 weeks after A1


def test_a3_due_twelve_months_after_a1() -> None:
    lines = cs.assessment_lines({"A1": {"done_date": "2024-02-29"}}, None, TODAY)
    assert lines[2].due == dt.date(2025, 2, 28)
    assert "was due on 28/02/2025" in lines[2].warning
    assert cs.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert cs.next_assessment({"A1": {"done_date": "x"}}) == "A2"
