"""Staff workspace on a 50,000-patient demo clinic (issue 5): filter, open, report, memory.

    python -m bench staff

Each figure has a baseline measured in the same run on the same data. The clinic is built
with ``make_demo(..., variants=50)`` (filled forms reused), about a minute.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Figure, interleaved_ms  # noqa: E402
from crdesk.services import access

PATIENTS = 50_000
PASSWORD = "a calm walk by the river"


def _build(root: Path) -> None:
    from crdesk.crypto.kdf import TEST_COST
    from crdesk.demo.clinic import make_demo
    from crdesk.paths import BaseDir
    from crdesk.services.home import ClinicHome

    with ClinicHome.open(BaseDir(root)) as home:
        t0 = time.perf_counter()
        make_demo(home, patients=PATIENTS, password=PASSWORD, cost=TEST_COST, variants=50)
        print(f"   (built a {PATIENTS:,}-patient demo clinic in "
              f"{time.perf_counter() - t0:.0f} s)", flush=True)


def _bench_in_process(root: Path) -> list[Figure]:
    from PySide6.QtWidgets import QApplication, QTableView
    from reportlab.pdfgen.canvas import Canvas

    from crdesk.gui.staff.patient_model import PatientListModel
    from crdesk.gui.staff.record_view import PatientRecordView
    from crdesk.paths import BaseDir
    from crdesk.services.home import ClinicHome
    from crdesk.services.patients import PatientService
    from crdesk.services.reports import report_pdf

    app = QApplication.instance() or QApplication(["bench"])
    figures = []
    with ClinicHome.open(BaseDir(root)) as home:
        session = access.unlock(home, "staff", PASSWORD)
        rows = PatientService(session).list_rows()  # as the Patients page reads them
        model = PatientListModel()
        model.load(rows)
        view = QTableView()
        view.setModel(model)
        view.resize(1100, 600)
        view.show()
        app.processEvents()
        names = [" ".join(rows.ident(i)[:2]).lower() for i in range(len(rows))]
        ours_s, base_s = [], []
        for letter in "aeiournstlaeiournstlaeiournstl":
            # Clear first (not timed), then one letter: the widest search (every row
            # scanned, matches sorted, the view reset and repainted).
            model.set_filter("")
            t0 = time.perf_counter()
            model.set_filter(letter)
            view.viewport().repaint()
            ours_s.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            [n for n in names if letter in n]  # noqa: B018
            base_s.append((time.perf_counter() - t0) * 1000)
        figures.append(Figure("patient_filter_50k", statistics.median(ours_s), "ms",
                              "list comprehension over 50k names", statistics.median(base_s),
                              "<= 30 ms"))

        both = next(r for r in PatientService(session).summaries()
                    if r.assessments.get("A2", {}).get("done_date"))
        db = session._db

        def open_record() -> None:
            w = PatientRecordView(session, both.id)
            w.deleteLater()

        def plain_sql() -> None:
            db.query("SELECT * FROM patients WHERE id = ?", (both.id,))
            db.query("SELECT * FROM episodes WHERE patient_id = ?", (both.id,))
            db.query("SELECT a.* FROM assessments a JOIN episodes e ON e.id = a.episode_id"
                     " WHERE e.patient_id = ?", (both.id,))
            for (rid,) in db.query("SELECT id FROM responses WHERE patient_id = ?",
                                   (both.id,)):
                db.query("SELECT * FROM answers WHERE response_id = ?", (rid,))
                db.query("SELECT * FROM scores WHERE response_id = ?", (rid,))

        for _ in range(3):
            open_record()
            app.processEvents()
        ours, base = interleaved_ms(open_record, plain_sql, 15)
        app.processEvents()
        figures.append(Figure("patient_open", ours, "ms", "plain SQL of the same rows", base,
                              "<= 100 ms"))

        def report() -> None:
            report_pdf(session, both.id, both.episode_id or 0)

        def minimal_pdf() -> None:
            import io

            c = Canvas(io.BytesIO(), invariant=1)
            c.drawString(72, 720, "A one-page PDF with one line of text.")
            c.showPage()
            c.save()

        report()
        ours, base = interleaved_ms(report, minimal_pdf, 7)
        figures.append(Figure("patient_report_pdf", ours, "ms", "one-page reportlab PDF", base,
                              "<= 1000 ms"))
        view.close()
        session.close()
    return figures


def _peak_rss_mb(args: list[str]) -> float:
    out = subprocess.run([sys.executable, "-m", "bench.staff", *args], check=True,
                         capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout
    return float(out.strip().splitlines()[-1])


def _memory_child(mode: str, root: str) -> None:
    from PySide6.QtWidgets import QApplication, QTableView, QWidget

    app = QApplication(["bench-memory"])
    if mode == "bare":
        w = QWidget()
        w.resize(1366, 768)
        w.show()
        app.processEvents()
    else:
        from crdesk.gui.staff.patient_model import PatientListModel
        from crdesk.paths import BaseDir
        from crdesk.services.home import ClinicHome
        from crdesk.services.patients import PatientService

        home = ClinicHome.open(BaseDir(Path(root)))
        session = access.unlock(home, "staff", PASSWORD)
        model = PatientListModel()
        model.load(PatientService(session).list_rows())
        view = QTableView()
        view.setModel(model)
        view.resize(1366, 768)
        view.show()
        app.processEvents()
        model.set_filter("a")
        app.processEvents()
        model.set_filter("")
        app.processEvents()
    print(_own_peak_mb())


def _own_peak_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec, whereas ru_maxrss
    can carry the (much larger) peak of the bench process that started this one."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import psutil

    info = psutil.Process().memory_info()
    return float(getattr(info, "peak_wset", info.rss)) / 2**20


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-staff-") as tmp:
        root = Path(tmp) / "clinic"
        _build(root)
        figures = _bench_in_process(root)
        listed = _peak_rss_mb(["--memory-child", "list", str(root)])
        bare = _peak_rss_mb(["--memory-child", "bare", str(root)])
        figures.append(Figure("memory_50k", listed - bare, "MB",
                              "bare PySide6 window process (absolute MB)", bare,
                              "<= +150 MB"))
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--memory-child":
        _memory_child(sys.argv[2], sys.argv[3])
    else:
        for f in run():
            print(f.line())
