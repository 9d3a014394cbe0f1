"""Issue 12: a text pack changes the wording patients read, so only an admin installs one,
under the clinic lock, in one swap, audited with the items whose wording changes."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from crdesk.cli.forms import run_install_text
from crdesk.core.forms import FormRegistry, TextCatalog, default_forms_dir, text_dir
from crdesk.core.forms.text_usage import text_keys
from crdesk.errors import DatabaseInUseError, PermissionDeniedError
from crdesk.paths import BaseDir
from crdesk.services import text_packs
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.conftest import ADMIN_PASSWORD
from tests.core.forms.conftest import write_pack


def _hads_pack(tmp_path: Path, wording: str = "Licensed wording for") -> Path:
    form = FormRegistry.from_dir(default_forms_dir()).get("nacr_patient")
    keys = sorted(k for k in text_keys(form) if k.startswith("hads."))
    return write_pack(tmp_path / "supplier", "hads", {k: f"{wording} {k}" for k in keys},
                      licence="Licensed to Test Clinic")


def test_staff_cannot_install_a_text_pack(staff: Session, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError, match="Only an admin"):
        text_packs.install(staff, _hads_pack(tmp_path))
    assert not text_packs.installed_text_dir(staff).exists()


def test_an_admin_installs_with_an_audited_summary(admin: Session, tmp_path: Path) -> None:
    done = text_packs.install(admin, _hads_pack(tmp_path))
    assert "hads.q1" in done.changed_items
    catalog = TextCatalog.from_dirs([text_dir(default_forms_dir()),
                                     text_packs.installed_text_dir(admin)])
    assert catalog.text("hads.q1.label") == "Licensed wording for hads.q1.label"
    entry = audit_repo.entries(admin._db, action="forms.install_text")[0]
    detail = json.loads(entry.detail)
    assert entry.actor == "admin" and entry.entity_id == "en-GB/hads"
    assert detail["items_changed"] == len(done.changed_items) and "hads.q1" in detail["items"]
    # The same pack again changes nothing, and says so; a new wording names what changed.
    again = text_packs.install(admin, _hads_pack(tmp_path))
    assert again.changed_items == []
    (tmp_path / "supplier" / "hads.yaml").unlink()
    changed = text_packs.install(admin, _hads_pack(tmp_path, "Revised wording for"))
    assert "hads.q1" in changed.changed_items
    installed = text_packs.installed_text_dir(admin) / "en-GB"
    assert sorted(p.name for p in installed.iterdir()) == ["hads"]  # no staging left behind


def test_the_cli_installs_as_an_admin_under_the_lock(clinic_dir: BaseDir, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pack = _hads_pack(tmp_path)
    args = argparse.Namespace(pack=pack, user="admin", password_stdin=True)
    with ClinicHome.open(clinic_dir):  # another crdesk holds the clinic: refused
        monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ADMIN_PASSWORD}\n"))
        with pytest.raises(DatabaseInUseError):
            run_install_text(args, clinic_dir, io.StringIO())
    assert not (clinic_dir.root / "text").exists()
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{ADMIN_PASSWORD}\n"))
    assert run_install_text(args, clinic_dir, out) == 0, out.getvalue()
    assert "Wording changes for" in out.getvalue() and "hads.q1" in out.getvalue()
    assert (clinic_dir.root / "text" / "en-GB" / "hads" / "pack.yaml").is_file()
