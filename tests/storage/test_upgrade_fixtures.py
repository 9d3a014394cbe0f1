"""Clinics made by every earlier schema version open, upgrade and read back exactly.

Each folder ``tests/fixtures/db/v<N>/`` holds a clinic (``clinic.db``, ``keyslots.json``)
written by the crdesk commit named in its ``fixture.json``, with that version's own code
(tests/fixtures/db/make_fixture.py), and the values that code read back. Here today's code
unlocks a copy, migrates it, and must read every patient, episode, assessment, response,
answer, score, correction, goal, review and ledger entry exactly as they were, with the
audit chain intact and a backup taken before the migration (after Electrum's
tests/test_storage_upgrade). Every new migration adds a folder: a test fails until it does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crdesk.crypto.kdf import TEST_COST
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import (
    audit_repo,
    clinic_repo,
    episodes_repo,
    goals_repo,
    ledger_repo,
    patients_repo,
    responses_repo,
)
from crdesk.storage.migrations import MIGRATIONS, latest_version, schema_version

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
FOLDERS = sorted(p.parent for p in FIXTURES.glob("v*/fixture.json"))


def _info(folder: Path) -> dict[str, Any]:
    info: dict[str, Any] = json.loads((folder / "fixture.json").read_text(encoding="utf-8"))
    return info


def _plain(value: Any) -> Any:
    """Today's objects as the fixture's JSON holds them (dataclasses as dicts, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _same(expected: dict[str, Any], actual: dict[str, Any]) -> None:
    """Every field the old version stored reads back unchanged (new fields may be added)."""
    assert {k: actual.get(k, "<missing>") for k in expected} == expected


def test_every_schema_version_has_a_fixture() -> None:
    # A new migration must come with a clinic made by the version before it (README.md there).
    have = {_info(f)["schema_version"] for f in FOLDERS}
    assert {f.name for f in FOLDERS} == {f"v{v}" for v in have}
    assert have == {m.version for m in MIGRATIONS}
    assert latest_version() in have


@pytest.fixture(params=FOLDERS, ids=[f.name for f in FOLDERS])
def fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[dict[str, Any],
                                                                              ClinicHome]]:
    folder: Path = request.param
    target = tmp_path / "clinic"
    target.mkdir()
    for name in ("clinic.db", "keyslots.json", "audit-anchor.json"):
        if name == "audit-anchor.json" and not (folder / name).exists():
            continue  # made before the audit anchor (issue 12)
        shutil.copy2(folder / name, target / name)
    if (folder / "audit-anchor.json").exists():  # fixtures made since the audit anchors
        shutil.copy2(folder / "audit-anchor.json", target / "audit-anchor.json")
    home = ClinicHome.open(BaseDir(target))
    yield _info(folder), home
    home.close()


@pytest.fixture
def upgraded(fixture: tuple[dict[str, Any], ClinicHome]) -> Iterator[tuple[dict[str, Any],
                                                                           Session]]:
    info, home = fixture
    session = access.unlock(home, "admin", info["passwords"]["admin"])
    yield info, session
    session.close()


def test_opens_upgrades_and_keeps_a_backup(upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    assert schema_version(s._db) == latest_version()
    backups = sorted(p.name for p in s.home.basedir.backups.glob("*.crbackup")) \
        if s.home.basedir.backups.exists() else []
    if info["schema_version"] < latest_version():
        assert len(backups) == 1, backups
        assert backups[0].endswith(f"-before-migration-from-{info['schema_version']}.crbackup")
    else:
        assert backups == []  # nothing to migrate, nothing to back up
    report = s.check()
    assert report.ok, report.lines()


def test_people_and_clinic_read_back(upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    want = info["expected"]
    _same(want["clinic"], _plain(clinic_repo.clinic(s._db)))
    users = _plain(clinic_repo.list_users(s._db))
    assert len(users) == len(want["users"])
    for expected, actual in zip(want["users"], users, strict=True):
        _same(expected, actual)
    patients = _plain(patients_repo.all_patients(s._db))
    assert len(patients) == len(want["patients"])
    for expected, actual in zip(want["patients"], patients, strict=True):
        _same(expected, actual)


def test_episodes_and_assessments_read_back(upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    want = info["expected"]
    assert want["episodes"]
    for expected in want["episodes"]:
        _same(expected, _plain(episodes_repo.get(s._db, expected["id"])))
    snaps = {snap.episode.id: snap for snap in episodes_repo.snapshots(s._db)}
    assert set(snaps) == {e["id"] for e in want["episodes"]}
    for a in want["assessments"]:
        got = snaps[a["episode_id"]].assessments[a["kind"]]
        assert {k: got.get(k) for k in ("due_date", "done_date")} == {
            "due_date": a["due_date"], "done_date": a["done_date"]}


def test_responses_answers_scores_and_corrections_read_back(
        upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    old = info["schema_version"]
    want = info["expected"]["responses"]
    assert want and any(r["answers"] for r in want) and any(r["scores"] for r in want)
    for expected in want:
        rid = expected["id"]
        record = _plain(responses_repo.get_response(s._db, rid))
        _same({k: v for k, v in expected.items()
               if k not in ("answers", "scores", "corrections")}, record)
        if old < 3:
            assert record["provenance"] == {}  # schema 3's default for older responses
        assert responses_repo.answers(s._db, rid) == expected["answers"]
        scores = _plain(responses_repo.scores(s._db, rid))
        assert set(scores) == set(expected["scores"])
        for sid, row in expected["scores"].items():
            detail = row[2] if len(row) > 2 else {}  # schema 3 added score details
            assert scores[sid] == [row[0], row[1], detail]
        corrections = _plain(responses_repo.corrections(s._db, rid))
        assert corrections == expected.get("corrections", [])
    if old >= 3:
        assert any(r["corrections"] for r in want)


def test_goals_and_reviews_read_back(upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    episode_ids = [e["id"] for e in info["expected"]["episodes"]]
    goals = _plain(goals_repo.for_episodes(s._db, episode_ids))
    assert goals == info["expected"].get("goals", [])
    if info["schema_version"] >= 3:
        assert goals and all(g["reviews"] for g in goals)


def test_staff_entries_read_back(upgraded: tuple[dict[str, Any], Session]) -> None:
    """Schema 8 on: how staff-entered answers were obtained, skips, the second entry."""
    info, s = upgraded
    want = info["expected"].get("staff_entry")
    if want is None:
        assert info["schema_version"] < 8
        assert int(s._db.scalar("SELECT count(*) FROM response_entry")) == 0
        return
    assert want, "the schema 8 fixture holds a staff entry"
    for row in want:
        rid = row["response_id"]
        assert _plain(responses_repo.get_entry(s._db, rid)) == row["entry"]
        assert responses_repo.second_answers(s._db, rid) == row["second_answers"]
        assert _plain(responses_repo.entry_differences(s._db, rid)) == row["differences"]
        assert responses_repo.section_skips(s._db, rid) == row["skips"]
        record = responses_repo.get_response(s._db, rid)
        assert record is not None and record.method == row["entry"]["method"]


def test_restrictions_read_back(upgraded: tuple[dict[str, Any], Session]) -> None:
    """Schema 9 on: restricted records and the restriction history."""
    from crdesk.storage import records_repo

    info, s = upgraded
    want = info["expected"].get("restrictions")
    if want is None:
        assert info["schema_version"] < 9
        assert records_repo.restricted_ids(s._db) == set()
        return
    assert sorted(records_repo.restricted_ids(s._db)) == want["restricted"]
    history = [r for pid in {h["patient_id"] for h in want["history"]}
               for r in records_repo.patient_rows(s._db, pid)["record_restrictions"]]
    assert sorted((h["patient_id"], h["action"], h["reason"], h["actor"]) for h in history) == \
        sorted((h["patient_id"], h["action"], h["reason"], h["actor"]) for h in want["history"])


def test_export_ledger_reads_back(upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    want = info["expected"].get("ledger", [])
    batches = ledger_repo.batches(s._db)
    assert len(batches) == len(want)
    for expected, batch in zip(want, batches, strict=True):
        _same({k: v for k, v in expected.items() if k not in ("package_sha256", "items")},
              _plain(batch))
        found = ledger_repo.package_zip(s._db, batch.sequence)
        assert found is not None
        assert hashlib.sha256(found[1]).hexdigest() == expected["package_sha256"]
        assert ledger_repo.last_hashes(s._db, batch.profile) == {
            i["episode_id"]: i["row_hash"] for i in expected["items"]}
    if info["schema_version"] >= 2:
        assert want


def test_audit_chain_is_kept_and_still_verifies(upgraded: tuple[dict[str, Any],
                                                                  Session]) -> None:
    info, s = upgraded
    audit = info["expected"]["audit"]
    assert audit_repo.verify(s._db).ok
    # The old rows are all there, unchanged: the old head is still at its place in the chain.
    old_head = s._db.scalar("SELECT hash FROM audit_log ORDER BY seq LIMIT 1 OFFSET ?",
                           (audit["rows"] - 1,))
    assert old_head == audit["head"]


def test_staff_unlock_and_recovery_key_still_work(
        fixture: tuple[dict[str, Any], ClinicHome]) -> None:
    info, home = fixture
    staff = access.unlock(home, "staff", info["passwords"]["staff"])
    assert not staff.is_admin
    staff.close()
    recovered = access.recover(home, info["recovery_key"], "admin", "larch and rowan by the tarn",
                             cost=TEST_COST)
    assert recovered.is_admin
    recovered.close()


def test_kept_counts_and_facts_after_the_upgrade(upgraded: tuple[dict[str, Any], Session]) -> None:
    """Schema 5's kept rows on a clinic made before it: the response counts match the
    responses, and the first dashboard read works out every episode."""
    from crdesk.services.dashboard import DashboardService
    from crdesk.storage import dashboard_repo

    _, s = upgraded
    db = s._db
    assert db.query("SELECT status, mode, n FROM response_status_counts WHERE n <> 0"
                    " ORDER BY 1, 2") == db.query(
        "SELECT status, mode, count(*) FROM responses GROUP BY 1, 2 ORDER BY 1, 2")
    episodes = int(db.scalar("SELECT count(*) FROM episodes"))
    assert DashboardService(s).refresh_kept_facts() == episodes > 0
    assert len(dashboard_repo.episode_facts(db)) == episodes
