"""The kiosk's own words (buttons, progress, privacy and exit screens), per locale.

Question wording comes from the form's text packs through the engine; these are the words
around it. They go through the same pseudo-localisation as the packs, so the en-XA
screenshots show clipping in the kiosk's frame as well as in the questions. A translation
adds a dict to ``_WORDS`` with the same keys and the same {slots}.
"""

from __future__ import annotations

from crdesk.core.forms import PSEUDO_LOCALE
from crdesk.core.forms.textpacks import BASE_LOCALE, pseudo_localise

_EN_GB: dict[str, str] = {
    "window.title": "Your questionnaire",
    "page.progress": "Page {n} of {total}",
    "page.progress.name": "Progress",
    "page.progress.description": "How much of the questionnaire you have done: {percent} per cent.",
    "nav.back": "Back",
    "nav.back.description": "Go to the previous page. Your answers are kept.",
    "nav.next": "Next",
    "nav.next.description": "Go to the next page. Your answers are already saved.",
    "nav.finish": "Finish",
    "nav.finish.description": "Finish the questionnaire. Your answers are already saved.",
    "a11y.text_size": "Text size: {size}",
    "a11y.text_size.name": "Text size",
    "a11y.text_size.description": "Makes the writing bigger. Now: {size}. Press again to change.",
    "a11y.size.normal": "normal",
    "a11y.size.large": "large",
    "a11y.size.largest": "largest",
    "a11y.contrast.off": "High contrast: off",
    "a11y.contrast.on": "High contrast: on",
    "a11y.contrast.name": "High contrast",
    "a11y.contrast.description": "White writing on black, which some people find easier to read.",
    "a11y.language.name": "Language",
    "a11y.language.description": "Choose the language of the questionnaire.",
    "language.en-GB": "English",
    "language.en-XA": "Pseudo-English (test)",
    "errors.title": "Please check this page",
    "errors.name": "Problems on this page",
    "errors.description": "These answers need another look before you go on.",
    "saved.note": "Every answer is saved as you give it.",
    "question.description": "Question. Choose or type your answer.",
    "option.description": "One of the answers to: {question}",
    "special.description": "Choose this if you cannot or would rather not answer.",
    "entry.unit.description": "How you want to give this measurement.",
    "entry.box.description": "Type a number.",
    "entry.text.description": "Type your answer.",
    "entry.number.name": "{question}: number",
    "entry.date.hint": "Type the date as day/month/year, for example 31/03/2024.",
    "entry.ft": "feet",
    "entry.in": "inches",
    "entry.st": "stones",
    "entry.lb": "pounds",
    "entry.cm": "centimetres",
    "entry.kg": "kilograms",
    "picture.description": "Picture for this answer.",
    "heading.description": "Page heading. Press Tab to go to the questions.",
    "info.description": "Information to read.",
    "idle.title": "Are you still there?",
    "idle.body": "To keep your answers private, this screen will be hidden in {seconds} seconds.",
    "idle.more_time": "I need more time",
    "idle.more_time.description": "Keep going with the questionnaire.",
    "privacy.title": "This questionnaire is paused",
    "privacy.body": "The answers are hidden to keep them private. Please ask a member of staff "
                    "to carry on.",
    "staff.title": "For staff",
    "staff.username": "Staff user name",
    "staff.password": "Staff password",
    "staff.username.description": "The user name of any member of staff.",
    "staff.password.description": "That member of staff's crdesk password.",
    "staff.resume": "Carry on with the questionnaire",
    "staff.resume.description": "Go back to the page the patient was on.",
    "staff.end": "End the session",
    "staff.end.description": "Close the questionnaire. Answers given so far are kept, and the "
                             "patient can carry on later.",
    "staff.review": "Review the answers",
    "staff.review.description": "Open the summary of this patient's answers.",
    "staff.checking": "Checking the password…",
    "staff.wrong": "That user name and password do not match.",
    "exit.title": "Leaving the questionnaire needs a member of staff",
    "exit.body": "Please ask a member of staff to help. If you pressed a key by mistake, "
                 "go back to your questions.",
    "exit.back": "Go back to my questions",
    "exit.back.description": "Return to the page you were on.",
    "end.title": "Thank you",
    "end.body": "You have finished the questionnaire. Your answers have been saved.\n\n"
                "Please hand the laptop back to a member of staff.",
    "end.staff": "Staff: continue",
    "end.staff.description": "For staff: review the answers (needs a staff password).",
    "closed.title": "This questionnaire has closed",
    "closed.body": "crdesk was locked, so the questionnaire closed. Every answer given so far "
                   "is saved. Please hand the laptop back to a member of staff.",
}

_WORDS: dict[str, dict[str, str]] = {BASE_LOCALE: _EN_GB}


def kiosk_locales(form_locales: tuple[str, ...]) -> list[str]:
    """The locales to offer: the form's, plus the pseudo-locale (always renderable)."""
    chosen = list(form_locales) or [BASE_LOCALE]
    if PSEUDO_LOCALE not in chosen:
        chosen.append(PSEUDO_LOCALE)
    return chosen


class KioskWords:
    """Looks up kiosk words for one locale, falling back to en-GB, never raising."""

    def __init__(self, locale: str = BASE_LOCALE) -> None:
        self.locale = locale
        self._pseudo = locale == PSEUDO_LOCALE
        self._words = _WORDS.get(BASE_LOCALE if self._pseudo else locale, _EN_GB)

    def __call__(self, key: str, **params: object) -> str:
        text = self._words.get(key) or _EN_GB.get(key) or f"[{key}]"
        if self._pseudo:
            text = pseudo_localise(text)
        for name, value in params.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def language_name(self, locale: str) -> str:
        # Each language is named in its own words, so a patient can find theirs.
        return KioskWords(locale)(f"language.{locale}")
