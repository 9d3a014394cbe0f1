"""How a questionnaire was completed, in the staff screens' words (translated)."""

from __future__ import annotations

from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate

HOW_NAMES = {
    "telephone": QT_TRANSLATE_NOOP("StaffEntry", "By telephone"),
    "video": QT_TRANSLATE_NOOP("StaffEntry", "By video call"),
    "paper": QT_TRANSLATE_NOOP("StaffEntry", "Paper questionnaire typed in"),
    "in_person": QT_TRANSLATE_NOOP("StaffEntry", "In person, staff reading the questions"),
    "kiosk": QT_TRANSLATE_NOOP("StaffEntry", "By the patient on the clinic laptop"),
    "staff": QT_TRANSLATE_NOOP("StaffEntry", "Entered by staff"),
}


def how_name(how: str) -> str:
    """``how``: a value of ``core.staff_entry.how_completed`` (a staff method or "kiosk")."""
    return translate("StaffEntry", HOW_NAMES[how]) if how in HOW_NAMES else how
