"""Reading answers given to an older version of a form with the current one.

Forms change: a question is renamed, an option value is renamed, a question is retired. The
form declares these under ``history``; ``migrate_answers`` uses that to map a stored response
onto the current form so it can be shown and scored, and keeps everything it cannot map so
nothing is silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from crdesk.core.forms.answers import AnswerError, JsonValue, normalise
from crdesk.core.forms.model import Form, Rename, Retired


@dataclass
class MigratedAnswers:
    answers: dict[str, JsonValue] = field(default_factory=dict)  # by current question id
    retired: dict[str, JsonValue] = field(
        default_factory=dict
    )  # by retired id; label via retired_item()
    invalid: dict[str, JsonValue] = field(
        default_factory=dict
    )  # a current question, but not a valid answer now
    unknown: dict[str, JsonValue] = field(default_factory=dict)  # ids this form never declared
    renamed: dict[str, str] = field(default_factory=dict)  # old id -> current id, as applied


def _map_values(value: JsonValue, rename: Rename) -> JsonValue:
    if not rename.values:
        return value
    if isinstance(value, list):
        return [rename.values.get(v, v) if isinstance(v, str) else v for v in value]
    if isinstance(value, str):
        return rename.values.get(value, value)
    return value


def retired_item(form: Form, question_id: str) -> Retired | None:
    return next((r for r in form.history.retired if r.id == question_id), None)


def migrate_answers(
    form: Form, answers: Mapping[str, JsonValue], from_version: int
) -> MigratedAnswers:
    """Map answers stored under ``from_version`` of ``form.id`` onto ``form``."""
    result = MigratedAnswers()
    renames = sorted(
        (r for r in form.history.renamed if r.version > from_version), key=lambda r: r.version
    )
    retired_ids = {r.id for r in form.history.retired if r.version > from_version}
    for old_id, value in answers.items():
        qid = old_id
        for rename in renames:  # in version order, so a chain a -> b -> c is followed
            if rename.old == qid:
                qid = rename.new
                value = _map_values(value, rename)
        if qid != old_id:
            result.renamed[old_id] = qid
        item = form.item_by_id.get(qid)
        if item is not None and item.answerable:
            try:
                result.answers[qid] = normalise(item, value)
            except AnswerError:
                result.invalid[qid] = value
        elif qid in retired_ids or retired_item(form, qid) is not None:
            result.retired[qid] = value
        else:
            result.unknown[qid] = value
    return result


def as_current(form: Form, answers: Mapping[str, JsonValue],
               from_version: int) -> dict[str, JsonValue]:
    """Answers stored under ``from_version``, keyed (and valued) as ``form`` asks them.

    For readers that compare or send answers across versions (the progress view, the
    export): renamed ids and values are followed; an answer that is no longer valid, retired
    or unknown is kept as stored under its own id, so a code list can still hold it back and
    say why, never drop it silently.
    """
    if from_version == form.version:
        return dict(answers)
    m = migrate_answers(form, answers, from_version)
    return {**m.unknown, **m.retired, **m.invalid, **m.answers}


def old_ids(form: Form, question_ids: set[str]) -> set[str]:
    """Every earlier id of these questions (renames followed back through the history)."""
    found = set(question_ids)
    while True:
        more = {r.old for r in form.history.renamed if r.new in found} - found
        if not more:
            return found
        found |= more
