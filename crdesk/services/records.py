"""Records management (issue 17): subject access, retention and purge, restriction.

Who may do what, and why:

- **Subject access** (a copy of everything held about one patient) and **purge** are admin
  acts: the copy includes the audit log (who viewed or changed the record), which only
  admins read, and a purge cannot be undone.
- **Restrict / release** are for the clinical team (admin or staff), like the opt-out:
  the patient asks whoever is in front of them; the reason is recorded and audited.

The audit log itself never holds identifiers (ids, codes and counts only: checked by
tests/services/test_records.py), so after a purge its entries about the patient point at
ids that no longer exist and the chain still verifies. A purge keeps a ``purges`` row with
a random reference (no identifier) and the export ledger's episode ids and row hashes.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crdesk import __version__
from crdesk.atomic import write_atomic
from crdesk.core import retention
from crdesk.core.audit_words import describe, detail_of
from crdesk.core.forms import FormRegistry, TextCatalog, default_forms_dir, text_dir
from crdesk.core.forms.model import Form
from crdesk.core.nhs_number import format_nhs
from crdesk.core.roles import Role
from crdesk.errors import KnownError, PermissionDeniedError, ValidationError
from crdesk.services.session import Session
from crdesk.storage import audit_repo, clinic_repo, patients_repo, records_repo
from crdesk.storage.clinic_repo import now_iso

RETENTION_SETTING = "retention_years"
SUBJECT_ACCESS_FORMAT = "crdesk-subject-access"
SUBJECT_ACCESS_VERSION = 1
RESTRICTERS = frozenset({Role.ADMIN, Role.STAFF})
BACKUPS_NOTE = ("Backups made before this purge still hold the record until they are "
                "deleted or rotate out (the clinic's backups/ folder and any copies kept "
                "elsewhere). Delete or rotate them as the clinic's backup policy says.")


@dataclass(frozen=True)
class DueItem:
    """A record past its retention period (on screen and in the CLI's list: the admin
    needs to know whose record it is)."""

    patient_id: int
    label: str
    last_activity: str
    due: str


@dataclass(frozen=True)
class PurgeResult:
    ref: str
    kind: str
    episodes: int
    responses: int
    batches_touched: int
    checkpointed: bool

    def message(self) -> str:
        touched = (f" {self.batches_touched} export batch(es) carried this record: their "
                   "stored packages were removed (their SHA-256 and the row hashes are kept "
                   "in the ledger)." if self.batches_touched else "")
        why = ("retention period over" if self.kind == "retention"
               else "at the patient's request")
        return (f"Purged ({why}), reference {self.ref}: "
                f"{self.episodes} referral(s), {self.responses} questionnaire(s) removed."
                f"{touched} {BACKUPS_NOTE}")


def _label(p: Any) -> str:
    nhs = f", NHS {format_nhs(p.nhs_number)}" if p.nhs_number else ""
    return f"{p.family_name.upper()}, {p.given_name} (born {p.date_of_birth}{nhs})"


class RecordsService:
    def __init__(self, session: Session, forms_dir: Path | None = None,
                 standards_dir: Path | None = None) -> None:
        self.session = session
        self.forms_dir = forms_dir or default_forms_dir()
        self.standards_dir = standards_dir

    # ---- retention --------------------------------------------------------------------------

    def standard(self) -> retention.RetentionStandard:
        return retention.load_standard(folder=self.standards_dir)

    def retention_years(self) -> int:
        stored = clinic_repo.get_setting(self.session._db, RETENTION_SETTING)
        if stored is None:
            return self.standard().years
        return int(stored)

    def set_retention_years(self, years: int) -> None:
        self.session.require_admin("change the retention period")
        problem = retention.check_years(years)
        if problem:
            raise ValidationError(problem, self.standard().help_text())
        old = self.retention_years()
        with self.session.change("clinic.retention", "clinic", "",
                                 {"from": old, "to": years}) as db:
            clinic_repo.set_setting(db, RETENTION_SETTING, str(years))

    def due_for_disposal(self, today: dt.date | None = None) -> list[DueItem]:
        """Records whose retention period is over (no referral still open), oldest first."""
        self.session.require_admin("list records due for disposal")
        today = today or dt.date.today()
        years = self.retention_years()
        due: list[tuple[int, str, str]] = []
        for pid, last, still_open in records_repo.last_activity(self.session._db):
            if still_open or not last:
                continue
            try:
                day = dt.date.fromisoformat(last)
            except ValueError:
                continue  # an unreadable date is never taken as "long ago"
            when = retention.due_date(day, years)
            if when <= today:
                due.append((pid, last, when.isoformat()))
        people = patients_repo.get_many(self.session._db, [pid for pid, _, _ in due])
        out = [DueItem(pid, _label(people[pid]), last, when) for pid, last, when in due
               if pid in people]
        with self.session.change("records.due_list", "clinic", "", {"listed": len(out),
                                                                     "years": years}):
            pass
        return sorted(out, key=lambda d: d.last_activity)

    def find(self, nhs_number: str) -> int:
        found = patients_repo.find_by_number(self.session._db, nhs_number)
        if len(found) != 1:
            raise ValidationError("No patient has that NHS number." if not found else
                                  "More than one patient has that number.",
                                  "Check the number and try again.")
        return int(found[0])

    def label(self, patient_id: int) -> str:
        """Who the record is (on screen, before a purge)."""
        p = patients_repo.get(self.session._db, patient_id)
        if p is None:
            raise ValidationError("This patient record no longer exists.", "")
        return _label(p)

    # ---- purge ------------------------------------------------------------------------------

    def purge(self, patient_id: int, reason: str, today: dt.date | None = None) -> PurgeResult:
        """Remove the patient's identifiable data and answers, all or nothing.

        ``reason``: why (required): the retention period, or what the patient asked. The kind
        is "retention" when the record is past its period, else "request" (erasure asked for).
        """
        self.session.require_admin("purge a patient's record")
        reason = reason.strip()
        if not reason:
            raise ValidationError("A purge needs a reason.",
                                  "Say why: the retention period is over, or the patient "
                                  "asked for erasure (and how they asked).")
        db = self.session._db
        patient = patients_repo.get(db, patient_id)
        if patient is None:
            raise ValidationError("This patient record no longer exists.", "")
        # The reason outlives the record (the purges table): it must not name the patient.
        digits = "".join(ch for ch in reason if ch.isdigit())
        words = reason.lower()
        if ((patient.nhs_number and patient.nhs_number in digits)
                or (len(patient.family_name) >= 2 and patient.family_name.lower() in words)
                or (patient.hospital_number and patient.hospital_number.lower() in words)):
            raise ValidationError("The reason names the patient, and it is kept after the purge.",
                                  "Leave out their name and numbers: say only why (for "
                                  "example: erasure asked for in writing, letter filed).")
        today = today or dt.date.today()
        kind = "request"
        for pid, last, still_open in records_repo.last_activity(db):
            if pid == patient_id and last and not still_open:
                try:
                    ended = dt.date.fromisoformat(last)
                except ValueError:  # unreadable: never taken as "long ago" (as above)
                    break
                with_period = retention.due_date(ended, self.retention_years())
                kind = "retention" if with_period <= today else "request"
        ref = "P-" + secrets.token_hex(6).upper()
        with self.session.change("records.purge", "purge", ref, {"patient": patient_id,
                                                                "kind": kind}):
            counts = records_repo.purge(db, patient_id, ref=ref, kind=kind, reason=reason,
                                        actor=self.session.username)
        # Freed pages are zeroed as they are freed (PRAGMA secure_delete, set on every
        # connection); the WAL still holds the old pages until it is checkpointed.
        checkpointed = True
        try:
            busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            checkpointed = not busy or int(busy[0]) == 0
        except KnownError:
            checkpointed = False
        return PurgeResult(ref, kind, counts.episodes, counts.responses, counts.batches_touched,
                           checkpointed)

    def purges(self) -> list[records_repo.PurgeRecord]:
        self.session.require_admin("see past purges")
        return records_repo.purges(self.session._db)

    # ---- restriction ------------------------------------------------------------------------

    def _require_restricter(self) -> None:
        if not self.session.is_open or self.session.role not in RESTRICTERS:
            raise PermissionDeniedError("Only clinic staff can restrict or release a record.",
                                        "Sign in as a member of the clinical team.")

    def is_restricted(self, patient_id: int) -> bool:
        return records_repo.is_restricted(self.session._db, patient_id)

    def set_restricted(self, patient_id: int, restricted: bool, reason: str) -> int:
        """Restrict (held back from every export and shared report) or release; audited,
        with the reason in the restriction history."""
        self._require_restricter()
        reason = reason.strip()
        if not reason:
            raise ValidationError("A reason is needed.",
                                  "Say what the patient asked for, or why it is released.")
        db = self.session._db
        if patients_repo.get(db, patient_id) is None:
            raise ValidationError("This patient record no longer exists.", "")
        if records_repo.is_restricted(db, patient_id) == restricted:
            raise ValidationError("The record is already restricted." if restricted else
                                  "The record is not restricted.", "")
        action = "records.restrict" if restricted else "records.release"
        with self.session.change(action, "patient", patient_id) as tx:
            event = records_repo.set_restricted(tx, patient_id, restricted, reason,
                                                self.session.username)
        return event

    # ---- subject access ---------------------------------------------------------------------

    def subject_access(self, patient_id: int) -> dict[str, Any]:
        """Everything held about the patient, as one JSON-ready document."""
        self.session.require_admin("make a copy of everything held about a patient")
        db = self.session._db
        if patients_repo.get(db, patient_id) is None:
            raise ValidationError("This patient record no longer exists.", "")
        rows = records_repo.patient_rows(db, patient_id)
        clinic = self.session.clinic()
        return {
            "format": SUBJECT_ACCESS_FORMAT,
            "format_version": SUBJECT_ACCESS_VERSION,
            "generated_at": now_iso(),
            "software_version": __version__,
            "clinic": {"name": clinic.name, "ods_code": clinic.ods_code},
            "patient": rows["patients"][0],
            "contact_details": rows["patient_contacts"],
            "nacr_opt_out_history": rows["nacr_opt_out_events"],
            "nacr_consents": rows["nacr_consents"],
            "restriction_history": rows["record_restrictions"],
            "episodes": rows["episodes"],
            "assessments": rows["assessments"],
            "questionnaires": self._questionnaires(rows),
            "goals": rows["goals"],
            "goal_reviews": rows["goal_reviews"],
            "exports": rows["export_items"],
            "audit": self._audit(patient_id, rows),
            "tables": sorted(rows),
        }

    def _questionnaires(self, rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        try:
            registry: FormRegistry | None = FormRegistry.from_dir(self.forms_dir)
        except KnownError:
            registry = None
        except Exception:  # a damaged forms folder: the stored values are still shown
            registry = None
        installed = self.session.home.basedir.root / "text"
        out = []
        for r in rows["responses"]:
            rid = r["id"]
            form, gap = self._form(registry, str(r["form_id"]), str(r["form_version"]))
            roots = [text_dir(self.forms_dir)] + ([installed] if installed.is_dir() else [])
            texts = TextCatalog.from_dirs(roots, str(r["locale"]))
            provenance = json.loads(r.get("provenance") or "{}")
            notes = [gap] if gap else []
            notes += _pack_notes(provenance, texts)
            if not provenance.get("text_packs"):
                notes.append("Which wording the patient saw was not recorded with this "
                             "questionnaire (imported, or made before crdesk stored it): the "
                             "wording shown is the wording installed now.")
            answers = []
            for a in (x for x in rows["answers"] if x["response_id"] == rid):
                value = json.loads(a["value"])
                answers.append({"question_id": a["question_id"], "value": value,
                                "question": _question_words(form, texts, a["question_id"]),
                                "answer": _answer_words(form, texts, a["question_id"], value),
                                "saved_at": a["saved_at"], "saved_by": a["saved_by"]})
            if form is not None:  # in the order the patient was asked, not by id
                order = {item.id: i for i, item in enumerate(form.items)}
                answers.sort(key=lambda a: (order.get(a["question_id"], len(order)),
                                            a["question_id"]))
            out.append({
                "response": {k: v for k, v in r.items() if k != "provenance"},
                "provenance": provenance,
                "wording_notes": notes,
                "answers": answers,
                "scores": [s for s in rows["scores"] if s["response_id"] == rid],
                "corrections": [c for c in rows["answer_corrections"]
                                if c["response_id"] == rid],
                "entry": [e for e in rows["response_entry"] if e["response_id"] == rid],
                "second_entry_answers": [e for e in rows["second_entry_answers"]
                                         if e["response_id"] == rid],
                "entry_differences": [e for e in rows["entry_differences"]
                                      if e["response_id"] == rid],
                "section_skips": [e for e in rows["section_skips"] if e["response_id"] == rid],
            })
        return out

    @staticmethod
    def _form(registry: FormRegistry | None, form_id: str,
              version: str) -> tuple[Form | None, str]:
        gap = (f"The form {form_id} version {version} is no longer installed: the stored "
               "answers are shown as they were saved, without the question wording.")
        if registry is None:
            return None, gap
        try:
            return registry.get(form_id, int(version)), ""
        except (KeyError, ValueError):
            return None, gap

    def _audit(self, patient_id: int,
               rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """Every audit entry about the patient (their record, referrals, goals and
        questionnaires, or naming them in its detail), oldest first, in words."""
        ids = {"patient": {str(patient_id)},
               "episode": {str(e["id"]) for e in rows["episodes"]},
               "goal": {str(g["id"]) for g in rows["goals"]},
               "response": {str(r["id"]) for r in rows["responses"]}}
        out = []
        for e in reversed(audit_repo.entries(self.session._db, limit=10_000_000)):
            detail = detail_of(e.detail)
            if e.entity_id in ids.get(e.entity, set()) or detail.get("patient") == patient_id:
                out.append({"seq": e.seq, "at": e.at, "who": e.actor, "action": e.action,
                            "words": describe(e.action, e.actor, "the patient", e.entity,
                                              e.entity_id)})
        return out

    def write_subject_access(self, patient_id: int, out_dir: Path,
                             stem: str | None = None) -> tuple[Path, Path]:
        """The PDF and the JSON in ``out_dir`` (only there), named ``stem`` (default: the
        date and a random tag, no identifier), atomically, never over a file; audited
        without the file names (the user chooses them and they might carry a name)."""
        doc = self.subject_access(patient_id)
        folder = Path(out_dir)
        if not folder.is_dir():
            raise ValidationError(f"The folder {folder} does not exist.",
                                  "Choose an existing folder (a USB drive or a secure share).")
        stem = stem or f"subject-access-{doc['generated_at'][:10]}-{secrets.token_hex(3)}"
        pdf_path, json_path = folder / f"{stem}.pdf", folder / f"{stem}.json"
        from crdesk.reports.subject_access import render

        pdf = render(doc)
        data = json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False).encode("utf-8")
        with self.session.change("records.subject_access", "patient", patient_id,
                                 {"questionnaires": len(doc["questionnaires"]),
                                  "audit_entries": len(doc["audit"])}):
            write_atomic(json_path, data)
            try:
                write_atomic(pdf_path, pdf)
            except BaseException:
                json_path.unlink(missing_ok=True)
                raise
        return pdf_path, json_path


def _pack_notes(provenance: dict[str, Any], texts: TextCatalog) -> list[str]:
    """Where the wording installed now is not the wording the patient saw."""
    notes = []
    now = texts.provenance()
    for ns, seen in sorted((provenance.get("text_packs") or {}).items()):
        if ns == "engine":
            continue
        here = now.get(ns)
        if here is None:
            notes.append(f"The text pack {ns} (version {seen.get('version')}) is no longer "
                         "installed: its wording cannot be shown.")
        elif seen.get("placeholder"):
            notes.append(f"The licensed wording of {ns} was not installed when this "
                         "questionnaire was answered: the patient saw placeholder text.")
        elif here.get("sha256") != seen.get("sha256"):
            notes.append(f"The wording of {ns} shown here is text pack version "
                         f"{here.get('version')}; the patient saw version {seen.get('version')}.")
        elif here.get("placeholder"):
            notes.append(f"The licensed wording of {ns} is not installed now.")
    return notes


def _question_words(form: Form | None, texts: TextCatalog, qid: str) -> str:
    if form is None:
        return ""
    item = form.item_by_id.get(qid)
    if item is None or not item.label:
        return ""
    return texts.text(item.label) if texts.has(item.label) else ""


def _answer_words(form: Form | None, texts: TextCatalog, qid: str, value: Any) -> str:
    item = form.item_by_id.get(qid) if form is not None else None
    values = value if isinstance(value, list) else [value]
    words = []
    for v in values:
        text = None
        if item is not None:
            for o in item.options:
                if o.value == v:
                    text = texts.text(o.text) if texts.has(o.text) else None
        if text is None and isinstance(v, dict) and "value" in v:  # a quantity with its unit
            text = f"{v['value']} {v.get('unit') or ''}".strip()
        words.append(text if text else (json.dumps(v, ensure_ascii=False)
                                        if not isinstance(v, str) else v))
    return "; ".join(words)
