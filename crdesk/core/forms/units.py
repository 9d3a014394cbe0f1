"""Units of measure and the conversions UK patients need: feet and inches, stones and pounds.

Everything is stored metric (cm, kg); the unit the person typed is kept beside the value so a
review screen can show "5 ft 8 in" back to the patient who entered it. Conversion factors are
the exact legal definitions (1 in = 2.54 cm, 1 lb = 0.45359237 kg).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from crdesk.core.forms.rounding import round_half_up

CM_PER_INCH = 2.54
KG_PER_POUND = 0.45359237
INCHES_PER_FOOT = 12
POUNDS_PER_STONE = 14

# Units a number question may show after its box. Display text: engine.unit.<code>.
SIMPLE_UNITS = (
    "cm",
    "kg",
    "metres",
    "mmhg",
    "mmol_per_l",
    "mmol_per_mol",
    "beats_per_minute",
    "minutes",
    "minutes_per_day",
    "minutes_per_week",
    "days_per_week",
    "units_per_week",
    "per_day",
    "ppm",
    "years",
    "percent",
    "kg_per_m2",
)


@dataclass(frozen=True)
class Quantity:
    """A measured quantity: the metric unit it is stored in and the units it may be entered in."""

    metric: str
    entry_units: tuple[str, ...]


QUANTITIES: dict[str, Quantity] = {
    "height": Quantity("cm", ("cm", "ft_in")),
    "weight": Quantity("kg", ("kg", "st_lb")),
    "length": Quantity("cm", ("cm", "in")),  # e.g. waist circumference
}
ENTRY_UNITS = ("cm", "ft_in", "kg", "st_lb", "in")
# The fields each entry unit carries, in the order people say them.
ENTRY_FIELDS: dict[str, tuple[str, ...]] = {
    "cm": ("cm",),
    "kg": ("kg",),
    "in": ("in",),
    "ft_in": ("ft", "in"),
    "st_lb": ("st", "lb"),
}


class UnitError(ValueError):
    """A measurement entry that cannot be converted; the message says why in plain words."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code  # engine.msg.<code> in the text pack
        self.params = params


def ft_in_to_cm(feet: float, inches: float) -> float:
    return (feet * INCHES_PER_FOOT + inches) * CM_PER_INCH


def cm_to_ft_in(cm: float) -> tuple[int, int]:
    """Nearest whole inch, as people quote their height."""
    total = int(round_half_up(cm / CM_PER_INCH))
    feet, inches = divmod(total, INCHES_PER_FOOT)
    return feet, inches


def st_lb_to_kg(stones: float, pounds: float) -> float:
    return (stones * POUNDS_PER_STONE + pounds) * KG_PER_POUND


def kg_to_st_lb(kg: float) -> tuple[int, int]:
    """Nearest whole pound."""
    total = int(round_half_up(kg / KG_PER_POUND))
    stones, pounds = divmod(total, POUNDS_PER_STONE)
    return stones, pounds


def in_to_cm(inches: float) -> float:
    return inches * CM_PER_INCH


def _number(entry: Mapping[str, object], key: str) -> float:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UnitError("entry_missing_part", part=key)
    if value < 0:
        raise UnitError("entry_negative", part=key)
    return float(value)


def to_metric(quantity: str, entry: Mapping[str, object]) -> float:
    """Convert an entry such as {"unit": "ft_in", "ft": 5, "in": 8} to the metric value (1 dp)."""
    unit = entry.get("unit")
    allowed = QUANTITIES[quantity].entry_units
    if unit not in allowed:
        raise UnitError("entry_unit", unit=unit, allowed=", ".join(allowed))
    extra = set(entry) - {"unit", *ENTRY_FIELDS[str(unit)]}
    if extra:
        raise UnitError("entry_missing_part", part=", ".join(sorted(extra)))
    if unit == "ft_in":
        feet, inches = _number(entry, "ft"), _number(entry, "in")
        if inches >= INCHES_PER_FOOT:
            raise UnitError("inches_too_many")
        metric = ft_in_to_cm(feet, inches)
    elif unit == "st_lb":
        stones, pounds = _number(entry, "st"), _number(entry, "lb")
        if pounds >= POUNDS_PER_STONE:
            raise UnitError("pounds_too_many")
        metric = st_lb_to_kg(stones, pounds)
    elif unit == "in":
        metric = in_to_cm(_number(entry, "in"))
    else:
        metric = _number(entry, str(unit))
    return round_half_up(metric, 1)


def from_metric(unit: str, metric: float) -> dict[str, object]:
    """The entry a person would have typed in ``unit`` for a metric value (for display)."""
    if unit == "ft_in":
        feet, inches = cm_to_ft_in(metric)
        return {"unit": unit, "ft": feet, "in": inches}
    if unit == "st_lb":
        stones, pounds = kg_to_st_lb(metric)
        return {"unit": unit, "st": stones, "lb": pounds}
    if unit == "in":
        return {"unit": unit, "in": round_half_up(metric / CM_PER_INCH, 1)}
    return {"unit": unit, unit: metric}
