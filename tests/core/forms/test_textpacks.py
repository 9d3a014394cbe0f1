"""Text packs: placeholders for licensed instruments, installing a licensed pack, pseudo-locale,
and a guard that no licensed wording or picture ever enters the repository."""

from __future__ import annotations

import argparse
import hashlib
import io
import re
from pathlib import Path

import pytest
import yaml

from crdesk.cli.forms import run_install_text
from crdesk.core.forms import FormLoadError, FormSession, TextCatalog, install_text_pack
from crdesk.core.forms.model import Form
from crdesk.core.forms.text_usage import text_keys
from crdesk.core.forms.textpacks import PLACEHOLDER_MARK, pseudo_localise, read_pack
from crdesk.paths import BaseDir
from tests.core.forms.conftest import FORMS_DIR, write_pack

REPO = FORMS_DIR.parent
NGRAM = 6
LICENSED = {
    line.strip()
    for line in (Path(__file__).with_name("licensed_ngrams.txt")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
}


def ngram_hashes(text: str) -> set[str]:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return {
        hashlib.sha256(" ".join(words[i : i + NGRAM]).encode()).hexdigest()[:24]
        for i in range(len(words) - NGRAM + 1)
    }


def repository_text_files() -> list[Path]:
    roots = [REPO / "forms", REPO / "crdesk", REPO / "docs", REPO / "resources", REPO / "tests"]
    suffixes = {".py", ".yaml", ".yml", ".json", ".md", ".txt", ".ts", ".qss"}
    return [
        p
        for root in roots
        if root.is_dir()
        for p in root.rglob("*")
        if p.suffix in suffixes and p.is_file()
    ]


def test_the_scanner_finds_a_phrase_it_was_given() -> None:
    phrase = "the quick brown fox jumps over the lazy dog"
    known = ngram_hashes(phrase)
    assert ngram_hashes("Notes: The QUICK brown fox, jumps over the lazy dog!") & known
    assert not ngram_hashes("the quick brown cat jumps over a lazy dog") & known


def test_no_licensed_wording_in_the_repository() -> None:
    assert len(LICENSED) > 100
    files = repository_text_files()
    assert any(p.name == "nacr_patient.yaml" for p in files)
    offending = [
        str(p.relative_to(REPO))
        for p in files
        if ngram_hashes(p.read_text(errors="ignore")) & LICENSED
    ]
    assert offending == []


def test_no_pictures_ship_with_the_forms() -> None:
    pictures = [
        p
        for p in FORMS_DIR.rglob("*")
        if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".svg", ".bmp"}
    ]
    assert pictures == []


@pytest.mark.parametrize("namespace", ["hads", "coop"])
def test_placeholder_packs_cover_every_licensed_key(
    patient_form: Form, texts: TextCatalog, namespace: str
) -> None:
    pack, problems = read_pack(FORMS_DIR / "text" / "en-GB" / f"{namespace}.yaml")
    assert problems == [] and pack is not None
    assert pack.placeholder is True
    used = {k for k in text_keys(patient_form) if k.startswith(namespace + ".")}
    assert used and used <= set(pack.texts)
    assert all(PLACEHOLDER_MARK in text for text in pack.texts.values())
    assert texts.is_placeholder(namespace)
    assert texts.image(f"{namespace}.pain.1") is None


def test_pseudo_locale_is_longer_accented_and_keeps_placeholders(texts: TextCatalog) -> None:
    assert pseudo_localise("Weight") == "[Ŵéîĝĥţ·]"
    out = pseudo_localise("This date cannot be before {date}.")
    assert "{date}" in out and out.startswith("[") and out.endswith("]")
    pseudo = TextCatalog.from_dirs([FORMS_DIR / "text"], "en-XA")
    for namespace in ("engine", "nacr", "staff", "phq9"):
        for key, original in texts.packs[namespace][0].texts.items():
            shown = pseudo.text(key)
            assert len(shown) >= 1.4 * len(original), key
            assert shown != original
    assert pseudo.text("engine.msg.date_too_early", date="1 May").count("1 May") == 1


def licensed_pack(
    tmp_path: Path, patient_form: Form, namespace: str = "hads", **changes: object
) -> Path:
    keys = sorted(k for k in text_keys(patient_form) if k.startswith(namespace + "."))
    texts = {k: f"Licensed wording for {k}" for k in keys}
    return write_pack(
        tmp_path / "supplier", namespace, texts, licence="Licensed to Test Clinic", **changes
    )


def test_install_a_licensed_pack_replaces_the_placeholder(
    tmp_path: Path, patient_form: Form
) -> None:
    target = tmp_path / "basedir" / "text"
    installed = install_text_pack(licensed_pack(tmp_path, patient_form), target, None, None)
    assert installed == target / "en-GB" / "hads" / "pack.yaml"
    catalog = TextCatalog.from_dirs([FORMS_DIR / "text", target])
    assert catalog.resolve("hads.q1.label").text == "Licensed wording for hads.q1.label"
    assert not catalog.is_placeholder("hads")
    session = FormSession(patient_form, {"hads_1": 3}, {"assessment": "A2"}, catalog)
    row = next(r for r in session.summary() if r.question_id == "hads_1")
    assert (row.label, row.answer, row.placeholder) == (
        "Licensed wording for hads.q1.label",
        "Licensed wording for hads.q1.a3",
        False,
    )


def test_install_with_pictures(tmp_path: Path, patient_form: Form) -> None:
    (tmp_path / "supplier" / "img").mkdir(parents=True)
    (tmp_path / "supplier" / "img" / "pain1.png").write_bytes(b"\x89PNG fake")
    pack = licensed_pack(tmp_path, patient_form, "coop", images={"coop.pain.1": "img/pain1.png"})
    target = tmp_path / "text"
    install_text_pack(pack, target)
    catalog = TextCatalog.from_dirs([FORMS_DIR / "text", target])
    image = catalog.image("coop.pain.1")
    assert image is not None and image.read_bytes() == b"\x89PNG fake"


def test_the_cli_needs_an_admin_to_install(tmp_path: Path, patient_form: Form) -> None:
    # Installing changes what patients read: an admin's act (tests/security/test_text_packs.py
    # installs one as an admin into a real clinic).
    out = io.StringIO()
    basedir = BaseDir(tmp_path / "clinic")
    code = run_install_text(
        argparse.Namespace(pack=licensed_pack(tmp_path, patient_form)), basedir, out
    )
    assert code == 1, out.getvalue()
    assert "needs an admin" in out.getvalue()
    assert not (basedir.root / "text").exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("placeholder", "placeholder pack"),
        ("incomplete", "texts the forms need are missing"),
        ("params", "{placeholders} differ"),
        ("outside", "outside namespace"),
        ("escape", "leaves the pack folder"),
        ("syntax", "YAML syntax"),
    ],
)
def test_install_refuses_a_bad_pack(
    tmp_path: Path, patient_form: Form, change: str, reason: str
) -> None:
    pack = licensed_pack(tmp_path, patient_form)
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    if change == "placeholder":
        data["placeholder"] = True
        data["texts"] = {k: f"{v} {PLACEHOLDER_MARK}" for k, v in data["texts"].items()}
    elif change == "incomplete":
        del data["texts"]["hads.q7.label"]
    elif change == "outside":
        data["texts"]["nacr.title"] = "Hijacked title"
    elif change == "escape":
        data["images"] = {"hads.logo": "../../etc/passwd"}
    pack.write_text(yaml.safe_dump(data), encoding="utf-8")
    if change == "params":
        data = {
            **data,
            "namespace": "engine",
            "texts": {"engine.msg.date_too_early": "Too early: {when}"},
        }
        pack.write_text(yaml.safe_dump(data), encoding="utf-8")
    if change == "syntax":
        pack.write_text("texts: [unclosed\n", encoding="utf-8")
    out = io.StringIO()
    code = run_install_text(argparse.Namespace(pack=pack), BaseDir(tmp_path / "clinic"), out)
    assert code == 1
    assert reason in out.getvalue()
    assert "The pack was not installed." in out.getvalue()
    assert not (tmp_path / "clinic" / "text").exists()
    with pytest.raises(FormLoadError):
        install_text_pack(
            pack,
            tmp_path / "direct",
            {"hads": {"hads.q7.label"}},
            TextCatalog.from_dirs([FORMS_DIR / "text"]),
        )


def test_a_placeholder_must_say_so(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "hads", {"hads.q1.label": "Some words"}, placeholder=True)
    _pack, problems = read_pack(path)
    assert any("does not say the licensed text is missing" in p.reason for p in problems)
    expected = path.read_text().splitlines().index("  hads.q1.label: Some words") + 1
    assert problems[0].line == expected


def test_missing_keys_never_crash_the_screen() -> None:
    catalog = TextCatalog([], "en-GB")
    resolved = catalog.resolve("nacr.nothing")
    assert (resolved.text, resolved.missing) == ("[nacr.nothing]", True)
