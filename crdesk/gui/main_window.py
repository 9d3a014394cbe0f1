"""The staff shell that every later screen plugs into.

Layout: a blue header (clinic, who is signed in, Lock, Sign out), a yellow banner for demo
clinics, then a navigation list on the left and the pages on the right.

Plug-in API::

    window.add_page("patients", "Patients", PatientsPage(session=...))
    window.add_page("export", "NACR export", lambda: ExportPage(...), admin_only=True)

``add_page`` takes a widget or a zero-argument factory; an ``admin_only`` page is skipped
for staff (the factory is then never called, so admin-only services are never touched).
A factory is called when its page is first shown or asked for (``page(key)``), not when
it is added: at 200,000 patients building every page at sign-in took seconds (the audit
log, the dashboard, the export's profiles) before the window could appear.
A page may define ``before_lock() -> None``: it is called before the session closes on
lock, sign-out or exit, so a half-filled form can save its draft while the key is open.

Each page sits in its own vertical scroll area (``PageFrame``): the window is never taller
than its tallest page needs, but a 1366x768 laptop at the large text size has less height
than the admin settings, audit log, worklist or dashboard ask for (issue 16), so a page
taller than the window scrolls up and down instead of pushing the window's bottom
off-screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crdesk.errors import CorruptDatabaseError
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.scrolling import VerticalScroll
from crdesk.gui.widgets import secondary_button
from crdesk.services.session import Session

log = logging.getLogger(__name__)

PageSource = QWidget | Callable[[], QWidget]
# The sections list is as wide as its longest title, at most this and at least
# NAVIGATION_MIN; a title that does not fit wraps at its spaces (large text), so the pages
# keep the width a 1366-pixel screen has to give.
NAVIGATION_MAX = 250
NAVIGATION_MIN = 200
NAVIGATION_PADDING = 18 * 2 + 6 + 1 + 12  # staff.qss: item padding, focus bar, border, air
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the title as given (the shown text may wrap)
DEMO_BANNER = QT_TRANSLATE_NOOP("MainWindow", "DEMO CLINIC — synthetic data, not real patients")
DAMAGE_BANNER = QT_TRANSLATE_NOOP(
    "MainWindow",
    "READ-ONLY: this clinic database is damaged, so nothing can be saved or exported. "
    "Keep this file as it is (copy the whole clinic folder somewhere safe), then restore "
    "the latest backup ('crdesk restore', or ask your IT support). crdesk has not changed "
    "the file.")
# Said after the banner when they apply (storage/read_view.py).
DAMAGE_WAL = QT_TRANSLATE_NOOP(
    "MainWindow",
    "The file of recent changes (clinic.db-wal) is damaged too: changes saved after its "
    "damaged part are not shown.")
DAMAGE_NO_COPY = QT_TRANSLATE_NOOP(
    "MainWindow",
    "A private copy to read could not be made (the disk may be full), so the most recent "
    "changes may not be shown.")


class PageFrame(VerticalScroll):
    """One page of the main window, scrolled up and down when the window is shorter than the
    page needs (crdesk/gui/scrolling.py)."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setObjectName("pageFrame")
        self.hold(page)

    def hold(self, page: QWidget) -> None:
        """Show ``page`` (the one held before, a stand-in, is deleted)."""
        self.setProperty("page_key", page.property("page_key"))
        self.setAccessibleName(page.accessibleName())
        self.setWidget(page)
        self.updateGeometry()

    def page(self) -> QWidget:
        return self.held()


class MainWindow(QMainWindow):
    """Signals:
        lock_requested(): the user pressed Lock (keep the user name, ask for the password).
        sign_out_requested(): the user pressed Sign out.
        close_requested(): the window was closed (the application should exit).
    """

    lock_requested = Signal()
    sign_out_requested = Signal()
    close_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        clinic = session.clinic()
        self.is_demo = clinic.is_demo
        self._pages: dict[str, QWidget] = {}
        # Pages not built yet: key -> (factory, title); a blank stand-in holds their place.
        self._factories: dict[str, tuple[Callable[[], QWidget], str]] = {}
        self.setWindowTitle(translate("MainWindow", "crdesk — {name}").format(name=clinic.name))
        self.setAccessibleName(translate("MainWindow", "crdesk main window"))

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header(clinic.name, clinic.ods_code))
        self.demo_banner: QLabel | None = None
        if clinic.is_demo:
            self.demo_banner = QLabel(translate("MainWindow", DEMO_BANNER), central)
            self.demo_banner.setObjectName("demoBanner")
            self.demo_banner.setAccessibleName(translate("MainWindow", DEMO_BANNER))
            self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(self.demo_banner)
        self.damage_banner: QLabel | None = None
        if session.read_only:
            # Above everything else and in words, red as the NHS palette's error colour.
            text = " ".join(translate("MainWindow", t) for t, shown in (
                (DAMAGE_BANNER, True), (DAMAGE_WAL, session.wal_damaged),
                (DAMAGE_NO_COPY, session.recent_changes_missing)) if shown)
            self.damage_banner = QLabel(text, central)
            self.damage_banner.setObjectName("damageBanner")
            self.damage_banner.setWordWrap(True)
            self.damage_banner.setAccessibleName(text)
            outer.addWidget(self.damage_banner)

        body = QHBoxLayout()
        body.setSpacing(0)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(translate("MainWindow", "Sections"))
        self.navigation.setFixedWidth(NAVIGATION_MAX)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        self.pages.setAccessibleName(translate("MainWindow", "Current section"))
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.setTabOrder(self.navigation, self.pages)
        self.navigation.setFocus()  # start in the sections list, not on the Lock button

    def _header(self, clinic_name: str, ods_code: str) -> QFrame:
        header = QFrame(self)
        header.setObjectName("header")
        lay = QHBoxLayout(header)
        lay.setContentsMargins(20, 10, 16, 10)
        lay.setSpacing(14)
        name = QLabel(f"{clinic_name}  ·  {ods_code}", header)
        name.setObjectName("headerClinic")
        # A long clinic name wraps rather than widen the window past a 1366-pixel screen at
        # the large text size.
        name.setWordWrap(True)
        name.setAccessibleName(translate("MainWindow",
                "Clinic: {clinic_name}, ODS code {ods_code}").format(clinic_name=clinic_name,
                                                                     ods_code=ods_code))
        lay.addWidget(name, 1)
        s = self.session
        role = translate("MainWindow", "Admin") if s.is_admin else translate("MainWindow", "Staff")
        self.user_label = QLabel(translate("MainWindow",
                "Signed in as {username} ({role})").format(username=s.username, role=role), header)
        self.user_label.setAccessibleName(translate("MainWindow",
                "Signed in as {username}, role {role}").format(username=s.username, role=role))
        lay.addWidget(self.user_label)
        self.lock_button = secondary_button(translate("MainWindow", "&Lock"), translate(
            "MainWindow", "Lock the screen"), header)
        self.lock_button.setToolTip(translate("MainWindow",
                                              "Lock now: your password is needed to carry on"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button = secondary_button(translate("MainWindow", "Sign &out"), translate(
            "MainWindow", "Sign out"), header)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        lay.addWidget(self.lock_button)
        lay.addWidget(self.sign_out_button)
        return header

    # ---- plug-in API ----------------------------------------------------------------------

    def _build(self, factory: Callable[[], QWidget]) -> QWidget:
        """The page, or on a damaged database (open read-only) whose pages it reads fail,
        a page that says so: the other sections stay usable."""
        try:
            return factory()
        except CorruptDatabaseError as exc:
            if not self.session.read_only:
                raise
            self._adopt_half_built(exc)
            log.info("a section could not be read on a damaged database")
            note = QLabel(translate("MainWindow", "This section cannot be read: {reason}")
                          .format(reason=exc.message), self)
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setContentsMargins(40, 40, 40, 40)
            return note

    def _adopt_half_built(self, exc: BaseException) -> None:
        """Give the page whose constructor raised to Qt, and delete it on this thread.

        A page that fails half-way through ``__init__`` is a parentless widget tree owned
        by Python; its signal lambdas and operations make it a reference cycle, which only
        the cycle collector frees, on whichever thread happens to trigger it: often a
        background operation's worker. A widget tree destroyed off the GUI thread leaves
        its timers registered there, and Qt later delivers one to the freed object
        (SIGSEGV; issue 13's damaged-clinic screenshot). Parented here, it is Qt's to
        delete, on the GUI thread, at the next turn of the event loop."""
        tb = exc.__traceback__
        while tb is not None:
            frame = tb.tb_frame
            built = frame.f_locals.get("self") if frame.f_code.co_name == "__init__" else None
            tb = tb.tb_next
            if not isinstance(built, QWidget) or built is self:
                continue
            try:
                if built.parent() is not None:
                    continue  # a child of the page: goes with it
                built.hide()
                built.setParent(self)
                built.deleteLater()
            except RuntimeError:
                continue  # raised before QWidget.__init__: nothing of Qt to free

    def add_page(self, key: str, title: str, widget: PageSource, *,
                 admin_only: bool = False) -> bool:
        """Add a page under ``key``; return False when the signed-in role may not see it."""
        if key in self._pages:
            raise ValueError(f"page {key!r} is already in the main window")
        if admin_only and not self.session.is_admin:
            if isinstance(widget, QWidget):
                widget.deleteLater()
            return False
        if isinstance(widget, QWidget):
            page = widget
            self._name_page(page, key, title)
        else:
            page = QWidget(self.pages)  # stands in until the page is first shown
            page.setProperty("page_key", key)
            page.setAccessibleName(title)
            self._factories[key] = (widget, title)
        self._pages[key] = page
        self.pages.addWidget(PageFrame(page, self.pages))
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setData(TITLE_ROLE, title)
        self.navigation.addItem(item)
        if self.navigation.count() == 1:
            self.navigation.setCurrentRow(0)
        self._fit_navigation()
        return True

    @staticmethod
    def _name_page(page: QWidget, key: str, title: str) -> None:
        page.setProperty("page_key", key)
        if not page.accessibleName():
            page.setAccessibleName(title)

    def _built(self, key: str) -> QWidget:
        """The page under ``key``, built now (in the stand-in's place) if it was not."""
        if key not in self._factories:
            return self._pages[key]
        factory, title = self._factories.pop(key)
        frame = self._frame(key)
        page = self._build(factory)
        self._name_page(page, key, title)
        frame.hold(page)  # in the stand-in's place (which goes)
        self._pages[key] = page
        return page

    def _frame(self, key: str) -> PageFrame:
        frame = self.pages.widget(list(self._pages).index(key))
        assert isinstance(frame, PageFrame)
        return frame

    def current_page(self) -> QWidget | None:
        """The page shown (not its scroll area)."""
        frame = self.pages.currentWidget()
        return frame.page() if isinstance(frame, PageFrame) else None

    def _fit_navigation(self) -> None:
        fm = self.navigation.fontMetrics()
        items = [self.navigation.item(r) for r in range(self.navigation.count())]
        titles = [str(i.data(TITLE_ROLE)) for i in items]
        whole = max(fm.horizontalAdvance(t) for t in titles) + NAVIGATION_PADDING
        words = max(fm.horizontalAdvance(w) for t in titles for w in t.split()) + (
            NAVIGATION_PADDING)
        width = min(NAVIGATION_MAX, whole if whole <= NAVIGATION_MIN
                    else max(NAVIGATION_MIN, words))
        self.navigation.setFixedWidth(width)
        room = width - NAVIGATION_PADDING
        for item, title in zip(items, titles, strict=True):
            # Qt's list does not wrap its items' text: break a long title at its spaces.
            lines: list[str] = []
            for word in title.split():
                if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                    lines[-1] += f" {word}"
                else:
                    lines.append(word)
            item.setText("\n".join(lines))

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def page(self, key: str) -> QWidget:
        return self._built(key)

    def show_page(self, key: str) -> None:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_page_key(self) -> str | None:
        page = self.pages.currentWidget()
        return None if page is None else str(page.property("page_key"))

    def before_lock(self) -> None:
        """Let pages save drafts while the database is still open."""
        for key, page in self._pages.items():
            hook = getattr(page, "before_lock", None)
            if callable(hook):
                try:
                    hook()
                except Exception:
                    # Locking must never be blocked by a page; the draft logic logs its own.
                    log.exception("page %s failed to prepare for lock", key)

    # ---- events ---------------------------------------------------------------------------

    @Slot(int)
    def _on_navigation_row_changed(self, row: int) -> None:
        if 0 <= row < self.pages.count():
            widget = self.pages.widget(row)
            key = widget.property("page_key") if widget is not None else None
            if key in self._factories:
                self._built(str(key))
            self.pages.setCurrentIndex(row)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        event.accept()
