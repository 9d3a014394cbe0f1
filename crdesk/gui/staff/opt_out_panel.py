"""The NACR opt-out on the patient record (a banner above the tabs) with its Confirm and
Clear dialogs, and the record's contact details tab.

The banner says in words whether the patient goes to NACR, so nobody depends on colour.
Confirming needs the date the patient opted out (not in the future); clearing needs a
reason. The services check both (and the user's role) and keep the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.contact import CONTACT_METHODS, ContactDetails
from crdesk.core.opt_out import OptOutState, OptOutStatus
from crdesk.core.validation import uk_date
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save, combo, set_combo
from crdesk.gui.staff.reason_dialog import OneFieldDialog, ReasonDialog
from crdesk.gui.widgets import MessageLabel, paragraph

CHOICE_WORDS = {
    "opt_out": QT_TRANSLATE_NOOP("OptOut", "chose \u201cI do not want my information sent to "
                                 "the national audit\u201d"),
    "talk_to_staff": QT_TRANSLATE_NOOP("OptOut", "asked to talk to a member of staff first"),
}
# The words of core.contact.CONTACT_METHODS, for the translator (a test keeps them in step).
METHOD_WORDS = {
    "phone": QT_TRANSLATE_NOOP("ContactPanel", "Phone call"),
    "text": QT_TRANSLATE_NOOP("ContactPanel", "Text message"),
    "letter": QT_TRANSLATE_NOOP("ContactPanel", "Letter"),
    "email": QT_TRANSLATE_NOOP("ContactPanel", "Email"),
    "carer": QT_TRANSLATE_NOOP("ContactPanel", "Through the carer or next of kin"),
}


def _when(at: str | None) -> str:
    return uk_date(at[:10]) if at else ""


def banner_text(status: OptOutStatus) -> str:
    """What the banner says for each state (every state says whether the record goes)."""
    last = status.last
    if status.state is OptOutState.TO_CONFIRM:
        how = translate("OptOut", "The patient {choice} at the kiosk on {date}.").format(
            choice=translate("OptOut", CHOICE_WORDS.get(last.choice or "", "opted out")),
            date=_when(last.at)) if last and last.response_id else translate(
            "OptOut", "An opt-out was raised on {date}.").format(date=_when(last.at if last
                                                                             else None))
        return translate("OptOut", "Opt-out to confirm. {how} Until it is confirmed or "
                         "cleared, this patient is left out of every NACR export.").format(how=how)
    if status.state is OptOutState.CONFIRMED:
        by = (translate("OptOut", " (confirmed by {user} on {date})").format(
            user=last.actor, date=_when(last.at)) if last else "")
        return translate("OptOut", "Opted out of NACR on {date}{by}. This patient is never "
                         "exported.").format(date=uk_date(status.opt_out_date), by=by)
    if status.state is OptOutState.CLEARED and last is not None:
        return translate("OptOut", "Opt-out cleared by {user} on {date}: {reason}. This "
                         "patient is included in NACR exports.").format(
            user=last.actor, date=_when(last.at), reason=last.reason or "")
    return translate("OptOut", "No NACR opt-out recorded: this patient is included in NACR "
                     "exports.")


class OptOutBanner(QFrame):
    """Signals:
        confirm_requested(), clear_requested(): the user chose an action.
    """

    confirm_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optOutBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel("", self)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(translate("OptOut", "NACR opt-out"))
        lay.addWidget(self.text, 1)
        self.confirm_button = QPushButton(translate("OptOut", "Con&firm opt-out…"), self)
        self.clear_button = QPushButton(translate("OptOut", "Clear op&t-out…"), self)
        self.clear_button.setProperty("secondary", True)
        for b in (self.confirm_button, self.clear_button):
            b.setAccessibleName(b.text().replace("&", "").replace("…", ""))
            lay.addWidget(b)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.clear_button.clicked.connect(self.clear_requested)
        self.status: OptOutStatus | None = None

    def show_status(self, status: OptOutStatus | None) -> None:
        self.status = status
        if status is None:
            self.hide()
            return
        self.show()
        self.text.setText(banner_text(status))
        self.setProperty("state", status.state.value)
        self.style().unpolish(self)
        self.style().polish(self)
        state = status.state
        # "Confirm" on an opt-out to confirm; "Record" for one the patient gave in person.
        self.confirm_button.setText(translate("OptOut", "Con&firm opt-out…")
                                    if state is OptOutState.TO_CONFIRM
                                    else translate("OptOut", "Record opt-o&ut…"))
        self.confirm_button.setAccessibleName(
            self.confirm_button.text().replace("&", "").replace("…", ""))
        self.confirm_button.setVisible(state is not OptOutState.CONFIRMED)
        self.clear_button.setVisible(status.excluded)


class ConfirmOptOutDialog(OneFieldDialog):
    """The date the patient opted out; ``save`` gets the date as typed."""

    def __init__(self, save: Callable[[str], object], status: OptOutStatus,
                 today: dt.date, parent: QWidget | None = None) -> None:
        title = translate("OptOut", "Confirm the NACR opt-out")
        explain = translate(
            "OptOut", "Check with the patient that they do not want their information sent "
            "to the national audit, then enter the date they opted out.")

        def date_field(dialog: QWidget) -> QLineEdit:
            date = QLineEdit(dialog)
            date.setPlaceholderText(translate("OptOut", "dd/mm/yyyy"))
            last = status.last
            if status.state is OptOutState.TO_CONFIRM and last is not None:
                date.setText(_when(last.at))  # the day of the kiosk answer, to check
            return date

        # 400 high: room for a wrapped message after Save, at large text.
        super().__init__(save, title=title, explain=explain, key="opt_out_date",
                         label=translate("OptOut", "&Date the patient opted out"),
                         field=date_field, height=400, parent=parent)


class ClearOptOutDialog(ReasonDialog):
    """Why the opt-out is cleared; ``save`` gets the reason."""

    def __init__(self, save: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(
            save, title=translate("OptOut", "Clear the NACR opt-out"),
            explain=translate("OptOut", "Once cleared, this patient's record goes to NACR in "
                              "the next export. Say why, for the record."),
            placeholder=translate("OptOut",
                                  "For example: patient changed their mind when we talked"),
            label=translate("OptOut", "&Reason"),
            parent=parent)


class ContactPanel(QWidget):
    """Contact details for booking assessments (never exported).

    Signals:
        saved(): the details were saved.
    """

    saved = Signal()

    def __init__(self, save: Callable[[ContactDetails], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.patient_id: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # In a scroll area, so that messages under the fields never push the record taller
        # than a 1366x768 screen.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(scroll)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        lay = QVBoxLayout(inner)
        # Never squeeze the fields into each other: scroll instead.
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        lay.addWidget(paragraph(translate(
            "ContactPanel", "For booking assessments. Contact details stay on this laptop: "
            "they are never sent to NACR or put in any export."), inner, secondary=True))
        g = self.grid = FieldGrid(columns=4)
        # A number in the usual form, without "e.g.": longer, the hint did not fit the
        # four columns at the large text size in a longer language.
        phone_hint = translate("ContactPanel", "0113 496 0000")
        for name, label in (("phone_main", translate("ContactPanel", "&Phone")),
                            ("phone_other", translate("ContactPanel", "&Other phone"))):
            edit = QLineEdit(inner)
            edit.setMaxLength(30)
            edit.setPlaceholderText(phone_hint)
            g.add(name, label, edit)
        g.add("preferred_contact", translate("ContactPanel", "Pre&ferred contact"),
              combo([(k, translate("ContactPanel", METHOD_WORDS.get(k, v)))
                     for k, v in CONTACT_METHODS.items()],
                    translate("ContactPanel", "Not recorded")))
        # One line (commas between the parts), as the rest of the record's fields.
        address = QLineEdit(inner)
        address.setMaxLength(400)
        address.setPlaceholderText(translate("ContactPanel", "House, street, town"))
        g.add("interpreter_needed", translate("ContactPanel", "Interpreter"),
              QCheckBox(translate("ContactPanel", "&Interpreter needed"), inner))
        g.add("address", translate("ContactPanel", "&Address"), address, span=2)
        language = QLineEdit(inner)
        language.setMaxLength(200)
        g.add("interpreter_language", translate("ContactPanel", "Interpreter's &language"),
              language)
        g.add("carer_name", translate("ContactPanel", "Carer or next of &kin"), QLineEdit(inner))
        g.add("carer_relationship", translate("ContactPanel", "Relationship to the patient"),
              QLineEdit(inner))
        carer_phone = QLineEdit(inner)
        carer_phone.setMaxLength(30)
        carer_phone.setPlaceholderText(phone_hint)
        g.add("carer_phone", translate("ContactPanel", "Carer's p&hone"), carer_phone)
        # Four equal columns: sized by their labels and the drop-down's longest choice, the
        # phone columns came out too narrow for their hint at the large text size. Labels
        # wrap and the drop-down may be narrower than its longest choice (the list shows it).
        for column in range(4):
            g.setColumnStretch(column, 1)
        for text in g.labels.values():
            text.setWordWrap(True)
        preferred = g.fields["preferred_contact"]
        assert isinstance(preferred, QComboBox)
        preferred.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        preferred.setMinimumContentsLength(12)
        lay.addLayout(g)
        row = QHBoxLayout()
        self.message = MessageLabel(translate("ContactPanel", "Save result"), inner)
        self.save_button = QPushButton(translate("ContactPanel", "&Save contact details"), inner)
        self.save_button.setAccessibleName(translate("ContactPanel", "Save contact details"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        lay.addStretch(1)
        ensure_accessible_names(self)

    def show_contact(self, c: ContactDetails) -> None:
        self.patient_id = c.patient_id
        f = self.grid.fields
        for name in ("phone_main", "phone_other", "interpreter_language", "carer_name",
                     "carer_relationship", "carer_phone"):
            edit = f[name]
            assert isinstance(edit, QLineEdit)
            edit.setText(getattr(c, name) or "")
        address = f["address"]
        assert isinstance(address, QLineEdit)
        address.setText(", ".join((c.address or "").splitlines()))
        needed = f["interpreter_needed"]
        assert isinstance(needed, QCheckBox)
        needed.setChecked(c.interpreter_needed)
        set_combo(f["preferred_contact"], c.preferred_contact)  # type: ignore[arg-type]
        self.grid.clear_problems()

    def values(self) -> ContactDetails:
        t = self.grid.text
        return ContactDetails(
            self.patient_id, t("phone_main"), t("phone_other"), t("address"),
            t("preferred_contact") or None, bool(t("interpreter_needed")),
            t("interpreter_language"), t("carer_name"), t("carer_relationship"),
            t("carer_phone"))

    @Slot()
    def save(self) -> None:
        self.message.clear_message()
        ok, changed = attempt_save(lambda: self._save(self.values()), self.message,
                                   self.grid.show_problems)
        if ok:
            self.grid.clear_problems()
            self.message.show_ok(translate("ContactPanel", "Contact details saved.")
                                 if changed else translate("ContactPanel", "Nothing changed."))
            self.saved.emit()
