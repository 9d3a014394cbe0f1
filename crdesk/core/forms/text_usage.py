"""Which text keys a form uses, and whether the text packs supply them all."""

from __future__ import annotations

from collections.abc import Iterator

from crdesk.core.forms.model import Form, Option
from crdesk.core.forms.problems import ProblemSink
from crdesk.core.forms.spec import Path
from crdesk.core.forms.textpacks import BASE_LOCALE, TextCatalog


def item_paths(form: Form) -> dict[str, Path]:
    """Where each question sits in the document (the first, if an id is duplicated)."""
    paths: dict[str, Path] = {}
    for p, page in enumerate(form.pages):
        for i, item in enumerate(page.items):
            paths.setdefault(item.id, ("pages", p, "items", i))
    return paths


def _option_keys(options: tuple[Option, ...], path: Path) -> Iterator[tuple[Path, str]]:
    for o, option in enumerate(options):
        yield (*path, o, "text"), option.text
        if option.group:
            yield (*path, o, "group"), option.group


def text_key_uses(form: Form) -> Iterator[tuple[Path, str]]:
    """(place, key) for every text the form shows, including the engine's implied ones."""
    paths = item_paths(form)
    yield ("title",), form.title
    for s, section in enumerate(form.sections):
        yield ("sections", s, "title"), section.title
    for p, page in enumerate(form.pages):
        yield ("pages", p, "title"), page.title
        if page.intro:
            yield ("pages", p, "intro"), page.intro
    for item in form.items:
        path = paths[item.id]
        for name in ("label", "help", "body", "min_message", "max_message"):
            key = getattr(item, name)
            if key:
                yield (*path, name), key
        yield from _option_keys(item.options, (*path, "options"))
        for c, constraint in enumerate(item.constraints):
            yield (*path, "constraints", c, "message"), constraint.message
        for special in item.allow:
            yield (*path, "allow"), f"engine.answer.{special}"
        if item.unit:
            yield (*path, "unit"), f"engine.unit.{item.unit}"
    for s, score in enumerate(form.scores):
        yield ("scores", s, "label"), score.label
        for b, band in enumerate(score.bands):
            yield ("scores", s, "bands", b, "text"), band.text
        for f, flag in enumerate(score.flags):
            yield ("scores", s, "flags", f, "text"), flag.text
    for r, retired in enumerate(form.history.retired):
        yield ("history", "retired", r, "label"), retired.label
        yield from _option_keys(retired.options, ("history", "retired", r, "options"))


def text_keys(form: Form) -> set[str]:
    """Every text key a loaded form uses (for checking that a text pack is complete)."""
    return {key for _path, key in text_key_uses(form)}


def check_texts(form: Form, sink: ProblemSink, catalog: TextCatalog) -> None:
    """Every key must resolve in en-GB, and every image key must belong to a known pack."""
    for path, key in text_key_uses(form):
        if not catalog.has(key):
            namespace = key.split(".", 1)[0]
            sink.add(
                path,
                f"text {key!r} is not in any {BASE_LOCALE} text pack",
                f"add it to forms/text/{BASE_LOCALE}/{namespace}.yaml",
            )
    paths = item_paths(form)
    for item in form.items:
        for o, option in enumerate(item.options):
            if option.image and option.image.split(".", 1)[0] not in catalog.namespaces():
                sink.add(
                    (*paths[item.id], "options", o, "image"),
                    f"no text pack supplies images for {option.image!r}",
                    "fix the image key",
                )
