"""The error summary at the top of a staff dialog (NHS.UK service manual pattern).

"There is a problem", then one link per field message; activating a link moves focus to
the field, so a keyboard or screen-reader user goes straight to what needs fixing. It is
hidden when there is nothing to fix and is updated as fields are fixed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from crdesk.gui import style
from crdesk.gui.i18n import UNTRANSLATED_PROPERTY, translate


class ErrorSummary(QFrame):
    """Signals: field_chosen(QWidget): a link was followed to that field (a dialog whose
    fields scroll brings it into view)."""

    field_chosen = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorSummary")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAccessibleName(translate("ErrorSummary", "There is a problem"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        self.title = QLabel(translate("ErrorSummary", "There is a problem"), self)
        self.title.setObjectName("errorSummaryTitle")
        lay.addWidget(self.title)
        self.links = QLabel("", self)
        self.links.setObjectName("errorText")
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        # The messages come from the services, which are not translated yet.
        self.links.setProperty(UNTRANSLATED_PROPERTY, True)
        self.links.linkActivated.connect(self._go)
        lay.addWidget(self.links)
        self._fields: dict[str, QWidget] = {}
        self.problems: dict[str, str] = {}
        self.hide()

    def show_problems(self, problems: dict[str, str], fields: dict[str, QWidget],
                      labels: dict[str, str] | None = None) -> None:
        """One link per problem, in the order of ``fields`` (the order on screen). With
        ``labels``, each link starts with its field's name ("Weight (kg): ..."), for messages
        that do not say which field they are about."""
        self._fields = fields
        self.problems = {n: problems[n] for n in fields if problems.get(n)}
        named = {n: (f"{labels[n]}: {m}" if labels and labels.get(n) else m)
                 for n, m in self.problems.items()}
        self.links.setText("<br>".join(
            f"<a href='{escape(n)}' style='color:{style.ERROR_RED}'>{escape(m)}</a>"
            for n, m in named.items()))
        self.links.setAccessibleDescription(" ".join(named.values()))
        self.setVisible(bool(self.problems))

    def focus(self) -> None:
        """Focus the first link (the NHS pattern moves focus to the summary on save)."""
        self.links.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _go(self, name: str) -> None:
        field = self._fields.get(name)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.field_chosen.emit(field)
