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
from collections.abc import Callable
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
from crdesk.export.csv_cells import neutralise
from crdesk.export.package import Manifest, build_zip, sha256_hex
from crdesk.export.profile import Profile, available_profiles, with_form_codes
from crdesk.export.readme import receiver_readme
from crdesk.export.rows import RowBuilder, RowResult
from crdesk.services import anchor, identity
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, ledger_repo, opt_out_repo, patients_repo
from crdesk.storage.connection import Database

Progress = Callable[[float, str], None]

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
    hashes: dict[int, str] = field(default_factory=dict)
    amendment_ids: set[int] = field(default_factory=set)
    forms: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{len(self.ready)} record(s) ready ({self.amendments} amendment(s)), "
                f"{len(self.incomplete)} incomplete, {self.unchanged} already sent unchanged, "
                f"{self.opted_out} opted out of NACR (never exported).")


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    sequence: int | None
    rows: int
    amendments: int
    message: str


def _never(_f: float, _s: str) -> None:
    return None


def row_hash(profile: Profile, r: RowResult) -> str:
    """What a record looked like when sent: its values, less new/amendment marking."""
    skip = {c.name for c in profile.columns if c.source == "batch.record_type"}
    values = [v for k, v in r.values.items() if k not in skip]
    text = json.dumps([profile.id, profile.version, values])
    return hashlib.sha256(text.encode()).hexdigest()


def select_for_export(db: Database, question_ids: set[str]) -> tuple[list[EpisodeSnapshot], int]:
    """The episodes any profile may consider, and how many were left out because their
    patient opted out of NACR or has an opt-out waiting for staff to confirm.

    The one place the opt-out is applied, before any row is built, for every profile."""
    excluded = opt_out_repo.excluded_patient_ids(db)
    chosen: list[EpisodeSnapshot] = []
    left_out = 0
    for snap in episodes_repo.snapshots(db, question_ids):
        if snap.patient.id in excluded or snap.patient.nacr_opt_out:
            left_out += 1
        else:
            chosen.append(snap)
    return chosen, left_out


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

    def on(self, session: Session) -> ExportService:
        """The same profiles, working through ``session`` (a background operation's own)."""
        other = ExportService.__new__(ExportService)
        session.require_admin("export records")
        other.session, other._registry, other.profiles = session, self._registry, self.profiles
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

    # ---- preview ----------------------------------------------------------------------------

    def preview(self, profile_id: str, today: dt.date | None = None,
                progress: Progress = _never) -> Preview:
        self.session.require_writable(_DAMAGED_EXPORT)
        profile = self.profile(profile_id)
        today = today or dt.date.today()
        key = identity.pseudonym_key(self.session)
        qids = {c.source.split(".", 2)[2] for c in profile.columns
                if c.source.startswith(("answer.", "staff."))}
        if WEEKLY_MINUTES in qids:  # calculated, not stored: read what it is made of
            qids |= set(WEEKLY_INPUTS)
        current = self._current_forms()
        for form in current.values():  # answers stored under an older id are read too
            qids |= old_ids(form, qids)
        progress(0.05, "Reading records")
        snapshots, out_opted = select_for_export(self.session._db, qids)
        for snap in snapshots:
            self._map_through_history(snap, current)
        sent = ledger_repo.last_hashes(self.session._db, profile.id)
        out = Preview(profile, opted_out=out_opted)
        build = RowBuilder(profile, today=today,
                           pseudonymise=lambda ident: pseudonym.pseudonym(key, ident))
        for i, snap in enumerate(snapshots):
            if i % 500 == 0:
                progress(0.05 + 0.35 * i / max(1, len(snapshots)), "Checking records")
            eid = snap.episode.id or 0
            kind = "amendment" if eid in sent else "new"
            r = build(snap, kind)
            if r.opted_out:
                out.opted_out += 1
                continue
            if not r.ready:
                out.incomplete.append(r)
                continue
            h = row_hash(profile, r)
            if sent.get(eid) == h:
                out.unchanged += 1
                continue
            out.ready.append(r)
            out.hashes[eid] = h
            if kind == "amendment":
                out.amendments += 1
                out.amendment_ids.add(eid)
            out.forms.update(snap.forms)
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
        preview = self.preview(profile_id, today, progress)
        if not preview.ready:
            return ExportResult(None, None, 0, 0,
                                "Nothing new to export: every complete record has been sent. "
                                + preview.summary())
        self._check(cancelled)
        progress(0.45, "Writing the data file")
        db = self.session._db
        sequence = ledger_repo.next_sequence(db)
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data = self._csv(profile, preview.ready)
        info = self.session.clinic()
        manifest = Manifest(
            batch_id=str(uuid.uuid4()), sequence=sequence, clinic_code=info.ods_code,
            profile=profile.id, profile_version=profile.version, forms=preview.forms,
            created=created, software_version=__version__,
            row_counts={profile.file_name: len(preview.ready)},
            sha256={profile.file_name: sha256_hex(data)}, amendments=preview.amendments,
            # The audit chain's head, authenticated (services/anchor.py): a copy out of
            # reach of anyone who later rewrites the clinic's log (issue 12).
            extra={"audit_anchor": anchor.make_anchor(db, self._data_key(), "export")},
        )
        package_zip = build_zip({profile.file_name: data}, manifest,
                                receiver_readme(manifest, profile, bool(certs)))
        self._check(cancelled)
        progress(0.6, "Signing and encrypting")
        package = self._seal(package_zip, ident, certs)
        self._check(cancelled)
        progress(0.85, "Saving the package")
        batch = ledger_repo.Batch(sequence, manifest.batch_id, profile.id, profile.version,
                                  created, self.session.username, Path(out).name,
                                  len(preview.ready), preview.amendments)
        items = [(r.episode_id, preview.hashes[r.episode_id],
                  r.episode_id in preview.amendment_ids) for r in preview.ready]
        written = False
        try:
            with self.session.change("export.batch", "export", sequence,
                                     {"profile": profile.id, "rows": len(preview.ready),
                                      "amendments": preview.amendments,
                                      "incomplete": len(preview.incomplete),
                                      "opted_out": preview.opted_out,
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
        return ExportResult(Path(out), sequence, len(preview.ready), preview.amendments,
                            f"Exported {len(preview.ready)} record(s) in batch {sequence}. "
                            + preview.summary())

    def reissue(self, sequence: int, out: Path, recipients: list[Path]) -> ExportResult:
        """The same data again (for a lost file or a new recipient), freshly signed."""
        self.session.require_writable(_DAMAGED_EXPORT)
        found = ledger_repo.package_zip(self.session._db, sequence)
        if found is None:
            raise ValidationError(f"There is no export batch {sequence}.", "")
        batch, package_zip = found
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

    @staticmethod
    def _csv(profile: Profile, rows: list[RowResult]) -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=profile.delimiter, lineterminator="\r\n")
        names = [c.name for c in profile.columns]
        w.writerow(names)
        for r in rows:
            w.writerow([neutralise(r.values.get(n, "")) for n in names])
        return buf.getvalue().encode(profile.encoding)
