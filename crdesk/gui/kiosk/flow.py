"""Moving through the questionnaire one step at a time, saving as we go. No widgets here.

The engine moves between form pages; this moves between the steps inside a page (see
steps.py) and hands over to the engine at a page's last step. Every answer goes straight to
the questionnaire service, which commits it before returning, and every page change is
stored, so a crash resumes on the same page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crdesk.core.forms import Page, ValidationMessage
from crdesk.gui.kiosk.steps import Step, resume_step, screen_position, visible_steps
from crdesk.services.questionnaires import OpenResponse, QuestionnaireService


@dataclass
class Outcome:
    moved: bool = False
    finished: bool = False
    messages: list[ValidationMessage] = field(default_factory=list)


class Navigator:
    def __init__(self, service: QuestionnaireService, open_: OpenResponse) -> None:
        self.service = service
        self.open_ = open_
        self.fs = open_.form_session
        self.step_index = resume_step(self.fs, self.fs.current_page)
        # Warnings the patient has seen once on this screen: a second Next accepts them.
        self._acknowledged: set[tuple[str, str]] = set()

    @property
    def page(self) -> Page:
        return self.fs.current_page

    def steps(self) -> list[Step]:
        return visible_steps(self.fs, self.page)

    @property
    def step(self) -> Step:
        steps = self.steps()
        self.step_index = min(max(self.step_index, 0), len(steps) - 1)
        return steps[self.step_index]

    def position(self) -> tuple[int, int]:
        return screen_position(self.fs, self.step_index)

    @property
    def is_first(self) -> bool:
        return self.fs.is_first_page and self.step_index == 0

    @property
    def is_last(self) -> bool:
        return self.fs.is_last_page and self.step_index >= len(self.steps()) - 1

    # ---- answering ------------------------------------------------------------------------

    def answer(self, question_id: str, value: object) -> list[ValidationMessage]:
        """Committed to the encrypted database before this returns."""
        messages = self.service.answer(self.open_, question_id, value)
        self._acknowledged = {a for a in self._acknowledged if a[0] != question_id}
        return messages

    def step_messages(self) -> list[ValidationMessage]:
        return [m for item in self.step.answerable if self.fs.is_visible(item.id)
                for m in self.fs.item_messages(item.id)]

    # ---- moving ---------------------------------------------------------------------------

    def next(self) -> Outcome:
        messages = self.step_messages()
        errors = [m for m in messages if m.severity == "error"]
        if errors:
            return Outcome(messages=errors)
        fresh = [m for m in messages if (m.question_id, m.code) not in self._acknowledged]
        if fresh:
            self._acknowledged |= {(m.question_id, m.code) for m in fresh}
            return Outcome(messages=fresh)
        if self.step_index < len(self.steps()) - 1:
            self.step_index += 1
            return Outcome(moved=True)
        return self._next_page()

    def _next_page(self) -> Outcome:
        before = self.page.id
        found = self.fs.next()
        # The engine asks again about warnings already accepted step by step: accept them.
        while found and all(m.severity == "warning"
                            and (m.question_id, m.code) in self._acknowledged for m in found):
            found = self.fs.next()
        if self.fs.finished:
            self.service.finish(self.open_)
            return Outcome(moved=True, finished=True)
        if self.page.id != before:
            self.service.page_changed(self.open_)
            self._acknowledged.clear()
        if found:
            # Sent back to an earlier page that still has a problem: show its first one.
            ids = {m.question_id for m in found}
            steps = self.steps()
            self.step_index = next((n for n, s in enumerate(steps)
                                    if ids & {i.id for i in s.items}), 0)
            return Outcome(moved=self.page.id != before, messages=found)
        self.step_index = 0
        return Outcome(moved=True)

    def back(self) -> bool:
        if self.step_index > 0:
            self.step_index -= 1
            return True
        if not self.fs.back():
            return False
        self.service.page_changed(self.open_)
        self._acknowledged.clear()
        self.step_index = len(self.steps()) - 1
        return True
