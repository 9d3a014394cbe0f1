"""Hostile form and text-pack files: refused with a message, nothing built, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from crdesk.core.forms import FormLoadError, install_text_pack
from crdesk.core.forms.expressions import ExpressionSyntaxError, parse
from crdesk.core.forms.model import Form
from crdesk.core.forms.textpacks import read_pack, safe_image_path
from crdesk.core.forms.yamldoc import YamlSyntaxError, parse_yaml, read_yaml_file
from tests.core.forms.test_textpacks import licensed_pack

# The classic "billion laughs": 513 bytes that expand to about 10^9 list items.
ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
       f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
       f"*{chr(97 + i)}]" for i in range(8)]
)


def test_the_alias_bomb_is_refused_before_anything_is_built() -> None:
    assert len(ALIAS_BOMB) < 700
    with pytest.raises(YamlSyntaxError, match="anchors and aliases") as err:
        parse_yaml(ALIAS_BOMB)
    assert err.value.line == 1


def test_a_single_alias_is_refused_too() -> None:
    with pytest.raises(YamlSyntaxError, match="anchors and aliases") as err:
        parse_yaml("id: x\nother: &name text\nagain: *name\n")
    assert err.value.line == 2


def test_deep_nesting_and_huge_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(YamlSyntaxError, match="nested more than"):
        parse_yaml("a: " + "[" * 100 + "]" * 100)
    big = tmp_path / "huge.yaml"
    with big.open("wb") as fh:
        fh.write(b"id: x\n")
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(YamlSyntaxError, match="larger than"):
        read_yaml_file(big)


def test_an_alias_bomb_text_pack_gets_a_message_and_installs_nothing(tmp_path: Path) -> None:
    pack = tmp_path / "bomb.yaml"
    pack.write_text(ALIAS_BOMB)
    loaded, problems = read_pack(pack)
    assert loaded is None and "anchors and aliases" in problems[0].reason
    target = tmp_path / "text"
    with pytest.raises(FormLoadError):
        install_text_pack(pack, target)
    assert not target.exists()


@pytest.mark.parametrize("source", [
    "(" * 500 + "1" + ")" * 500,
    "not " * 400 + "true",
    "-" * 400 + "1",
    "f(" * 200 + "1" + ")" * 200,
])
def test_deep_expressions_get_a_message_not_a_recursion_error(source: str) -> None:
    with pytest.raises(ExpressionSyntaxError, match="levels deep|longer than"):
        parse(source)


def test_huge_numbers_and_long_expressions_get_a_message() -> None:
    with pytest.raises(ExpressionSyntaxError, match="longer than"):
        parse("a > " + "9" * 5000)  # the 5000-digit literal once crashed `forms check`
    with pytest.raises(ExpressionSyntaxError, match="number longer"):
        parse("a > " + "9" * 60)
    with pytest.raises(ExpressionSyntaxError, match="longer than"):
        parse(" or ".join(["a == 1"] * 1000))
    assert parse("((a + 2) * 3) > 10 and not b") is not None  # ordinary ones still parse


@pytest.mark.parametrize("rel", ["..\\..\\keyslots.json", "../keyslots.json", "C:evil.png",
                                 "/etc/passwd", "img/../../x.png", "a/b/c.png", ".hidden.png",
                                 "img\\pain.png", "", "img//x.png"])
def test_pack_image_paths_are_checked_the_same_on_every_platform(rel: str) -> None:
    assert not safe_image_path(rel)


def test_a_windows_style_escape_in_a_pack_is_refused(tmp_path: Path,
                                                     patient_form: Form) -> None:
    pack = licensed_pack(tmp_path, patient_form, "coop",
                         images={"coop.pain.1": "..\\..\\keyslots.json"})
    loaded, problems = read_pack(pack)
    assert loaded is None
    assert any("leaves the pack folder" in p.reason for p in problems)
    for ok in ("img/pain1.png", "pain1.png"):
        assert safe_image_path(ok)
