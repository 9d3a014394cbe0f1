"""Screenshots of the staff and admin screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

from crdesk.gui.main_window import MainWindow
from crdesk.gui.pages import install_pages
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.services import access
from crdesk.services.reports import default_report_name
from crdesk.services.worklist import opt_outs_to_confirm
from tools.screenshots.shooter import DemoClinic, Shooter


def _dialog(shooter: Shooter, dialog: QDialog, name: str) -> None:
    shooter.save_as_is(dialog, name)
    # Closed without asking: a form with entries would otherwise ask before discarding them.
    dialog.done(QDialog.DialogCode.Rejected)


def shoot_staff(shooter: Shooter, demo: DemoClinic) -> None:
    session = access.unlock(demo.home, "staff", demo.password)
    try:
        window = MainWindow(session)
        install_pages(window, session)
        window.show_page("patients")
        page = window.page("patients")
        assert isinstance(page, PatientsPage)
        page.reload_list()
        shooter.save(window, "staff-patients-list")
        page.list.search.setText("999")
        shooter.save(window, "staff-patients-search")
        page.list.search.setText("")
        model = page.list.model
        # The record of a patient with both assessments, so every tab has something in it.
        row = next(r for r in range(model.rowCount())
                   if model.summary(r).assessments.get("A2", {}).get("done_date"))
        record = page.open_patient(model.summary(row).id)
        shooter.save(window, "staff-record-assessments")
        record.tabs.setCurrentWidget(record.progress)
        shooter.save(window, "staff-record-progress")
        record.tabs.setCurrentWidget(record.goals)
        shooter.save(window, "staff-record-goals")
        record.tabs.setCurrentWidget(record.details)
        shooter.save(window, "staff-record-details")
        record.tabs.setCurrentWidget(record.contact)
        shooter.save(window, "staff-record-contact")
        # The demo clinic's patient who opted out at the kiosk (crdesk/demo/opt_outs.py).
        waiting = opt_outs_to_confirm(session)
        assert waiting, "the demo clinic has an opt-out to confirm"
        record = page.open_patient(waiting[0].patient_id)
        shooter.save(window, "staff-record-opt-out-to-confirm")
        confirm = record.confirm_opt_out()
        assert confirm is not None
        confirm.grid.fields["opt_out_date"].setText("")  # type: ignore[union-attr]
        confirm.save()
        _dialog(shooter, confirm, "staff-opt-out-confirm-error")
        clear = record.clear_opt_out()
        clear.save()
        _dialog(shooter, clear, "staff-opt-out-clear-error")
        measures = record.enter_measures("A2")
        assert measures is not None
        measures.resize(1366, 768)
        measures.form.set_text("weight", "900")
        measures.form.set_text("height", "172")  # no BMI from the refused weight
        measures.save()
        shooter.save_as_is(measures, "staff-clinical-measures-error")
        measures.reject()  # entries not saved: it asks first
        assert measures.discard_box is not None
        _dialog(shooter, measures.discard_box, "staff-clinical-measures-discard")
        measures.done(QDialog.DialogCode.Rejected)
        # The NACR fields of issue 10: cardiac history, heart-failure detail, blood tests.
        first = record.enter_measures("A1")
        assert first is not None
        first.resize(1366, 768)
        first.form.choose("has_heart_failure", "yes")
        first.form.commit("has_heart_failure")
        first.show()
        scroll = first.findChild(QScrollArea)
        assert scroll is not None
        QApplication.processEvents()
        scroll.ensureWidgetVisible(first.form.fields["heart_failure_type"].container, 0, 40)
        _dialog(shooter, first, "staff-clinical-measures-a1-history")
        episode = record.edit_episode(record.episode_id)
        episode.resize(1366, 768)
        _dialog(shooter, episode, "staff-episode-editor")
        goal = record.add_goal()
        assert goal is not None
        goal.save()
        _dialog(shooter, goal, "staff-goal-new-empty")
        if record.goals.goals:
            review = record.review_goal(record.goals.goals[0].id)
            review.save()  # no outcome chosen: the summary at the top says so
            _dialog(shooter, review, "staff-goal-review-unchosen")
        # The confirmation after "Save as PDF…" (shown here without writing a report).
        record._saved_box(Path.home() / "Documents" / default_report_name(record.today))
        assert record.saved_box is not None
        _dialog(shooter, record.saved_box, "staff-report-saved")
        page.show_list()
        page.new_patient()
        page.editor.grid.fields["nhs_number"].setText("123 456 7890")  # type: ignore[union-attr]
        page.editor.grid.fields["date_of_birth"].setText("01/01/2090")  # type: ignore[union-attr]
        page.editor.save()
        shooter.save(window, "staff-new-patient-errors")
        window.close()
    finally:
        session.close("logout")


def shoot_admin(shooter: Shooter, demo: DemoClinic) -> None:
    session = access.unlock(demo.home, "admin", demo.password)
    try:
        window = MainWindow(session)
        install_pages(window, session)
        for key in ("users", "settings", "audit"):
            window.show_page(key)
            shooter.save(window, f"admin-{key}")
        users: QWidget = window.page("users")
        dialog = users.add_user()  # type: ignore[attr-defined]
        dialog.resize(800, 420)
        _dialog(shooter, dialog, "admin-add-user")
        window.close()
    finally:
        session.close("logout")
