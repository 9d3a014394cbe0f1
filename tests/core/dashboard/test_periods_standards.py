"""Periods (inclusive boundaries) and the standards files' checks."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from crdesk.core.dashboard import standards as st
from crdesk.core.dashboard.periods import (
    PeriodError,
    default_period,
    financial_year,
    parse_period,
    quarter,
    rolling_12_months,
)

D = dt.date


def test_periods() -> None:
    fy = financial_year(2026)
    assert (fy.start, fy.end, fy.label) == (D(2026, 4, 1), D(2027, 3, 31),
                                            "Financial year 2026/27")
    assert fy.contains(D(2026, 4, 1)) and fy.contains(D(2027, 3, 31))
    assert not fy.contains(D(2026, 3, 31)) and not fy.contains(None)
    assert (quarter(2026, 4).start, quarter(2026, 4).end) == (D(2027, 1, 1), D(2027, 3, 31))
    r = rolling_12_months(D(2026, 12, 15))
    assert (r.start, r.end) == (D(2025, 12, 1), D(2026, 11, 30)) and len(r.months()) == 12
    assert default_period(D(2026, 12, 1)).end == D(2026, 12, 1)
    assert parse_period("2026-04-01..2027-03-31") == financial_year(2026).__class__(
        D(2026, 4, 1), D(2027, 3, 31), "01 Apr 2026 to 31 Mar 2027")
    assert parse_period("fy2026q2").start == D(2026, 7, 1)


@pytest.mark.parametrize(("text", "words"), [
    ("2027-03-31..2026-04-01", "before it starts"), ("", "empty"),
    ("2026-04-01", "not a period"), ("2026-04-01..", "not a period"),
    ("2026-13-01..2027-01-01", "YYYY-MM-DD"), ("fyxx", "financial year")])
def test_bad_periods(text: str, words: str) -> None:
    with pytest.raises(PeriodError, match=words):
        parse_period(text)


def test_the_shipped_standards_files_load() -> None:
    ncp = st.load_ncp_cr()
    assert ncp.edition == "ncp_cr-2018" and len(ncp.kpis) == 7
    for k in ncp.kpis:
        assert k.source_url.startswith("http")
        assert set(k.thresholds) == set(st.NATIONS)
    assert ncp.kpi("kpi7").thresholds["england"] is None  # not found: "threshold not set"
    assert ncp.kpi("kpi4").thresholds == {"england": 80, "wales": 68, "northern_ireland": 88}
    assert ncp.priority_group("mi_nstemi", "cabg") == "cabg"
    assert ncp.priority_group("mi_stemi", "staged_pci") == "mi_pci"
    assert ncp.priority_group("valve_disease", "valve_aortic") == "other"
    assert st.load_spc().shift_points == 7 and st.load_spc().limit_factor == 2.66
    assert st.load_disclosure().suppress_to == 7
    eq = st.load_equity()
    assert [eq.ethnic_group(c) for c in "ADHMRZ"] == [
        "White", "Mixed", "Asian or Asian British", "Black or Black British",
        "Other ethnic groups", "Not stated"]
    assert eq.ethnic_group("99") == "Not known" and eq.ethnic_group(None) == "Not known"
    dep = st.load_deprivation()
    assert dep["england"].decile_of_rank(1) == 1 and dep["england"].decile_of_rank(32844) == 10
    # 1909 areas: a tenth is 190.9 ranks, so 190 is the last of decile 1
    assert dep["wales"].decile_of_rank(190) == 1 and dep["wales"].decile_of_rank(191) == 2


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    shutil.copytree(st.standards_dir(), tmp_path / "s")
    p = tmp_path / "s" / name
    text = p.read_text()
    assert old in text
    p.write_text(text.replace(old, new, 1))
    return tmp_path / "s"


@pytest.mark.parametrize(("old", "new", "words"), [
    ("format_version: 1", "format_version: 2", "format_version 2"),
    ("comparison: \">=\"", "comparison: \"=>\"", "comparison must be"),
    ("england: 46,", "england: yes,", "thresholds: 'england' must not be true/false"),
    ("source: bacpr\n", "source: nowhere\n", "source 'nowhere'"),
    ("  - id: kpi7", "  - id: kpi8\n    number: 8\n    title: x\n    kind: a2_share\n"
     "    comparison: \">=\"\n    thresholds: {}\n    unit: x\n    source: bacpr\n  - id: kpi7",
     "KPIs 1 to 7"),
    ("kind: a1_share", "kind: guess", "kind 'guess'"),
    ("group: cabg", "group: cabbage", "unknown priority group"),
])
def test_a_broken_ncp_cr_file_names_file_and_key(tmp_path: Path, old: str, new: str,
                                                  words: str) -> None:
    folder = _broken(tmp_path, "ncp_cr-2018.yaml", old, new)
    with pytest.raises(st.StandardsError) as e:
        st.load_ncp_cr(folder=folder)
    assert "ncp_cr-2018.yaml" in str(e.value)
    assert words in str(e.value)


def test_other_broken_files(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "disclosure-nhs-digital-2018.yaml", "suppress_to: 7",
                     "suppress_to: 0")
    with pytest.raises(st.StandardsError, match="suppress_from"):
        st.load_disclosure(folder)
    folder = _broken(tmp_path / "b", "equity-groups.yaml", "codes: [D, E, F, G]",
                     "codes: [A, E, F, G]")
    with pytest.raises(st.StandardsError, match="more than one group"):
        st.load_equity(folder)
    folder = _broken(tmp_path / "c", "spc-making-data-count.yaml", "shift_points: 7",
                     "shift_points: seven")
    with pytest.raises(st.StandardsError, match="shift_points"):
        st.load_spc(folder)
    with pytest.raises(st.StandardsError, match="no standards file"):
        st.load_ncp_cr("ncp_cr-1999")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "spc-making-data-count.yaml").write_text("format: [unclosed\n")
    with pytest.raises(st.StandardsError, match="not valid YAML"):
        st.load_spc(tmp_path / "d")
