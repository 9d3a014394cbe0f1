"""The form file format, declared once.

This declaration is the single source of truth: ``forms/form.schema.json`` is generated from it
(``python -m crdesk.core.forms schema > forms/form.schema.json``; a test fails if the committed
file drifts), the loader validates every form against it, and ``spec.build`` turns validated
data into the dataclasses of ``model.py``. Rules that a schema cannot express (ids refer to
real questions, expressions type-check, text keys exist) live in ``checks.py``.
"""

from __future__ import annotations

import json
from typing import Any

from crdesk.core.forms import model
from crdesk.core.forms.spec import (
    AnyOf,
    Field,
    ListOf,
    MapOf,
    Obj,
    Scalar,
    SchemaDefs,
    Spec,
    Tagged,
)
from crdesk.core.forms.units import QUANTITIES, SIMPLE_UNITS

FORMAT_VERSION = 1
SCHEMA_ID = "https://crdesk.invalid/forms/form.schema.json"

ID = Scalar(
    "string",
    "a lower-case id: letters, digits and _ (e.g. smoking_status)",
    pattern=r"[a-z][a-z0-9_]*",
)
TEXT_KEY = Scalar(
    "string",
    "a text key such as nacr.smoking.label, resolved through the text packs in forms/text",
    pattern=r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+",
)
EXPR = Scalar("string", 'an expression (see docs/forms.md), e.g. smoking_status == "current"')
IMAGE_KEY = Scalar("string", "an image key supplied by a text pack", pattern=r"[a-z][a-z0-9_.]*")
OPTION_VALUE = AnyOf(
    (Scalar("string", pattern=r"[A-Za-z0-9_]+"), Scalar("integer")),
    "the stored value: a short code or a whole number (the score, for scored items)",
)
SPECIAL = Scalar("string", enum=model.SPECIALS)
NUMBER = Scalar("number")
BOUND = AnyOf(
    (Scalar("date"), EXPR), "a date, or an expression giving a date (e.g. patient.date_of_birth)"
)

OPTION = Obj(
    "option",
    {
        "value": Field(OPTION_VALUE, required=True, doc="stored value"),
        "text": Field(TEXT_KEY, required=True, doc="what the person reads"),
        "image": Field(IMAGE_KEY, doc="picture for pictorial questions"),
        "code": Field(Scalar("string"), doc="external code, e.g. NHS Data Dictionary code"),
        "group": Field(TEXT_KEY, doc="heading the option is listed under"),
        "exclusive": Field(
            Scalar("boolean"), doc="choosing it clears the others (e.g. None of these)"
        ),
    },
    model=model.Option,
)
OPTIONS = AnyOf(
    (ListOf(OPTION, min_items=1), ID), "a list of options, or the name of an option set"
)
CONSTRAINT = Obj(
    "constraint",
    {
        "expr": Field(EXPR, required=True, doc="must be true for the answer to be accepted"),
        "message": Field(TEXT_KEY, required=True, doc="shown when the expression is false"),
        "severity": Field(
            Scalar("string", enum=("error", "warning")), doc="warning lets the person go on"
        ),
    },
    model=model.Constraint,
)

_BASE = {
    "id": Field(ID, required=True, doc="unique within the form; never reuse a retired id"),
    "type": Field(Scalar("string", enum=tuple(sorted(model.ITEM_TYPES))), required=True),
    "show_if": Field(EXPR, doc="shown only when this is true"),
}
_ANSWERABLE = {
    **_BASE,
    "label": Field(TEXT_KEY, required=True, doc="the question"),
    "help": Field(TEXT_KEY, doc="a hint under the question"),
    "required": Field(AnyOf((Scalar("boolean"), EXPR)), doc="true, false or an expression"),
    "constraints": Field(ListOf(CONSTRAINT)),
    "allow": Field(ListOf(SPECIAL), doc="extra answers allowed: dont_know, prefer_not_to_say"),
    "special_codes": Field(
        MapOf(Scalar("string"), r"dont_know|prefer_not_to_say"), doc="export codes"
    ),
}
_RANGE = {
    "min": Field(NUMBER, required=True, doc="lowest plausible value"),
    "max": Field(NUMBER, required=True, doc="highest plausible value"),
    "unit": Field(Scalar("string", enum=SIMPLE_UNITS)),
}


def _item(kind: str, extra: dict[str, Field], base: dict[str, Field] | None = None) -> Obj:
    fields = {**(_ANSWERABLE if base is None else base), **extra}
    fields["type"] = Field(Scalar("string", const=kind), required=True)
    return Obj(f"item_{kind}", fields, model=model.Item)


ITEM = Tagged(
    "type",
    {
        "info": _item(
            "info",
            {"label": Field(TEXT_KEY, doc="heading"), "body": Field(TEXT_KEY, required=True)},
            base=_BASE,
        ),
        "single": _item("single", {"options": Field(OPTIONS, required=True)}),
        "multiple": _item(
            "multiple",
            {
                "options": Field(OPTIONS, required=True),
                "min_selected": Field(Scalar("integer", minimum=0)),
                "max_selected": Field(Scalar("integer", minimum=1)),
            },
        ),
        "yes_no": _item("yes_no", {}),
        "pictorial": _item("pictorial", {"options": Field(OPTIONS, required=True)}),
        "integer": _item("integer", {**_RANGE, "step": Field(Scalar("integer", minimum=1))}),
        "decimal": _item(
            "decimal", {**_RANGE, "step": Field(Scalar("number"), required=True, doc="e.g. 0.1")}
        ),
        "date": _item(
            "date",
            {
                "min": Field(BOUND, doc="earliest date"),
                "max": Field(BOUND, doc="latest date"),
                "min_message": Field(TEXT_KEY),
                "max_message": Field(TEXT_KEY),
            },
        ),
        "text": _item("text", {"max_length": Field(Scalar("integer", minimum=1))}),
        "long_text": _item("long_text", {"max_length": Field(Scalar("integer", minimum=1))}),
        "measurement": _item(
            "measurement",
            {
                "quantity": Field(Scalar("string", enum=tuple(QUANTITIES)), required=True),
                "units": Field(ListOf(Scalar("string", enum=("cm", "ft_in", "kg", "st_lb", "in")))),
                "min": Field(NUMBER, required=True, doc="lowest plausible value, metric"),
                "max": Field(NUMBER, required=True, doc="highest plausible value, metric"),
            },
        ),
        "calculated": _item(
            "calculated",
            {
                "label": Field(TEXT_KEY, required=True),
                "help": Field(TEXT_KEY),
                "expr": Field(EXPR, required=True, doc="how the value is worked out"),
                "unit": Field(Scalar("string", enum=SIMPLE_UNITS)),
                "places": Field(Scalar("integer", minimum=0), doc="decimal places shown"),
            },
            base=_BASE,
        ),
    },
)

PAGE = Obj(
    "page",
    {
        "id": Field(ID, required=True),
        "title": Field(TEXT_KEY, required=True),
        "section": Field(ID, doc="id of a section in sections"),
        "intro": Field(TEXT_KEY, doc="text above the questions"),
        "show_if": Field(EXPR, doc="the page is skipped unless this is true"),
        "items": Field(ListOf(ITEM, min_items=1), required=True),
    },
    model=model.Page,
)
BAND = Obj(
    "band",
    {
        "min": Field(
            NUMBER, required=True, doc="lowest score in the band; it runs up to the next band"
        ),
        "id": Field(ID, required=True),
        "text": Field(TEXT_KEY, required=True),
    },
    model=model.Band,
)
SCORE = Obj(
    "score",
    {
        "id": Field(ID, required=True),
        "type": Field(Scalar("string", enum=("sum", "item", "expression")), required=True),
        "label": Field(TEXT_KEY, required=True),
        "instrument": Field(ID, doc="the instrument the score belongs to, e.g. hads"),
        "items": Field(ListOf(ID, min_items=1), doc="sum: the items added up"),
        "item": Field(ID, doc="item: the single item reported"),
        "expr": Field(EXPR, doc="expression: how the score is worked out"),
        "reverse": Field(ListOf(ID), doc="sum: items scored the other way round (max+min-value)"),
        "missing": Field(
            Obj(
                "missing_rule",
                {
                    "max_missing": Field(
                        Scalar("integer", minimum=0), doc="most items that may be missing"
                    ),
                    "method": Field(Scalar("string", enum=("prorate", "none"))),
                },
                model=model.MissingRule,
            )
        ),
        "bands": Field(ListOf(BAND)),
        "flags": Field(
            ListOf(
                Obj(
                    "flag",
                    {
                        "id": Field(ID, required=True),
                        "when": Field(EXPR, required=True),
                        "text": Field(TEXT_KEY, required=True),
                    },
                    model=model.Flag,
                )
            ),
            doc="answers staff must see, e.g. a self-harm item",
        ),
        "places": Field(Scalar("integer", minimum=0)),
        "unit": Field(Scalar("string", enum=SIMPLE_UNITS)),
    },
    model=model.Score,
)
HISTORY = Obj(
    "history",
    {
        "renamed": Field(
            ListOf(
                Obj(
                    "rename",
                    {
                        "from": Field(ID, required=True, attr="old"),
                        "to": Field(ID, required=True, attr="new"),
                        "version": Field(
                            Scalar("integer", minimum=1),
                            required=True,
                            doc="first version with the new id",
                        ),
                        "values": Field(
                            MapOf(Scalar("string"), r"[A-Za-z0-9_]+"), doc="old option value -> new"
                        ),
                    },
                    model=model.Rename,
                )
            )
        ),
        "retired": Field(
            ListOf(
                Obj(
                    "retired",
                    {
                        "id": Field(ID, required=True),
                        "version": Field(
                            Scalar("integer", minimum=1),
                            required=True,
                            doc="first version without it",
                        ),
                        "label": Field(TEXT_KEY, required=True, doc="how old answers are labelled"),
                        "options": Field(ListOf(OPTION), doc="how old answers are worded"),
                    },
                    model=model.Retired,
                )
            )
        ),
        "versions": Field(
            ListOf(
                Obj(
                    "version_entry",
                    {
                        "version": Field(Scalar("integer", minimum=1), required=True),
                        "date": Field(
                            Scalar("string", pattern=r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
                            required=True,
                            doc="when this version was released (yyyy-mm-dd)",
                        ),
                        "changes": Field(
                            Scalar("string"),
                            required=True,
                            doc="what changed, for developers and auditors (not shown to patients)",
                        ),
                    },
                    model=model.VersionEntry,
                )
            ),
            doc="one entry per version from 1 to the current one: the form's declared history",
        ),
    },
    model=model.History,
)
FORM = Obj(
    "form",
    {
        "format": Field(
            Scalar("integer", const=FORMAT_VERSION), required=True, doc="file format version"
        ),
        "id": Field(ID, required=True),
        "version": Field(
            Scalar("integer", minimum=1), required=True, doc="raise on every change of meaning"
        ),
        "title": Field(TEXT_KEY, required=True),
        "audience": Field(Scalar("string", enum=("patient", "staff")), required=True),
        "locales": Field(
            ListOf(Scalar("string", pattern=r"[a-z]{2}(-[A-Z]{2})?"), min_items=1), required=True
        ),
        "description": Field(Scalar("string"), doc="for form maintainers; never shown"),
        "context": Field(
            MapOf(
                Obj(
                    "context_value",
                    {
                        "type": Field(
                            Scalar("string", enum=("number", "string", "date", "bool")),
                            required=True,
                        ),
                        "description": Field(Scalar("string")),
                        "values": Field(ListOf(Scalar("string"))),
                    },
                    model=model.ContextValue,
                ),
                r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*",
            ),
            doc="values the app supplies, e.g. patient.date_of_birth, assessment",
        ),
        "sections": Field(
            ListOf(
                Obj(
                    "section",
                    {"id": Field(ID, required=True), "title": Field(TEXT_KEY, required=True)},
                    model=model.Section,
                )
            )
        ),
        "option_sets": Field(
            MapOf(ListOf(OPTION, min_items=1), r"[a-z][a-z0-9_]*"), doc="shared option lists"
        ),
        "pages": Field(ListOf(PAGE, min_items=1), required=True),
        "scores": Field(ListOf(SCORE)),
        "history": Field(
            HISTORY,
            doc="versions released, renamed and retired questions: old answers stay readable",
        ),
    },
    model=model.Form,
)


def json_schema(root: Spec = FORM) -> dict[str, Any]:
    defs = SchemaDefs()
    defs.collect(root)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "crdesk form",
        **root.json_schema(),
        "$defs": dict(sorted(defs.defs.items())),
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
