"""Rounding as people do it on paper, shared by scores, units and expressions."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

# Beyond this no measurement or score is meaningful, and Decimal's 28-digit context would fail.
_LIMIT = 1e15


def round_half_up(value: float, places: int = 0) -> float:
    """2.5 -> 3 and 0.25 -> 0.3 at one place; Python's round() would give 2 and 0.2.

    Going through repr() first avoids binary-float surprises (0.15 is stored as 0.1499...).
    """
    if not math.isfinite(value) or abs(value) >= _LIMIT:
        return float(value)
    quant = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(quant, rounding=ROUND_HALF_UP))
