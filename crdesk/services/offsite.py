"""Backups off the laptop (issue 17): destinations, schedule, rotation, check and reminders.

A stolen or dropped laptop takes ``backups/`` with it, so an admin chooses one or more
folders elsewhere (a USB drive, a network share) and when to write there: daily at a
chosen time while crdesk is open, and/or when someone signs out. Each backup is the
ordinary encrypted backup (services/files.py, written by ``Session.backup``: audited, the
audit anchor in its manifest, never a plaintext byte), named
``crdesk-<first 8 of the database id>-<UTC time>.crbackup`` so that two clinics can share a
drive and rotation touches only this clinic's files. Each is opened and checked in a
temporary folder right after it is written (services/drill.py); one that fails is removed
and reported, never kept as "good". Then the folder is rotated (core/rotation.py).

Where things are kept: the choice and the results are clinic settings inside the encrypted
database (a destination path is not identifiable, but it belongs with the clinic: a backup
restored on a new laptop brings its destinations with it). Every run adds a
``backup.offsite`` audit entry with its result; a missing destination is a result, not an
error: the admin's Home shows it, naming the destination and the date of the last good
off-laptop backup, and after ``warn_after_days`` without one every user sees a warning.

Any signed-in user's session runs the schedule the admin chose (the point is that backups
happen on days the admin is not in); only an admin changes the choice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crdesk.core.care_status import uk
from crdesk.core.rotation import DEFAULT, Rotation, to_keep
from crdesk.errors import KnownError, ValidationError
from crdesk.services.drill import DrillResult, check_backup, drill
from crdesk.services.field_errors import FieldErrors
from crdesk.services.files import SUFFIX
from crdesk.services.session import Session
from crdesk.storage import clinic_repo

log = logging.getLogger(__name__)

CONFIG_SETTING = "offsite_backup"
STATUS_SETTING = "offsite_status"
CONFIG_VERSION = 1
MAX_DESTINATIONS = 4
WARN_RANGE = (1, 90)
DEFAULT_WARN_DAYS = 7
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class OffsiteConfig:
    destinations: tuple[str, ...] = ()
    daily_at: str = ""  # "HH:MM" local time; "" = no daily backup
    on_sign_out: bool = False
    warn_after_days: int = DEFAULT_WARN_DAYS
    rotation: Rotation = DEFAULT

    @property
    def scheduled(self) -> bool:
        return bool(self.destinations) and (bool(self.daily_at) or self.on_sign_out)


@dataclass(frozen=True)
class DestinationResult:
    destination: str
    ok: bool
    message: str
    path: Path | None = None
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Notice:
    level: str  # "reminder" (admins), "warning" (everyone), "info" (admins)
    text: str  # in English (see TEMPLATES)
    kind: str = ""
    fields: dict[str, str] = field(default_factory=dict)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---- the admin's choice ----------------------------------------------------------------------


def config(session: Session) -> OffsiteConfig:
    raw = clinic_repo.get_setting(session._db, CONFIG_SETTING)
    if not raw:
        return OffsiteConfig()
    try:
        d = json.loads(raw)
        if int(d.get("version", 0)) > CONFIG_VERSION:
            log.warning("off-laptop backup settings written by a newer crdesk; using defaults")
            return OffsiteConfig()
        rot = d.get("rotation", {})
        return OffsiteConfig(
            tuple(str(x) for x in d.get("destinations", [])), str(d.get("daily_at", "")),
            bool(d.get("on_sign_out", False)),
            int(d.get("warn_after_days", DEFAULT_WARN_DAYS)),
            Rotation(int(rot.get("daily", DEFAULT.daily)), int(rot.get("weekly", DEFAULT.weekly)),
                     int(rot.get("monthly", DEFAULT.monthly))))
    except (ValueError, TypeError, AttributeError):
        log.warning("off-laptop backup settings unreadable; using defaults")
        return OffsiteConfig()


def save_config(session: Session, new: OffsiteConfig) -> None:
    session.require_admin("choose where backups go")
    problems: dict[str, str] = {}
    dests: list[str] = []
    for d in new.destinations:
        d = d.strip()
        if not d:
            continue
        p = Path(d)
        if not p.is_absolute():
            problems["destinations"] = f"'{d}' is not a full folder path (like E:\\Backups)."
        elif _inside(p, session.home.basedir.root):
            problems["destinations"] = SAME_LAPTOP
        elif d not in dests:
            dests.append(d)
    if len(dests) > MAX_DESTINATIONS:
        problems["destinations"] = f"Choose at most {MAX_DESTINATIONS} folders."
    if new.daily_at and not _TIME.match(new.daily_at):
        problems["daily_at"] = "Give the time as HH:MM, for example 17:30."
    lo, hi = WARN_RANGE
    if not lo <= new.warn_after_days <= hi:
        problems["warn_after_days"] = f"Choose between {lo} and {hi} days."
    if problems:
        raise FieldErrors(problems)
    value = {"version": CONFIG_VERSION, "destinations": dests, "daily_at": new.daily_at,
             "on_sign_out": new.on_sign_out, "warn_after_days": new.warn_after_days,
             "rotation": {"daily": new.rotation.daily, "weekly": new.rotation.weekly,
                          "monthly": new.rotation.monthly}}
    with session.change("backup.offsite_settings", "clinic", session.clinic().database_id,
                        {"destinations": len(dests), "daily_at": new.daily_at,
                         "on_sign_out": new.on_sign_out,
                         "warn_after_days": new.warn_after_days}) as db:
        clinic_repo.set_setting(db, CONFIG_SETTING, json.dumps(value))


SAME_LAPTOP = ("A folder inside crdesk's own folder is on the same laptop: choose a USB drive "
               "or a network share.")


def check_destination(session: Session, folder: Path) -> None:
    """For ``crdesk backup --to``: the same refusal as the Backups page's."""
    if _inside(folder, session.home.basedir.root):
        raise ValidationError(SAME_LAPTOP, "Give a folder on a USB drive or a network share.")


def _inside(p: Path, root: Path) -> bool:
    try:
        p.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


# ---- what happened -----------------------------------------------------------------------------


def _status(session: Session) -> dict[str, Any]:
    raw = clinic_repo.get_setting(session._db, STATUS_SETTING)
    with contextlib.suppress(ValueError, TypeError):
        d = json.loads(raw or "{}")
        if isinstance(d, dict):
            return d
    return {}


def last_good(session: Session) -> dt.datetime | None:
    s = _status(session).get("last_good")
    return _parse_iso(s) if isinstance(s, str) else None


def destination_results(session: Session) -> dict[str, str]:
    """Each chosen destination's last result in words, with when it was."""
    per = _status(session).get("destinations", {})
    out: dict[str, str] = {}
    for d in config(session).destinations:
        seen = per.get(d) if isinstance(per, dict) else None
        if not isinstance(seen, dict):
            out[d] = f"{d}: no backup made there yet."
            continue
        at = _parse_iso(str(seen.get("at", "")))
        when = at.astimezone().strftime("%d/%m/%Y %H:%M") if at else "?"
        out[d] = f"{when}: {seen.get('message', '')}"
    return out


def last_drill(session: Session) -> dict[str, Any] | None:
    d = _status(session).get("drill")
    return d if isinstance(d, dict) else None


def _parse_iso(s: str) -> dt.datetime | None:
    try:
        v = dt.datetime.fromisoformat(s)
    except ValueError:
        return None
    return v if v.tzinfo else v.replace(tzinfo=dt.UTC)


def _save_status(session: Session, action: str, detail: dict[str, Any],
                 update: dict[str, Any]) -> None:
    with session.change(action, "clinic", session.clinic().database_id, detail) as db:
        status = _status(session)
        for k, v in update.items():
            if k == "destinations":
                status.setdefault("destinations", {}).update(v)
            else:
                status[k] = v
        clinic_repo.set_setting(db, STATUS_SETTING, json.dumps(status))


def drill_latest(session: Session, *, password: str = "", recovery_key: str = "",
                source: Path | None = None) -> DrillResult:
    """The restore drill on the newest off-laptop backup (or ``source``): its result is
    audited and kept for the admin's Home."""
    session.require_admin("test a backup")
    if source is None:
        source = latest_backup(session)
    if source is None:
        raise KnownError("There is no off-laptop backup to test.",
                         "Choose a backup folder and make a backup first (Backups page), or "
                         "plug in the USB drive that holds them.")
    result = drill(session, source, password=password, recovery_key=recovery_key)
    summary = result.lines[-1] if result.lines else ""
    with session.change("backup.drill", "clinic", session.clinic().database_id,
                        {"ok": result.ok, "backup_created": result.check.created,
                         "opened_with": result.check.opened_with,
                         "problem": "" if result.ok else summary[:200]}) as db:
        status = _status(session)
        status["drill"] = {"at": _now().isoformat(timespec="seconds"), "ok": result.ok,
                           "file": source.name, "summary": summary[:300]}
        clinic_repo.set_setting(db, STATUS_SETTING, json.dumps(status))
    return result


# ---- the files in a destination ------------------------------------------------------------


def _prefix(database_id: str) -> str:
    return f"crdesk-{database_id.replace('-', '')[:8]}-"


def backups_in(folder: Path, database_id: str) -> list[tuple[dt.datetime, Path]]:
    """This clinic's off-laptop backups in ``folder``, newest first (by the name's time)."""
    prefix = _prefix(database_id)
    out: list[tuple[dt.datetime, Path]] = []
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            name = p.name
            if name.startswith(prefix) and name.endswith(SUFFIX):
                stamp = name[len(prefix):-len(SUFFIX)]
                with contextlib.suppress(ValueError):
                    out.append((dt.datetime.strptime(stamp, _STAMP).replace(tzinfo=dt.UTC), p))
    return sorted(out, reverse=True)


def rotate(folder: Path, database_id: str, rotation: Rotation = DEFAULT) -> list[str]:
    """Remove this clinic's backups in ``folder`` that the rotation does not keep."""
    found = backups_in(folder, database_id)
    keep = to_keep([t for t, _ in found], rotation)
    removed: list[str] = []
    for t, p in found:
        if t not in keep:
            try:
                p.unlink()
            except OSError as exc:
                log.warning("an old off-laptop backup could not be removed (%s)",
                            exc.strerror or type(exc).__name__)
                continue
            removed.append(p.name)
    return removed


def _sweep_temp(folder: Path, database_id: str) -> None:
    """Temp files of a write that a removed drive or a crash cut short (atomic.py names
    them ``.<target>.<random>.tmp``): never a backup, so they go."""
    prefix = "." + _prefix(database_id)
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            if p.name.startswith(prefix) and p.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()


def latest_backup(session: Session) -> Path | None:
    """The newest of this clinic's backups across the destinations that are there."""
    dbid = session.clinic().database_id
    found = [x for d in config(session).destinations for x in backups_in(Path(d), dbid)[:1]]
    return max(found)[1] if found else None


# ---- a run ---------------------------------------------------------------------------------


def _plain(exc: BaseException) -> str:
    if isinstance(exc, KnownError):
        return exc.message
    if isinstance(exc, OSError):
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "the folder cannot be written to (read-only, or no permission)"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "the drive is full"
        return (f"the drive stopped answering ({exc.strerror or 'input/output error'}); it may "
                "have been removed")
    return type(exc).__name__


def _one(session: Session, dest: str, now: dt.datetime, rotation: Rotation) -> DestinationResult:
    folder = Path(dest)
    if not folder.is_dir():
        return DestinationResult(dest, False, f"The backup folder {dest} is not there: plug in "
                                 "the USB drive or connect the network share.")
    dbid = session.clinic().database_id
    _sweep_temp(folder, dbid)
    target = folder / f"{_prefix(dbid)}{now.astimezone(dt.UTC).strftime(_STAMP)}{SUFFIX}"
    try:
        path = session.backup(target)
    except (KnownError, OSError) as exc:
        _sweep_temp(folder, dbid)
        return DestinationResult(dest, False, f"No backup was written to {dest}: {_plain(exc)}."
                                 " Nothing partial was left there.")
    check = check_backup(session, path)
    if not check.ok:
        with contextlib.suppress(OSError):
            path.unlink()
        return DestinationResult(dest, False, f"The backup written to {dest} failed its check "
                                 f"({check.problems[0]}) and was removed.")
    removed = rotate(folder, dbid, rotation)
    return DestinationResult(dest, True, f"Backed up to {dest} and checked.", path, removed)


def run(session: Session, reason: str, *, destinations: list[str] | None = None,
        now: dt.datetime | None = None, progress: Any = None) -> list[DestinationResult]:
    """Back up to each destination (or the ones given), check, rotate, and record it.

    ``reason``: "daily", "sign-out", "manual" or "cli". Never raises for a destination
    that is missing or fails: each result says what happened."""
    cfg = config(session)
    dests = destinations if destinations is not None else list(cfg.destinations)
    now = now or _now()
    results: list[DestinationResult] = []
    for i, d in enumerate(dests):
        if progress is not None:
            progress(i / max(1, len(dests)), f"Backing up to {d}")
        results.append(_one(session, d, now, cfg.rotation))
    at = _now().isoformat(timespec="seconds")
    per: dict[str, Any] = {}
    old = _status(session).get("destinations", {})
    for r in results:
        prev = old.get(r.destination, {}) if isinstance(old, dict) else {}
        per[r.destination] = {"at": at, "ok": r.ok, "message": r.message,
                              "last_good": at if r.ok else prev.get("last_good", "")}
    update: dict[str, Any] = {"destinations": per}
    if any(r.ok for r in results):
        update["last_good"] = at
    if reason == "daily":
        update["last_daily"] = now.astimezone().date().isoformat()
    _save_status(session, "backup.offsite", {
        "reason": reason, "destinations": [r.destination for r in results],
        "ok": [r.ok for r in results], "removed_by_rotation": sum(len(r.removed) for r in results),
        "problems": [r.message for r in results if not r.ok]}, update)
    return results


def daily_due(session: Session, now: dt.datetime | None = None) -> bool:
    """Whether today's daily backup is due: the chosen time has passed, none ran today."""
    cfg = config(session)
    if not cfg.destinations or not cfg.daily_at:
        return False
    local = (now or _now()).astimezone()
    hh, mm = (int(x) for x in cfg.daily_at.split(":"))
    if (local.hour, local.minute) < (hh, mm):
        return False
    return _status(session).get("last_daily") != local.date().isoformat()


# ---- what Home says ------------------------------------------------------------------------


def _day(t: dt.datetime | None) -> str:
    return uk(t.astimezone().date()) if t else ""


# What Home says, by kind. The GUI has the same templates as translatable strings
# (gui/backup_notices.py; a test keeps the two the same); ``text`` is the English, for the
# command line, logs and tests. ``{last_good}`` is "" when there has been none.
TEMPLATES = {
    "none_set_up": "No off-laptop backup is set up: if this laptop is lost, every record goes "
                   "with it. Choose a USB drive or network share in Backups.",
    "missing": "The backup folder {destination} is not there (plug in the USB drive or "
               "connect the share). Last good off-laptop backup: {last_good}.",
    "failed": "{message} Last good off-laptop backup: {last_good}.",
    "stale_admin": "No off-laptop backup for {days} days (last good: {last_good}). If this "
                   "laptop is lost, the records since then are lost: plug in the backup "
                   "drive, or choose another folder in Backups.",
    "stale": "No off-laptop backup for {days} days (last good: {last_good}). If this laptop "
             "is lost, the records since then are lost: tell the clinic's admin.",
    "untested": "No backup has been tested yet: use Test a backup.",
    "drill_passed": "Backup test on {when}: passed.",
    "drill_failed": "Backup test on {when}: FAILED: {summary}",
}
NONE_YET = "none yet"


def _notice(level: str, kind: str, **fields: str) -> Notice:
    shown = {k: (v or NONE_YET) if k == "last_good" else v for k, v in fields.items()}
    return Notice(level, TEMPLATES[kind].format(**shown), kind, fields)


def notices(session: Session, now: dt.datetime | None = None) -> list[Notice]:
    """The lines for the top of Home: reminders for admins, the warning for everyone."""
    now = now or _now()
    cfg = config(session)
    status = _status(session)
    good = last_good(session)
    out: list[Notice] = []
    per = status.get("destinations", {}) if isinstance(status.get("destinations"), dict) else {}
    if session.is_admin:
        if not cfg.destinations:
            out.append(_notice("reminder", "none_set_up"))
        for d in cfg.destinations:
            seen = per.get(d, {})
            if not Path(d).is_dir():
                out.append(_notice("reminder", "missing", destination=d, last_good=_day(good)))
            elif seen and not seen.get("ok"):
                out.append(_notice("reminder", "failed", message=str(seen.get("message", "")),
                                   last_good=_day(good)))
    start = good or _parse_iso(session.clinic().created_at)
    if start is not None and (now - start).days >= cfg.warn_after_days:
        out.append(_notice("warning", "stale_admin" if session.is_admin else "stale",
                           days=str((now - start).days), last_good=_day(good)))
    if session.is_admin:
        drill = last_drill(session)
        if drill is None:
            out.append(_notice("info", "untested"))
        else:
            when = _day(_parse_iso(str(drill.get("at", ""))))
            if drill.get("ok"):
                out.append(_notice("info", "drill_passed", when=when))
            else:
                out.append(_notice("reminder", "drill_failed", when=when,
                                   summary=str(drill.get("summary", ""))))
    return out
