"""Which questions share a kiosk screen. No Qt here.

A form page can hold several questions (HADS puts seven on one), but patients are asked one
thing at a time. So each form page is split into *steps*: one question with the information
just before it and the follow-up questions that depend on it ("How many a day?" after "Do you
smoke?"), which appear and disappear on the same screen as the answer changes. The engine
still owns pages: validation, progress and the resume point are per form page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crdesk.core.forms import FormSession, Item, Page

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass(frozen=True)
class Step:
    page_id: str
    index: int  # position among the page's steps (all of them, shown or not)
    items: tuple[Item, ...]

    @property
    def answerable(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.answerable)


def _names(item: Item) -> set[str]:
    text = " ".join(x for x in (item.show_if, item.expr) if x)
    return set(_NAME.findall(text))


def page_steps(page: Page) -> tuple[Step, ...]:
    # Recomputed on demand: a page has a handful of items, and Item is not hashable.
    groups: list[list[Item]] = []
    pending: list[Item] = []  # information shown with the next question
    for item in page.items:
        current = groups[-1] if groups else None
        related = current is not None and bool(_names(item) & {i.id for i in current})
        if related and current is not None:
            current.extend(pending)
            pending = []
            current.append(item)
        elif item.answerable:
            groups.append([*pending, item])
            pending = []
        elif item.handler.computed and current is not None:
            current.append(item)
        else:
            pending.append(item)
    if pending:
        # Values worked out (calculated) join the last question; text to read (info) starts
        # a screen of its own.
        if groups and all(i.handler.computed for i in pending):
            groups[-1].extend(pending)
        else:
            groups.append(pending)
    return tuple(Step(page.id, n, tuple(g)) for n, g in enumerate(groups))


def visible_steps(fs: FormSession, page: Page) -> list[Step]:
    return [s for s in page_steps(page) if any(fs.is_visible(i.id) for i in s.items)]


def resume_step(fs: FormSession, page: Page) -> int:
    """Where to carry on in a page: the first step with an unanswered question."""
    steps = visible_steps(fs, page)
    for n, step in enumerate(steps):
        if any(fs.is_visible(i.id) and i.id not in fs.answers for i in step.answerable):
            return n
    return 0


def screen_position(fs: FormSession, step_number: int) -> tuple[int, int]:
    """(screen number, screens in all) counting every shown step of every shown page."""
    before = 0
    total = 0
    for page in fs.visible_pages:
        count = len(visible_steps(fs, page))
        if page.id == fs.current_page.id:
            before = total
        total += count
    return before + step_number + 1, max(total, 1)
