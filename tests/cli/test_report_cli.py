"""`crdesk report service` on a demo clinic, and its bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PW = "demo-cli-passphrase"
ROOT = Path(__file__).resolve().parents[2]


def crdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crdesk", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("reportcli") / "clinic"
    r = crdesk("--basedir", str(d), "demo", "--patients", "40", "--password-stdin",
               stdin=f"{PW}\n")
    assert r.returncode == 0, r.stderr
    return d


def report(demo: Path, out: Path, *extra: str, period: str = "2025-12-01..2026-12-31",
           user: str = "staff") -> subprocess.CompletedProcess[str]:
    return crdesk("--basedir", str(demo), "report", "service", "--period", period,
                  "--out", str(out), "--user", user, "--password-stdin", *extra,
                  stdin=f"{PW}\n")


def test_json_on_a_demo_clinic(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    r = report(demo, out, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "exact figures" in r.stdout.lower() and "Written to" in r.stdout
    body = json.loads(out.read_text())
    assert body["format"] == "crdesk-service-report" and body["format_version"] == 1
    assert body["standards_edition"] == "ncp_cr-2018"
    assert body["disclosure_rule"] == "disclosure-nhs-digital-2018"
    assert body["period"] == {"label": "01 Dec 2025 to 31 Dec 2026", "start": "2025-12-01",
                              "end": "2026-12-31", "boundaries": "inclusive"}
    exact = {t["id"]: t for t in body["exact"]["tables"]}
    shared = {t["id"]: t for t in body["suppressed"]["tables"]}
    assert exact.keys() == shared.keys() and "kpis" in exact and "equity_sex" in exact
    referred = exact["cohort"]["rows"][0][1]
    assert isinstance(referred, int) and referred > 0
    assert shared["cohort"]["rows"][0][1] in ("*", 5 * round(referred / 5))
    shared_only = tmp_path / "shared.json"
    assert report(demo, shared_only, "--format", "json", "--share").returncode == 0
    body = json.loads(shared_only.read_text())
    assert "exact" not in body and body["marked_for_sharing"] is True


def test_csv_and_pdf(demo: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "pdf"):
        out = tmp_path / f"report.{fmt}"
        r = report(demo, out, "--format", fmt, user="admin")
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 1000


@pytest.mark.parametrize(("period", "words"), [
    ("2027-03-31..2026-04-01", "before it starts"),
    ("..", "not a period"),
    ("2026-04-01", "not a period")])
def test_inverted_or_empty_period(demo: Path, tmp_path: Path, period: str, words: str) -> None:
    out = tmp_path / "x.json"
    r = report(demo, out, "--format", "json", period=period)
    assert r.returncode != 0 and words in r.stderr and not out.exists()


def test_a_period_with_no_patients_and_no_overwrite(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.json"
    r = report(demo, out, "--format", "json", period="2010-04-01..2011-03-31")
    assert r.returncode == 0, r.stderr
    assert "no patients in this period" in r.stdout
    body = json.loads(out.read_text())
    assert body["exact"]["cohort"] == ["No patients in this period."]
    again = report(demo, out, "--format", "json", period="2010-04-01..2011-03-31")
    assert again.returncode != 0 and "already exists" in again.stderr
    bad = report(demo, tmp_path / "s.csv", "--format", "csv", "--share")
    assert bad.returncode != 0 and "--share is for JSON" in bad.stderr
