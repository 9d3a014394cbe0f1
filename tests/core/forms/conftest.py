"""Shared fixtures: the shipped forms and texts, and a factory for small forms in a temp dir."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from crdesk.core.forms import FormRegistry, TextCatalog, default_forms_dir, text_dir
from crdesk.core.forms.model import Form


class NoAliasDumper(yaml.SafeDumper):
    """Writes shared values out in full: crdesk refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


FORMS_DIR = default_forms_dir()

# Every text key a test form may use, in a pack of its own (namespace "t").
TEST_TEXTS = {
    f"t.{name}": f"Test text {name}"
    for name in (
        "title p1 p2 p3 smoker per_day colour red blue green seen total band_low band_high "
        "other weight height a b c msg note"
    ).split()
}


def minimal_form() -> dict[str, Any]:
    """A small valid form touching the main features; tests break it one way at a time."""
    return {
        "format": 1,
        "id": "demo",
        "version": 1,
        "title": "t.title",
        "audience": "patient",
        "locales": ["en-GB"],
        "context": {"patient.date_of_birth": {"type": "date"}},
        "pages": [
            {
                "id": "p1",
                "title": "t.p1",
                "items": [
                    {"id": "smoker", "type": "yes_no", "label": "t.smoker", "required": True},
                    {
                        "id": "per_day",
                        "type": "integer",
                        "label": "t.per_day",
                        "min": 0,
                        "max": 100,
                        "show_if": 'smoker == "yes"',
                        "required": True,
                    },
                ],
            },
            {
                "id": "p2",
                "title": "t.p2",
                "items": [
                    {
                        "id": "colour",
                        "type": "single",
                        "label": "t.colour",
                        "options": [
                            {"value": "red", "text": "t.red"},
                            {"value": "blue", "text": "t.blue"},
                        ],
                    },
                    {
                        "id": "seen",
                        "type": "date",
                        "label": "t.seen",
                        "min": "patient.date_of_birth",
                        "max": "today()",
                    },
                ],
            },
        ],
        "scores": [
            {
                "id": "total",
                "type": "sum",
                "label": "t.total",
                "items": ["per_day"],
                "bands": [
                    {"min": 0, "id": "low", "text": "t.band_low"},
                    {"min": 10, "id": "high", "text": "t.band_high"},
                ],
            }
        ],
    }


def write_pack(directory: Path, namespace: str, texts: dict[str, str], **extra: Any) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    pack = {
        "format": 1,
        "namespace": namespace,
        "locale": "en-GB",
        "version": 1,
        "placeholder": False,
        "licence": "test",
        "texts": texts,
        **extra,
    }
    path = directory / f"{namespace}.yaml"
    path.write_text(yaml.dump(pack, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


FormWriter = Callable[..., Path]


@pytest.fixture
def write_form(tmp_path: Path) -> FormWriter:
    """Write a form (dict or raw YAML text) into tmp/forms, with the test text pack beside it."""
    forms = tmp_path / "forms"
    write_pack(text_dir(forms) / "en-GB", "t", TEST_TEXTS)

    def write(data: dict[str, Any] | str, name: str = "demo.yaml") -> Path:
        forms.mkdir(exist_ok=True)
        path = forms / name
        text = (data if isinstance(data, str)
                else yaml.dump(data, Dumper=NoAliasDumper, sort_keys=False))
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def demo() -> dict[str, Any]:
    return copy.deepcopy(minimal_form())


@pytest.fixture(scope="session")
def registry() -> FormRegistry:
    return FormRegistry.from_dir(FORMS_DIR)


@pytest.fixture(scope="session")
def texts() -> TextCatalog:
    return TextCatalog.from_dirs([text_dir(FORMS_DIR)], "en-GB")


@pytest.fixture(scope="session")
def patient_form(registry: FormRegistry) -> Form:
    return registry.get("nacr_patient")
