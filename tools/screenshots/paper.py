"""Screenshots of the paper questionnaire: the patient record with its "Print blank
questionnaire…" menu, and every page of the printed PDF for assessments 1 and 2, in normal
and large print (``paper-<form>-a<N>-<normal|large>-page<n>.png``).

Also runnable alone, without the rest of ``make screenshots``::

    python -m tools.screenshots.paper OUTDIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from crdesk.gui.main_window import MainWindow
from crdesk.gui.pages import install_pages
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.services import access
from crdesk.services.paper_forms import questionnaire_pdf_for
from tools.screenshots.alone import run_alone
from tools.screenshots.dashboard import _pdf_pages
from tools.screenshots.shooter import DemoClinic, Shooter

FORMS = ("nacr_patient", "phq9")


def shoot_paper(shooter: Shooter, demo: DemoClinic) -> None:
    session = access.unlock(demo.home, "staff", demo.password)
    try:
        window = MainWindow(session)
        install_pages(window, session)
        window.show_page("patients")
        page = window.page("patients")
        assert isinstance(page, PatientsPage)
        page.reload_list()
        model = page.list.model
        summary = model.summary(0)
        record = page.open_patient(summary.id)
        shooter.save(window, "staff-record-paper-button")
        menu = record.paper_button.menu()
        assert menu is not None
        menu.popup(record.paper_button.mapToGlobal(record.paper_button.rect().bottomLeft()))
        shooter.save_as_is(menu, "staff-record-paper-menu")
        menu.hide()
        episode = record.episode_id
        assert episode is not None
        with tempfile.TemporaryDirectory(prefix="crdesk-shots-paper-") as tmp:
            for form in FORMS:
                for kind in ("A1", "A2"):
                    for large in (False, True):
                        pdf = questionnaire_pdf_for(session, summary.id, episode, form, kind,
                                                    named=large, large=large)
                        path = Path(tmp) / "q.pdf"
                        path.write_bytes(pdf)
                        size = "large" if large else "normal"
                        _pdf_pages(path, shooter.out, f"paper-{form}-{kind.lower()}-{size}")
        window.close()
    finally:
        session.close()


def main(argv: list[str]) -> int:
    return run_alone(argv, "paper", shoot_paper, patients=4)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
