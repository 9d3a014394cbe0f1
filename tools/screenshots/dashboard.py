"""Screenshots of the worklist (staff Home), the service dashboard's sections (KPIs, SPC
charts, equity, completeness) and the service report's PDF pages, on a demo clinic large
enough (300 patients over 20 months) for the charts to show something."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.gui.dashboard.dashboard_page import DashboardPage
from crdesk.gui.main_window import MainWindow
from crdesk.gui.pages import install_pages
from crdesk.gui.staff.worklist_page import WorklistPage
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from tools.screenshots.shooter import DemoClinic, Shooter, wait_until


def _pdf_pages(pdf: Path, out: Path, stem: str) -> None:
    import pypdfium2  # a developer tool: renders the report's pages for looking at

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for i in range(len(document)):
            image = document[i].render(scale=1.5).to_pil()
            path = out / f"{stem}-page{i + 1}.png"
            image.save(path)
            print(path)
    finally:
        document.close()


def shoot_dashboard(shooter: Shooter, _demo: DemoClinic) -> None:
    """In the main window, as staff see them: the pages are narrower there than alone (the
    navigation takes its share), which is where the dashboard's headings once fell short."""
    with tempfile.TemporaryDirectory(prefix="crdesk-shots-dash-") as tmp, \
            ClinicHome.open(BaseDir(Path(tmp) / "clinic")) as home:
        made = make_demo(home, patients=300, cost=TEST_COST)
        session = access.unlock(home, "admin", made.password)
        try:
            window = MainWindow(session)
            install_pages(window, session)
            worklist = window.page("home")
            assert isinstance(worklist, WorklistPage)
            wait_until(lambda: not worklist.running)
            shooter.save(window, "staff-worklist")
            window.show_page("dashboard")
            page = window.page("dashboard")
            assert isinstance(page, DashboardPage)
            wait_until(lambda: not page.running)
            for i in range(page.tabs.count()):
                page.tabs.setCurrentIndex(i)
                name = page.tabs.tabText(i).lower().replace(" ", "-")
                shooter.save(window, f"dashboard-{i + 1}-{name}")
            if shooter.grab:  # the layout check only checks: no report to draw
                report = Path(tmp) / "service-report.pdf"
                page.write_report(report, "pdf")
                op = page.report_operation
                wait_until(lambda: op is not None and not op.running)
                _pdf_pages(report, shooter.out, "service-report")
            window.close()
            window.deleteLater()
        finally:
            session.close()
