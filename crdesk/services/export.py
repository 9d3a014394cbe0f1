"""Export batches for NACR (admin only): preview, export, re-issue.

Nothing is written until every check has passed; the package is written atomically and
recorded in the ledger in one step, so a cancelled or failed export leaves no file and no
ledger entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crdesk import __version__
from crdesk.atomic import write_atomic
from crdesk.core.activity import WEEKLY_INPUTS, WEEKLY_MINUTES
from crdesk.core.episode import EpisodeSnapshot
from crdesk.core.forms import Form, FormRegistry
from crdesk.core.forms.history import as_current, old_ids
from crdesk.core.nhs_number import format_nhs
from crdesk.crypto import cms, pseudonym
from crdesk.errors import KnownError, ValidationError
from crdesk.export.csv_cells import TRIGGER_FIRST, neutralise
from crdesk.export.package import DeflatedMember, Manifest, assemble_zip
from crdesk.export.profile import Profile, available_profiles, with_form_codes
from crdesk.export.readme import receiver_readme
from crdesk.export.rows import RowBuilder, RowResult, valid_days
from crdesk.services import anchor, identity
from crdesk.services.session import Session
from crdesk.storage import (
    episodes_repo,
    export_rows_repo,
    ledger_repo,
    opt_out_repo,
    patients_repo,
    records_repo,
)
from crdesk.storage.connection import Database
from crdesk.storage.export_rows_repo import KeptRow

Progress = Callable[[float, str], None]

# The layout of the kept rows (storage/schema_v11.py) and how they are built: a change to
# either changes every profile's generation, so every kept row is built again.
ROWS_FORMAT = "export-rows-1"

# Why an export refuses a damaged database: its records cannot be vouched for.
_DAMAGED_EXPORT = "export (records read from a damaged file cannot be vouched for)"


class ExportCancelled(KnownError):
    pass


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
class ExportResult:
    path: Path | None
    sequence: int | None
    rows: int
    amendments: int
    message: str


def _never(_f: float, _s: str) -> None:
    return None


def _within(progress: Progress, lo: float, hi: float) -> Progress:
    """``progress`` for a part of the work that runs from ``lo`` to ``hi`` of the whole."""
    return lambda f, stage: progress(lo + (hi - lo) * f, stage)


def row_hash(profile: Profile, r: RowResult) -> str:
    """What a record looked like when sent: its values, less new/amendment marking."""
    skip = {c.name for c in profile.columns if c.source == "batch.record_type"}
    return _hash_of(profile, [v for k, v in r.values.items() if k not in skip])


def _hash_of(profile: Profile, values: list[str]) -> str:
    text = json.dumps([profile.id, profile.version, values])
    return hashlib.sha256(text.encode()).hexdigest()


def _neutral(cells: Iterable[object]) -> list[str]:
    """``neutralise`` of each cell; a text that cannot trigger a formula (most cells: its
    first character is none of the triggers) passes without a call."""
    return [c if type(c) is str and (not c or c[0] not in TRIGGER_FIRST) else neutralise(c)
            for c in cells]


def csv_line(profile: Profile, cells: Iterable[object]) -> str:
    """One data line as the export writes it (cells neutralised, the profile's delimiter)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=profile.delimiter, lineterminator="\r\n").writerow(
        _neutral(cells))
    return buf.getvalue()


# Stands in the record-type cell while a line is written, to find where that cell starts
# in one pass: a private-use character, never quoted by csv and never in a code or a date.
_MARK = "\ue000"


def kept_row(build: RowBuilder, snap: EpisodeSnapshot, today: dt.date,
             forms: str | None = None) -> KeptRow:
    """The row kept for ``snap``: built once, read by every preview and export until the
    episode changes (or its date window ends). The line carries "new" in the record-type
    cell; the export puts "amendment" there for a record sent before. ``forms`` is the
    snapshot's form versions as kept (``forms_text``), if already worked out."""
    profile = build.profile
    r = build(snap, "new")
    lo, hi = valid_days(snap, today)
    if forms is None:
        forms = forms_text(snap)
    if r.opted_out:  # nothing built, nothing kept that could leak
        return KeptRow(r.episode_id, r.patient_id, False, True, "", -1, "[]", "", "[]", "[]",
                       forms, lo, hi)
    cells = [r.values.get(n, "") for n in build.names]
    kinds = build.record_type_at
    at = -1
    if kinds:
        first = kinds[0]
        marked = list(cells)
        marked[first] = _MARK
        line = csv_line(profile, marked)
        if line.count(_MARK) == 1:
            at = line.index(_MARK)
            line = line.replace(_MARK, "new")
        else:  # the mark in a value too (never in practice): the cell found the long way
            line = csv_line(profile, cells)
            at = len(csv_line(profile, [*cells[:first], "new"])) - len("new\r\n")
    else:
        line = csv_line(profile, cells)
    skip = build.record_type_names
    hashed = [v for k, v in r.values.items() if k not in skip]  # as row_hash reads them
    return KeptRow(r.episode_id, r.patient_id, r.ready, False, line, at, json.dumps(cells),
                   _hash_of(profile, hashed), _json_list(r.errors), _json_list(r.warnings),
                   forms, lo, hi)


def forms_text(snap: EpisodeSnapshot) -> str:
    """The form versions behind a snapshot, as a kept row holds them."""
    return json.dumps(dict(sorted(snap.forms.items())))


def _json_list(items: list[str]) -> str:
    return json.dumps(items) if items else "[]"


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


def suggested_file_name(ods: str, profile: str, sequence: int, when: dt.date) -> str:
    return f"{ods}_{profile}_{sequence:04d}_{when:%Y%m%d}.p7m"


class ExportService:
    def __init__(self, session: Session, profiles: dict[str, Profile] | None = None,
                 registry: FormRegistry | None = None) -> None:
        session.require_admin("export records")
        self.session = session
        self._registry = registry
        raw = profiles if profiles is not None else available_profiles()
        self.profiles = {k: with_form_codes(p, self._form_codes) for k, p in raw.items()}
        self._wanted: dict[str, str] | None = None

    def on(self, session: Session) -> ExportService:
        """The same profiles, working through ``session`` (a background operation's own)."""
        other = ExportService.__new__(ExportService)
        session.require_admin("export records")
        other.session, other._registry, other.profiles = session, self._registry, self.profiles
        other._wanted = self._wanted
        return other

    def batches(self) -> list[ledger_repo.Batch]:
        """Every batch exported so far, newest first as the ledger keeps them."""
        return ledger_repo.batches(self.session._db)

    def suggested_name(self, profile_id: str, today: dt.date | None = None) -> str:
        """A file name for the next batch (clinic code, profile, sequence, date)."""
        seq = ledger_repo.next_sequence(self.session._db)
        return suggested_file_name(self.session.clinic().ods_code, profile_id, seq,
                                   today or dt.date.today())

    def reissue_name(self, sequence: int) -> str:
        return f"{self.session.clinic().ods_code}_reissue_{sequence:04d}.p7m"

    def patient_labels(self, rows: list[RowResult]) -> dict[int, str]:
        """Name and NHS number of the patients behind preview rows, for the admin's screen
        (never for a file or a log): one query, not one per row."""
        patients = patients_repo.get_many(self.session._db, (r.patient_id for r in rows))
        return {pid: f"{p.given_name} {p.family_name} — {format_nhs(p.nhs_number or '')}"
                for pid, p in patients.items()}

    def _form_codes(self, mode: str, question_id: str) -> dict[str, str]:
        """Option value -> code for a question of the patient or clinical form."""
        from crdesk.services.questionnaires import CLINICAL_FORM, PATIENT_FORM

        if self._registry is None:
            self._registry = FormRegistry.from_dir()
        form = self._registry.get(PATIENT_FORM if mode == "patient" else CLINICAL_FORM)
        item = form.item_by_id.get(question_id)
        if item is None:
            return {}
        codes = {str(o.value): o.code for o in item.options if o.code is not None}
        codes.update({str(k): str(v) for k, v in item.special_codes.items()})
        return codes

    def _current_forms(self) -> dict[str, Form]:
        from crdesk.services.questionnaires import CLINICAL_FORM, PATIENT_FORM

        if self._registry is None:
            self._registry = FormRegistry.from_dir()
        return {fid: self._registry.get(fid) for fid in (PATIENT_FORM, CLINICAL_FORM)}

    @staticmethod
    def _map_through_history(snap: EpisodeSnapshot, current: dict[str, Form]) -> None:
        """Answers given on an older form version, as the current version (the one the
        profile's columns name) asks them, through the form's declared history."""
        for key, (form_id, version) in snap.versions.items():
            form = current.get(form_id)
            if form is not None and key in snap.answers and str(form.version) != version:
                snap.answers[key] = as_current(form, snap.answers[key], int(version))

    def profile(self, profile_id: str) -> Profile:
        if profile_id not in self.profiles:
            raise ValidationError(f"There is no export profile called '{profile_id}'.",
                                  f"Choose one of: {', '.join(sorted(self.profiles))}.")
        return self.profiles[profile_id]

    # ---- kept rows ----------------------------------------------------------------------

    def _question_ids(self, profile: Profile, current: Mapping[str, Form]) -> set[str]:
        qids = {c.source.split(".", 2)[2] for c in profile.columns
                if c.source.startswith(("answer.", "staff."))}
        if WEEKLY_MINUTES in qids:  # calculated, not stored: read what it is made of
            qids |= set(WEEKLY_INPUTS)
        for form in current.values():  # answers stored under an older id are read too
            qids |= old_ids(form, qids)
        return qids

    @staticmethod
    def _generation(profile: Profile, key: bytes, current: Mapping[str, Form]) -> str:
        """What a profile's kept rows are built with: a change to any of it (the profile or
        the form codes in it, a form version, the pseudonym key, crdesk's code) builds
        them all again. The key is only ever in it hashed."""
        # repr of the frozen profile: every field, codes included, in a fixed order (the
        # order the profile file and the forms give); cheaper than dataclasses.asdict.
        text = repr([ROWS_FORMAT, __version__, profile,
                     sorted((f.id, f.version, f.content_hash) for f in current.values()),
                     hashlib.sha256(b"crdesk export rows\0" + key).hexdigest()])
        return hashlib.sha256(text.encode()).hexdigest()

    def _builders(self, today: dt.date) -> tuple[dict[str, Form], dict[str, RowBuilder],
                                                  set[str]]:
        key = identity.pseudonym_key(self.session)
        current = self._current_forms()
        builders = {pid: RowBuilder(p, today=today,
                                    pseudonymise=lambda ident: pseudonym.pseudonym(key, ident))
                    for pid, p in self.profiles.items()}
        qids: set[str] = set()
        for p in self.profiles.values():
            qids |= self._question_ids(p, current)
        return current, builders, qids

    def _generations(self) -> dict[str, str]:
        """Each profile's generation; worked out once per service (profiles, forms and key
        do not change under it)."""
        if self._wanted is None:
            key = identity.pseudonym_key(self.session)
            current = self._current_forms()
            self._wanted = {pid: self._generation(p, key, current)
                            for pid, p in self.profiles.items()}
        return self._wanted

    def refresh_rows(self, today: dt.date | None = None, progress: Progress = _never,
                     cancelled: Callable[[], bool] = lambda: False) -> int:
        """Bring every profile's kept rows up to date (the episodes changed since, the rows
        whose date checks ``today`` changes, or all of a profile whose generation changed);
        return how many episodes were built again. Cheap when nothing changed.

        A full rebuild (after an upgrade, a new profile or form version) goes in rounds,
        each committed: ``progress`` hears how far it is, and ``cancelled`` stops it
        between rounds (ExportCancelled) with the rounds done kept; the next call carries
        on from there."""
        today = today or dt.date.today()
        db = self.session._db
        wanted = self._generations()
        if not export_rows_repo.needs_refresh(db, wanted, today.toordinal()):
            return 0
        current, builders, qids = self._builders(today)

        def build(ids: Sequence[int], need: Mapping[str, set[int]]) -> dict[str, list[KeptRow]]:
            snaps = episodes_repo.snapshots(db, qids, ids)
            for snap in snaps:
                self._map_through_history(snap, current)
            forms = [forms_text(snap) for snap in snaps]  # the same for every profile
            return {pid: [kept_row(builders[pid], snap, today, text)
                          for snap, text in zip(snaps, forms, strict=True)
                          if (snap.episode.id or 0) in need.get(pid, ())]
                    for pid in need}

        def step(done: int, total: int) -> None:
            progress(done / total if total else 1.0,
                     f"Bringing the export rows up to date: {done:,} of {total:,} records")
            if cancelled():
                raise ExportCancelled(
                    "Cancelled: nothing was exported. The records checked so far are kept, "
                    "so the next check carries on from there.", "")

        self._check(cancelled)
        return export_rows_repo.refresh(db, wanted, today.toordinal(), build, step)

    def rows_from_scratch(self, profile_id: str, today: dt.date) -> dict[int, KeptRow]:
        """Every episode's row of ``profile_id`` built now from the source tables, the way
        the kept rows are built: what ``refresh_rows`` keeps must always equal this."""
        current, builders, qids = self._builders(today)
        out = {}
        for snap in episodes_repo.snapshots(self.session._db, qids):
            self._map_through_history(snap, current)
            row = kept_row(builders[profile_id], snap, today)
            out[row.episode_id] = row
        return out

    def kept_rows(self, profile_id: str) -> dict[int, KeptRow]:
        """The kept rows of ``profile_id`` as stored (not refreshed first)."""
        return {r.episode_id: r for r in export_rows_repo.rows(self.session._db, profile_id)}

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

    def _data_key(self) -> bytes:
        key = self.session._key
        if key is None:
            raise KnownError("crdesk is locked.", "Sign in again.")
        return key

    # ---- export -----------------------------------------------------------------------------

    def export(self, profile_id: str, out: Path, recipients: list[Path], *,
               progress: Progress = _never, cancelled: Callable[[], bool] = lambda: False,
               today: dt.date | None = None) -> ExportResult:
        # Before anything else: records read from a damaged file cannot be vouched for.
        self.session.require_writable(_DAMAGED_EXPORT)
        profile = self.profile(profile_id)
        certs = self._recipients(profile, recipients)
        ident = identity.signing_identity(self.session)
        problem = cms.certificate_problem(ident.certificate, need_rsa=False)
        if problem:
            raise KnownError(f"The clinic's signing certificate cannot be used: {problem}",
                             "Import a current certificate in Admin > Clinic settings.")
        if not cms.certificate_names_clinic(ident.certificate, self.session.clinic().ods_code):
            # The receiver's verify ties the manifest's clinic code to the signer (issue 12).
            raise KnownError(
                "The clinic's signing certificate does not name this clinic's ODS code, so "
                "the receiver would refuse the package.",
                "Import a certificate issued for this ODS code in Admin > Clinic settings.")
        if Path(out).exists():
            raise ValidationError(f"{Path(out).name} already exists.",
                                  "Choose another file name; crdesk never overwrites a file.")
        today = today or dt.date.today()
        progress(0.05, "Checking records")
        self.refresh_rows(today, _within(progress, 0.05, 0.3), cancelled)
        self._check(cancelled)
        progress(0.3, "Writing the data file")
        db = self.session._db
        held = held_back_patients(db)
        # (opted out, restricted, incomplete) among the rows not ready
        counts = self._counts(profile, held)
        data = DeflatedMember(profile.file_name, level=1)
        data.write(csv_line(profile, [c.name for c in profile.columns]).encode(profile.encoding))
        items: list[tuple[int, str, bool]] = []
        forms: set[str] = set()
        unchanged = amendments = 0
        pending: list[str] = []
        opted_ready = restricted_ready = 0
        sent = ledger_repo.last_hashes(db, profile.id)
        for eid, pid, line, at, h, row_forms in export_rows_repo.ready(db, profile.id):
            last = sent.get(eid)
            why = held.reason(pid, False)
            if why == "opted_out":
                opted_ready += 1
                continue
            if why == "restricted":
                restricted_ready += 1
                continue
            if last == h:
                unchanged += 1
                continue
            if last is not None:
                amendments += 1
                if at >= 0:
                    line = line[:at] + "amendment" + line[at + len("new"):]
            items.append((eid, h, last is not None))
            forms.add(row_forms)
            pending.append(line)
            if len(pending) >= 500:
                data.write("".join(pending).encode(profile.encoding))
                pending.clear()
                self._check(cancelled)
        data.write("".join(pending).encode(profile.encoding))
        data.close()
        counts = (counts[0] + opted_ready, counts[1] + restricted_ready, counts[2])
        summary = _summary(len(items), amendments, counts[2], unchanged, counts[0], counts[1])
        if not items:
            return ExportResult(None, None, 0, 0,
                                "Nothing new to export: every complete record has been sent. "
                                + summary)
        self._check(cancelled)
        progress(0.45, "Packing the data file")
        sequence = ledger_repo.next_sequence(db)
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        used: dict[str, str] = {}
        for text in forms:
            used.update(json.loads(text))
        info = self.session.clinic()
        manifest = Manifest(
            batch_id=str(uuid.uuid4()), sequence=sequence, clinic_code=info.ods_code,
            profile=profile.id, profile_version=profile.version, forms=used,
            created=created, software_version=__version__,
            row_counts={profile.file_name: len(items)},
            sha256={profile.file_name: data.sha256()}, amendments=amendments,
            # The audit chain's head, authenticated (services/anchor.py): a copy out of
            # reach of anyone who later rewrites the clinic's log (issue 12).
            extra={"audit_anchor": anchor.make_anchor(db, self._data_key(), "export")},
        )
        package_zip = assemble_zip(data, manifest, receiver_readme(manifest, profile, bool(certs)))
        del data
        self._check(cancelled)
        progress(0.6, "Signing and encrypting")
        package = self._seal(package_zip, ident, certs)
        self._check(cancelled)
        progress(0.85, "Saving the package")
        batch = ledger_repo.Batch(sequence, manifest.batch_id, profile.id, profile.version,
                                  created, self.session.username, Path(out).name,
                                  len(items), amendments)
        written = False
        try:
            with self.session.change("export.batch", "export", sequence,
                                     {"profile": profile.id, "rows": len(items),
                                      "amendments": amendments,
                                      "incomplete": counts[2],
                                      "opted_out": counts[0],
                                      "restricted": counts[1],
                                      "recipients": len(certs)}):
                ledger_repo.record(db, batch, package_zip, items)
                # Written inside the transaction: if the file cannot be written the ledger
                # entry rolls back; if the commit fails the file is removed below.
                write_atomic(Path(out), package, overwrite=False)
                written = True
        except BaseException:
            if written:
                Path(out).unlink(missing_ok=True)
            raise
        progress(1.0, "Done")
        return ExportResult(Path(out), sequence, len(items), amendments,
                            f"Exported {len(items)} record(s) in batch {sequence}. " + summary)

    def reissue(self, sequence: int, out: Path, recipients: list[Path]) -> ExportResult:
        """The same data again (for a lost file or a new recipient), freshly signed."""
        self.session.require_writable(_DAMAGED_EXPORT)
        found = ledger_repo.package_zip(self.session._db, sequence)
        if found is None:
            raise ValidationError(f"There is no export batch {sequence}.", "")
        batch, package_zip = found
        removed = records_repo.package_removed(self.session._db, sequence)
        if removed is not None:
            raise ValidationError(
                f"Batch {sequence} carried a record that has since been purged, so its "
                f"package is no longer held (its SHA-256 {removed[:16]}... is kept to match "
                "the copy the receiver holds).",
                "Export a new batch instead.")
        held = records_repo.restricted_in_batch(self.session._db, sequence)
        if held:
            raise ValidationError(
                f"Batch {sequence} holds {held} record(s) restricted since it was made, so it "
                "cannot be issued again until they are released.",
                "Export a new batch instead: it holds them back.")
        # Identical data again would send anyone in it who has opted out since.
        since = opt_out_repo.excluded_in_batch(self.session._db, sequence)
        if since:
            raise ValidationError(
                f"Batch {sequence} holds {since} record(s) of patients who have opted out of "
                "NACR since it was made (or whose opt-out is waiting for confirmation), so it "
                "cannot be issued again.",
                "Export a new batch instead: it leaves them out.")
        profile = self.profile(batch.profile)
        certs = self._recipients(profile, recipients)
        package = self._seal(package_zip, identity.signing_identity(self.session), certs)
        with self.session.change("export.reissue", "export", sequence,
                                 {"recipients": len(certs)}):
            write_atomic(Path(out), package, overwrite=False)
        return ExportResult(Path(out), sequence, batch.row_count, batch.amendments,
                            f"Batch {sequence} issued again with identical data.")

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

    @staticmethod
    def _check(cancelled: Callable[[], bool]) -> None:
        if cancelled():
            raise ExportCancelled("The export was cancelled; nothing was written.", "")

    def _recipients(self, profile: Profile, paths: list[Path]) -> list[cms.x509.Certificate]:
        """The certificates given, or else those configured for the clinic; all checked."""
        sources: list[tuple[str, bytes]] = []
        for p in paths:
            try:
                sources.append((Path(p).name, Path(p).read_bytes()))
            except OSError:
                raise ValidationError(f"The recipient certificate {Path(p).name} was not found.",
                                      "Check the file name.") from None
        if not paths:
            sources = [(f"configured recipient {i + 1}", pem) for i, pem
                       in enumerate(identity.configured_recipients(self.session))]
        certs = []
        for name, data in sources:
            try:
                cert = cms.load_certificate(data)
            except cms.CmsError as exc:
                raise ValidationError(f"{name}: {exc}", "") from None
            problem = cms.certificate_problem(cert, need_rsa=True)
            if problem:
                raise ValidationError(problem, "Ask the receiver for a current RSA certificate.")
            certs.append(cert)
        if profile.identifiable and not certs:
            raise ValidationError(
                f"The '{profile.id}' export carries NHS numbers, so it must be encrypted to at "
                "least one recipient.", "Give the receiver's certificate (--recipient CERT.pem).")
        return certs

    @staticmethod
    def _seal(package_zip: bytes, ident: cms.Identity,
              certs: list[cms.x509.Certificate]) -> bytes:
        signed = cms.sign(package_zip, ident)
        return cms.envelope(signed, certs) if certs else signed


