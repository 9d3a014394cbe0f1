"""The staff screens' translation sources: up to date with the code, and a sound pseudo-locale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from crdesk.gui import i18n
from tools.translations import main, pseudo


def test_the_ts_files_match_the_code() -> None:
    # A new or changed translate() string needs `python -m tools.translations`.
    assert main(["--check"]) == 0


@pytest.mark.parametrize("text", ["Showing {shown} of {total} patients", "{shown:,} of {total:,}",
                                  "{stage} %p%", "<b>{text}</b> done", "&Save changes"])
def test_pseudo_keeps_slots_codes_and_tags(text: str) -> None:
    out = pseudo(text)
    assert out.startswith("[") and out.endswith("]") and out != f"[{text}]"
    for kept in ("{shown}", "{total}", "{shown:,}", "{stage}", "%p%", "<b>", "</b>", "&"):
        assert (kept in out) == (kept in text)
    assert len(out) >= len(text) * 1.4


def test_language_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.chosen_language(None) == "en-GB"
    assert i18n.chosen_language("en-XA") == "en-XA"
    assert i18n.chosen_language("xx-YY") == "en-GB"  # unknown: the source language
    monkeypatch.setenv(i18n.ENV_VAR, "en-XA")
    assert i18n.chosen_language("en-GB") == "en-XA"


@pytest.mark.expected_log_warning(r"no translation file")
def test_a_missing_qm_falls_back_to_english(qapp: QCoreApplication,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda language: "/nonexistent/crdesk_en_XA.qm")
    assert not i18n.install_language(qapp, "en-XA")
    assert i18n.translate("LoginScreen", "Sign in") == "Sign in"
    assert not i18n.install_language(qapp, "en-GB")
