"""FormRegistry.from_dir parses a folder once per content (issue 15): an unchanged folder
is not parsed again, and any change to a form file is read at once (never a stale form)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crdesk.core.forms import loader
from crdesk.core.forms.loader import FormRegistry, default_forms_dir
from crdesk.core.forms.problems import FormLoadError


def _copy_forms(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    shutil.copytree(default_forms_dir(), folder)
    return folder


def test_an_unchanged_folder_is_parsed_once(tmp_path: Path, monkeypatch: object) -> None:
    folder = _copy_forms(tmp_path)
    parses = []
    real = loader.check_paths

    def counting(*args: object, **kw: object) -> object:
        parses.append(1)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "check_paths", counting)  # type: ignore[attr-defined]
    first, second = FormRegistry.from_dir(folder), FormRegistry.from_dir(folder)
    assert len(parses) == 1
    assert [f.key for f in first] == [f.key for f in second]
    assert first is not second  # each caller has its own registry of the frozen forms


def test_an_edited_form_is_read_again_never_served_from_the_cache(tmp_path: Path) -> None:
    folder = _copy_forms(tmp_path)
    before = FormRegistry.from_dir(folder)
    assert before.get("gad7").version == 2
    path = folder / "gad7.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nversion: 2\n" in text
    # A version without its history entry: the edited folder is checked again and refused,
    # where a stale cache would have handed back the good forms.
    path.write_text(text.replace("\nversion: 2\n", "\nversion: 3\n", 1), encoding="utf-8")
    with pytest.raises(FormLoadError, match="history.versions"):
        FormRegistry.from_dir(folder)
    path.write_text(text, encoding="utf-8")
    assert FormRegistry.from_dir(folder).get("gad7").version == 2
