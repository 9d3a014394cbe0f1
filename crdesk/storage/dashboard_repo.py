"""The dashboard's kept episode facts (schema 5), and the deprivation lookup.

The worklist's reads and kept windows are in worklist_repo, the month-by-month kept data
(the SPC charts' month summaries) in dashboard_months_repo; ``refresh_kept_facts`` here
keeps all three true together.

Episode facts come from two queries: one row per episode over patients, episodes, the
three assessments and the deprivation lookup; and the outcome values of each assessment's
newest completed responses from ``response_outcomes`` (kept ready by outcomes_repo).
Neither reads the answer or score rows.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from crdesk.core.dashboard.completeness import FACT_SOURCES
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.monthly import NO_DAY
from crdesk.core.dates import age_on
from crdesk.core.dates import iso_date as parse_date
from crdesk.core.gc_pause import paused_gc
from crdesk.storage import worklist_repo
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database

# SQL for each FACT_SOURCES entry: "has a value".
_PRESENT_SQL = {
    "patient.nhs_number": "p.nhs_number", "patient.date_of_birth": "p.date_of_birth",
    "patient.gender": "p.gender", "patient.ethnic_category": "p.ethnic_category",
    "patient.postcode": "p.postcode", "patient.gp_practice_code": "p.gp_practice_code",
    **{f"episode.{c}": f"e.{c}" for c in (
        "initiating_event", "event_date", "treatment", "treatment_date", "discharge_date",
        "referral_source", "referred_by", "referral_date", "programme_start", "programme_end",
        "outcome")},
    "assessment.A1.done_date": "a1.done_date", "assessment.A2.done_date": "a2.done_date",
    "assessment.A3.done_date": "a3.done_date",
}
assert tuple(_PRESENT_SQL) == FACT_SOURCES
_MASK = " | ".join(f"((coalesce({col}, '') <> '') << {i})"
                   for i, col in enumerate(_PRESENT_SQL.values()))

_FACTS_SQL = f"""
SELECT e.id, e.patient_id, e.referral_date, e.programme_start, e.programme_end,
       a1.done_date, a2.done_date, a3.done_date, e.initiating_event, e.treatment,
       e.event_date, e.outcome, p.date_of_birth, p.gender, p.ethnic_category, d.decile,
       p.nacr_opt_out, {_MASK}
FROM episodes e
JOIN patients p ON p.id = e.patient_id
LEFT JOIN assessments a1 ON a1.episode_id = e.id AND a1.kind = 'A1'
LEFT JOIN assessments a2 ON a2.episode_id = e.id AND a2.kind = 'A2'
LEFT JOIN assessments a3 ON a3.episode_id = e.id AND a3.kind = 'A3'
LEFT JOIN deprivation_lookup d
       ON d.nation = :nation AND d.postcode = replace(upper(p.postcode), ' ', '')
WHERE e.id IN (SELECT episode_id FROM episode_facts_stale ORDER BY episode_id LIMIT :n)
ORDER BY e.id
"""

# The newest completed response per (assessment, mode) wins: rows come in response id
# order and later ones replace earlier ones whole.
_VALUES_SQL = """
SELECT a.episode_id, a.kind, o.mode, o.bmi, o.hads_anxiety, o.hads_depression,
       o.active_minutes_week, o.active_days_week, o.active_minutes_day, o.smoking_status,
       o.smoking_status_verified
FROM response_outcomes o
JOIN assessments a ON a.id = o.assessment_id
WHERE a.kind IN ('A1', 'A2') AND a.done_date IS NOT NULL
  AND a.episode_id IN (SELECT episode_id FROM episode_facts_stale ORDER BY episode_id
                       LIMIT :n)
ORDER BY o.response_id
"""
Values = tuple[Any, ...]  # bmi, hads_anxiety, hads_depression, then the four answers


def _answer(text: Any) -> Any:
    if text is None:
        return None
    if isinstance(text, str):
        # Fast paths for the plain strings and whole numbers most answers are.
        if text[:1] == '"' and "\\" not in text:
            return text[1:-1]
        if text.isdigit():
            return int(text)
        try:
            v = json.loads(text)
        except ValueError:
            return None
    else:
        v = text
    if isinstance(v, dict):
        return v.get("value") if "special" not in v else None
    return v


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _outcome_values(patient: Values | None, staff: Values | None) -> dict[str, float]:
    """The dashboard's outcome measures from one assessment's newest responses.

    BMI: the staff-measured score is preferred to the patient's self-reported one.
    Smoking: the staff-verified status, else the patient's answer; 1 = current smoker.
    Active minutes: the calculated minutes if stored, else days x minutes a day (the
    form's own expression), or 0 when the patient is active on 0 days.
    """
    p = patient or (None,) * 8
    s = staff or (None,) * 8
    out: dict[str, float] = {}
    bmi = s[0] if _number(s[0]) else p[0]
    if _number(bmi):
        out["bmi"] = float(bmi)
    for key, v in (("hads_anxiety", p[1]), ("hads_depression", p[2])):
        if _number(v):
            out[key] = float(v)
    minutes, days, per_day = _answer(p[3]), _answer(p[4]), _answer(p[5])
    if _number(minutes):
        out["active_minutes_week"] = float(minutes)
    elif days == 0:
        out["active_minutes_week"] = 0.0
    elif _number(days) and _number(per_day):
        out["active_minutes_week"] = float(days) * float(per_day)
    smoking = _answer(s[7])
    if not isinstance(smoking, str):
        smoking = _answer(p[6])
    if isinstance(smoking, str) and smoking != "prefer_not_to_say":
        out["smoking"] = 1.0 if smoking == "current" else 0.0
    return out


def _computed_facts(db: Database, nation: str, batch: int) -> list[EpisodeFacts]:
    """Facts of the first ``batch`` stale episodes, worked out from the source tables."""
    raw: dict[tuple[int, str], dict[str, Values]] = {}
    for eid, kind, mode, *values in db.execute(_VALUES_SQL, {"n": batch}):
        raw.setdefault((eid, kind), {})[mode] = tuple(values)
    masks: dict[int, frozenset[str]] = {}
    empty: dict[str, float] = {}
    out = []
    d = parse_date
    for (eid, pid, ref, start, end, a1, a2, a3, event, treatment, event_date, outcome, dob,
         gender, ethnic, decile, opted, mask) in db.execute(_FACTS_SQL,
                                                            {"nation": nation, "n": batch}):
        present = masks.get(mask)
        if present is None:
            present = masks[mask] = frozenset(
                s for i, s in enumerate(FACT_SOURCES) if mask >> i & 1)
        referral, ev = d(ref), d(event_date)
        r1, r2 = raw.get((eid, "A1")), raw.get((eid, "A2"))
        out.append(EpisodeFacts(
            eid, pid, referral, d(start), d(end), d(a1), d(a2), d(a3), event, treatment, ev,
            outcome, age_on(d(dob), referral or ev), gender, ethnic, decile, bool(opted),
            _outcome_values(r1.get("patient"), r1.get("staff")) if r1 else empty,
            _outcome_values(r2.get("patient"), r2.get("staff")) if r2 else empty,
            present))
    return out


# ---- kept-ready facts (schema 5) ----------------------------------------------------------

# Episodes worked out again per write transaction: ~0.1 s each on a loaded laptop, so a
# write from another connection never waits long (its busy timeout is 5 s).
REFRESH_BATCH = 500
_MEASURE_KEYS = ("bmi", "active_minutes_week", "hads_anxiety", "hads_depression", "smoking")
_BIT = {source: 1 << i for i, source in enumerate(FACT_SOURCES)}
# episode_facts.packed: patient id; referral, start, end, A1, A2, A3 and event day numbers;
# age; decile; opted out (0/1); which outcome values follow (bits 0-4: A1's measures in
# _MEASURE_KEYS order, bits 5-9: A2's); the present mask; then those values, as doubles.
# -1 stands for "none" in the integers. Changing it means bumping FACTS_FORMAT
# (services/dashboard.py).
PACK = struct.Struct("<q7i4iq")
_VALUES = [struct.Struct(f"<{n}d") for n in range(11)]
_NONE = -1
assert _NONE == NO_DAY  # month_rows hands the packed day numbers on as they are
# episode_facts.codes: event, treatment, outcome, sex, ethnic category, joined.
CODE_SEP, NO_CODE = "\x1f", "\x00"


def month_key(d: dt.date) -> int:
    """The key of ``d``'s calendar month in the month-by-month tables."""
    return d.year * 12 + d.month - 1


def _day(d: dt.date | None) -> int:
    return _NONE if d is None else d.toordinal()


def _fact_row(f: EpisodeFacts) -> tuple[int, int | None, bytes, str]:
    which, values = 0, []
    for i, (vs, k) in enumerate((vs, k) for vs in (f.a1_values, f.a2_values)
                                for k in _MEASURE_KEYS):
        if (x := vs.get(k)) is not None:
            which |= 1 << i
            values.append(float(x))
    packed = PACK.pack(
        f.patient_id, _day(f.referral), _day(f.start), _day(f.end), _day(f.a1), _day(f.a2),
        _day(f.a3), _day(f.event_date), _NONE if f.age is None else f.age,
        _NONE if f.decile is None else f.decile, int(f.opted_out), which,
        sum(_BIT[s] for s in f.present)) + _VALUES[len(values)].pack(*values)
    codes = CODE_SEP.join(NO_CODE if c is None else c for c in (
        f.initiating_event, f.treatment, f.outcome, f.sex, f.ethnic))
    return (f.episode_id, None if f.referral is None else f.referral.toordinal(), packed,
            codes)


def kept_generation(db: Database) -> str | None:
    v = db.scalar("SELECT generation FROM episode_facts_meta WHERE id = 1")
    return None if v is None else str(v)


def stale_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM episode_facts_stale"))


def refresh_kept_facts(db: Database, generation: str, nation: str,
                       group_of: Callable[[str | None, str | None], str],
                       wait_thresholds: Mapping[str, float], *, batch: int = REFRESH_BATCH,
                       between_batches: Callable[[], None] | None = None) -> int:
    """Bring the kept facts and worklist windows up to date; return how many episodes were
    worked out again. ``generation`` names what they are computed with (the standards
    edition, the nation and its deprivation lookup, the code's version): when it differs
    from the stored one every episode is worked out again.

    Cheap when nothing changed (one read of the stale table), so every dashboard and
    worklist read calls it first. Derived rows only, never audited (nothing a person typed
    changes). Writes in short transactions of ``batch`` episodes each, so that another
    connection's write (a sign-in's or a page's audit row) waits for one batch at most,
    never for a whole clinic worked out again (which took longer than the 5 s busy
    timeout at 10,000 episodes: "database is locked"). Between batches the kept rows are
    partly new, partly old, and the rest still marked stale: every read refreshes first,
    and a batch's facts, windows, month marks and stale marks change together.
    ``between_batches`` is called after each batch's commit (tests interleave a write)."""
    if kept_generation(db) == generation and not db.scalar(
            "SELECT 1 FROM episode_facts_stale LIMIT 1"):
        return 0
    with db.transaction():
        if kept_generation(db) != generation:
            # Only marks and deletions here (no episode worked out): a short transaction.
            db.execute("DELETE FROM episode_facts")
            worklist_repo.drop_all_windows(db)
            _drop_month_data(db)
            db.execute("INSERT OR IGNORE INTO episode_facts_stale (episode_id)"
                       " SELECT id FROM episodes")
            db.execute("INSERT INTO episode_facts_meta (id, generation) VALUES (1, ?)"
                       " ON CONFLICT (id) DO UPDATE SET generation = excluded.generation",
                       (generation,))
    memo: dict[tuple[str | None, str | None], str] = {}

    def group(event: str | None, treatment: str | None) -> str:
        g = memo.get((event, treatment))
        if g is None:
            g = memo[(event, treatment)] = group_of(event, treatment)
        return g
    done = 0
    while True:
        with db.transaction():  # the stale ids are read inside: two refreshes take turns
            n = _refresh_batch(db, nation, group, wait_thresholds, batch)
        if not n:
            return done
        done += n
        if between_batches is not None:
            between_batches()


def _drop_month_data(db: Database) -> None:
    """Every month-by-month kept row gone (they are all worked out from the facts)."""
    db.execute("DELETE FROM spc_month_summaries")  # schema 12
    db.execute("DELETE FROM spc_month_stale")
    db.execute("DELETE FROM episode_fact_months")  # schema 14


def _mark_months(db: Database, keys: Iterable[int]) -> None:
    """The month-by-month kept data of months ``keys`` no longer holds: the SPC
    summaries (schema 12) are marked, the months' facts (schema 14) dropped."""
    rows = [(k,) for k in keys]
    db.executemany("INSERT OR IGNORE INTO spc_month_stale (month) VALUES (?)", rows)
    db.executemany("DELETE FROM episode_fact_months WHERE month = ?", rows)


def _refresh_batch(db: Database, nation: str, group: Callable[[str | None, str | None], str],
                   wait_thresholds: Mapping[str, float], batch: int) -> int:
    """Work out the first ``batch`` stale episodes again (in the caller's transaction)."""
    ids = [int(r[0]) for r in db.query(
        "SELECT episode_id FROM episode_facts_stale ORDER BY episode_id LIMIT ?", (batch,))]
    if not ids:
        return 0
    facts = _computed_facts(db, nation, batch)
    work = worklist_repo.window_rows(db, batch, group, wait_thresholds)
    marks = ", ".join("?" for _ in ids)
    # The month data (schema 12) of the months these episodes were and now are referred
    # in no longer holds: marked here, in the same transaction.
    referral_days = {int(r[0]) for r in db.query(
        f"SELECT DISTINCT referral FROM episode_facts WHERE episode_id IN ({marks})"
        f" AND referral IS NOT NULL", tuple(ids))}
    referral_days.update(f.referral.toordinal() for f in facts if f.referral is not None)
    _mark_months(db, {month_key(dt.date.fromordinal(d)) for d in referral_days})
    # Episodes deleted since lose their rows; the others are replaced whole.
    db.execute(f"DELETE FROM episode_facts WHERE episode_id IN ({marks})", tuple(ids))
    db.executemany("INSERT INTO episode_facts (episode_id, referral, packed, codes)"
                   " VALUES (?, ?, ?, ?)", (_fact_row(f) for f in facts))
    worklist_repo.replace_windows(db, ids, work)
    db.execute(f"DELETE FROM episode_facts_stale WHERE episode_id IN ({marks})", tuple(ids))
    return len(ids)


class Days(dict[int, "dt.date | None"]):
    """Day number -> date, made on first use (a clinic's facts share a few thousand days)."""

    def __missing__(self, n: int) -> dt.date | None:
        v = self[n] = None if n == _NONE else dt.date.fromordinal(n)
        return v


def _value_shape(which: int) -> tuple[tuple[str, ...], tuple[str, ...], struct.Struct]:
    """The A1 keys, the A2 keys and the values' layout for one ``which`` mask."""
    k1 = tuple(k for i, k in enumerate(_MEASURE_KEYS) if which >> i & 1)
    k2 = tuple(k for i, k in enumerate(_MEASURE_KEYS) if which >> (i + 5) & 1)
    return k1, k2, _VALUES[len(k1) + len(k2)]


def episode_facts(db: Database, since: dt.date | None = None,
                  until: dt.date | None = None) -> list[EpisodeFacts]:
    """Kept facts of the episodes referred from ``since`` to ``until`` (both included;
    default: all), and of every episode without a referral date (so they can be counted).
    Call ``refresh_kept_facts`` first. Everything per row is a C call or a dictionary
    look-up: at 50,000 rows each Python step costs milliseconds."""
    bounds = ((since or dt.date.min).toordinal(), (until or dt.date.max).toordinal())
    out: list[EpisodeFacts] = []
    with paused_gc():
        # "+" keeps SQLite reading the table in id order: through the referral index it
        # reads the rows out of order and sorts them, slower while most are in range.
        _read_facts(db, "SELECT episode_id, packed, codes FROM episode_facts"
                        " WHERE +referral BETWEEN ? AND ? OR referral IS NULL"
                        " ORDER BY episode_id", bounds, out)
    return out


def facts_referred(db: Database, first: int, last: int) -> list[EpisodeFacts]:
    """Kept facts of the episodes referred from day ``first`` to day ``last`` (day numbers,
    both included), in episode order, through the referral index (a month's worth)."""
    out: list[EpisodeFacts] = []
    with paused_gc():
        _read_facts(db, "SELECT episode_id, packed, codes FROM episode_facts"
                        " WHERE referral BETWEEN ? AND ? ORDER BY episode_id", (first, last),
                    out)
    return out


def facts_without_referral(db: Database) -> list[EpisodeFacts]:
    """Kept facts of the episodes without a referral date (counted, never in a period)."""
    out: list[EpisodeFacts] = []
    _read_facts(db, "SELECT episode_id, packed, codes FROM episode_facts"
                    " WHERE referral IS NULL ORDER BY episode_id", (), out)
    return out


def _read_facts(db: Database, sql: str, params: tuple[int, ...],
                out: list[EpisodeFacts]) -> None:
    day = Days().__getitem__
    masks: dict[int, frozenset[str]] = {}
    code_sets: dict[str, tuple[str | None, ...]] = {}
    shapes: dict[int, tuple[tuple[str, ...], tuple[str, ...], struct.Struct]] = {}
    unpack_from = PACK.unpack_from
    fixed = PACK.size
    make = EpisodeFacts._make
    empty = EpisodeFacts._field_defaults["a1_values"]
    for eid, packed, codes in db.execute(sql, params):
        v = unpack_from(packed)
        c = code_sets.get(codes)
        if c is None:
            c = code_sets[codes] = tuple(None if x == NO_CODE else x
                                         for x in codes.split(CODE_SEP))
        mask = v[12]
        present = masks.get(mask)
        if present is None:
            present = masks[mask] = frozenset(
                s for i, s in enumerate(FACT_SOURCES) if mask >> i & 1)
        which = v[11]
        if which:
            shape = shapes.get(which)
            if shape is None:
                shape = shapes[which] = _value_shape(which)
            k1, k2, layout = shape
            xs = layout.unpack_from(packed, fixed)
            v1 = dict(zip(k1, xs)) if k1 else empty  # noqa: B905 - xs is k1 + k2 long
            v2 = dict(zip(k2, xs[len(k1):])) if k2 else empty  # noqa: B905
        else:
            v1 = v2 = empty
        out.append(make((
            eid, v[0], day(v[1]), day(v[2]), day(v[3]), day(v[4]), day(v[5]), day(v[6]),
            c[0], c[1], day(v[7]), c[2], None if v[8] == _NONE else v[8], c[3], c[4],
            None if v[9] == _NONE else v[9], v[10] == 1, v1, v2, present)))



def patient_ids(db: Database, episode_ids: Iterable[int]) -> list[int]:
    """The patients behind some episodes (for a drill-down), in patient id order."""
    ids = sorted(set(episode_ids))
    out: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update(r[0] for r in db.query(
            f"SELECT DISTINCT patient_id FROM episodes WHERE id IN "
            f"({', '.join('?' for _ in chunk)})", tuple(chunk)))
    return sorted(out)


# ---- deprivation lookup -----------------------------------------------------------------

@dataclass(frozen=True)
class LookupSource:
    nation: str
    source_kind: str
    file_name: str
    index_name: str
    postcodes: int
    synthetic: bool
    imported_at: str
    imported_by: str


def replace_lookup(db: Database, nation: str, rows: Iterable[tuple[str, int]], *,
                   source_kind: str, file_name: str, index_name: str, postcodes: int,
                   synthetic: bool, actor: str) -> None:
    """Replace one nation's lookup. Call inside the caller's transaction (with its audit
    row), so that a failure leaves the old lookup whole."""
    db.execute("DELETE FROM deprivation_lookup WHERE nation = ?", (nation,))
    db.executemany("INSERT INTO deprivation_lookup (nation, postcode, decile) VALUES (?, ?, ?)",
                   ((nation, pc, dec) for pc, dec in rows))
    db.execute(
        "INSERT INTO deprivation_sources (nation, source_kind, file_name, index_name, postcodes,"
        " synthetic, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (nation) DO UPDATE SET source_kind = excluded.source_kind,"
        " file_name = excluded.file_name, index_name = excluded.index_name,"
        " postcodes = excluded.postcodes, synthetic = excluded.synthetic,"
        " imported_at = excluded.imported_at, imported_by = excluded.imported_by",
        (nation, source_kind, file_name, index_name, postcodes, int(synthetic), now_iso(), actor))


def lookup_sources(db: Database) -> list[LookupSource]:
    return [LookupSource(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7]) for r in db.query(
        "SELECT nation, source_kind, file_name, index_name, postcodes, synthetic, imported_at,"
        " imported_by FROM deprivation_sources ORDER BY nation")]


def patient_postcodes(db: Database) -> list[str]:
    return [str(r[0]) for r in db.query(
        "SELECT DISTINCT postcode FROM patients WHERE postcode IS NOT NULL")]


def decile_of(db: Database, nation: str, postcode: str) -> int | None:
    v = db.scalar("SELECT decile FROM deprivation_lookup WHERE nation = ? AND postcode = ?",
                  (nation, postcode.replace(" ", "").upper()))
    return None if v is None else int(v)


def baseline_count(db: Database) -> list[Any]:
    """The bench's baseline: a plain count over the same episodes, grouped by columns no
    index covers (so it reads every episode row, as the dashboard must)."""
    return db.query("SELECT initiating_event, treatment, count(*) FROM episodes"
                    " GROUP BY initiating_event, treatment")
