"""Building blocks for declaring a file format once and getting two things from it.

From one declaration (see ``schema.py``) we generate the JSON Schema that editors use, and we
validate parsed YAML with messages written for the people who edit forms: the place, what is
wrong and how to fix it. A generic JSON Schema validator would give neither good messages nor
"did you mean" hints, and would be a second source of truth.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Issue:
    """A structural problem at a place in the parsed document."""

    path: Path
    reason: str
    fix: str


_KIND_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "date": "a date",
}


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"true/false ({value!r})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


class Spec(ABC):
    """One node of a format declaration."""

    doc: str = ""

    @abstractmethod
    def json_schema(self) -> dict[str, Any]:
        """This node as JSON Schema."""

    @abstractmethod
    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        """Append an Issue to ``out`` for everything wrong with ``value``."""

    def accepts(self, value: object) -> bool:
        probe: list[Issue] = []
        self.validate(value, (), probe)
        return not probe


@dataclass(frozen=True)
class Scalar(Spec):
    kind: str  # string, integer, number, boolean, date
    doc: str = ""
    enum: tuple[object, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    const: object = None

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = (
            {"type": "string", "format": "date"} if self.kind == "date" else {"type": self.kind}
        )
        if self.enum is not None:
            schema["enum"] = list(self.enum)
        if self.pattern is not None:
            schema["pattern"] = self.pattern
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.const is not None:
            schema["const"] = self.const
        if self.doc:
            schema["description"] = self.doc
        return schema

    def _type_ok(self, value: object) -> bool:
        if self.kind == "boolean":
            return isinstance(value, bool)
        if isinstance(value, bool):
            return False
        if self.kind == "integer":
            return isinstance(value, int)
        if self.kind == "number":
            return isinstance(value, int | float)
        if self.kind == "date":
            return isinstance(value, dt.date)
        return isinstance(value, str)

    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        if not self._type_ok(value):
            fix = f"write {_KIND_WORDS[self.kind]} here"
            if self.kind == "string" and isinstance(value, bool):
                fix = "put quotes around it: YAML reads bare yes/no/true/false as true or false"
            elif self.kind == "string" and isinstance(value, int | float | dt.date):
                fix = f"put quotes around it: '{value}'"
            out.append(
                Issue(path, f"expected {_KIND_WORDS[self.kind]}, found {_describe(value)}", fix)
            )
            return
        if self.const is not None and value != self.const:
            out.append(
                Issue(path, f"must be {self.const!r}, found {value!r}", f"write {self.const!r}")
            )
        if self.enum is not None and value not in self.enum:
            close = difflib.get_close_matches(str(value), [str(e) for e in self.enum], n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            allowed = ", ".join(str(e) for e in self.enum)
            out.append(
                Issue(path, f"{value!r} is not allowed here", f"{hint}use one of: {allowed}")
            )
        if (
            self.pattern is not None
            and isinstance(value, str)
            and not re.fullmatch(self.pattern, value)
        ):
            out.append(
                Issue(
                    path, f"{value!r} has the wrong form", f"{self.doc or 'match ' + self.pattern}"
                )
            )
        if self.minimum is not None and isinstance(value, int | float) and value < self.minimum:
            out.append(
                Issue(path, f"{value!r} is below {self.minimum}", f"use {self.minimum} or more")
            )


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    doc: str = ""
    min_items: int = 0

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.doc:
            schema["description"] = self.doc
        return schema

    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        if not isinstance(value, list):
            out.append(
                Issue(
                    path, f"expected a list, found {_describe(value)}", "start each entry with '- '"
                )
            )
            return
        if len(value) < self.min_items:
            out.append(
                Issue(path, f"needs at least {self.min_items} entries", "add the missing entries")
            )
        for index, entry in enumerate(value):
            self.item.validate(entry, (*path, index), out)


@dataclass(frozen=True)
class MapOf(Spec):
    value: Spec
    key_pattern: str
    doc: str = ""

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "propertyNames": {"pattern": self.key_pattern},
            "additionalProperties": self.value.json_schema(),
        }
        if self.doc:
            schema["description"] = self.doc
        return schema

    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        if not isinstance(value, dict):
            out.append(
                Issue(
                    path, f"expected a mapping, found {_describe(value)}", "write key: value lines"
                )
            )
            return
        for key, entry in value.items():
            if not isinstance(key, str) or not re.fullmatch(self.key_pattern, key):
                out.append(
                    Issue(
                        (*path, str(key)),
                        f"{key!r} is not a valid name",
                        f"match {self.key_pattern}",
                    )
                )
                continue
            self.value.validate(entry, (*path, key), out)


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = False
    doc: str = ""
    attr: str = ""  # the Python attribute when the YAML key is a keyword (``from``)


@dataclass(frozen=True)
class Obj(Spec):
    name: str
    fields: Mapping[str, Field]
    doc: str = ""
    model: type | None = None

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{self.name}"}

    def definition(self) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for key, fld in self.fields.items():
            prop = fld.spec.json_schema()
            if fld.doc and "$ref" not in prop:
                prop["description"] = fld.doc
            props[key] = prop
        schema: dict[str, Any] = {
            "type": "object",
            "properties": props,
            "additionalProperties": False,
        }
        required = [key for key, fld in self.fields.items() if fld.required]
        if required:
            schema["required"] = required
        if self.doc:
            schema["description"] = self.doc
        return schema

    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        if not isinstance(value, dict):
            out.append(
                Issue(
                    path, f"expected a mapping, found {_describe(value)}", "write key: value lines"
                )
            )
            return
        for key in value:
            if key not in self.fields:
                close = difflib.get_close_matches(str(key), list(self.fields), n=1)
                fix = f"did you mean {close[0]!r}?" if close else "remove it"
                allowed = ", ".join(self.fields)
                out.append(
                    Issue(
                        (*path, str(key)),
                        f"unknown key {key!r} in {self.name}",
                        f"{fix} (allowed: {allowed})",
                    )
                )
        for key, fld in self.fields.items():
            if key in value:
                fld.spec.validate(value[key], (*path, key), out)
            elif fld.required:
                out.append(
                    Issue(path, f"missing required key {key!r}", f"add '{key}:' ({fld.doc or key})")
                )


@dataclass(frozen=True)
class AnyOf(Spec):
    """A value that may take one of several shapes (e.g. ``required: true`` or an expression)."""

    options: tuple[Spec, ...]
    doc: str = ""

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"anyOf": [opt.json_schema() for opt in self.options]}
        if self.doc:
            schema["description"] = self.doc
        return schema

    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        attempts: list[list[Issue]] = []
        for option in self.options:
            probe: list[Issue] = []
            option.validate(value, path, probe)
            if not probe:
                return
            attempts.append(probe)
        # Report the attempt that got furthest (fewest issues) rather than all of them.
        best: list[Issue] = min(attempts, key=len)
        out.extend(best)


@dataclass(frozen=True)
class Tagged(Spec):
    """Objects told apart by one key, like question ``type``: each type has its own keys."""

    tag: str
    variants: Mapping[str, Obj]
    doc: str = ""

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [variant.json_schema() for variant in self.variants.values()]}

    def validate(self, value: object, path: Path, out: list[Issue]) -> None:
        if not isinstance(value, dict):
            out.append(
                Issue(
                    path, f"expected a mapping, found {_describe(value)}", "write key: value lines"
                )
            )
            return
        tag = value.get(self.tag)
        variant = self.variants.get(tag) if isinstance(tag, str) else None
        if variant is None:
            allowed = ", ".join(self.variants)
            close = difflib.get_close_matches(str(tag), list(self.variants), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            reason = f"missing '{self.tag}'" if tag is None else f"unknown {self.tag} {tag!r}"
            out.append(Issue((*path, self.tag), reason, f"{hint}use one of: {allowed}"))
            return
        variant.validate(value, path, out)


@dataclass
class SchemaDefs:
    """Collects the named object definitions reachable from a root spec."""

    defs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def collect(self, spec: Spec) -> None:
        if isinstance(spec, Obj):
            if spec.name in self.defs:
                return
            self.defs[spec.name] = spec.definition()
            for fld in spec.fields.values():
                self.collect(fld.spec)
        elif isinstance(spec, ListOf):
            self.collect(spec.item)
        elif isinstance(spec, MapOf):
            self.collect(spec.value)
        elif isinstance(spec, AnyOf):
            for option in spec.options:
                self.collect(option)
        elif isinstance(spec, Tagged):
            for variant in spec.variants.values():
                self.collect(variant)


def build(spec: Spec, value: Any) -> Any:
    """Turn validated plain data into model objects (dataclasses), lists into tuples."""
    if isinstance(spec, Obj) and spec.model is not None:
        kwargs = {
            (fld.attr or key): build(fld.spec, value[key])
            for key, fld in spec.fields.items()
            if key in value
        }
        return spec.model(**kwargs)
    if isinstance(spec, Tagged):
        return build(spec.variants[value[spec.tag]], value)
    if isinstance(spec, ListOf):
        return tuple(build(spec.item, entry) for entry in value)
    if isinstance(spec, MapOf):
        return {key: build(spec.value, entry) for key, entry in value.items()}
    if isinstance(spec, AnyOf):
        for option in spec.options:
            if option.accepts(value):
                return build(option, value)
    return value
