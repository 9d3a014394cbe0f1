"""``crdesk forms print``, run as a real process: a blank questionnaire PDF, never over an
existing file, and plain messages for a missing language pack or an unknown form."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_cli import crdesk


def test_prints_a_blank_questionnaire(tmp_path: Path) -> None:
    out = tmp_path / "a2.pdf"
    r = crdesk(tmp_path / "clinic", "forms", "print", "nacr_patient", "--assessment", "2",
               "--large", "--clinic", "Leeds CR", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "in large print" in r.stdout and str(out) in r.stdout
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Leeds CR" in first and "Assessment 2" in first and "Large print" in first
    assert not (tmp_path / "clinic").exists(), "a blank copy needs no clinic files"


def test_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"mine")
    r = crdesk(tmp_path, "forms", "print", "phq9", "--assessment", "1", "--out", str(out))
    assert r.returncode == 1 and "already exists" in r.stderr
    assert out.read_bytes() == b"mine"


def test_a_missing_language_pack_is_named(tmp_path: Path) -> None:
    out = tmp_path / "cy.pdf"
    r = crdesk(tmp_path, "forms", "print", "phq9", "--assessment", "1", "--lang", "cy-GB",
               "--out", str(out))
    assert r.returncode == 1
    assert "'phq9'" in r.stderr and "not installed for cy-GB" in r.stderr
    assert "crdesk forms install-text" in r.stderr
    assert "Traceback" not in r.stderr and not out.exists()


def test_only_patient_questionnaires(tmp_path: Path) -> None:
    for form in ("nacr_clinical", "no_such_form"):
        r = crdesk(tmp_path, "forms", "print", form, "--assessment", "1", "--out",
                   str(tmp_path / "x.pdf"))
        assert r.returncode == 1 and "no patient questionnaire called" in r.stderr, form
        assert "nacr_patient" in r.stderr and "phq9" in r.stderr
    assert not (tmp_path / "x.pdf").exists()
