"""The ledger after schema 15 (items one row per batch, ``export_items`` a view of them): a
clinic made at schema 12 upgrades with every item it held, in order, and its old batches
still count in what an export sends next (amendments against them), in reissue's checks,
in the subject access listing and in a purge's search for the batches a patient was in."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crdesk.core.opt_out import OptOutState
from crdesk.export.profile import available_profiles
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import ExportService
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import ledger_repo, opt_out_repo, records_repo
from crdesk.storage.connection import DatabaseError
from tests.export.conftest import PROFILE, Receiver, add_episode

V12 = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "v12"


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[tuple[dict[str, Any], Session]]:
    target = tmp_path / "clinic"
    target.mkdir()
    for name in ("clinic.db", "keyslots.json", "audit-anchor.json"):
        shutil.copy2(V12 / name, target / name)
    info = json.loads((V12 / "fixture.json").read_text(encoding="utf-8"))
    assert info["schema_version"] == 12
    with ClinicHome.open(BaseDir(target)) as home:
        session = access.unlock(home, "admin", info["passwords"]["admin"])
        try:
            yield info, session
        finally:
            session.close()


def _items(s: Session) -> list[tuple[int, int, str, int]]:
    return [(int(a), int(b), str(c), int(d)) for a, b, c, d in s._db.query(
        "SELECT sequence, episode_id, row_hash, is_amendment FROM export_items"
        " ORDER BY sequence, episode_id")]


def test_the_old_items_move_across_unchanged(upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    want = [(b["sequence"], i["episode_id"], i["row_hash"], i["is_amendment"])
            for b in info["expected"]["ledger"] for i in b["items"]]
    assert want and _items(s) == want
    # One row per batch, in format 1; the old table is gone (a view stands in its place).
    assert s._db.query("SELECT sequence, format FROM export_batch_items") == [
        (b["sequence"], 1) for b in info["expected"]["ledger"]]
    assert s._db.scalar("SELECT type FROM sqlite_master WHERE name = 'export_items'") == "view"
    with pytest.raises(DatabaseError):  # nobody can write items the old way by mistake
        s._db.execute("INSERT INTO export_items VALUES (9, 1, 'x', 0)")


def test_a_new_export_amends_what_the_old_ledger_sent(
        upgraded: tuple[dict[str, Any], Session], receiver: Receiver, tmp_path: Path,
        profiles_dir: Path) -> None:
    info, s = upgraded
    (old,) = info["expected"]["ledger"]
    sent = {i["episode_id"]: i["row_hash"] for i in old["items"]}
    # The fixture's first patient has an opt-out waiting: cleared, their episode (in the
    # old batch) may go again, as an amendment; a new patient's episode goes as new.
    pid = int(s._db.scalar("SELECT patient_id FROM episodes WHERE id = 1"))
    with s.change("test.setup", "patient"):
        opt_out_repo.set_state(s._db, pid, OptOutState.CLEARED, actor="admin",
                               reason="asked again")
    _, eid = add_episode(s, seed=4242)
    # The test profile under the old batch's profile id (the real one needs a full record).
    # The fixture's patient answered "former" (an option the test profile does not code).
    text = PROFILE.replace("id: testnacr", f"id: {old['profile']}")
    (profiles_dir / "nacr.yaml").write_text(text.replace('ex: "2"', 'ex: "2", former: "2"'))
    service = ExportService(s, available_profiles(profiles_dir))
    today = dt.date(2026, 12, 1)
    pv = service.preview(old["profile"], today=today)
    ready = {r.episode_id for r in pv.ready}
    assert {1, eid} <= ready
    assert pv.amendment_ids == ready & set(sent) == {1}
    result = service.export(old["profile"], tmp_path / "next.p7m", [receiver.cert],
                            today=today)
    assert (result.rows, result.amendments) == (len(ready), 1)
    last = ledger_repo.last_hashes(s._db, old["profile"])
    assert last == {**sent, **pv.hashes}
    assert [(seq, e) for seq, e, _, amend in _items(s) if amend] == [(result.sequence, 1)]
    # The same export again: nothing new, the old batch still issued again on request.
    again = service.export(old["profile"], tmp_path / "again.p7m", [receiver.cert],
                           today=today)
    assert again.rows == 0
    assert ledger_repo.package_zip(s._db, old["sequence"]) is not None


def test_what_was_sent_queries_read_old_and_new_batches(
        upgraded: tuple[dict[str, Any], Session]) -> None:
    info, s = upgraded
    old = info["expected"]["ledger"][0]
    seq = ledger_repo.next_sequence(s._db)
    eids = [i["episode_id"] for i in old["items"]]
    batch = ledger_repo.Batch(seq, "upgrade-test-2", "nacr", "1", "2026-11-02T00:00:00+00:00",
                              "admin", "second.p7m", 1, 1)
    with s.change("test.setup", "export"):
        ledger_repo.record(s._db, batch, b"zip", [(eids[0], "e" * 64, True)])
    assert ledger_repo.last_hashes(s._db, "nacr") == {
        eids[0]: "e" * 64, **{e: i["row_hash"] for e, i in
                              ((i["episode_id"], i) for i in old["items"][1:])}}
    pid = int(s._db.scalar("SELECT patient_id FROM episodes WHERE id = ?", (eids[0],)))
    listed = records_repo.patient_rows(s._db, pid)["export_items"]
    assert [(r["sequence"], r["episode_id"], r["row_hash"], r["is_amendment"])
            for r in listed] == [(old["sequence"], eids[0], old["items"][0]["row_hash"], 0),
                                 (seq, eids[0], "e" * 64, 1)]
    # Reissue's checks count the records of a batch, old layout or new (the fixture's
    # second patient is restricted and opted out; the first has an opt-out to confirm).
    assert records_repo.restricted_in_batch(s._db, old["sequence"]) == 1
    assert records_repo.restricted_in_batch(s._db, seq) == 0
    with s.change("test.setup", "patient"):
        records_repo.set_restricted(s._db, pid, True, "asked", "admin")
    assert records_repo.restricted_in_batch(s._db, old["sequence"]) == 2
    assert records_repo.restricted_in_batch(s._db, seq) == 1
    assert opt_out_repo.excluded_in_batch(s._db, old["sequence"]) == 2
    assert opt_out_repo.excluded_in_batch(s._db, seq) == 1
