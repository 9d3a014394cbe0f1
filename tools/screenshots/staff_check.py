"""Checks of the staff screens under the en-XA pseudo-locale: untranslated words and layouts.

Under en-XA every string that went through Qt's translation functions is accented and in
``[brackets]`` (see tools/translations.py). ``untranslated_texts`` lists visible text with a
word outside any bracket that is not data: the demo clinic's own values (names, NHS numbers,
user names) and words that come from outside the GUI's translations (text packs, and the
vocabulary of crdesk/core and crdesk/services, which is not translated yet), both given as
``known``. ``layout_problems`` applies the kiosk's checks (tools/screenshots/layout_check.py:
clipped labels and buttons) and adds horizontal scroll bars. Used by the screenshot run, which
prints each problem beside its PNG, and by tests/gui/test_en_xa.py, which fails on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)

from crdesk.gui.i18n import UNTRANSLATED_PROPERTY
from crdesk.gui.main_window import MainWindow
from crdesk.gui.widgets import header_width
from tools.screenshots.layout_check import text_problems
from tools.screenshots.shooter import wait_until

SCREEN_WIDTH = 1366  # the clinic laptops (tools/screenshots/shooter.SIZE)
SCREEN_HEIGHT = 768
# Of a screen's height a window may have: less the taskbar (Windows': 40-48 px) and the
# window's own title bar (about 32 px), which Qt's sizes leave out.
HEIGHT_TAKEN = 48 + 32
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_TAG = re.compile(r"<[^<>]*>|&[a-z]+;")
_WORD = re.compile(r"[A-Za-z]{2,}")
# Codes such as recovery-key groups (24QT) and NHS or ODS codes: data, not words.
_IDENTIFIER = re.compile(r"\b[a-z_]+(?:\.[a-z_]+)+\b")  # audit actions such as patient.view
_CODE = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9-]+\b")


def _marked(w: QWidget, root: QWidget) -> bool:
    """Shows words from the services (see crdesk.gui.i18n.UNTRANSLATED_PROPERTY)."""
    node: QWidget | None = w
    while node is not None:
        if node.property(UNTRANSLATED_PROPERTY):
            return True
        if node is root:
            return False
        node = node.parentWidget()
    return False


def _shown(root: QWidget) -> list[QWidget]:
    return [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of text the screen shows or offers."""
    found: list[tuple[str, str]] = []

    def add(w: QWidget, what: str, text: str) -> None:
        if text and text.strip():
            found.append((f"{type(w).__name__}({w.objectName() or ''}).{what}", text))

    for w in _shown(root):
        if _marked(w, root):
            continue
        if w.isWindow():
            add(w, "windowTitle", w.windowTitle())
        if isinstance(w, QLabel) and w.pixmap().isNull() or isinstance(w, QAbstractButton):
            add(w, "text", w.text())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        if isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item {i}", w.itemText(i))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, f"tab {i}", w.tabText(i))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                if item is not None:
                    add(w, f"item {i}", item.text())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QListWidget):
            model = w.model()
            if model is not None:
                for c in range(model.columnCount()):
                    head = model.headerData(c, Qt.Orientation.Horizontal,
                                            Qt.ItemDataRole.DisplayRole)
                    if isinstance(head, str):
                        add(w, f"header {c}", head)
        if isinstance(w, QWizard):
            page = w.currentPage()
            if page is not None:
                add(page, "title", page.title())
                add(page, "subTitle", page.subTitle())
    return found


def residue(text: str, known: Iterable[str]) -> str:
    """What is left of ``text`` once translated parts, markup and known data are taken out."""
    text = _TAG.sub(" ", text).replace("&", "")
    for value in sorted(known, key=len, reverse=True):
        if value and value in text:
            text = text.replace(value, " ")
    while True:  # innermost first: a translated string may contain another
        stripped = _BRACKETED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return " ".join(_WORD.findall(_CODE.sub(" ", _IDENTIFIER.sub(" ", text))))


def untranslated_texts(root: QWidget, known: Iterable[str]) -> list[str]:
    known = list(known)
    return [f"{where}: {text!r}" for where, text in visible_texts(root)
            if residue(text, known)]


def header_problems(root: QWidget) -> list[str]:
    """Column headings cut short (Qt elides them with "…")."""
    found = []
    for view in _shown(root):
        if not isinstance(view, QTableView) or not view.isVisible():
            continue
        header = view.horizontalHeader()
        model = view.model()
        for c in range(model.columnCount() if model is not None else 0):
            if header.isSectionHidden(c) or (header.sectionResizeMode(c)
                                             == QHeaderView.ResizeMode.ResizeToContents):
                continue  # Qt sizes those to their heading itself
            # header_width allows the padding and a sort arrow; only the sorted column shows one.
            sorted_here = header.isSortIndicatorShown() and header.sortIndicatorSection() == c
            need = header_width(header, c) - (0 if sorted_here else 24)
            if need > header.sectionSize(c) + 1:
                found.append(f"heading {model.headerData(c, Qt.Orientation.Horizontal)!r} "
                             f"needs {need} px, has {header.sectionSize(c)}")
    return found


def placeholder_problems(root: QWidget) -> list[str]:
    """Empty fields whose hint (placeholder) is cut off."""
    found = []
    for edit in _shown(root):
        if isinstance(edit, QLineEdit) and edit.isVisible() and not edit.text() \
                and edit.placeholderText():
            need = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            room = edit.contentsRect().width() - 2 * 8  # the style sheet's padding
            if need > room + 1:
                found.append(f"placeholder {edit.placeholderText()!r} needs {need} px, "
                             f"has {room}")
    return found


def height_problems(root: QWidget, screen_height: int = SCREEN_HEIGHT) -> list[str]:
    """A window or dialog that needs more height than the screen has to give: its bottom
    (often its buttons) would be off-screen. The main window is measured with every page
    built, as its page stack is as tall as its tallest page needs."""
    if not root.isWindow():
        return []
    if isinstance(root, MainWindow):
        # Measured with every page built and its figures in (the dashboard grows when they
        # arrive: 977 px at the large text size before issue 16's fix).
        pages = [root.page(key) for key in root.page_keys()]
        wait_until(lambda: not any(getattr(page, "running", False) for page in pages))
        for _ in range(6):  # the layouts' requests that the figures posted
            QApplication.processEvents()
    room = screen_height - HEIGHT_TAKEN
    need = max(root.minimumSizeHint().height(), root.minimumHeight())
    found = []
    if need > room:
        found.append(f"the window needs {need} px of height, more than the {room} px a "
                     f"{screen_height} px screen has to give")
    if root.height() > screen_height:
        found.append(f"the window is {root.height()} px high, more than the "
                     f"{screen_height} px screen")
    return found


def layout_problems(root: QWidget, screen_width: int = SCREEN_WIDTH,
                    screen_height: int = SCREEN_HEIGHT) -> list[str]:
    found = text_problems(root) + header_problems(root) + placeholder_problems(root)
    if root.isWindow() and root.width() > screen_width:
        found.append(f"the window is {root.width()} px wide, more than the "
                     f"{screen_width} px screen")
    found += height_problems(root, screen_height)
    for area in _shown(root):
        if isinstance(area, QAbstractScrollArea) and area.isVisible():
            bar = area.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                found.append(f"{type(area).__name__}({area.objectName()}) scrolls sideways "
                             f"by {bar.maximum()} px")
    return found


def known_words(home: object, password: str) -> set[str]:
    """The demo clinic's data and the words from outside the GUI's translations."""
    from crdesk.core import care_status, goals
    from crdesk.core.forms import default_forms_dir, text_dir
    from crdesk.core.forms.textpacks import load_packs
    from crdesk.core.outcome_measures import MEASURES
    from crdesk.export.profile import available_profiles
    from crdesk.services import access, admin, patients
    from crdesk.services.home import ClinicHome

    assert isinstance(home, ClinicHome)
    words: set[str] = {"crdesk", home.settings().demo_password}
    session = access.unlock(home, "admin", password)
    try:
        clinic = session.clinic()
        words |= {clinic.name, clinic.ods_code}
        for u in session.list_users():
            words |= {u.username, u.display_name}
        words |= set(admin.audit_actions(session))
        for p in patients.PatientService(session).summaries():
            words |= {p.family_name, p.given_name, p.hospital_number,
                      f"{p.family_name.upper()}, {p.given_name}"}
    finally:
        session.close("logout")
    # Not translated yet (docs/ARCHITECTURE.md, "Resources and translations"): text packs
    # (they have their own locales) and the vocabulary of core and the services.
    words |= {profile.title for profile in available_profiles().values()}
    packs, _problems = load_packs([text_dir(default_forms_dir())])
    for pack in packs:
        words |= set(pack.texts.values())
    for table in (care_status.STATUS_LABELS, care_status.OUTCOMES, goals.AREAS, goals.STATUSES,
                  patients.GENDERS, patients.ETHNIC_CATEGORIES):
        words |= set(table.values())
    # The demo clinic's goal and review wording is demo data, like its names.
    from crdesk.demo import goals as demo_goals

    for _area, goal, target in demo_goals.GOALS:
        words |= {goal, target}
    words |= {note for _status, note in demo_goals.REVIEWS}
    for m in MEASURES:
        words |= {m.label, m.group, m.unit, *(w for _v, w in m.labels), *(n for _b, n in m.bands)}
    return {w for w in words if w}
