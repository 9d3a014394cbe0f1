"""Export batches for NACR (admin only): preview, export, re-issue.

The service is built in three layers, one module each: the kept export rows and their
upkeep (services/export_rows.py), the preview read from them (services/export_preview.py),
and here the export and reissue that stream them into a signed package.

Nothing is written until every check has passed; the package is written atomically and
recorded in the ledger in one step, so a cancelled or failed export leaves no file and no
ledger entry.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crdesk import __version__
from crdesk.atomic import write_atomic
from crdesk.crypto import cms
from crdesk.errors import KnownError, ValidationError
from crdesk.export.package import DeflatedMember, Manifest, assemble_zip
from crdesk.export.profile import Profile
from crdesk.export.readme import receiver_readme
from crdesk.services import anchor, identity
from crdesk.services.export_preview import (
    HeldBack,
    Preview,
    PreviewService,
    _summary,
    held_back_patients,
    select_for_export,
)
from crdesk.services.export_rows import (
    _DAMAGED_EXPORT,
    ROWS_FORMAT,
    ExportCancelled,
    KeptRows,
    Progress,
    _never,
    _within,
    csv_line,
    kept_row,
    row_hash,
)
from crdesk.storage import (
    export_rows_repo,
    ledger_repo,
    opt_out_repo,
    records_repo,
)

# What the rest of crdesk (and the tests) import from here, wherever it now lives.
__all__ = ["ROWS_FORMAT", "ExportCancelled", "ExportResult", "ExportService", "HeldBack",
           "KeptRows", "Preview", "Progress", "csv_line", "held_back_patients", "kept_row",
           "row_hash", "select_for_export", "suggested_file_name"]


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    sequence: int | None
    rows: int
    amendments: int
    message: str


def suggested_file_name(ods: str, profile: str, sequence: int, when: dt.date) -> str:
    return f"{ods}_{profile}_{sequence:04d}_{when:%Y%m%d}.p7m"


class ExportService(PreviewService):
    """Preview, export and reissue for an admin (kept rows: KeptRows; preview:
    PreviewService)."""

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
        held_ids = held.opted_out | held.restricted  # one lookup per row for the many not held
        for eid, pid, line, at, h, row_forms in export_rows_repo.ready(db, profile.id):
            last = sent.get(eid)
            if pid in held_ids:
                if held.reason(pid, False) == "opted_out":
                    opted_ready += 1
                else:
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


