"""Clinic dashboard on a 50,000-patient demo clinic (issue 9).

    python -m bench dashboard        (BENCH_DASHBOARD_PATIENTS overrides the size)

- ``dashboard_50k``: every dashboard figure for the default period (the financial year to
  date): the episode facts read from the database, KPIs 1-7 and the rating, uptake,
  reasons, waits and durations, outcomes, the four equity breakdowns, completeness and the
  two default SPC charts. The export preflight count is a separate admin operation (it is
  the export's own check, reading the answers) and is not in this figure.
- ``worklist_50k``: the staff worklist, every group.

Each against a plain ``SELECT initiating_event, treatment, count(*) FROM episodes GROUP BY
...`` over the same episodes (columns no index covers, so every episode row is read), in
the same run, on the same connection. Both run on a worker thread with
its own connection (``Session.for_worker``), as the GUI runs them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, interleaved_ms

PATIENTS = int(os.environ.get("BENCH_DASHBOARD_PATIENTS", "50000"))
# A folder holding a clinic this bench built before (a copy of its temporary "clinic"
# folder): copied instead of building one, so that repeated runs on a loaded machine do not
# spend minutes each making the same demo. The copy is opened, migrated and warmed up
# exactly as a new one is.
PREBUILT = os.environ.get("BENCH_DASHBOARD_CLINIC", "")
PASSWORD = "a calm walk by the river"
REPEAT = 9


def _build(root: Path) -> None:
    if PREBUILT:
        shutil.copytree(PREBUILT, root)
        print(f"   (a copy of the clinic built before in {PREBUILT})", flush=True)
        return
    from crdesk.crypto.kdf import TEST_COST
    from crdesk.demo.clinic import make_demo
    from crdesk.paths import BaseDir
    from crdesk.services import access, deprivation
    from crdesk.services.home import ClinicHome

    with ClinicHome.open(BaseDir(root)) as home:
        t0 = time.perf_counter()
        make_demo(home, patients=PATIENTS, password=PASSWORD, cost=TEST_COST, variants=50)
        s = access.unlock(home, "admin", PASSWORD)
        # The demo's postcodes get a synthetic deprivation decile, so the equity tables
        # have all five quintiles to fill (labelled synthetic in the database).
        deprivation.add_synthetic_lookup(s)
        s.close()
        print(f"   (built a {PATIENTS:,}-patient demo clinic in "
              f"{time.perf_counter() - t0:.0f} s)", flush=True)


def _on_worker(fn: Callable[[], list[Figure]]) -> list[Figure]:
    out: list[Figure] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            out.extend(fn())
        except BaseException as exc:  # noqa: BLE001 - reported on the main thread
            errors.append(exc)

    t = threading.Thread(target=target, name="bench-dashboard")
    t.start()
    t.join()
    if errors:
        raise errors[0]
    return out


def run() -> list[Figure]:
    from crdesk.paths import BaseDir
    from crdesk.services import access
    from crdesk.services.dashboard import DashboardService
    from crdesk.services.home import ClinicHome
    from crdesk.services.worklist import WorklistService
    from crdesk.storage import dashboard_repo

    with tempfile.TemporaryDirectory(prefix="crdesk-bench-dash-") as tmp:
        root = Path(tmp) / "clinic"
        _build(root)
        with ClinicHome.open(BaseDir(root)) as home:
            gui_session = access.unlock(home, "staff", PASSWORD)

            def measure() -> list[Figure]:
                worker = gui_session.for_worker()  # on the thread that uses it
                try:
                    db = worker._db
                    dash = DashboardService(worker)
                    work = WorklistService(worker)

                    def baseline() -> None:
                        dashboard_repo.baseline_count(db)

                    fig = dash.figures()
                    items = len(work.worklist().items)
                    print(f"   ({len(fig.cohort.episodes):,} episodes in {fig.period.label}; "
                          f"{items:,} worklist items)", flush=True)
                    ours, base = interleaved_ms(dash.figures, baseline, REPEAT)
                    figs = [Figure("dashboard_50k", ours, "ms",
                                   "SELECT count(*) GROUP BY over the episode rows", base,
                                   "<= 500 ms")]
                    ours, base = interleaved_ms(work.worklist, baseline, REPEAT)
                    figs.append(Figure("worklist_50k", ours, "ms",
                                       "SELECT count(*) GROUP BY over the episode rows", base,
                                       "<= 100 ms"))
                    return figs
                finally:
                    worker.close()

            try:
                return _on_worker(measure)
            finally:
                gui_session.close()


if __name__ == "__main__":
    for f in run():
        print(f.line())
