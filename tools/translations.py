"""``python -m tools.translations [--check]``: regenerate the staff screens' ``.ts`` sources.

Runs ``pyside6-lupdate`` over the staff interface (crdesk/gui without the kiosk, whose words
are a text pack) into ``resources/translations/crdesk_en_GB.ts`` (the template a translator
starts from) and ``crdesk_en_XA.ts``, whose every translation is the pseudo-localised source:
the same rule as the forms' en-XA (``crdesk.core.forms.textpacks.pseudo_localise``: accented,
bracketed, 40 % longer), with ``{slots}``, ``%`` codes and HTML tags kept intact. ``make
translations`` then builds the ``.qm`` files with ``pyside6-lrelease``. With ``--check`` nothing
is written: the exit status says whether the committed files are up to date.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from crdesk.core.forms.textpacks import pseudo_localise

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
# Kept as they are: {slots} for str.format, Qt's %n / %1 / %p% codes, HTML tags, entities.
_PROTECTED = re.compile(r"\{[^{}]*\}|%[0-9a-zA-Z%]|<[^<>]+>|&[a-z]+;")


def sources() -> list[Path]:
    gui = ROOT / "crdesk" / "gui"
    return sorted(p for p in gui.rglob("*.py") if "kiosk" not in p.relative_to(gui).parts)


def _slot(i: int) -> str:
    # A {slot} name pseudo_localise keeps as it is (lower-case letters only).
    return "{qt_" + "".join("abcdefghij"[int(d)] for d in str(i)) + "}"


def pseudo(text: str) -> str:
    kept: list[str] = []

    def hide(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return _slot(len(kept) - 1)

    out = pseudo_localise(_PROTECTED.sub(hide, text))
    for i, original in enumerate(kept):
        name = _slot(i)
        out = out.replace(name, original, 1)
    # At least 40 % longer than the text as written (the stand-in names may be shorter).
    short = math.ceil(len(text) * 1.4) - len(out)
    return out[:-1] + "·" * short + "]" if short > 0 else out


def lupdate(ts: Path, language: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations",
                    "none", "-source-language", "en_GB", "-target-language", language,
                    *files, "-ts", str(ts)], cwd=ROOT, check=True)


def fill_pseudo(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = pseudo(source)
        else:
            translation.text = pseudo(source)
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def generate(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for language in ("en_GB", "en_XA"):
        ts = folder / f"crdesk_{language}.ts"
        ts.unlink(missing_ok=True)  # from scratch: no stale or obsolete entries
        lupdate(ts, language)
        if language == "en_XA":
            fill_pseudo(ts)
        made.append(ts)
    return made


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        with tempfile.TemporaryDirectory() as tmp:
            stale = [p.name for p in generate(Path(tmp))
                     if not (OUT / p.name).is_file()
                     or (OUT / p.name).read_bytes() != p.read_bytes()]
        if stale:
            print("out of date: " + ", ".join(stale) + " (run python -m tools.translations)")
            return 1
        return 0
    if argv:
        print(__doc__)
        return 2
    for ts in generate(OUT):
        print(ts.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
