"""Answers given to an older form version stay readable and scoreable."""

from __future__ import annotations

from typing import Any

from crdesk.core.forms import FormRegistry, FormSession, load_form, migrate_answers, score_form
from crdesk.core.forms.history import retired_item


def version_1(demo: dict[str, Any]) -> dict[str, Any]:
    demo["pages"][1]["items"].append({"id": "note", "type": "text", "label": "t.note"})
    demo["pages"][1]["items"][0]["options"].append({"value": "green", "text": "t.green"})
    return demo


def version_2(demo: dict[str, Any]) -> dict[str, Any]:
    """colour -> favourite_colour (green became blue), per_day -> cigarettes, note retired."""
    demo["version"] = 2
    items_1 = demo["pages"][0]["items"]
    items_1[1]["id"] = "cigarettes"
    demo["pages"][1]["items"][0]["id"] = "favourite_colour"
    demo["pages"][1]["items"] = [i for i in demo["pages"][1]["items"] if i["id"] != "note"]
    demo["scores"][0]["items"] = ["cigarettes"]
    demo["history"] = {
        "renamed": [
            {"from": "colour", "to": "favourite_colour", "version": 2, "values": {"green": "blue"}},
            {"from": "per_day", "to": "cigarettes", "version": 2},
        ],
        "retired": [{"id": "note", "version": 2, "label": "t.note"}],
        "versions": [{"version": 1, "date": "2026-01-01", "changes": "first release"},
                     {"version": 2, "date": "2026-02-01", "changes": "renames, note retired"}],
    }
    return demo


def test_old_answers_map_onto_the_current_form(write_form, demo) -> None:
    old = load_form(write_form(version_1(demo), "v1.yaml"))
    session = FormSession(old, {"smoker": "yes", "per_day": 12, "colour": "green", "note": "hello"})
    stored = session.effective_answers()
    current = load_form(write_form(version_2(demo), "v2.yaml"))
    assert current.version == 2 and old.version == 1

    result = migrate_answers(current, {**stored, "mystery": 1}, from_version=old.version)
    assert result.answers == {"smoker": "yes", "cigarettes": 12, "favourite_colour": "blue"}
    assert result.renamed == {"per_day": "cigarettes", "colour": "favourite_colour"}
    assert result.retired == {"note": "hello"}
    assert result.unknown == {"mystery": 1}
    retired = retired_item(current, "note")
    assert retired is not None and retired.label == "t.note"
    # ... and they score with the current form exactly as they did with the old one.
    assert (
        score_form(current, result.answers)["total"].value
        == score_form(old, stored)["total"].value
        == 12
    )


def test_answers_from_the_same_version_pass_through(write_form, demo) -> None:
    form = load_form(write_form(version_2(version_1(demo)), "v2.yaml"))
    result = migrate_answers(form, {"cigarettes": 3, "smoker": "yes"}, from_version=2)
    assert result.answers == {"cigarettes": 3, "smoker": "yes"} and not result.renamed


def test_an_answer_no_longer_valid_is_kept_aside(write_form, demo) -> None:
    form = load_form(write_form(version_2(version_1(demo)), "v2.yaml"))
    result = migrate_answers(form, {"colour": "purple"}, from_version=1)
    assert result.invalid == {"favourite_colour": "purple"}
    assert result.answers == {}


def test_shipped_forms_reload_their_own_answers(registry: FormRegistry) -> None:
    form = registry.get("nacr_clinical")
    answers = {
        "weight": {"value": 80.0, "unit": "kg", "entered": {"unit": "st_lb", "st": 12, "lb": 8}},
        "walk_test": "iswt",
        "iswt_distance": 420,
        "medication_classes": ["statin"],
    }
    result = migrate_answers(form, answers, from_version=form.version)
    # The stored weight is recomputed from what was typed, never trusted blindly.
    assert result.answers["weight"] == {
        "value": 79.8,
        "unit": "kg",
        "entered": {"unit": "st_lb", "st": 12, "lb": 8},
    }
    assert result.answers["iswt_distance"] == 420 and not result.invalid


def test_a_form_past_version_1_must_declare_every_version(write_form, demo) -> None:
    from crdesk.core.forms.loader import check_paths

    demo["version"] = 3
    demo["history"] = {"versions": [{"version": 1, "date": "2026-01-01", "changes": "first"},
                                    {"version": 3, "date": "2026-03-01", "changes": "third"}]}
    report = check_paths([write_form(demo, "gap.yaml")])
    (problem,) = [p for p in report.problems if p.location.startswith("history.versions")]
    assert "needs [1, 2, 3]" in problem.reason
    demo["history"] = {}
    report = check_paths([write_form(demo, "none.yaml")])
    assert any("lists versions none" in p.reason for p in report.problems)


def test_every_shipped_form_is_version_2_with_its_history_and_version_1_kept() -> None:
    from crdesk.core.forms.loader import FormRegistry, default_forms_dir

    # nacr_patient is at version 3: its information page split in two (issue 16).
    latest = {"nacr_patient": 3}
    registry = FormRegistry.from_dir(default_forms_dir())
    for form_id in registry.ids():
        current = registry.get(form_id)
        top = latest.get(form_id, 2)
        assert current.version == top, form_id
        assert [v.version for v in current.history.versions] == list(range(1, top + 1)), \
            form_id
        assert all(v.changes.strip() for v in current.history.versions)
        # Every earlier version is still installed, so responses stored under it show as
        # they did.
        for version in range(1, top):
            assert registry.get(form_id, version).version == version
