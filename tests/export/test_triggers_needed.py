"""With a trigger that keeps the export rows (schema 11) dropped, the changes of the property
test (tests/export/test_kept_rows.py ``_change``, each made the way the app makes it, with a
comparison between its transactions) leave a kept row unlike the row built from scratch,
and the comparison sees it: the property test can fail when that mark goes missing.

Except for the triggers in ``NEVER_ALONE``: no change the app can make needs them, because
another mark (or the purge itself) always covers the same episode; each says why. They are
kept as defence in depth (a change made outside crdesk's code, a delete path added later),
and here the same run of changes with one of them dropped must leave every row fresh: a
change added to ``_change`` that needs one of them fails this test, and the trigger then
moves off the list."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from crdesk.export.profile import available_profiles
from crdesk.services.export import ExportService
from crdesk.services.session import Session
from crdesk.storage.connection import IntegrityError
from crdesk.storage.schema_v11 import STATEMENTS
from tests.export.conftest import add_episode
from tests.export.test_kept_rows import KINDS, LOCAL, _change

TODAY = dt.date(2026, 3, 1)
TRIGGERS = sorted(m.group(1) for stmt in STATEMENTS
                  for m in [re.match(r"CREATE TRIGGER (\w+)", stmt)] if m)

_PURGE_ONLY = ("only the purge deletes one (services/records.py; records_repo.purge is the "
               "one DELETE of that table in crdesk), and the purge deletes the patient's "
               "kept rows and stale marks itself (records_repo.DERIVED), in its transaction")

NEVER_ALONE: dict[str, str] = {
    "export_rows_ep_del": "an episode: " + _PURGE_ONLY,
    "export_rows_as_del": "an assessment: " + _PURGE_ONLY,
    "export_rows_rs_del": "a response: " + _PURGE_ONLY,
    "export_rows_re_del": "a staff entry: " + _PURGE_ONLY,
    # Foreign keys are on (storage/connection.py) and nothing cascades: a patient row can
    # only be deleted once no episode names it, so the trigger's query finds none
    # (test_a_patient_with_an_episode_cannot_be_deleted below).
    "export_rows_pt_del": "a patient: deleted with no episode left, so it marks nothing",
    # response_entry rows are inserted only by start_staff_response, in the transaction
    # that starts their response as a draft; the row reads a response only once finished.
    "export_rows_re_ins": "a staff entry is inserted only with its draft response",
    # The row reads response_entry's method only, set once at its insert; the updates
    # (stage, second entry's page and checker) come while the response is a draft, but
    # complete_entry's stage "done", in the transaction whose status change rs_upd marks.
    "export_rows_re_upd": "a staff entry's method never changes; its stage changes "
                          "only before completion or with it",
    # Scores are stored only by responses_repo._store_scores: every row deleted, the new
    # ones inserted (sc_del and sc_ins mark); no code updates a score row.
    "export_rows_sc_upd": "no code updates a score row (deleted and inserted again)",
}


class _Stale(Exception):
    pass


def _stale_rows(service: ExportService) -> bool:
    service.refresh_rows(TODAY)
    return any(service.kept_rows(p) != service.rows_from_scratch(p, TODAY)
               for p in service.profiles)


def _check(service: ExportService) -> None:
    if _stale_rows(service):
        raise _Stale


def _run(admin: Session, service: ExportService, trigger: str) -> bool:
    """Up to thirty rounds of every kind of change, in an order of each round's own, with
    ``trigger`` dropped; whether a kept row went stale."""
    for i in range(4):
        add_episode(admin, seed=100 + i)
    add_episode(admin, seed=300, a1=False)
    assert not _stale_rows(service)
    admin._db.execute(f"DROP TRIGGER {trigger}")
    rng = random.Random(trigger)
    try:
        for _ in range(30):
            for kind in rng.sample(KINDS, len(KINDS)):
                _change(admin, kind, rng, lambda: _check(service))
                _check(service)
    except _Stale:
        return True
    return False


@pytest.mark.parametrize("trigger", [t for t in TRIGGERS if t not in NEVER_ALONE])
def test_without_any_one_trigger_a_kept_row_goes_stale(admin: Session, profiles_dir: Path,
                                                        trigger: str) -> None:
    (profiles_dir / "testlocal.yaml").write_text(LOCAL)
    service = ExportService(admin, available_profiles(profiles_dir))
    assert _run(admin, service, trigger), f"no change went stale without {trigger}"


@pytest.mark.parametrize("trigger", sorted(NEVER_ALONE))
def test_a_trigger_never_alone_is_needed_by_no_change(admin: Session, profiles_dir: Path,
                                                      trigger: str) -> None:
    (profiles_dir / "testlocal.yaml").write_text(LOCAL)
    service = ExportService(admin, available_profiles(profiles_dir))
    assert not _run(admin, service, trigger), (
        f"a change needs {trigger}: take it off NEVER_ALONE ({NEVER_ALONE[trigger]})")


def test_every_trigger_is_tested() -> None:
    assert len(TRIGGERS) == 20 and set(NEVER_ALONE) < set(TRIGGERS)


def test_a_patient_with_an_episode_cannot_be_deleted(admin: Session) -> None:
    pid, _ = add_episode(admin, seed=100)
    with pytest.raises(IntegrityError), admin._db.transaction():
        admin._db.execute("DELETE FROM patients WHERE id = ?", (pid,))
    assert admin._db.scalar("SELECT count(*) FROM patients WHERE id = ?", (pid,)) == 1
