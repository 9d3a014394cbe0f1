"""Staff entry of a patient questionnaire, free of Qt and storage: how the answers were
obtained, a section-at-a-time walk over the form engine, why a question is not asked, which
sections need a licence notice, and how two entries of one paper questionnaire differ.

The engine (``core/forms``) still decides what is shown, valid and scored; this module only
groups its pages into sections (staff work a section per screen) and adds the rules that
belong to staff entry alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from crdesk.core.forms import FormSession, Item, JsonValue, Page, ValidationMessage
from crdesk.core.forms.answers import answer_text

# How the answers were obtained. "paper" is the patient's own completion, typed in later;
# the others are an interview: staff read the questions to the patient.
METHODS = ("telephone", "video", "paper", "in_person")
INTERVIEW_METHODS = frozenset({"telephone", "video", "in_person"})
METHOD_WORDS = {
    "telephone": "by telephone",
    "video": "by video call",
    "paper": "paper questionnaire typed in",
    "in_person": "in person, staff reading the questions",
    "kiosk": "by the patient at the clinic laptop",
}
# Stages of a staff-entered response. Only "done" counts as complete; a paper questionnaire
# checked by double entry waits in "awaiting_second", "second" and "resolving".
STAGES = ("first", "awaiting_second", "second", "resolving", "done")


@dataclass(frozen=True)
class EntryRecord:
    response_id: int
    method: str
    answered_on: str  # ISO date the patient answered (paper: the date on the form)
    entered_by: str
    entered_at: str
    double_entry: bool
    stage: str
    first_done_at: str | None = None
    second_by: str | None = None
    second_started_at: str | None = None
    second_page: str | None = None
    second_done_at: str | None = None


def how_completed(mode: str, method: str | None) -> str:
    """One word for a response's way of completion: a staff method, or "kiosk"."""
    if method:
        return method
    return "kiosk" if mode == "patient" else "staff"


def method_words(how: str) -> str:
    return METHOD_WORDS.get(how, "entered by staff")


# ---- sections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str  # text key
    pages: tuple[Page, ...]


def sections(fs: FormSession) -> list[SectionView]:
    """The form's shown pages grouped by section, in form order (a page without a section
    is a section of its own)."""
    found: list[SectionView] = []
    titles = {s.id: s.title for s in fs.form.sections}
    for page in fs.visible_pages:
        sid = page.section or page.id
        if found and found[-1].id == sid:
            last = found[-1]
            found[-1] = SectionView(sid, last.title, (*last.pages, page))
        else:
            found.append(SectionView(sid, titles.get(sid, page.title), (page,)))
    return found


def section_of(fs: FormSession, page_id: str) -> str:
    page = next(p for p in fs.form.pages if p.id == page_id)
    return page.section or page.id


def section_items(fs: FormSession, section_id: str) -> list[Item]:
    """Every item of the section's pages (shown or not), in order."""
    return [i for p in fs.form.pages if (p.section or p.id) == section_id for i in p.items]


def _item_keys(item: Item) -> Iterable[str]:
    for key in (item.label, item.help, item.body):
        if key:
            yield key
    for option in item.options:
        yield option.text


def section_namespaces(fs: FormSession, section_id: str) -> set[str]:
    """The text packs whose words a section shows (its instruments)."""
    keys = [k for i in section_items(fs, section_id) for k in _item_keys(i)]
    keys += [p.intro for p in fs.form.pages if (p.section or p.id) == section_id and p.intro]
    return {k.split(".", 1)[0] for k in keys}


@dataclass(frozen=True)
class LicenceNotice:
    """Why a section should not simply be read out to the patient."""

    section_id: str
    instruments: tuple[str, ...]
    forbidden: bool  # the licence forbids interview: the section can only be skipped
    placeholder: bool  # the licensed wording is not installed

    def text(self) -> str:
        names = ", ".join(self.instruments)
        if self.forbidden:
            return (f"The licence for {names} does not allow it to be read to the patient. "
                    "Skip this section and give the reason (for example: posted a paper copy).")
        return (f"The licensed wording of {names} is not installed: there is nothing to read "
                "to the patient. Skip this section with a reason, or enter the answers from a "
                "licensed paper copy.")


def licence_notice(fs: FormSession, section_id: str, method: str) -> LicenceNotice | None:
    """A notice for an interview (telephone, video, in person) at a section whose text pack
    is a placeholder or forbids interview; None when the section may simply be entered."""
    if method not in INTERVIEW_METHODS:
        return None
    spaces = sorted(section_namespaces(fs, section_id))
    forbidden = [ns for ns in spaces if not fs.texts.interview_allowed(ns)]
    placeholder = [ns for ns in spaces if fs.texts.is_placeholder(ns)]
    if not forbidden and not placeholder:
        return None
    names = tuple(fs.texts.instrument(ns) or ns.upper() for ns in (forbidden or placeholder))
    return LicenceNotice(section_id, names, bool(forbidden), bool(placeholder))


# ---- why a question is not asked ----------------------------------------------------------

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def hidden_reason(fs: FormSession, question_id: str) -> str:
    """In plain words, why the skip logic does not ask this question now."""
    item = fs.form.item_by_id[question_id]
    page = next(p for p in fs.form.pages if any(i.id == question_id for i in p.items))
    rule = page.show_if if page.id not in {p.id for p in fs.visible_pages} else item.show_if
    if not rule:
        return "This question is not asked on this form."
    names = [n for n in _NAME.findall(rule) if n in fs.form.item_by_id]
    about = [f"“{fs.texts.text(fs.form.item_by_id[n].label or '')}”" for n in dict.fromkeys(names)]
    if about:
        return (f"Not asked: this question applies only when the answer to {', '.join(about)} "
                f"allows it (rule: {rule}). Check that answer first.")
    return f"Not asked at this assessment (rule: {rule})."


def hidden_message(fs: FormSession, question_id: str) -> ValidationMessage:
    return ValidationMessage(question_id, "not_asked", hidden_reason(fs, question_id))


# ---- walking a section at a time ---------------------------------------------------------


class SectionWalk:
    """Moves a FormSession a section at a time. Errors on a section's shown pages stop it;
    warnings stop it once (like the engine's page ``next``); skipped sections are passed."""

    def __init__(self, fs: FormSession, skipped: Iterable[str] = ()) -> None:
        self.fs = fs
        self.skipped: set[str] = set(skipped)
        self._acknowledged: set[tuple[str, str]] = set()

    @property
    def current(self) -> SectionView:
        sid = section_of(self.fs, self.fs.current_page.id)
        return next(s for s in sections(self.fs) if s.id == sid)

    @property
    def number(self) -> int:
        return [s.id for s in sections(self.fs)].index(self.current.id) + 1

    @property
    def count(self) -> int:
        return len(sections(self.fs))

    def messages(self, section: SectionView | None = None) -> list[ValidationMessage]:
        section = section or self.current
        if section.id in self.skipped:
            return []
        return [m for p in section.pages for m in self.fs.page_messages(p)]

    def go(self, section_id: str) -> None:
        target = next(s for s in sections(self.fs) if s.id == section_id)
        self.fs.go_to(target.pages[0].id)

    def next(self) -> list[ValidationMessage]:
        """To the next section, or (on the last) mark the entry finished; what stops it."""
        section = self.current
        messages = self.messages(section)
        errors = [m for m in messages if m.severity == "error"]
        if errors:
            return errors
        fresh = [m for m in messages if (m.question_id, m.code) not in self._acknowledged]
        if fresh:
            self._acknowledged |= {(m.question_id, m.code) for m in fresh}
            return fresh
        shown = sections(self.fs)
        index = [s.id for s in shown].index(section.id)
        if index + 1 < len(shown):
            self.fs.go_to(shown[index + 1].pages[0].id)
            return []
        blocking = self.first_incomplete()
        if blocking is not None:
            self.go(blocking.id)
            return [m for m in self.messages(blocking) if m.severity == "error"]
        self.fs.finished = True
        return []

    def back(self) -> bool:
        shown = [s.id for s in sections(self.fs)]
        index = shown.index(self.current.id)
        if index == 0:
            return False
        self.go(shown[index - 1])
        return True

    def first_incomplete(self) -> SectionView | None:
        for section in sections(self.fs):
            if any(m.severity == "error" for m in self.messages(section)):
                return section
        return None

    @property
    def is_complete(self) -> bool:
        return self.first_incomplete() is None

    def resume(self) -> None:
        """The first section with a shown question unanswered (or wrong), not skipped."""
        for section in sections(self.fs):
            if section.id in self.skipped:
                continue
            items = [i for p in section.pages for i in self.fs.visible_items(p) if i.answerable]
            if any(i.id not in self.fs.answers for i in items) or any(
                    m.severity == "error" for m in self.messages(section)):
                self.go(section.id)
                return
        self.go(sections(self.fs)[-1].id)


# ---- double data entry ----------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    question_id: str
    label: str
    first: JsonValue | None
    second: JsonValue | None
    first_text: str
    second_text: str
    chosen: str | None = None  # "first" or "second" once resolved


def describe(fs: FormSession, question_id: str, first: JsonValue | None,
             second: JsonValue | None, chosen: str | None = None) -> Difference:
    """One difference as staff read it: the question and both answers in words."""
    item = fs.form.item_by_id[question_id]

    def words(value: JsonValue | None) -> str:
        return "(no answer)" if value is None else answer_text(item, value, fs.texts)

    return Difference(question_id, fs.texts.text(item.label or question_id), first, second,
                      words(first), words(second), chosen)


def differences(first: FormSession, second: FormSession) -> list[Difference]:
    """Every answerable question, in form order, whose two entries disagree (an answer in
    one entry and none in the other counts)."""
    a, b = first.effective_answers(), second.effective_answers()
    return [describe(first, item.id, a.get(item.id), b.get(item.id))
            for item in first.form.items
            if item.answerable and (item.id in a or item.id in b)
            and a.get(item.id) != b.get(item.id)]


# ---- reporting the mode ------------------------------------------------------------------------


@dataclass
class MethodCounts:
    """Completed responses by way of completion, per assessment (for the dashboard)."""

    by_assessment: dict[str, Counter[str]] = field(default_factory=dict)

    def total(self, assessment: str) -> int:
        return sum(self.by_assessment.get(assessment, Counter()).values())

    def share(self, assessment: str, how: str) -> float | None:
        total = self.total(assessment)
        return None if total == 0 else self.by_assessment[assessment][how] / total


def completion_by_method(rows: Iterable[tuple[str, str, str | None]]) -> MethodCounts:
    """``rows``: (assessment kind, response mode, staff method or None) of completed
    responses; counts each by ``how_completed``."""
    counts = MethodCounts()
    for kind, mode, method in rows:
        counts.by_assessment.setdefault(kind, Counter())[how_completed(mode, method)] += 1
    return counts
