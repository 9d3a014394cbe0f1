"""What a printed questionnaire holds, before anything is drawn: which pages and questions
of a form print for an assessment, their numbers, and the skip instructions ("If you chose
“No”, go to question 12") worked out from the form's show_if logic. Plain data, no PDF
library, so tests (and the staff entry screen, to show the same numbers) can read it.

Rules:
- A page or question whose show_if reads only context values (``assessment == "A1"``) is
  decided now: it prints or it does not. One that reads answers prints, with an instruction.
- Every question that takes an answer gets a number, in form order; information items print
  as text, calculated values not at all (crdesk works them out when the form is typed in).
- The form's opening information (its first page, when it holds information items, and the
  pages after it in the same section: the privacy notice and the opt-out choice) prints
  first on every copy, even at an assessment where the kiosk does not ask it again: a paper
  form often goes home, and the patient must be able to read how their answers are used and
  say no.
- A question whose wording comes from a placeholder pack prints its placeholder label and no
  answer spaces (nothing can be ticked against "Licensed text not installed"), and the page
  says the licensed text is not installed.
- A skip instruction is written at a question only when the condition can be said in plain
  words (one answer equals, is among, is ticked, or compares with a number); the questions it
  skips then say which question sends them. Any other condition prints "Answer this question
  only if it applies to you."
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from crdesk.core.forms.evaluation import compiled
from crdesk.core.forms.expression_eval import Evaluator
from crdesk.core.forms.expressions import Binary, Call, ListLit, Literal, Node, Ref, references
from crdesk.core.forms.model import Form, Item, Page
from crdesk.core.forms.textpacks import TextCatalog

NAMESPACE = "paper"


@dataclass(frozen=True)
class PrintedItem:
    item: Item
    number: int | None  # None: information text, not a question
    label: str
    placeholder: bool  # the wording is a stand-in: print no answer spaces
    lead: str = ""  # printed above the question ("Answer this only if question 4 ...")
    skips: tuple[str, ...] = ()  # printed below the answer spaces


@dataclass
class PrintedPage:
    page: Page
    section: str  # the section's title when a new section starts here, else ""
    title: str
    intro: str
    items: list[PrintedItem] = field(default_factory=list)
    placeholders: tuple[str, ...] = ()  # instruments whose licensed wording is missing
    earlier: bool = False  # the opening information, not asked again at this assessment


@dataclass
class QuestionnairePlan:
    form: Form
    title: str
    pages: list[PrintedPage]
    opening: bool = False  # pages[0] is the form's opening information (privacy, opt-out)
    opening_pages: int = 0  # how many of the first pages are (the information and the choice)

    @property
    def questions(self) -> list[PrintedItem]:
        """The numbered questions, in order."""
        return [p for page in self.pages for p in page.items if p.number is not None]


def words(texts: TextCatalog, key: str, **params: object) -> str:
    return texts.text(f"{NAMESPACE}.{key}", **params)


def _context_lookup(form: Form, context: Mapping[str, object]) -> Evaluator:
    def lookup(name: str) -> object:
        return context.get(name)

    return Evaluator(lookup, dt.date.today())


def _reads_answers(form: Form, source: str | None) -> bool:
    return bool(source) and bool(references(compiled(source or "")) & set(form.item_by_id))


def _decided(form: Form, source: str | None, evaluator: Evaluator) -> bool | None:
    """True/False for a condition on context only; None when it depends on answers."""
    if source is None:
        return True
    if _reads_answers(form, source):
        return None
    return evaluator(compiled(source)) is True


def _opening_pages(form: Form) -> list[Page]:
    """The first page, when it holds information, and the pages after it in its section:
    the privacy notice and the opt-out choice, which nacr_patient v3 puts on a page of its
    own so that the kiosk shows the question and all its answers without scrolling."""
    first = form.pages[0] if form.pages else None
    if first is None or not any(not i.answerable and not i.handler.computed
                                for i in first.items):
        return []
    opening = [first]
    for page in form.pages[1:]:
        if not first.section or page.section != first.section:
            break
        opening.append(page)
    return opening


def _placeholder(texts: TextCatalog, item: Item) -> bool:
    keys = [k for k in (item.label, item.body) if k]
    keys += [o.text for o in item.options]
    return any(texts.resolve(k).placeholder for k in keys)


def _instrument(texts: TextCatalog, item: Item) -> str:
    key = item.label or item.body or ""
    for pack in texts.packs.get(key.split(".", 1)[0], []):
        if key in pack.texts:
            return pack.instrument or pack.namespace
    return key.split(".", 1)[0]


# ---- conditions said in words ---------------------------------------------------------------

@dataclass(frozen=True)
class _Condition:
    """A condition on one question: ``kind`` is chosen, ticked or compare; ``values`` the
    answers (or the number) that make it true; ``op`` the comparison."""

    question: str
    kind: str
    values: tuple[object, ...]
    op: str = "=="


def _literal(node: Node) -> object | None:
    return node.value if isinstance(node, Literal) else None


def _simple(node: Node) -> _Condition | None:
    if isinstance(node, Call) and node.name == "selected" and len(node.args) == 2:
        ref, value = node.args
        if isinstance(ref, Ref) and isinstance(value, Literal):
            return _Condition(ref.name, "ticked", (value.value,))
        return None
    if not isinstance(node, Binary):
        return None
    if node.op == "in" and isinstance(node.left, Ref) and isinstance(node.right, ListLit):
        values = tuple(_literal(v) for v in node.right.items)
        if all(isinstance(v, Literal) for v in node.right.items):
            return _Condition(node.left.name, "chosen", values)
        return None
    if node.op in ("==", "!=", "<", "<=", ">", ">="):
        left, right, op = node.left, node.right, node.op
        if isinstance(right, Ref) and isinstance(left, Literal):
            left, right = right, left
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)
        if isinstance(left, Ref) and isinstance(right, Literal):
            return _Condition(left.name, "compare", (right.value,), op)
    return None


def _quoted(texts: TextCatalog, text: str) -> str:
    return words(texts, "quote", text=text)


def _joined(texts: TextCatalog, parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    head = words(texts, "list.separator").join(parts[:-1])
    return words(texts, "list.or", first=head, last=parts[-1])


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# A comparison that is TRUE for the question, and the key that says when it is FALSE.
_SKIP_WHEN_FALSE = {">": "skip.at_most", ">=": "skip.below", "<": "skip.at_least",
                    "<=": "skip.above", "==": "skip.is_not", "!=": "skip.is"}


def _skip_text(texts: TextCatalog, cond: _Condition, item: Item, target: str) -> str | None:
    """The instruction at the controlling question: when to jump past what depends on it."""
    if cond.kind == "ticked":
        chosen = [o for o in item.choices if o.value in cond.values]
        if not chosen:
            return None
        return words(texts, "skip.not_ticked", target=target,
                     answers=_joined(texts, [_quoted(texts, texts.text(o.text)) for o in chosen]))
    if item.handler.chosen and (cond.kind == "chosen" or cond.op in ("==", "!=")):
        true_values: set[object] = set(cond.values)
        options: list[tuple[object, str]] = [(o.value, texts.text(o.text)) for o in item.choices]
        options += [(s, texts.text(f"engine.answer.{s}")) for s in item.allow]
        if cond.op == "!=":
            true_values = {v for v, _ in options} - true_values
        true_texts = [_quoted(texts, t) for v, t in options if v in true_values]
        false_texts = [_quoted(texts, t) for v, t in options if v not in true_values]
        if not true_texts or not false_texts:
            return None
        if len(false_texts) <= 2:
            return words(texts, "skip.chosen", answers=_joined(texts, false_texts),
                         target=target)
        return words(texts, "skip.not_chosen", answers=_joined(texts, true_texts),
                     target=target)
    value = cond.values[0]
    span = item.handler.numeric_range(item)
    if cond.kind == "compare" and isinstance(value, int | float) \
            and not isinstance(value, bool) and span:
        key = _SKIP_WHEN_FALSE[cond.op]
        # "more than 0" on a question that starts at 0 is false only for 0: say so.
        if (cond.op == ">" and value == span[0]) or (cond.op == "<" and value == span[1]):
            key = "skip.is"
        return words(texts, key, k=_number_text(value), target=target)
    return None


def _info_lead(texts: TextCatalog, cond: _Condition, item: Item, number: int) -> str:
    """For information text shown only after some answers: "If you chose “No” in question 3:"."""
    if item.handler.chosen and (cond.kind in ("chosen", "ticked") or cond.op == "=="):
        chosen = [texts.text(o.text) for o in item.choices if o.value in cond.values]
        if chosen:
            return words(texts, "info_if.chosen", n=number,
                         answers=_joined(texts, [_quoted(texts, t) for t in chosen]))
    return ""


# ---- the plan -------------------------------------------------------------------------------

def _conditions(form: Form, page: Page, item: Item) -> list[str]:
    """The show_if sources that read answers and decide whether ``item`` is asked."""
    return [s for s in (page.show_if, item.show_if) if s and _reads_answers(form, s)]


def plan(form: Form, texts: TextCatalog, context: Mapping[str, object]) -> QuestionnairePlan:
    """The printed questionnaire for ``form`` with the given context (e.g. the assessment)."""
    evaluator = _context_lookup(form, context)
    opening = _opening_pages(form)
    chosen_pages: list[tuple[Page, bool]] = [
        (page, _decided(form, page.show_if, evaluator) is False) for page in opening]
    for page in form.pages:
        if page not in opening and _decided(form, page.show_if, evaluator) is not False:
            chosen_pages.append((page, False))

    # First pass: what prints, and the question numbers.
    entries: list[tuple[Page, Item, list[str]]] = []
    for page, _earlier in chosen_pages:
        for item in page.items:
            if item.handler.computed:
                continue
            if _decided(form, item.show_if, evaluator) is False and not _reads_answers(
                    form, item.show_if):
                continue
            entries.append((page, item, _conditions(form, page, item)))
    numbers: dict[str, int] = {}
    for _page, item, _conds in entries:
        if item.answerable:
            numbers[item.id] = len(numbers) + 1

    # Which questions each printed item depends on (through chains of conditions).
    depends: dict[str, set[str]] = {}
    for _page, item, conds in entries:
        direct = set().union(*(references(compiled(c)) for c in conds)) & set(form.item_by_id)
        found = set(direct)
        for name in direct:
            found |= depends.get(name, set())
        depends[item.id] = found

    order = [item.id for _page, item, _conds in entries]
    skips: dict[str, list[str]] = {}
    leads: dict[str, str] = {}
    for _page, item, conds in entries:
        if not conds:
            continue
        described = None
        if len(conds) == 1:
            cond = _simple(compiled(conds[0]))
            if cond is not None and cond.question in numbers:
                described = cond
        if described is None:
            if item.answerable:
                leads[item.id] = words(texts, "only_if.applies")
            continue
        controller = form.item_by_id[described.question]
        if not item.answerable:
            leads[item.id] = _info_lead(texts, described, controller, numbers[controller.id])
            continue
        leads[item.id] = words(texts, "only_if.see", n=numbers[controller.id])
        # The instruction goes at the controller once per condition: jump to the first
        # printed question after it that does not depend on it.
        start = order.index(controller.id)
        target_id = next((qid for qid in order[start + 1:] if qid in numbers
                          and controller.id not in depends.get(qid, set())), None)
        target = (words(texts, "target.question", n=numbers[target_id]) if target_id
                  else words(texts, "target.end"))
        text = _skip_text(texts, described, controller, target)
        if text is None:
            leads[item.id] = words(texts, "only_if.applies")
        elif text not in skips.setdefault(controller.id, []):
            skips[controller.id].append(text)

    pages: list[PrintedPage] = []
    section_titles = {s.id: s.title for s in form.sections}
    last_section: str | None = None
    for page, earlier in chosen_pages:
        section = ""
        if page.section and page.section != last_section:
            section = texts.text(section_titles[page.section])
        last_section = page.section or last_section
        printed = PrintedPage(page, section, texts.text(page.title),
                              texts.text(page.intro) if page.intro else "", earlier=earlier)
        instruments: list[str] = []
        for entry_page, item, _conds in entries:
            if entry_page is not page:
                continue
            placeholder = _placeholder(texts, item)
            if placeholder and (name := _instrument(texts, item)) not in instruments:
                instruments.append(name)
            label = texts.text(item.label) if item.label else ""
            printed.items.append(PrintedItem(item, numbers.get(item.id), label, placeholder,
                                             leads.get(item.id, ""),
                                             tuple(skips.get(item.id, ()))))
        printed.placeholders = tuple(instruments)
        if page.intro and texts.resolve(page.intro).placeholder and not instruments:
            printed.placeholders = (page.intro.split(".", 1)[0],)
        pages.append(printed)
    return QuestionnairePlan(form, texts.text(form.title), pages, bool(opening), len(opening))
