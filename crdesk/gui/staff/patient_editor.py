"""The patient's identifiers and demographics, with each problem shown at its field."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from crdesk.core.nhs_number import format_nhs
from crdesk.core.patient import Patient
from crdesk.core.validation import uk_date
from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.staff.field_grid import FieldGrid, combo, set_combo
from crdesk.gui.staff.nhs_field import NhsNumberValidator
from crdesk.gui.widgets import MessageLabel
from crdesk.services.field_errors import FieldErrors
from crdesk.services.patients import ETHNIC_CATEGORIES, GENDERS, PatientService


def _line(placeholder: str = "", max_length: int = 100) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(max_length)
    return edit


class PatientEditor(QWidget):
    """Signals:
        saved(int): the record was saved (new or changed); carries the patient id.
    """

    saved = Signal(int)

    def __init__(self, service: PatientService, patient: Patient | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.patient = patient
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.grid = FieldGrid(columns=3)
        g = self.grid
        nhs = _line(translate("PatientEditor", "e.g. 943 476 5919"), 14)
        self.nhs_validator = NhsNumberValidator(nhs)
        # Refused characters never reach the box: say why at the field instead.
        self.nhs_validator.refused.connect(
            lambda reason: g.messages["nhs_number"].show_error(reason, from_service=True))
        nhs.setValidator(self.nhs_validator)
        g.add("nhs_number", translate("PatientEditor", "&NHS number"), nhs)
        g.add("hospital_number", translate("PatientEditor", "&Hospital number"), _line("", 30))
        g.add("date_of_birth", translate("PatientEditor", "&Date of birth"), _line(translate(
            "PatientEditor", "dd/mm/yyyy"),
                                                                                   10))
        g.add("family_name", translate("PatientEditor", "&Family name"), _line())
        g.add("given_name", translate("PatientEditor", "&Given name"), _line())
        g.add("gender", translate("PatientEditor", "Gen&der"), combo(list(GENDERS.items()),
                                                                     translate("PatientEditor",
                                                                               "Not recorded")))
        g.add("ethnic_category", translate("PatientEditor", "&Ethnic category"),
              combo([(k, f"{k}  {v}") for k, v in ETHNIC_CATEGORIES.items()], translate(
                  "PatientEditor", "Not recorded")))
        g.add("postcode", translate("PatientEditor", "&Postcode"), _line(translate("PatientEditor",
                "e.g. LS6 1AB"), 9))
        g.add("gp_practice_code", translate("PatientEditor", "G&P practice code"), _line(
            translate("PatientEditor", "e.g. A81001"), 6))
        lay.addLayout(g)
        self.form_message = MessageLabel(translate("PatientEditor", "Save result"), self)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(translate("PatientEditor",
                "&Save patient") if patient is None else translate("PatientEditor",
                                                                   "&Save changes"))
        self.save_button.setAccessibleName(self.save_button.text().replace("&", ""))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.form_message, 1)
        buttons.addWidget(self.save_button)
        lay.addLayout(buttons)
        lay.addStretch(1)
        # The NACR opt-out is not edited here: the record's opt-out panel confirms it with
        # a date or clears it with a reason (services/opt_out.py), each kept in its history.
        if patient is not None:
            self.show_patient(patient)

    def field(self, name: str) -> QWidget:
        return self.grid.fields[name]

    def show_patient(self, p: Patient) -> None:
        self.patient = p
        self.save_button.setText(translate("PatientEditor", "&Save changes"))
        self.save_button.setAccessibleName(translate("PatientEditor", "Save changes"))
        f = self.grid.fields
        for name, value in (("nhs_number", format_nhs(p.nhs_number or "")),
                            ("hospital_number", p.hospital_number or ""),
                            ("date_of_birth", uk_date(p.date_of_birth)),
                            ("family_name", p.family_name), ("given_name", p.given_name),
                            ("postcode", p.postcode or ""),
                            ("gp_practice_code", p.gp_practice_code or "")):
            edit = f[name]
            assert isinstance(edit, QLineEdit)
            edit.setText(value)
        for name in ("gender", "ethnic_category"):
            box = f[name]
            set_combo(box, getattr(p, name))  # type: ignore[arg-type]

    def values(self) -> Patient:
        t = self.grid.text
        base = self.patient or Patient(None, None, None, "", "", "")
        return dataclasses.replace(
            base, nhs_number=t("nhs_number") or None, hospital_number=t("hospital_number"),
            family_name=t("family_name"), given_name=t("given_name"),
            date_of_birth=t("date_of_birth"), gender=t("gender") or None,
            ethnic_category=t("ethnic_category") or None, postcode=t("postcode"),
            gp_practice_code=t("gp_practice_code"))

    @Slot()
    def save(self) -> None:
        self.form_message.clear_message()
        try:
            p = self.values()
            if p.id is None:
                pid = self.service.create(p)
                changed = ["new"]
            else:
                changed = self.service.update(p)
                pid = p.id
        except FieldErrors as exc:
            self.grid.show_problems(exc.problems)
            self.form_message.show_known(exc)
            return
        except KnownError as exc:
            self.form_message.show_known(exc)
            return
        self.grid.clear_problems()
        self.form_message.show_ok(translate("PatientEditor", "Saved.") if changed else translate(
            "PatientEditor", "No changes to save."))
        if changed:
            self.saved.emit(pid)
