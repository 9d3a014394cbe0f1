"""What an export would send now (the admin's preview), and who is held back from it.

Read from the kept rows (services/export_rows.py), brought up to date first; the hold-back
(opted out, restricted) is read fresh from the patients every time, never kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from crdesk.core.episode import EpisodeSnapshot
from crdesk.core.nhs_number import format_nhs
from crdesk.export.profile import Profile
from crdesk.export.rows import RowResult
from crdesk.services.export_rows import (
    _DAMAGED_EXPORT,
    KeptRows,
    Progress,
    _never,
    _within,
)
from crdesk.storage import (
    episodes_repo,
    export_rows_repo,
    ledger_repo,
    opt_out_repo,
    patients_repo,
    records_repo,
)
from crdesk.storage.connection import Database


@dataclass
class Preview:
    profile: Profile
    ready: list[RowResult] = field(default_factory=list)
    incomplete: list[RowResult] = field(default_factory=list)
    opted_out: int = 0
    unchanged: int = 0
    amendments: int = 0
    restricted: int = 0  # held back because the patient's record is restricted (issue 17)
    hashes: dict[int, str] = field(default_factory=dict)
    amendment_ids: set[int] = field(default_factory=set)
    forms: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        return _summary(len(self.ready), self.amendments, len(self.incomplete), self.unchanged,
                        self.opted_out, self.restricted)


def _summary(ready: int, amendments: int, incomplete: int, unchanged: int,
             opted_out: int, restricted: int) -> str:
    return (f"{ready} record(s) ready ({amendments} amendment(s)), "
            f"{incomplete} incomplete, {unchanged} already sent unchanged, "
            f"{opted_out} opted out of NACR (never exported)"
            + (f", {restricted} held back because the patient's record is "
               "restricted (until it is released)." if restricted else "."))


@dataclass(frozen=True)
class HeldBack:
    """The patients none of whose records may go in any export, by reason: opted out of NACR
    (or with an opt-out waiting for staff to confirm), and restricted (issue 17: held back
    until released, counted apart so the preview says why)."""

    opted_out: set[int]
    restricted: set[int]

    def __contains__(self, patient_id: object) -> bool:
        return patient_id in self.opted_out or patient_id in self.restricted

    def reason(self, patient_id: int, flagged_opted_out: bool) -> str | None:
        """"opted_out", "restricted" or None; an opt-out counts first."""
        if flagged_opted_out or patient_id in self.opted_out:
            return "opted_out"
        if patient_id in self.restricted:
            return "restricted"
        return None


def held_back_patients(db: Database) -> HeldBack:
    """The one place the hold-back is decided, for every profile and both ways a row is read
    (from scratch in ``select_for_export``, kept in ``ExportService``): read fresh from the
    patients at each preview and export, never kept with the rows, so a kept row of a
    patient held back since it was built is never sent."""
    return HeldBack(opt_out_repo.excluded_patient_ids(db), records_repo.restricted_ids(db))


def select_for_export(db: Database,
                      question_ids: set[str]) -> tuple[list[EpisodeSnapshot], int, int]:
    """The episodes any profile may consider, read from scratch; how many were left out
    because their patient opted out of NACR (or has an opt-out waiting for confirmation);
    and how many were held back because the patient's record is restricted."""
    held = held_back_patients(db)
    chosen: list[EpisodeSnapshot] = []
    left_out = restricted = 0
    for snap in episodes_repo.snapshots(db, question_ids):
        why = held.reason(snap.patient.id or 0, snap.patient.nacr_opt_out)
        if why == "opted_out":
            left_out += 1
        elif why == "restricted":
            restricted += 1
        else:
            chosen.append(snap)
    return chosen, left_out, restricted


class PreviewService(KeptRows):
    """The preview, on top of the kept rows (ExportService builds on it)."""

    def patient_labels(self, rows: list[RowResult]) -> dict[int, str]:
        """Name and NHS number of the patients behind preview rows, for the admin's screen
        (never for a file or a log): one query, not one per row."""
        patients = patients_repo.get_many(self.session._db, (r.patient_id for r in rows))
        return {pid: f"{p.given_name} {p.family_name} — {format_nhs(p.nhs_number or '')}"
                for pid, p in patients.items()}

    # ---- preview ----------------------------------------------------------------------------

    def preview(self, profile_id: str, today: dt.date | None = None,
                progress: Progress = _never,
                cancelled: Callable[[], bool] = lambda: False) -> Preview:
        """What an export would send now, from the kept rows (brought up to date first;
        ``cancelled`` can stop a long rebuild of them, keeping what it built)."""
        self.session.require_writable(_DAMAGED_EXPORT)
        profile = self.profile(profile_id)
        today = today or dt.date.today()
        progress(0.05, "Checking records")
        self.refresh_rows(today, _within(progress, 0.05, 0.3), cancelled)
        progress(0.3, "Reading records")
        db = self.session._db
        held = held_back_patients(db)
        sent = ledger_repo.last_hashes(db, profile.id)
        names = [c.name for c in profile.columns]
        kind_cols = [c.name for c in profile.columns if c.source == "batch.record_type"]
        out = Preview(profile)
        for row in export_rows_repo.rows(db, profile.id):
            why = held.reason(row.patient_id, row.opted_out)
            if why == "opted_out":
                out.opted_out += 1
                continue
            if why == "restricted":
                out.restricted += 1
                continue
            eid = row.episode_id
            kind = "amendment" if eid in sent else "new"
            r = RowResult(eid, row.patient_id, dict(zip(names, json.loads(row.row_values),
                                                        strict=True)),
                          json.loads(row.errors), json.loads(row.warnings))
            for name in kind_cols:
                r.values[name] = kind
            if not row.ready:
                out.incomplete.append(r)
                continue
            if sent.get(eid) == row.row_hash:
                out.unchanged += 1
                continue
            out.ready.append(r)
            out.hashes[eid] = row.row_hash
            if kind == "amendment":
                out.amendments += 1
                out.amendment_ids.add(eid)
            out.forms.update(json.loads(row.forms))
        return out

    # ---- helpers ----------------------------------------------------------------------------

    def _counts(self, profile: Profile, held: HeldBack) -> tuple[int, int, int]:
        """(opted out, restricted, incomplete) among the rows of ``profile`` that are not
        ready, from the kept rows' index (the ready rows of patients held back are counted
        as the export streams past them)."""
        opted = restricted = incomplete = 0
        for pid, opted_out in export_rows_repo.not_ready(self.session._db, profile.id):
            why = held.reason(pid, opted_out)
            if why == "opted_out":
                opted += 1
            elif why == "restricted":
                restricted += 1
            else:
                incomplete += 1
        return opted, restricted, incomplete
