"""scale (issue 15): how the staff screens, preview, check and unlock grow with the clinic.

    python -m bench scale                  1,000, 10,000 and 50,000 patients
    BENCH_LARGE=1 python -m bench scale    ... and 200,000 (a large trust's history)
    BENCH_SCALE_SIZES=1000,200000          just these sizes (the growth is between them)
    BENCH_SCALE_KEEP=/some/folder          build each clinic there once and reuse it
                                           (growing 200,000 patients takes a long time)

For each size: the patient list ready (the Patients page built, its list read and painted),
one keystroke's filter, a patient record opened, the main window ready (built, painted and
its home page's worklist loaded), the NACR export preview, ``check`` and unlock. Each figure
is compared with the same at the smallest size (its growth), except the filter (against a
list comprehension over the same names), ``check`` (against SQLCipher's own
``cipher_integrity_check`` + ``integrity_check`` on the same file, goal <= 2x) and unlock
(against the bare key derivation). The growth table is printed and kept in results.json
under ``scale_table``.

Each clinic is built once per size and run (``make_demo`` with reused filled forms: bulk
inserts in one transaction per table), in a temporary folder removed at the end.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Figure, interleaved_ms, write_table  # noqa: E402

PASSWORD = "a calm walk by the river"
METRICS = ("list_ready", "filter", "patient_open", "main_window", "preview", "check", "unlock")
GOALS_200K = {"filter": "<= 30 ms at 200k", "list_ready": "<= 2 s at 200k",
              "main_window": "<= 2 s at 200k", "check": "<= 2x"}


def sizes() -> tuple[int, ...]:
    chosen = os.environ.get("BENCH_SCALE_SIZES", "").replace("_", "")
    if chosen:
        return tuple(sorted({int(x) for x in chosen.split(",") if x.strip()}))
    base = (1_000, 10_000, 50_000)
    return (*base, 200_000) if os.environ.get("BENCH_LARGE") == "1" else base


def label(n: int) -> str:
    return f"{n // 1000}k"


_BUILT: dict[int, Path] = {}
_APP: list[object] = []


def clinic(n: int, work: Path) -> Path:
    """The ``n``-patient demo clinic, built once per size and run: a 1,000-patient
    ``make_demo`` clinic (built once), copied and grown with ``grow_clinic``."""
    if n not in _BUILT:
        import shutil

        from bench.common import TEMPLATE_PATIENTS, grow_clinic
        from crdesk.paths import BaseDir
        from crdesk.services import access
        from crdesk.services.home import ClinicHome

        if n % TEMPLATE_PATIENTS:
            raise ValueError(f"sizes are multiples of {TEMPLATE_PATIENTS:,}")
        template = work / "template"
        if not (template / "built.done").exists():
            shutil.rmtree(template, ignore_errors=True)
            from crdesk.crypto.kdf import TEST_COST
            from crdesk.demo.clinic import make_demo

            t0 = time.perf_counter()
            with ClinicHome.open(BaseDir(template)) as home:
                make_demo(home, patients=TEMPLATE_PATIENTS, password=PASSWORD, cost=TEST_COST,
                          variants=50)
            print(f"   (built the {TEMPLATE_PATIENTS:,}-patient demo clinic in "
                  f"{time.perf_counter() - t0:.0f} s)", flush=True)
            (template / "built.done").write_text("bench.scale\n")
        root = work / f"clinic-{label(n)}"
        if (root / "grown.done").exists():  # kept from an earlier run (BENCH_SCALE_KEEP)
            _BUILT[n] = root
            return root
        shutil.rmtree(root, ignore_errors=True)  # a build that did not finish
        shutil.copytree(template, root)
        (root / "clinic.lock").unlink(missing_ok=True)
        t0 = time.perf_counter()
        with ClinicHome.open(BaseDir(root)) as home:
            session = access.unlock(home, "admin", PASSWORD)
            try:
                grow_clinic(session, n // TEMPLATE_PATIENTS)
                # The dashboard's kept facts, as a clinic that grew by use keeps them up to
                # date: rows written by SQL are all stale until refreshed.
                from crdesk.services.dashboard import DashboardService

                DashboardService(session).refresh_kept_facts()
            finally:
                session.close()
        if n > TEMPLATE_PATIENTS:
            print(f"   (grew it to {n:,} patients in {time.perf_counter() - t0:.0f} s)",
                  flush=True)
        (root / "grown.done").write_text("bench.scale\n")
        _BUILT[n] = root
    return _BUILT[n]


@contextmanager
def _settled() -> Iterator[None]:
    """Run the block, then let deferred deletes and finished operations land."""
    from PySide6.QtCore import QEventLoop, QTimer

    from crdesk.gui.operations import wait_for_all

    yield
    wait_for_all()
    loop = QEventLoop()
    QTimer.singleShot(10, loop.quit)
    loop.exec()


def _wait(done: Callable[[], bool], limit_s: float = 600) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > end:
            raise RuntimeError("the bench waited too long for the screen")
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def measure(root: Path, n: int) -> dict[str, tuple[float, str, float]]:
    """metric -> (ms, baseline name, baseline ms); baseline "" when it is the growth."""
    from PySide6.QtWidgets import QApplication

    from crdesk.crypto.kdf import derive_key
    from crdesk.gui.main_window import MainWindow
    from crdesk.gui.pages import install_pages
    from crdesk.gui.staff.patients_page import PatientsPage
    from crdesk.gui.staff.record_view import PatientRecordView
    from crdesk.gui.staff.worklist_page import WorklistPage
    from crdesk.keyslots import KeySlotFile
    from crdesk.paths import BaseDir
    from crdesk.services import access
    from crdesk.services.export import ExportService
    from crdesk.services.home import ClinicHome

    _APP.append(QApplication.instance() or QApplication(["bench-scale"]))  # kept alive
    big = n >= 50_000
    once = n >= 10_000  # check and preview: seconds each, once is enough
    out: dict[str, tuple[float, str, float]] = {}
    with ClinicHome.open(BaseDir(root)) as home:
        params = KeySlotFile.load(home.basedir.keyslots).find("admin").kdf  # type: ignore[union-attr]

        def unlock() -> None:
            access.unlock(home, "admin", PASSWORD).close()

        ours, base = interleaved_ms(unlock, lambda: derive_key(PASSWORD, params), 5)
        out["unlock"] = (ours, "bare key derivation, same parameters", base)

        session = access.unlock(home, "admin", PASSWORD)
        try:
            # The patient list: the page built, the rows read and indexed, the table painted.
            samples = []
            for _ in range(2 if big else 3):
                with _settled():
                    t0 = time.perf_counter()
                    page = PatientsPage(session)
                    page.resize(1366, 768)
                    page.show()
                    page.reload_list()
                    page.list.table.viewport().repaint()
                    samples.append((time.perf_counter() - t0) * 1000)
                    if len(samples) < (2 if big else 3):
                        page.close()
                        page.deleteLater()
            out["list_ready"] = (statistics.median(samples), "", 0.0)

            # One keystroke: the widest search (one common letter) after a cleared box.
            index = page.list.model.index_
            names = [" ".join(index.rows.ident(i)[:2]).lower() for i in range(len(index))]
            ours_s, base_s = [], []
            for letter in "aeiournstlaeiournstl":
                page.list.search.setText("")
                t0 = time.perf_counter()
                page.list.search.setText(letter)  # textChanged -> apply_filter, as typed
                page.list.table.viewport().repaint()
                ours_s.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                [x for x in names if letter in x]  # noqa: B018
                base_s.append((time.perf_counter() - t0) * 1000)
            out["filter"] = (statistics.median(ours_s), "list comprehension over the names",
                             statistics.median(base_s))

            pid = index.rows.ids[len(index) // 2]  # a record from the middle
            with _settled():
                page.close()
                page.deleteLater()

            def open_record() -> None:
                view = PatientRecordView(session, pid)
                view.deleteLater()

            with _settled():
                open_record()
            samples = []
            for _ in range(7):
                with _settled():
                    t0 = time.perf_counter()
                    open_record()
                    samples.append((time.perf_counter() - t0) * 1000)
            out["patient_open"] = (statistics.median(samples), "", 0.0)

            # The main window after unlock: built, shown, its home page's worklist loaded. The
            # first build is not timed: it fills the derived caches (episode facts) that a
            # clinic grown by SQL has not built yet and a real one keeps up to date.
            samples = []
            timed_runs = 2 if big else 3
            for run_no in range(timed_runs + 1):
                with _settled():
                    t0 = time.perf_counter()
                    window = MainWindow(session)
                    install_pages(window, session)
                    window.resize(1366, 768)
                    window.show()
                    home_page = window.page("home")
                    assert isinstance(home_page, WorklistPage)
                    _wait(lambda hp=home_page: hp.worklist is not None)  # type: ignore[misc]
                    window.repaint()
                    if run_no:
                        samples.append((time.perf_counter() - t0) * 1000)
                    window.close()
                    window.deleteLater()
            out["main_window"] = (statistics.median(samples), "", 0.0)

            service = ExportService(session)
            samples = []
            for _ in range(1 if once else 3):
                t0 = time.perf_counter()
                service.preview("nacr")
                samples.append((time.perf_counter() - t0) * 1000)
            out["preview"] = (statistics.median(samples), "", 0.0)

            db = session._db

            def ours_check() -> None:
                report = session.check()
                assert report.ok, report.lines()

            def sqlcipher_check() -> None:
                db.checkpoint()
                db.query("PRAGMA cipher_integrity_check")
                db.query("PRAGMA integrity_check")

            ours, base = interleaved_ms(ours_check, sqlcipher_check, 1 if once else 3)
            out["check"] = (ours, "SQLCipher cipher_integrity_check + integrity_check", base)
        finally:
            session.close()
    return out


def growth_table(results: dict[int, dict[str, tuple[float, str, float]]]) -> list[str]:
    ns = sorted(results)
    head = f"{'':<14}" + "".join(f"{label(n):>10}" for n in ns) + "".join(
        f"{label(b) + '/' + label(a):>11}" for a, b in zip(ns, ns[1:], strict=False))
    lines = [head]
    for m in METRICS:
        vals = [results[n][m][0] for n in ns]
        lines.append(f"{m:<14}" + "".join(f"{v:>8.1f}ms" for v in vals) + "".join(
            f"{(b / a if a else float('inf')):>10.1f}x"
            for a, b in zip(vals, vals[1:], strict=False)))
    return lines


def run() -> list[Figure]:
    results: dict[int, dict[str, tuple[float, str, float]]] = {}
    keep = os.environ.get("BENCH_SCALE_KEEP")
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-scale-") as tmp:
        work = Path(keep) if keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in sizes():
            results[n] = measure(clinic(n, work), n)
            print(f"   {label(n)}: " + ", ".join(f"{m} {results[n][m][0]:.0f} ms"
                                                for m in METRICS), flush=True)
        _BUILT.clear()
    ns = sorted(results)
    figures = []
    for n in ns:
        for m in METRICS:
            value, base_name, base_value = results[n][m]
            if not base_name:
                base_name, base_value = f"the same at {ns[0]:,} patients", results[ns[0]][m][0]
            goal = GOALS_200K.get(m, "growth, no goal") if m != "check" else "<= 2x"
            figures.append(Figure(f"scale_{m}_{label(n)}", value, "ms", base_name, base_value,
                                  goal))
    table = growth_table(results)
    print("\n".join(table), flush=True)
    write_table("scale_table", {
        "sizes": ns, "unit": "ms",
        "metrics": {m: [round(results[n][m][0], 1) for n in ns] for m in METRICS},
        "growth": {m: [round(results[b][m][0] / results[a][m][0], 2)
                       if results[a][m][0] else None for a, b in zip(ns, ns[1:], strict=False)]
                   for m in METRICS},
        "check_vs_sqlcipher": [round(results[n]["check"][0] / results[n]["check"][2], 2)
                               for n in ns],
        "text": table})
    return figures


if __name__ == "__main__":
    for f in run():
        print(f.line())
    sys.exit(0)
