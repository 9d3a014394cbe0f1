"""Height, weight and length: stored metric, with the entry as the person typed it."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import TYPE_CHECKING

from crdesk.core.forms.answer_values import AnswerError, JsonValue, read_number
from crdesk.core.forms.display import entry_text, number_text
from crdesk.core.forms.questions.base import Report
from crdesk.core.forms.questions.entry import Ranged
from crdesk.core.forms.questions.kind import QuestionType
from crdesk.core.forms.spec import Path
from crdesk.core.forms.textpacks import TextCatalog
from crdesk.core.forms.units import QUANTITIES, UnitError, to_metric

if TYPE_CHECKING:
    from crdesk.core.forms.questions.item_view import QuestionItem as Item


class Measurement(Ranged):
    """Accepts a metric number, an entry (``{"unit": "st_lb", "st": 12, "lb": 8}``) or a
    stored value (recomputed from ``entered``); stores
    ``{"value": 172.7, "unit": "cm", "entered": {...}}``. The range is metric, the step
    is not checked (an entry in feet and inches rarely lands on it)."""

    type = QuestionType.MEASUREMENT
    checks_step = False

    def normalise(self, item: Item, value: object) -> JsonValue:
        quantity = QUANTITIES[item.quantity or "height"]
        entry: Mapping[str, object]
        if isinstance(value, Mapping) and "entered" in value:
            entered = value["entered"]
            entry = entered if isinstance(entered, Mapping) else {}
        elif isinstance(value, Mapping):
            entry = value
        else:
            entry = {"unit": quantity.metric, quantity.metric: read_number(value)}
        allowed = item.units or quantity.entry_units
        if entry.get("unit") not in allowed:
            raise AnswerError("entry_unit", allowed=", ".join(allowed))
        try:
            metric = to_metric(item.quantity or "height", entry)
        except UnitError as exc:
            raise AnswerError(exc.code, **exc.params) from None
        return {"value": metric, "unit": quantity.metric, "entered": dict(entry)}

    def expression_value(self, item: Item, value: JsonValue) -> object:
        return value.get("value") if isinstance(value, dict) else value

    def check(self, item: Item, path: Path, report: Report) -> None:
        super().check(item, path, report)
        if item.quantity:
            allowed = QUANTITIES[item.quantity].entry_units
            for u, unit in enumerate(item.units):
                if unit not in allowed:
                    report(
                        (*path, "units", u),
                        f"{unit!r} cannot measure {item.quantity}",
                        f"use one of: {', '.join(allowed)}",
                    )

    def display(self, item: Item, value: JsonValue, texts: TextCatalog) -> str:
        if not isinstance(value, dict):
            return super().display(item, value, texts)
        if "value" not in value:
            # Stored as typed, without the metric value (older or imported records): shown as
            # typed rather than failing the whole summary.
            return entry_text(value, texts) if "unit" in value else super().display(
                item, value, texts)
        metric = texts.text(
            f"engine.measure.{value['unit']}", **{str(value["unit"]): number_text(value["value"])}
        )
        entered = value.get("entered")
        if isinstance(entered, dict) and entered.get("unit") != value["unit"]:
            return texts.text(
                "engine.measure.both", entered=entry_text(entered, texts), metric=metric
            )
        return metric

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        unit = item.units[0] if item.units else "cm"
        return {"unit": unit, unit: self.demo_number(item, rng)}
