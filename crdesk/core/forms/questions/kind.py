"""The closed set of question types a form may use (the ``type`` of an item)."""

from __future__ import annotations

from enum import StrEnum


class QuestionType(StrEnum):
    """Every item type of the form schema. A value of this enum is what ``Item.type`` holds;
    being a ``StrEnum`` it still writes and hashes as the schema's name."""

    INFO = "info"
    SINGLE = "single"
    MULTIPLE = "multiple"
    YES_NO = "yes_no"
    PICTORIAL = "pictorial"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    TEXT = "text"
    LONG_TEXT = "long_text"
    MEASUREMENT = "measurement"
    CALCULATED = "calculated"
