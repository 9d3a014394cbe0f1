"""One referral episode: event, treatment, referral, programme dates and outcome."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.episode import Episode
from crdesk.core.validation import uk_date
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.scrolling import VerticalScroll, grow_to_show
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save, combo, set_combo
from crdesk.gui.widgets import MessageLabel, heading, name_buttons
from crdesk.services.episodes import (
    COUNT_FIELDS,
    DATE_FIELDS,
    EpisodeService,
    referral_options,
)

LABELS = {
    "initiating_event": QT_TRANSLATE_NOOP("EpisodeDialog", "&Initiating event"),
    "event_date": QT_TRANSLATE_NOOP("EpisodeDialog", "&Event date"),
    "treatment": QT_TRANSLATE_NOOP("EpisodeDialog", "&Treatment"),
    "treatment_date": QT_TRANSLATE_NOOP("EpisodeDialog", "T&reatment date"),
    "discharge_date": QT_TRANSLATE_NOOP("EpisodeDialog", "&Discharge date"),
    "referral_source": QT_TRANSLATE_NOOP("EpisodeDialog", "Referral &source"),
    "referred_by": QT_TRANSLATE_NOOP("EpisodeDialog", "Referred &by"),
    "referral_date": QT_TRANSLATE_NOOP("EpisodeDialog", "Re&ferral date"),
    "programme_start": QT_TRANSLATE_NOOP("EpisodeDialog", "&Programme start"),
    "programme_end": QT_TRANSLATE_NOOP("EpisodeDialog", "Programme e&nd"),
    "outcome": QT_TRANSLATE_NOOP("EpisodeDialog", "&Outcome"),
    "first_invited_date": QT_TRANSLATE_NOOP("EpisodeDialog", "Date first in&vited"),
    "risk_level": QT_TRANSLATE_NOOP("EpisodeDialog", "Ris&k stratification"),
    "delivery_mode": QT_TRANSLATE_NOOP("EpisodeDialog", "&Mode of delivery"),
    "sessions_offered": QT_TRANSLATE_NOOP("EpisodeDialog", "Sessions off&ered"),
    "sessions_attended": QT_TRANSLATE_NOOP("EpisodeDialog", "Sessions &attended"),
    "not_started_reason": QT_TRANSLATE_NOOP("EpisodeDialog", "Reason for not starting"),
    "not_completed_reason": QT_TRANSLATE_NOOP("EpisodeDialog", "Reason for not completing"),
    "date_of_death": QT_TRANSLATE_NOOP("EpisodeDialog", "Date of death"),
}
# Referral first, then the programme as it happens, then how it ended.
ORDER = ("initiating_event", "event_date", "treatment", "treatment_date", "discharge_date",
         "referral_source", "referred_by", "referral_date", "first_invited_date",
         "risk_level", "delivery_mode", "programme_start", "programme_end",
         "sessions_offered", "sessions_attended", "outcome", "not_started_reason",
         "not_completed_reason", "date_of_death")


class EpisodeDialog(QDialog):
    def __init__(self, service: EpisodeService, episode: Episode,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.episode = episode
        self.saved_id: int | None = None
        title = (translate("EpisodeDialog", "New referral") if episode.id is None
                 else translate("EpisodeDialog", "Referral and programme"))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        self.grid = FieldGrid(columns=3)
        options = referral_options()
        for name in ORDER:
            if name in DATE_FIELDS:
                edit = QLineEdit(uk_date(getattr(episode, name)))
                edit.setPlaceholderText(translate("EpisodeDialog", "dd/mm/yyyy"))
                edit.setMaxLength(10)
                self.grid.add(name, translate("EpisodeDialog", LABELS[name]), edit)
            elif name in COUNT_FIELDS:
                value = getattr(episode, name)
                edit = QLineEdit("" if value is None else str(value))
                edit.setMaxLength(3)
                self.grid.add(name, translate("EpisodeDialog", LABELS[name]), edit)
            else:
                box = combo(options[name], translate("EpisodeDialog", "Not recorded"))
                set_combo(box, getattr(episode, name))
                self.grid.add(name, translate("EpisodeDialog", LABELS[name]), box)
        # Nineteen fields in three columns need more height than a 1366x768 laptop has at
        # the large text size: they scroll, the title and the buttons stay in view.
        self.body = VerticalScroll.of_fields(self.grid, self)
        grow_to_show(self, self.body)
        lay.addWidget(self.body, 1)
        self.message = MessageLabel(translate("EpisodeDialog", "Save result"), self)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        ensure_accessible_names(self)

    def values(self) -> Episode:
        changes: dict[str, Any] = {name: self.grid.text(name) or None for name in ORDER}
        return dataclasses.replace(self.episode, **changes)

    @Slot()
    def save(self) -> None:
        ok, saved = attempt_save(lambda: self.service.save(self.values()), self.message,
                                 self.grid.show_problems)
        if ok:
            self.saved_id = saved
            self.accept()
