"""One small item of every question type, and values to give it: plain data shared by the
handler tests (tests/core/forms/test_question_types.py) and the GUI registry tests."""

from __future__ import annotations

from typing import Any

from crdesk.core.forms.model import Option

_COLOURS = (Option("red", "t.red"), Option("blue", "t.blue"))
_SCORED = tuple(Option(n, f"t.score_{n}") for n in range(4))
_PICTURES = tuple(Option(n, f"t.chart_{n}", image=f"t.chart_{n}") for n in range(1, 6))

# type -> keyword arguments of an Item of that type
ITEMS: dict[str, dict[str, Any]] = {
    "info": {"id": "intro", "type": "info", "label": "t.title", "body": "t.note"},
    "single": {"id": "colour", "type": "single", "label": "t.colour", "options": _COLOURS,
               "allow": ("dont_know",)},
    "single_scored": {"id": "hads_1", "type": "single", "label": "t.a", "options": _SCORED},
    "multiple": {
        "id": "conditions", "type": "multiple", "label": "t.a", "min_selected": 2,
        "max_selected": 2,
        "options": (*_COLOURS, Option("green", "t.green"),
                    Option("none", "t.other", exclusive=True)),
    },
    "yes_no": {"id": "smoker", "type": "yes_no", "label": "t.smoker"},
    "pictorial": {"id": "coop_1", "type": "pictorial", "label": "t.a", "options": _PICTURES},
    "integer": {"id": "per_day", "type": "integer", "label": "t.per_day", "min": 0,
                "max": 100, "unit": "per_day"},
    "decimal": {"id": "cholesterol", "type": "decimal", "label": "t.a", "min": 2.0, "max": 15,
                "step": 0.1, "unit": "mmol_per_l"},
    "decimal_quarter": {"id": "hours", "type": "decimal", "label": "t.a", "min": 0, "max": 10,
                        "step": 0.25},
    "date": {"id": "seen", "type": "date", "label": "t.seen"},
    "text": {"id": "other", "type": "text", "label": "t.other", "max_length": 5},
    "long_text": {"id": "notes", "type": "long_text", "label": "t.note"},
    "measurement": {"id": "height", "type": "measurement", "label": "t.height",
                    "quantity": "height", "min": 100, "max": 230},
    "measurement_kg": {"id": "weight", "type": "measurement", "label": "t.weight",
                       "quantity": "weight", "units": ("kg",), "min": 25, "max": 350},
    "calculated": {"id": "bmi", "type": "calculated", "label": "t.total", "expr": "1 + 1",
                   "unit": "kg_per_m2", "places": 1},
}

# item name -> values given (each normalised, then checked, read and shown)
CASES: dict[str, list[Any]] = {
    "info": ["read"],
    "single": ["red", "blue", "purple", 1, "", None, {"special": "dont_know"},
               {"special": "prefer_not_to_say"}],
    "single_scored": [2, 0, "2", 7, True],
    "multiple": [["blue", "red"], ["red"], ["red", "none"], ["none"], [], "red",
                 ["red", "blue", "green"], ("green", "blue")],
    "yes_no": ["yes", "no", True, False, "maybe", 1],
    "pictorial": [1, 5, 6, "3"],
    "integer": [12, "12", " 1,250 ", 12.0, "12.5", 101, -1, "abc", True, float("inf")],
    "decimal": ["5.45", 5.44, 5.449, 1.0, 16, "x", "1e3"],
    "decimal_quarter": [0.25, 0.3, "2.5", 10.01],
    "date": ["2024-03-31", "31/03/2024", " 2024-03-31 ", "2024-02-30", "31/13/2024", 20240331],
    "text": ["  hi  ", "   ", "abcdef", 5, "ok"],
    "long_text": ["line one\nline two ", 3.5],
    "measurement": [
        {"unit": "ft_in", "ft": 5, "in": 8},
        172.7,
        "172.66",
        {"unit": "cm", "cm": 99},
        {"unit": "ft_in", "ft": 5, "in": 13},
        {"value": 172.7, "unit": "cm", "entered": {"unit": "ft_in", "ft": 5, "in": 8}},
        {"unit": "kg", "kg": 80},
        {"unit": "in", "in": 70},
        {"unit": "ft_in", "ft": "five", "in": 8},
    ],
    "measurement_kg": [{"unit": "kg", "kg": 80.25}, 80, {"unit": "st_lb", "st": 12, "lb": 8},
                       {"unit": "kg", "kg": 400}],
    "calculated": [23.4],
}
