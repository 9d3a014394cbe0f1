"""Export rows kept ready (issue 15), the part of the export service that keeps them.

Each episode's row per profile (the formatted line, its hash, its preflight errors and
warnings, the days its date checks hold) is kept in ``export_rows`` (storage/schema_v11.py)
and brought up to date before every preview and export (``KeptRows.refresh_rows``): only
what changed, or every row when a profile's generation changed. The preview
(services/export_preview.py) and the export (services/export.py) read them.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Self

from crdesk import __version__
from crdesk.core.activity import WEEKLY_INPUTS, WEEKLY_MINUTES
from crdesk.core.episode import EpisodeSnapshot
from crdesk.core.forms import Form, FormRegistry
from crdesk.core.forms.history import as_current, old_ids
from crdesk.crypto import pseudonym
from crdesk.errors import KnownError, ValidationError
from crdesk.export.csv_cells import TRIGGER_FIRST, neutralise
from crdesk.export.profile import Profile, available_profiles, with_form_codes
from crdesk.export.rows import RowBuilder, RowResult, valid_days
from crdesk.services import identity
from crdesk.services.session import Session
from crdesk.storage import (
    episodes_repo,
    export_rows_repo,
)
from crdesk.storage.export_rows_repo import KeptRow

Progress = Callable[[float, str], None]

# The layout of the kept rows (storage/schema_v11.py) and how they are built: a change to
# either changes every profile's generation, so every kept row is built again.
ROWS_FORMAT = "export-rows-1"

# Why an export refuses a damaged database: its records cannot be vouched for.
_DAMAGED_EXPORT = "export (records read from a damaged file cannot be vouched for)"


class ExportCancelled(KnownError):
    pass


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


class KeptRows:
    """The kept rows of an admin's export service: its profiles, their generations, and
    the upkeep of their rows (ExportService builds on it)."""

    def __init__(self, session: Session, profiles: dict[str, Profile] | None = None,
                 registry: FormRegistry | None = None) -> None:
        session.require_admin("export records")
        self.session = session
        self._registry = registry
        raw = profiles if profiles is not None else available_profiles()
        self.profiles = {k: with_form_codes(p, self._form_codes) for k, p in raw.items()}
        self._wanted: dict[str, str] | None = None

    def on(self, session: Session) -> Self:
        """The same profiles, working through ``session`` (a background operation's own)."""
        other = type(self).__new__(type(self))
        session.require_admin("export records")
        other.session, other._registry, other.profiles = session, self._registry, self.profiles
        other._wanted = self._wanted
        return other

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

    @staticmethod
    def _check(cancelled: Callable[[], bool]) -> None:
        if cancelled():
            raise ExportCancelled("The export was cancelled; nothing was written.", "")
