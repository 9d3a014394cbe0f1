"""Shared bench plumbing: timing helpers and the results file."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).with_name("results.json")


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: str
    baseline_value: float
    goal: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline_value if self.baseline_value else float("inf")

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        d["value"] = round(self.value, 3)
        d["baseline_value"] = round(self.baseline_value, 3)
        d["ratio"] = round(self.ratio, 2)
        return d

    def line(self) -> str:
        goal = f"  (goal {self.goal})" if self.goal else ""
        return (f"{self.name:<22} {self.value:10.2f} {self.unit:<3} vs {self.baseline} "
                f"{self.baseline_value:.2f} {self.unit} -> {self.ratio:.2f}x{goal}")


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def interleaved_ms(a: Callable[[], object], b: Callable[[], object],
                   repeat: int) -> tuple[float, float]:
    """Median of each, alternating a and b so machine noise hits both alike."""
    sa, sb = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        a()
        sa.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        b()
        sb.append((time.perf_counter() - t0) * 1000)
    return statistics.median(sa), statistics.median(sb)


def write_results(figures: list[Figure], path: Path = RESULTS) -> None:
    existing: list[dict[str, object]] = []
    if path.exists():
        try:
            existing = json.loads(path.read_text())
        except ValueError:
            existing = []
    names = {f.name for f in figures}
    merged = [e for e in existing if e.get("name") not in names] + [f.to_json() for f in figures]
    path.write_text(json.dumps(merged, indent=1) + "\n")


# ---- big clinics, fast (issue 15) ---------------------------------------------------------

TEMPLATE_PATIENTS = 1_000
# Every patient-linked table, each column that holds an id and whose ids offset it.
_GROWN = {
    "patients": {"id": "patients"},
    "patient_contacts": {"patient_id": "patients"},
    "episodes": {"id": "episodes", "patient_id": "patients"},
    "assessments": {"id": "assessments", "episode_id": "episodes"},
    "responses": {"id": "responses", "patient_id": "patients", "assessment_id": "assessments"},
    "answers": {"response_id": "responses"},
    "scores": {"response_id": "responses"},
    "response_outcomes": {"response_id": "responses", "assessment_id": "assessments"},
    "goals": {"id": "goals", "episode_id": "episodes"},
    "goal_reviews": {"id": "goal_reviews", "goal_id": "goals"},
}


def _demo_nhs_numbers(count: int, taken: set[str]) -> list[str]:
    """``count`` valid, unused NHS numbers in the 999 test range, in order."""
    from crdesk.core.nhs_number import check_digit

    found: list[str] = []
    for n in range(999_000_000, 1_000_000_000):
        first_nine = str(n)
        check = check_digit(first_nine)
        if check is None or (number := first_nine + str(check)) in taken:
            continue
        found.append(number)
        if len(found) == count:
            return found
    raise ValueError(f"the 999 test range has no {count:,} free NHS numbers")


def grow_clinic(session: Any, copies: int) -> None:
    """Make a demo clinic ``copies`` times bigger: every patient with their contacts,
    episodes, assessments, responses, answers, scores, outcomes and goals is copied
    ``copies - 1`` times under new ids (a new valid NHS number and hospital number each), in
    one transaction of ``INSERT ... SELECT``, one statement per table, with one audit entry.

    ``make_demo`` fills forms and saves them one response at a time (about 25 ms a patient
    here): fine for 1,000 patients, half an hour for 200,000. The copies share the
    template's names, dates and answers, so the lists, filters and checks see the same mix
    of rows at every size.
    """
    if copies <= 1:
        return
    db = session._db
    top = {t: int(db.scalar(f"SELECT coalesce(max(id), 0) FROM {t}"))  # noqa: S608
           for t in {t for cols in _GROWN.values() for t in cols.values()}}
    first, patients = top["patients"], int(db.scalar("SELECT count(*) FROM patients"))
    if patients != first:
        raise ValueError("grow_clinic needs a clinic whose patient ids run 1..N")
    taken = {str(r[0]) for r in db.query("SELECT nhs_number FROM patients"
                                         " WHERE nhs_number IS NOT NULL")}
    numbers = _demo_nhs_numbers(first * (copies - 1), taken)
    cache = db.scalar("PRAGMA cache_size")
    db.execute("PRAGMA cache_size = -262144")  # 256 MiB while growing: indexes stay in memory
    try:
        _grow(session, db, copies, top, first, numbers)
    finally:
        db.execute(f"PRAGMA cache_size = {int(cache)}")


def _grow(session: Any, db: Any, copies: int, top: dict[str, int], first: int,
          numbers: list[str]) -> None:
    with session.change("bench.grow_clinic", "clinic", "", {"copies": copies}):
        db.execute("CREATE TEMP TABLE bench_k (k INTEGER PRIMARY KEY)")
        db.executemany("INSERT INTO bench_k VALUES (?)", [(k,) for k in range(1, copies)])
        db.execute("CREATE TEMP TABLE bench_nhs (id INTEGER PRIMARY KEY, nhs TEXT)")
        db.executemany("INSERT INTO bench_nhs VALUES (?, ?)",
                       [(first + i + 1, n) for i, n in enumerate(numbers)])
        for table, ids in _GROWN.items():
            cols = [str(r[1]) for r in db.query(f"PRAGMA table_info({table})")]
            exprs = []
            for c in cols:
                if c in ids:
                    exprs.append(f"t.{c} + bench_k.k * {top[ids[c]]}")
                elif table == "patients" and c == "nhs_number":
                    exprs.append(f"(SELECT nhs FROM bench_nhs WHERE bench_nhs.id ="
                                 f" t.id + bench_k.k * {first})")
                elif table == "patients" and c == "hospital_number":
                    exprs.append(f"'DEMO' || (99999 + t.id + bench_k.k * {first})")
                else:
                    exprs.append(f"t.{c}")
            key, owner = next(iter(ids.items()))
            # CROSS JOIN keeps bench_k the outer loop: each copy's rows arrive in key order,
            # appended to the tables and indexes instead of scattered through them.
            db.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)}"  # noqa: S608
                       f" FROM bench_k CROSS JOIN {table} AS t WHERE t.{key} <= {top[owner]}"
                       f" ORDER BY bench_k.k, t.{key}")
        db.execute("DROP TABLE bench_k")
        db.execute("DROP TABLE bench_nhs")


def write_table(name: str, table: dict[str, object], path: Path = RESULTS) -> None:
    """Keep a table (not a single figure) in results.json under ``name``, replacing any
    earlier one; ``make bench``'s figures are merged around it."""
    existing: list[dict[str, object]] = []
    if path.exists():
        try:
            existing = json.loads(path.read_text())
        except ValueError:
            existing = []
    kept = [e for e in existing if e.get("name") != name]
    path.write_text(json.dumps([*kept, {"name": name, **table}], indent=1) + "\n")
