"""The questionnaire state machine, free of any UI: the GUI renders it and forwards answers.

A ``FormSession`` owns navigation (pages, next, back), visibility (show_if), validation
messages in plain words, progress, completeness, the review summary, calculated values and
scores. Answers go in and out as JSON-ready values (see ``answers.py``).

Rules worth knowing:
- Hidden questions keep their answer in ``answers`` (so a patient who flips a choice back does
  not lose typing) but are never required, never validated, never scored, and are left out
  of ``effective_answers()``, which is what should be saved as the final response.
- ``next()`` refuses to leave a page with errors. Warnings (e.g. an unusual blood pressure)
  stop the first ``next()`` and are shown; a second ``next()`` accepts them.
- ``progress`` never goes backwards while the form is being filled, even if an answer reveals
  more pages: patients find a progress bar that shrinks discouraging.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from crdesk.core.forms.answers import (
    AnswerError,
    JsonValue,
    answer_text,
    is_special,
    normalise,
    range_problems,
)
from crdesk.core.forms.evaluation import (
    FormState,
    compiled,
    evaluate_form,
    prepare_context,
    today_from,
)
from crdesk.core.forms.model import Form, Item, Page
from crdesk.core.forms.scoring import ScoreResult, score_form
from crdesk.core.forms.text_usage import text_keys
from crdesk.core.forms.textpacks import BASE_LOCALE, ResolvedText, TextCatalog


@dataclass(frozen=True)
class ValidationMessage:
    question_id: str
    code: str  # required, below_min, constraint, ... (engine.msg.<code> in the text pack)
    text: str  # in plain words, in the session's locale
    severity: str = "error"  # or "warning"


@dataclass(frozen=True)
class SummaryRow:
    question_id: str
    page_id: str
    label: str
    answer: str
    answered: bool
    placeholder: bool  # the label is a stand-in because licensed text is not installed


class FormSession:
    """One person filling one form. Not thread-safe; one per screen."""

    def __init__(
        self,
        form: Form,
        answers: Mapping[str, JsonValue] | None = None,
        context: Mapping[str, object] | None = None,
        texts: TextCatalog | None = None,
        *,
        resume: bool = False,
    ) -> None:
        self.form = form
        self.texts = texts or TextCatalog([], BASE_LOCALE)
        self.context = prepare_context(form, context)
        self.today: dt.date = today_from(context)
        self.answers: dict[str, JsonValue] = {
            qid: value for qid, value in (answers or {}).items() if qid in form.item_by_id
        }
        self.finished = False
        self._passed: set[str] = set()
        self._floor = 0.0
        self._acknowledged: set[tuple[str, str]] = set()
        self._state: FormState | None = None
        pages = self.visible_pages
        self._page_id = pages[0].id if pages else form.pages[0].id
        if resume:
            self._resume()

    # -- state ------------------------------------------------------------------------------
    @property
    def state(self) -> FormState:
        if self._state is None:
            self._state = evaluate_form(self.form, self.answers, self.context, self.today)
        return self._state

    @property
    def visible_pages(self) -> list[Page]:
        return self.state.visible_pages

    def is_visible(self, question_id: str) -> bool:
        return question_id in self.state.visible_items

    def visible_items(self, page: Page | None = None) -> list[Item]:
        page = page or self.current_page
        return [item for item in page.items if item.id in self.state.visible_items]

    @property
    def current_page(self) -> Page:
        pages = self.visible_pages
        ids = [p.id for p in pages]
        if self._page_id in ids or not pages:
            return self.form.pages[[p.id for p in self.form.pages].index(self._page_id)]
        # The current page was hidden by an answer: move to the next page still shown.
        order = [p.id for p in self.form.pages]
        here = order.index(self._page_id)
        later = [p for p in pages if order.index(p.id) > here]
        self._page_id = (later[0] if later else pages[-1]).id
        return self.current_page

    @property
    def page_number(self) -> int:
        """1-based position of the current page among the pages shown."""
        return [p.id for p in self.visible_pages].index(self.current_page.id) + 1

    @property
    def page_count(self) -> int:
        return len(self.visible_pages)

    @property
    def is_first_page(self) -> bool:
        return self.page_number == 1

    @property
    def is_last_page(self) -> bool:
        return self.page_number == self.page_count

    def calculated(self) -> dict[str, object]:
        return {
            i.id: self.state.values.get(i.id)
            for i in self.form.items
            if i.handler.computed and i.id in self.state.visible_items
        }

    # -- texts ------------------------------------------------------------------------------
    def text(self, key: str, **params: object) -> ResolvedText:
        return self.texts.resolve(key, **params)

    def _message(
        self,
        qid: str,
        code: str,
        params: Mapping[str, object] | None = None,
        key: str | None = None,
    ) -> ValidationMessage:
        text = self.texts.text(key or f"engine.msg.{code}", **(params or {}))
        return ValidationMessage(qid, code, text)

    # -- answering --------------------------------------------------------------------------
    def answer(self, question_id: str, value: object) -> list[ValidationMessage]:
        """Record an answer (None or "" clears it) and return the messages for that question."""
        item = self.form.item_by_id[question_id]
        if not item.answerable:
            raise ValueError(f"{question_id} takes no answer")
        try:
            stored = normalise(item, value)
        except AnswerError as exc:
            params = dict(exc.params)
            if "allowed" in params:  # unit codes -> words ("feet and inches")
                codes = str(params["allowed"]).split(", ")
                words = [self.texts.text(f"engine.entry_unit.{code}") for code in codes]
                params["allowed"] = self.texts.text("engine.list_separator").join(words)
            return [self._message(question_id, exc.code, params)]
        if stored is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = stored
        self._state = None
        self._acknowledged = {a for a in self._acknowledged if a[0] != question_id}
        if self.finished and not self.is_complete:
            self.finished = False
        return self.item_messages(question_id)

    def is_required(self, question_id: str) -> bool:
        item = self.form.item_by_id[question_id]
        if not item.answerable or question_id not in self.state.visible_items:
            return False
        if isinstance(item.required, str):
            return self._eval(item.required) is True
        return bool(item.required)

    def _eval(self, source: str) -> object:
        return self.state.evaluator(self.context, self.today)(compiled(source))

    def item_messages(self, question_id: str) -> list[ValidationMessage]:
        """Everything wrong (or worth a second look) with one shown question's answer."""
        item = self.form.item_by_id[question_id]
        if not item.answerable or question_id not in self.state.visible_items:
            return []
        value = self.answers.get(question_id)
        if value is None:
            return [self._message(question_id, "required")] if self.is_required(question_id) else []
        messages = [
            self._message(question_id, code, params) for code, params in range_problems(item, value)
        ]
        if not is_special(value):
            messages += [
                self._message(question_id, code, params, key)
                for code, params, key in item.handler.bound_problems(
                    item, value, self._eval, self.texts
                )
            ]
        if not is_special(value) and not messages:
            for constraint in item.constraints:
                if self._eval(constraint.expr) is False:
                    messages.append(
                        ValidationMessage(
                            question_id,
                            "constraint",
                            self.texts.text(constraint.message),
                            constraint.severity,
                        )
                    )
        return messages

    def page_messages(self, page: Page | None = None) -> list[ValidationMessage]:
        return [m for item in self.visible_items(page) for m in self.item_messages(item.id)]

    # -- navigation -------------------------------------------------------------------------
    def next(self) -> list[ValidationMessage]:
        """Go to the next page shown, or finish on the last; returns what stops it, if anything."""
        page = self.current_page
        messages = self.page_messages(page)
        errors = [m for m in messages if m.severity == "error"]
        if errors:
            return errors
        fresh = [m for m in messages if (m.question_id, m.code) not in self._acknowledged]
        if fresh:
            self._acknowledged |= {(m.question_id, m.code) for m in fresh}
            return fresh
        self._passed.add(page.id)
        pages = self.visible_pages
        index = [p.id for p in pages].index(page.id)
        if index + 1 < len(pages):
            self._page_id = pages[index + 1].id
        else:
            blocking = self._first_incomplete_page()
            if blocking is None:
                self.finished = True
            else:
                self._page_id = blocking.id
                return [m for m in self.page_messages(blocking) if m.severity == "error"]
        self._floor = max(self._floor, self._computed_progress())
        return []

    def back(self) -> bool:
        """Go to the previous page shown; False on the first page."""
        pages = [p.id for p in self.visible_pages]
        index = pages.index(self.current_page.id)
        if index == 0:
            return False
        self._page_id = pages[index - 1]
        return True

    def go_to(self, page_id: str) -> None:
        """Jump to a shown page, e.g. from the review screen to change an answer."""
        if page_id not in [p.id for p in self.visible_pages]:
            raise ValueError(f"page {page_id} is not shown")
        self._page_id = page_id

    def _first_incomplete_page(self) -> Page | None:
        for page in self.visible_pages:
            if any(m.severity == "error" for m in self.page_messages(page)):
                return page
        return None

    def _resume(self) -> None:
        """Carry on where a saved draft stopped: the first page with anything missing or wrong."""
        for page in self.visible_pages:
            items = [i for i in self.visible_items(page) if i.answerable]
            unanswered = any(i.id not in self.answers for i in items)
            if unanswered or any(m.severity == "error" for m in self.page_messages(page)):
                self._page_id = page.id
                break
            self._passed.add(page.id)
        else:
            self._page_id = self.visible_pages[-1].id
        self._floor = self._computed_progress()

    # -- progress and completion ------------------------------------------------------------
    def _computed_progress(self) -> float:
        pages = self.visible_pages
        if not pages:
            return 1.0
        return sum(p.id in self._passed for p in pages) / len(pages)

    @property
    def progress(self) -> float:
        """0..1; 1 only once the last page has been confirmed."""
        if self.finished:
            return 1.0
        return min(max(self._floor, self._computed_progress()), 0.99)

    @property
    def is_complete(self) -> bool:
        """Every shown required question answered and no errors anywhere."""
        return self._first_incomplete_page() is None

    def missing_required(self) -> list[str]:
        return [
            i.id
            for p in self.visible_pages
            for i in self.visible_items(p)
            if i.answerable and i.id not in self.answers and self.is_required(i.id)
        ]

    # -- results ----------------------------------------------------------------------------
    def effective_answers(self) -> dict[str, JsonValue]:
        """The answers to questions that are shown: what should be saved and exported."""
        return {qid: v for qid, v in self.answers.items() if qid in self.state.visible_items}

    def summary(self) -> list[SummaryRow]:
        rows = []
        for page in self.visible_pages:
            for item in self.visible_items(page):
                if item.handler.computed:
                    value = self.state.values.get(item.id)
                elif item.answerable:
                    value = self.answers.get(item.id)
                else:
                    continue
                shown = answer_text(item, value, self.texts)  # type: ignore[arg-type]
                label = self.texts.resolve(item.label or "")
                rows.append(
                    SummaryRow(
                        item.id, page.id, label.text, shown, value is not None, label.placeholder
                    )
                )
        return rows

    def scores(self) -> dict[str, ScoreResult]:
        return score_form(
            self.form, self.effective_answers(), {**self.context, "today": self.today}, self.state
        )

    def provenance(self) -> dict[str, object]:
        """What to store with the response so it can be read and checked later."""
        return {
            "form_id": self.form.id,
            "form_version": self.form.version,
            "form_sha256": self.form.content_hash,
            "locale": self.texts.locale,
            "text_packs": {
                ns: pack for ns, pack in self.texts.provenance().items() if ns in self._namespaces
            },
        }

    @cached_property
    def _namespaces(self) -> set[str]:
        return {key.split(".", 1)[0] for key in text_keys(self.form)} | {"engine"}
