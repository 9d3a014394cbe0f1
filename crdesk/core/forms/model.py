"""The in-memory shape of a loaded form. Field names match the YAML keys (see schema.py).

These are plain frozen dataclasses so the engine, scoring and the GUI can share them freely;
a test checks that every key declared in schema.py has an attribute here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from crdesk.core.forms.options import Option  # lives apart so the question types can use it
from crdesk.core.forms.questions import QuestionHandler, QuestionType, handler_for

ITEM_TYPES = frozenset(QuestionType)
SPECIALS = ("dont_know", "prefer_not_to_say")


class ScoreKind(StrEnum):
    """How a score is worked out (the ``type`` of a score)."""

    SUM = "sum"
    ITEM = "item"
    EXPRESSION = "expression"


@dataclass(frozen=True)
class Constraint:
    expr: str
    message: str
    severity: str = "error"


@dataclass(frozen=True)
class Item:
    id: str
    type: QuestionType  # parsed from the schema's name when the item is made
    label: str | None = None
    help: str | None = None
    body: str | None = None
    show_if: str | None = None
    required: bool | str = False
    constraints: tuple[Constraint, ...] = ()
    allow: tuple[str, ...] = ()
    special_codes: Mapping[str, str] = field(default_factory=dict)
    options: tuple[Option, ...] = ()  # the loader resolves option-set names to options
    min_selected: int | None = None
    max_selected: int | None = None
    min: float | str | None = None
    max: float | str | None = None
    min_message: str | None = None
    max_message: str | None = None
    step: float | None = None
    unit: str | None = None
    places: int | None = None
    quantity: str | None = None
    units: tuple[str, ...] = ()
    max_length: int | None = None
    expr: str | None = None

    def __post_init__(self) -> None:
        # The loader has checked the name against the schema; QuestionType("...") raises
        # ValueError for anything else made in code.
        object.__setattr__(self, "type", QuestionType(self.type))

    @property
    def handler(self) -> QuestionHandler:
        """Everything that depends on the item's type (see crdesk/core/forms/questions)."""
        return handler_for(self.type)

    @property
    def answerable(self) -> bool:
        return self.handler.answerable

    @property
    def choices(self) -> tuple[Option, ...]:
        """The options to show (yes/no questions get theirs from the engine text pack)."""
        return self.handler.choices(self)

    def option(self, value: object) -> Option | None:
        for option in self.choices:
            if option.value == value and type(option.value) is type(value):
                return option
        return None


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    items: tuple[Item, ...]
    section: str | None = None
    intro: str | None = None
    show_if: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class ContextValue:
    type: str
    description: str = ""
    values: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Band:
    min: float
    id: str
    text: str


@dataclass(frozen=True)
class MissingRule:
    max_missing: int = 0
    method: str = "prorate"


@dataclass(frozen=True)
class Flag:
    id: str
    when: str
    text: str


@dataclass(frozen=True)
class Score:
    id: str
    type: ScoreKind
    label: str
    items: tuple[str, ...] = ()
    item: str | None = None
    expr: str | None = None
    reverse: tuple[str, ...] = ()
    missing: MissingRule = MissingRule()
    bands: tuple[Band, ...] = ()
    flags: tuple[Flag, ...] = ()
    places: int = 0
    unit: str | None = None
    instrument: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", ScoreKind(self.type))


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    version: int
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Retired:
    id: str
    version: int
    label: str
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class VersionEntry:
    """One released version of a form and what changed in it (the declared history)."""

    version: int
    date: str
    changes: str


@dataclass(frozen=True)
class History:
    renamed: tuple[Rename, ...] = ()
    retired: tuple[Retired, ...] = ()
    versions: tuple[VersionEntry, ...] = ()


@dataclass(frozen=True)
class Form:
    format: int
    id: str
    version: int
    title: str
    audience: str
    locales: tuple[str, ...]
    pages: tuple[Page, ...]
    description: str = ""
    context: Mapping[str, ContextValue] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    option_sets: Mapping[str, tuple[Option, ...]] = field(default_factory=dict)
    scores: tuple[Score, ...] = ()
    history: History = History()
    # Set by the loader, not written in YAML:
    source: str = ""
    content_hash: str = ""

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """Every item in document order (the order expressions may refer back along)."""
        return tuple(item for page in self.pages for item in page.items)

    @cached_property
    def item_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    @cached_property
    def page_of(self) -> dict[str, Page]:
        return {item.id: page for page in self.pages for item in page.items}

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)
