"""Every shipped form loads; the JSON Schema is the generated one; hashes identify content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crdesk.core.forms import FormLoadError, FormRegistry, check_paths, load_form
from crdesk.core.forms.model import ITEM_TYPES, Form
from crdesk.core.forms.schema import FORM, json_schema_text
from crdesk.core.forms.spec import Obj, SchemaDefs
from tests.core.forms.conftest import FORMS_DIR

FORM_FILES = sorted(p for p in FORMS_DIR.glob("*.yaml"))


def test_the_repository_ships_the_expected_forms() -> None:
    names = {p.stem for p in FORM_FILES}
    assert {"nacr_patient", "nacr_referral", "nacr_clinical", "phq9", "gad7"} <= names


@pytest.mark.parametrize("path", FORM_FILES, ids=lambda p: p.name)
def test_every_form_loads_without_problems(path: Path) -> None:
    report = check_paths([path], [FORMS_DIR / "text"])
    assert [str(p) for p in report.problems] == []
    (form,) = report.forms
    assert form.id == path.stem
    assert len(form.content_hash) == 64


def test_committed_json_schema_matches_the_declaration() -> None:
    committed = (FORMS_DIR / "form.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        "forms/form.schema.json is out of date: run "
        "`python -m crdesk.core.forms schema > forms/form.schema.json`"
    )


def test_json_schema_lists_every_item_type_and_rejects_unknown_keys() -> None:
    schema = json.loads(json_schema_text())
    item_defs = {name for name in schema["$defs"] if name.startswith("item_")}
    assert item_defs == {f"item_{t}" for t in ITEM_TYPES}
    assert all(
        d.get("additionalProperties") is False
        for d in schema["$defs"].values()
        if "properties" in d
    )


def test_every_declared_key_exists_on_its_model_class() -> None:
    defs = SchemaDefs()
    defs.collect(FORM)
    objects: list[Obj] = []

    def walk(spec: object) -> None:
        if isinstance(spec, Obj) and spec not in objects:
            objects.append(spec)
            for fld in spec.fields.values():
                walk(fld.spec)
        for attr in ("item", "value"):
            child = getattr(spec, attr, None)
            if child is not None and not isinstance(child, str | int):
                walk(child)
        for child in getattr(spec, "options", ()) or ():
            walk(child)
        for child in (getattr(spec, "variants", {}) or {}).values():
            walk(child)

    walk(FORM)
    assert len(objects) >= 10
    for obj in objects:
        assert obj.model is not None, obj.name
        fields = obj.model.__dataclass_fields__
        for key, fld in obj.fields.items():
            assert (fld.attr or key) in fields, f"{obj.name}.{key} missing on {obj.model.__name__}"


def test_load_by_id_and_by_path_give_the_same_form(registry: FormRegistry) -> None:
    by_id = load_form("nacr_clinical", FORMS_DIR)
    by_path = load_form(FORMS_DIR / "nacr_clinical.yaml")
    assert by_id.content_hash == by_path.content_hash
    assert registry.get("nacr_clinical", 2).content_hash == by_id.content_hash
    # Version 1 stays installed (forms/archive) for the responses stored under it.
    assert registry.get("nacr_clinical", 1).content_hash != by_id.content_hash
    assert set(registry.ids()) >= {"nacr_patient", "gad7"}


def test_comments_do_not_change_the_hash_but_meaning_does(write_form, demo) -> None:
    first = load_form(write_form(demo))
    import yaml

    commented = "# a comment for maintainers\n" + yaml.safe_dump(demo, sort_keys=True)
    second = load_form(write_form(commented, "demo.yaml"))
    assert first.content_hash == second.content_hash
    demo["pages"][0]["items"][1]["max"] = 60
    third = load_form(write_form(demo, "demo.yaml"))
    assert third.content_hash != first.content_hash


def test_a_broken_form_raises_with_every_problem(write_form, demo) -> None:
    demo["title"] = "t.missing_one"
    demo["pages"][0]["items"][0]["label"] = "t.missing_two"
    with pytest.raises(FormLoadError) as info:
        load_form(write_form(demo))
    reasons = " ".join(p.reason for p in info.value.problems)
    assert "t.missing_one" in reasons
    assert "t.missing_two" in reasons


def test_registry_keeps_every_version_and_returns_the_latest(write_form, demo) -> None:
    write_form(demo, "demo_v1.yaml")
    demo["version"] = 2
    demo["pages"][1]["items"][0]["options"].append({"value": "green", "text": "t.green"})
    demo["history"] = {"versions": [{"version": 1, "date": "2026-01-01", "changes": "first"},
                                    {"version": 2, "date": "2026-02-01", "changes": "green"}]}
    path = write_form(demo, "demo_v2.yaml")
    registry = FormRegistry.from_dir(path.parent)
    assert registry.get("demo").version == 2
    assert registry.get("demo", 1).version == 1
    assert isinstance(registry.get("demo", 1), Form)


def test_two_files_with_the_same_id_and_version_are_refused(write_form, demo) -> None:
    write_form(demo, "a.yaml")
    path = write_form(demo, "b.yaml")
    report = check_paths([path.parent])
    assert any("also in" in p.reason for p in report.problems)
