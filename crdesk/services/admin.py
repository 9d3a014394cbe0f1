"""Admin screens' services: clinic settings and the audit-log viewer (admin only)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from crdesk.core import validation
from crdesk.core.audit_chain import AuditEntry
from crdesk.core.audit_words import describe, detail_of
from crdesk.errors import KnownError
from crdesk.services.field_errors import FieldErrors
from crdesk.services.reports import CONTACT_SETTING
from crdesk.services.session import Session
from crdesk.storage import (
    audit_repo,
    clinic_repo,
    episodes_repo,
    goals_repo,
    patients_repo,
    responses_repo,
)

MAX_CONTACT = 160


@dataclass(frozen=True)
class ClinicSettings:
    name: str
    ods_code: str
    report_contact: str


def clinic_settings(session: Session) -> ClinicSettings:
    session.require_admin("see the clinic settings")
    info = session.clinic()
    contact = clinic_repo.get_setting(session._db, CONTACT_SETTING, "") or ""
    return ClinicSettings(info.name, info.ods_code, contact)


def save_clinic_settings(session: Session, new: ClinicSettings) -> list[str]:
    """Save name, ODS code and the report's contact line; returns the fields changed."""
    session.require_admin("change the clinic settings")
    problems: dict[str, str] = {}
    if not new.name.strip():
        problems["name"] = "Enter the clinic's name."
    elif len(new.name) > 120:
        problems["name"] = "Keep the name under 120 characters."
    msg = validation.ods_problem(new.ods_code)
    if msg:
        problems["ods_code"] = msg
    if len(new.report_contact) > MAX_CONTACT:
        problems["report_contact"] = f"Keep this under {MAX_CONTACT} characters."
    if problems:
        raise FieldErrors(problems)
    old = clinic_settings(session)
    cleaned = ClinicSettings(new.name.strip(), validation.normalise_code(new.ods_code),
                             new.report_contact.strip())
    changed = [f for f in ("name", "ods_code", "report_contact")
               if getattr(old, f) != getattr(cleaned, f)]
    if changed:
        with session.change("clinic.settings", "clinic", session.clinic().database_id,
                            {"fields": changed}) as db:
            clinic_repo.update_clinic(db, cleaned.name, cleaned.ods_code)
            clinic_repo.set_setting(db, CONTACT_SETTING, cleaned.report_contact)
    return changed


# ---- auto-lock: a clinic policy, not a preference (issue 12) --------------------------------
#
# Kept in the encrypted database and set by an admin: settings.json (which anyone who can
# write the folder can edit) once held it, with no bound (30000 minutes was accepted).

AUTO_LOCK_SETTING = "auto_lock_minutes"
AUTO_LOCK_RANGE = (1, 15)
DEFAULT_AUTO_LOCK_MINUTES = 5


def auto_lock_minutes(session: Session) -> int:
    """The clinic's inactivity lock, in minutes (any signed-in user's screen obeys it)."""
    stored = clinic_repo.get_setting(session._db, AUTO_LOCK_SETTING)
    try:
        minutes = int(stored) if stored is not None else DEFAULT_AUTO_LOCK_MINUTES
    except ValueError:
        minutes = DEFAULT_AUTO_LOCK_MINUTES
    low, high = AUTO_LOCK_RANGE
    return min(max(minutes, low), high)  # a value outside (edited by hand) never loosens it


def set_auto_lock_minutes(session: Session, minutes: int) -> None:
    session.require_admin("change the auto-lock time")
    low, high = AUTO_LOCK_RANGE
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not low <= minutes <= high:
        raise FieldErrors({"auto_lock_minutes": f"Choose {low} to {high} minutes."})
    old = auto_lock_minutes(session)
    if minutes == old:
        return
    with session.change("clinic.auto_lock", "clinic", session.clinic().database_id,
                        {"from": old, "to": minutes}) as db:
        clinic_repo.set_setting(db, AUTO_LOCK_SETTING, str(minutes))


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""  # exact action, or a prefix ending in "." (e.g. "patient.")
    entity: str = ""
    entity_id: str = ""
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    limit: int = 500


def audit_entries(session: Session, f: AuditFilter) -> list[AuditEntry]:
    """Newest first. Looking at the log is itself logged (who searched, not for what)."""
    session.require_admin("read the audit log")
    prefix = f.action if f.action.endswith(".") else ""
    rows = audit_repo.entries(
        session._db, actor=f.actor.strip().lower() or None,
        action=None if prefix else (f.action or None), entity=f.entity or None,
        entity_id=f.entity_id.strip() or None,
        since=f.since.isoformat() if f.since else None,
        until=(f.until + dt.timedelta(days=1)).isoformat() if f.until else None,
        limit=f.limit if not prefix else f.limit * 20)
    if prefix:
        rows = [r for r in rows if r.action.startswith(prefix)][:f.limit]
    with session.change("audit.view", "audit", "", {"results": len(rows)}):
        pass
    return rows


def audit_actions(session: Session) -> list[str]:
    """Action names for the filter box (a fixed list keeps the box short and stable)."""
    session.require_admin("read the audit log")
    return sorted({e.action for e in audit_repo.entries(session._db, limit=5000)})


@dataclass(frozen=True)
class AuditLine:
    """An audit entry with the patient it is about (on screen only) and a sentence."""

    entry: AuditEntry
    patient_id: int | None
    patient: str | None  # "PEMBERTON, Edith"; None when the entry is about no patient
    words: str


def audit_lines(session: Session, f: AuditFilter, patient: str = "") -> list[AuditLine]:
    """Entries as sentences, newest first. ``patient``: an NHS or hospital number; only
    entries about that patient (their record, referrals, goals, questionnaires) are kept.

    The patient an entry is about is worked out from its ids when it is read: the log
    itself holds no names.
    """
    wanted: set[int] | None = None
    if patient.strip():
        wanted = set(patients_repo.find_by_number(session._db, patient))
        if not wanted:
            raise KnownError("No patient has that NHS number or hospital number.",
                             "Check the number, or clear the Patient box to see everyone.")
    # Entries about referrals, goals and questionnaires name their own ids, so a patient's
    # entries are picked out after reading: read more to still fill the page.
    rows = audit_entries(session, f if wanted is None else dataclasses.replace(
        f, limit=f.limit * 20))
    resolve = _PatientOf(session)
    about: list[tuple[AuditEntry, int | None]] = [(e, resolve(e)) for e in rows]
    if wanted is not None:
        about = [pair for pair in about if pair[1] in wanted][:f.limit]
    people = patients_repo.get_many(session._db, {pid for _, pid in about if pid is not None})
    out = []
    for e, pid in about:
        label = None
        if pid is not None:
            p = people.get(pid)
            label = f"{p.family_name.upper()}, {p.given_name}" if p else f"patient {pid}"
        out.append(AuditLine(e, pid, label, describe(e.action, e.actor, label, e.entity,
                                                     e.entity_id)))
    return out


class _PatientOf:
    """entry -> the patient it is about, with the lookups cached (500 entries, few ids)."""

    def __init__(self, session: Session) -> None:
        self.db = session._db
        self.episodes: dict[int, int | None] = {}
        self.goals: dict[int, int | None] = {}
        self.responses: dict[int, int | None] = {}

    def __call__(self, e: AuditEntry) -> int | None:
        try:
            ident = int(e.entity_id)
        except ValueError:
            ident = None
        detail = detail_of(e.detail)
        if e.entity == "patient" and ident is not None:
            return ident
        if e.entity == "episode" and ident is not None:
            return self.episode(ident)
        if e.entity == "goal" and ident is not None:
            if ident not in self.goals:
                goal = goals_repo.get(self.db, ident)
                self.goals[ident] = None if goal is None else self.episode(goal.episode_id)
            return self.goals[ident]
        if e.entity == "response" and ident is not None:
            if ident not in self.responses:
                r = responses_repo.get_response(self.db, ident)
                self.responses[ident] = None if r is None else r.patient_id
            return self.responses[ident]
        value = detail.get("patient")
        return value if isinstance(value, int) else None

    def episode(self, episode_id: int) -> int | None:
        if episode_id not in self.episodes:
            ep = episodes_repo.get(self.db, episode_id)
            self.episodes[episode_id] = None if ep is None else ep.patient_id
        return self.episodes[episode_id]
