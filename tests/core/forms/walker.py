"""Answer generators for walking forms: valid answers chosen by a strategy."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from crdesk.core.forms import FormSession
from crdesk.core.forms.model import Item

SAFE_DATE = "2024-01-15"  # after any test date of birth, before any test "today"


def valid_answer(item: Item, strategy: str, rng: random.Random) -> Any:
    """A value the engine should accept for ``item`` under a strategy (first/last/random)."""
    if strategy == "special" and item.allow:
        return {"special": item.allow[0]}
    pick = {"first": 0, "last": -1}.get(strategy)
    if item.type in ("single", "pictorial", "yes_no"):
        choices = item.choices
        return choices[pick].value if pick is not None else rng.choice(choices).value
    if item.type == "multiple":
        plain = [o.value for o in item.options if not o.exclusive]
        if pick == 0:
            return [plain[0]]
        if pick == -1:
            return plain[: item.max_selected or len(plain)]
        return rng.sample(plain, k=rng.randint(1, len(plain)))
    if item.type in ("integer", "decimal", "measurement"):
        low, high = float(item.min), float(item.max)  # type: ignore[arg-type]
        step = item.step or (1 if item.type == "integer" else 0.1)
        if pick == 0:
            value = low
        elif pick == -1:
            value = low + ((high - low) // step) * step
        else:
            value = low + rng.randint(0, int((high - low) // step)) * step
        value = round(value, 1)
        return int(value) if item.type == "integer" else value
    if item.type == "date":
        if strategy == "random":
            return (dt.date(2024, 1, 15) + dt.timedelta(days=rng.randint(0, 100))).isoformat()
        return SAFE_DATE
    if item.type in ("text", "long_text"):
        return "x" * rng.randint(1, min(item.max_length or 30, 30))
    raise AssertionError(f"no generator for {item.type}")


def _fallback(session: FormSession, item: Item, rng: random.Random) -> Any:
    if item.type == "date":  # the latest date given so far satisfies "not before" rules
        dates = [v for k, v in session.answers.items() if session.form.item_by_id[k].type == "date"]
        return max([d for d in dates if isinstance(d, str)] + [SAFE_DATE])
    return valid_answer(item, "first", rng)


def walk(
    session: FormSession, strategy: str, seed: int = 0, required_only: bool = False
) -> list[str]:
    """Answer page by page until finished; returns the page ids in the order visited."""
    rng = random.Random(seed)
    visited: list[str] = []
    for _ in range(200):
        page = session.current_page
        visited.append(page.id)
        for item in page.items:  # visibility is checked as answers reveal questions
            if not item.answerable or not session.is_visible(item.id):
                continue
            if required_only and not session.is_required(item.id):
                continue
            errors = [
                m
                for m in session.answer(item.id, valid_answer(item, strategy, rng))
                if m.severity == "error"
            ]
            if errors:  # e.g. a random date before an earlier one: fall back to a safe answer
                errors = [
                    m
                    for m in session.answer(item.id, _fallback(session, item, rng))
                    if m.severity == "error"
                ]
            assert errors == [], (item.id, errors)
        messages = session.next()
        if messages and all(m.severity == "warning" for m in messages):
            messages = session.next()  # warnings are shown once, then accepted
        assert messages == [], (page.id, messages)
        if session.finished:
            return visited
    raise AssertionError("the form never finished")
