"""A full rebuild of the kept export rows (after an upgrade, a new profile or form version)
goes in rounds, each committed: it reports how far it is, a cancel stops it between rounds
keeping what it built, the next refresh carries on from there (building only the rest),
and a change made while it runs is never lost."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from crdesk.export.profile import available_profiles
from crdesk.services.export import ExportCancelled, ExportService
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, export_rows_repo
from tests.export.conftest import add_episode

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def rounds_of_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_rows_repo, "REFRESH_BATCH", 2)


def _fresh(service: ExportService) -> None:
    for pid in service.profiles:
        assert service.kept_rows(pid) == service.rows_from_scratch(pid, TODAY), pid


def _generations(s: Session) -> dict[str, str]:
    return export_rows_repo.generations(s._db)


def test_a_cancelled_rebuild_keeps_its_rounds_and_carries_on(
        admin: Session, profiles_dir: Path, rounds_of_two: None) -> None:
    eids = [add_episode(admin, seed=100 + i)[1] for i in range(5)]
    service = ExportService(admin, available_profiles(profiles_dir))
    heard: list[tuple[float, str]] = []
    with pytest.raises(ExportCancelled, match="carries on"):
        service.refresh_rows(TODAY, lambda f, s: heard.append((f, s)),
                             cancelled=lambda: len(heard) >= 1)
    # One round of two episodes was committed before the cancel was seen.
    assert heard == [(0.4, "Bringing the export rows up to date: 2 of 5 records")]
    for pid in service.profiles:
        assert set(service.kept_rows(pid)) == set(eids[:2])
    # Not yet the profiles' generation: a preview cannot take the rows as complete.
    assert all(g.startswith(export_rows_repo.PARTIAL) for g in _generations(admin).values())
    # The next refresh builds only the three left, then the rows are whole and current.
    again = ExportService(admin, available_profiles(profiles_dir))
    assert again.refresh_rows(TODAY) == 3
    assert not any(g.startswith(export_rows_repo.PARTIAL)
                   for g in _generations(admin).values())
    _fresh(again)
    assert again.refresh_rows(TODAY) == 0
    assert {r.episode_id for r in again.preview("testnacr", TODAY).ready} == set(eids)


def test_a_change_made_while_a_rebuild_runs_is_not_lost(
        admin: Session, profiles_dir: Path, rounds_of_two: None) -> None:
    eids = [add_episode(admin, seed=100 + i)[1] for i in range(5)]
    service = ExportService(admin, available_profiles(profiles_dir))

    def change_a_built_episode(f: float, _stage: str) -> None:
        # Between rounds (as another user's edit would land): the first episode, built in
        # round one, changes; its mark waits for the next refresh.
        if f < 0.5:
            e = episodes_repo.get(admin._db, eids[0])
            assert e is not None
            with admin.change("test.setup", "episode"):
                episodes_repo.update(admin._db, dataclasses.replace(e, initiating_event="cabg"))

    assert service.refresh_rows(TODAY, change_a_built_episode) == 5
    assert admin._db.scalar("SELECT count(*) FROM export_rows_stale") == 1
    # Every read refreshes first: the changed episode is built again, nothing else.
    assert service.refresh_rows(TODAY) == 1
    _fresh(service)


def test_a_rebuild_of_a_new_generation_starts_again(
        admin: Session, profiles_dir: Path, rounds_of_two: None) -> None:
    for i in range(3):
        add_episode(admin, seed=100 + i)
    first = ExportService(admin, available_profiles(profiles_dir))
    with pytest.raises(ExportCancelled):
        first.refresh_rows(TODAY, cancelled=lambda: admin._db.scalar(
            "SELECT count(*) FROM export_rows") > 0)
    # The profile changes before the rebuild finished: its half-built rows are dropped.
    text = (profiles_dir / "testnacr.yaml").read_text().replace('version: "3"', 'version: "4"')
    (profiles_dir / "testnacr.yaml").write_text(text)
    second = ExportService(admin, available_profiles(profiles_dir))
    assert second.refresh_rows(TODAY) == 3
    _fresh(second)
