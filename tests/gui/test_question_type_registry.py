"""The GUI half of the question-type registry: every type of the schema has a kiosk widget
and a staff editor (no fall-through default), each builds and shows a stored answer, and the
widget modules import each other in one direction only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from crdesk.core.forms import TextCatalog, default_forms_dir, text_dir
from crdesk.core.forms.answers import normalise
from crdesk.core.forms.model import Item
from crdesk.gui.kiosk.choice_widgets import ChoiceQuestion, PictorialQuestion
from crdesk.gui.kiosk.entry_widgets import TypedQuestion
from crdesk.gui.kiosk.question_types import KIOSK_WIDGETS, make_question
from crdesk.gui.kiosk.words import KioskWords
from crdesk.gui.staff.question_editors import STAFF_EDITORS, make_editor
from crdesk.gui.staff.questionnaire_entry.editors import (
    ENTRY_EDITORS,
    OPTION_KEYS,
    make_entry_editor,
)
from tests.core.forms.question_cases import CASES, ITEMS
from tests.core.forms.test_question_types import schema_item_types

KIOSK = Path(__file__).resolve().parents[2] / "crdesk" / "gui" / "kiosk"


@pytest.fixture(scope="module")
def texts() -> TextCatalog:
    return TextCatalog.from_dirs([text_dir(default_forms_dir())], "en-GB")


def test_both_gui_registries_cover_exactly_the_schema_types() -> None:
    types = schema_item_types()
    assert {t.value for t in KIOSK_WIDGETS} == types, "kiosk widget missing or extra"
    assert {t.value for t in STAFF_EDITORS} == types, "staff editor missing or extra"
    assert {t.value for t in ENTRY_EDITORS} == types, "staff-entry editor missing or extra"


def _first_answer(name: str) -> Any:
    item = Item(**ITEMS[name])
    if not item.answerable:
        return None
    return next(normalise(item, v) for v in CASES[name] if _readable(item, v))


def _readable(item: Item, value: Any) -> bool:
    try:
        return normalise(item, value) is not None
    except ValueError:
        return False


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_every_type_has_a_kiosk_widget_that_shows_an_answer(
    name: str, qtbot: QtBot, texts: TextCatalog
) -> None:
    item = Item(**ITEMS[name])
    widget = make_question(item, texts, KioskWords())
    qtbot.addWidget(widget)
    assert type(widget) is KIOSK_WIDGETS[item.type]
    assert bool(widget.controls()) is item.answerable
    with qtbot.assertNotEmitted(widget.answered):
        widget.show_value(_first_answer(name))


def test_pictures_only_for_pictorial_and_one_box_per_typed_type(
    qtbot: QtBot, texts: TextCatalog
) -> None:
    pictorial = make_question(Item(**ITEMS["pictorial"]), texts, KioskWords())
    single = make_question(Item(**ITEMS["single_scored"]), texts, KioskWords())
    qtbot.addWidget(pictorial)
    qtbot.addWidget(single)
    assert isinstance(pictorial, PictorialQuestion) and isinstance(pictorial, ChoiceQuestion)
    assert type(single) is ChoiceQuestion
    assert pictorial.pictures and not single.pictures
    for name in ("integer", "decimal", "date", "text", "long_text"):
        typed = make_question(Item(**ITEMS[name]), texts, KioskWords())
        qtbot.addWidget(typed)
        assert isinstance(typed, TypedQuestion) and typed.controls() == [typed.box]


def test_a_stored_date_is_shown_as_typed(qtbot: QtBot, texts: TextCatalog) -> None:
    widget = make_question(Item(**ITEMS["date"]), texts, KioskWords())
    qtbot.addWidget(widget)
    widget.show_value("2024-03-31")
    assert isinstance(widget, TypedQuestion)
    assert isinstance(widget.box, QLineEdit) and widget.box.text() == "31/03/2024"


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_every_type_has_a_staff_editor_that_reads_back_its_answer(
    name: str, qtbot: QtBot, texts: TextCatalog
) -> None:
    item = Item(**ITEMS[name])
    parent = QWidget()
    qtbot.addWidget(parent)
    changes: list[object] = []
    stored = _first_answer(name)
    editor = make_editor(item, stored, lambda key: texts.text(key) if key else "",
                         lambda *_: changes.append(1), parent)
    assert type(editor) is STAFF_EDITORS[item.type]
    assert editor.widget.parent() is parent
    entered = editor.value()
    if item.answerable:
        # What the editor holds reads back as the stored answer (measurements: in metric).
        assert normalise(item, entered) == normalise(item, stored) or (
            isinstance(stored, dict) and normalise(item, entered)["value"] == stored["value"]
        )
    else:
        assert entered is None
    assert changes == []


def test_staff_editors_choose_and_show_calculated_values(qtbot: QtBot,
                                                         texts: TextCatalog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    words = texts.text
    combo = make_editor(Item(**ITEMS["yes_no"]), None, words, lambda *_: None, parent)
    assert combo.value() is None
    combo.choose("no")
    assert combo.value() == "no"
    checks = make_editor(Item(**ITEMS["multiple"]), None, words, lambda *_: None, parent)
    checks.choose(["green", "red"])
    assert checks.value() == ["red", "green"]
    bmi = make_editor(Item(**ITEMS["calculated"]), None, words, lambda *_: None, parent)
    assert isinstance(bmi.widget, QLabel) and bmi.widget.text() == "—"
    bmi.show_computed(23.4)
    assert bmi.widget.text() == "23.4"
    date = make_editor(Item(**ITEMS["date"]), "2024-03-31", words, lambda *_: None, parent)
    assert isinstance(date.widget, QLineEdit)
    assert (date.widget.text(), date.widget.placeholderText()) == ("31/03/2024", "dd/mm/yyyy")
    info = make_editor(Item(**ITEMS["info"]), None, words, lambda *_: None, parent)
    assert isinstance(info.widget, QLabel) and info.widget.text() == "[t.note]"


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_every_type_has_a_staff_entry_editor_that_reads_back_its_answer(
    name: str, qtbot: QtBot, texts: TextCatalog
) -> None:
    item = Item(**ITEMS[name])
    parent = QWidget()
    qtbot.addWidget(parent)
    changes: list[object] = []
    stored = _first_answer(name)
    editor = make_entry_editor(item, stored, lambda key: texts.text(key) if key else "",
                               lambda: changes.append(1), parent)
    assert type(editor) is ENTRY_EDITORS[item.type]
    entered = editor.value()
    if item.answerable:
        assert editor.focus_widget() is not None, "every answerable type takes the keyboard"
        assert normalise(item, entered) == normalise(item, stored) or (
            isinstance(stored, dict) and normalise(item, entered)["value"] == stored["value"]
        )
    else:
        assert entered is None and editor.focus_widget() is None
    assert changes == []


def test_entry_keys_pick_and_tick_options(qtbot: QtBot, texts: TextCatalog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    changes: list[object] = []
    words = texts.text
    yes_no = make_entry_editor(Item(**ITEMS["yes_no"]), None, words,
                               lambda: changes.append(1), parent)
    assert yes_no.press("2") and yes_no.value() == "no"
    assert not yes_no.press("9") and yes_no.value() == "no", "no such option: nothing changes"
    several = Item(**ITEMS["multiple"])
    ticks = make_entry_editor(several, None, words, lambda: changes.append(1), parent)
    plain = [i for i, o in enumerate(several.choices) if not o.exclusive][:2]
    for i in plain:
        assert ticks.press(OPTION_KEYS[i])
    assert ticks.value() == [several.choices[i].value for i in plain]
    assert ticks.press(OPTION_KEYS[plain[0]])  # the same key again unticks it
    assert ticks.value() == [several.choices[plain[1]].value]
    assert len(changes) == 4  # one per key that picked something


def _crdesk_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("crdesk")
    }


def test_kiosk_widget_modules_import_in_one_direction() -> None:
    """question_base <- choice/entry/shown widgets <- question_types: no circle."""
    families = {"choice_widgets", "entry_widgets", "shown_widgets"}
    widget_modules = {f"crdesk.gui.kiosk.{m}" for m in {*families, "question_types"}}
    assert not _crdesk_imports(KIOSK / "question_base.py") & widget_modules
    for family in families:
        others = widget_modules - {f"crdesk.gui.kiosk.{family}"}
        assert not _crdesk_imports(KIOSK / f"{family}.py") & others, family
    assert not (KIOSK / "question_widgets.py").exists()


def test_the_staff_form_does_not_load_the_kiosk() -> None:
    """The staff workspace opens the kiosk lazily (it costs start-up time), so its half of
    the registry is a table of its own."""
    code = (
        "import sys; import crdesk.gui.staff.staff_form; "
        "assert 'crdesk.gui.kiosk' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
