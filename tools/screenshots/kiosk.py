"""Screenshots of every kiosk page type (part of ``python -m tools.screenshots``).

Each screen is shot at 1366x768 (the clinic laptops) and 1920x1080, in four variants: normal,
largest text, high contrast and the pseudo-locale en-XA. Every shot is also checked by
layout_check (targets, clipped text, accessible names) and any problem is printed beside the
file name, so a glance at the output shows what to look at first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from crdesk.core.episode import Episode
from crdesk.core.forms import PSEUDO_LOCALE
from crdesk.demo.patients import demo_patients
from crdesk.gui.kiosk.accessibility import TEXT_SIZES
from crdesk.gui.kiosk.window import KioskOptions, KioskWindow
from crdesk.services import access
from crdesk.services.access import StaffCheck
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo
from tools.screenshots.layout_check import all_problems
from tools.screenshots.shooter import DemoClinic, Shooter

SIZES = ((1366, 768), (1920, 1080))
VARIANTS: tuple[tuple[str, dict[str, object]], ...] = (
    ("normal", {}),
    ("large", {"text_size": len(TEXT_SIZES) - 1}),
    ("contrast", {"high_contrast": True}),
    ("pseudo", {"locale": PSEUDO_LOCALE}),
)
Setup = Callable[[KioskWindow], None]


def _at(page: str, step: int = 0, answers: dict[str, object] | None = None,
        press_next: bool = False) -> Setup:
    def setup(window: KioskWindow) -> None:
        for qid, value in (answers or {}).items():
            window.nav.answer(qid, value)
        window.nav.fs.go_to(page)
        window.nav.step_index = step
        window.show_step()
        if press_next:
            window.go_next()
    return setup


def _screen(name: str) -> Setup:
    def setup(window: KioskWindow) -> None:
        if name == "review":
            window._on_staff_verified("review", StaffCheck(window.session.username, []))
        else:
            window.show_screen(name)
    return setup


PATIENT_SCREENS: tuple[tuple[str, Setup], ...] = (
    ("01-information", _at("information")),
    # The question about the audit has a page of its own (nacr_patient version 3).
    ("02a-audit-choice", _at("audit_choice")),
    ("02-information-errors", _at("audit_choice", press_next=True)),
    ("02b-information-opt-out", _at("audit_choice", 0, {"info_acknowledgement": "opt_out"})),
    ("03-single-prefer-not-to-say", _at("about_you", 0)),
    ("04-single-option-groups", _at("about_you", 1)),
    ("05-yes-no", _at("about_you", 3)),
    ("06-multiple-with-follow-up", _at("other_illnesses", 0, {"comorbidities": ["other"]})),
    ("07-measurement-ft-in-st-lb", _at("weight_height", 0, {"height": None})),
    ("08-measurement-error", _at("weight_height", 0, {
        "height": {"unit": "ft_in", "ft": 9, "in": 2}}, press_next=True)),
    ("09-integer-follow-up", _at("smoking", 0, {"smoking_status": "current"})),
    ("10-calculated", _at("activity", 0, {"active_days_week": 3, "active_minutes_day": 30})),
    ("11-pictorial-not-installed", _at("coop_1", 0)),
    ("12-licensed-text-not-installed", _at("hads_page_1", 0)),
    ("20-idle-warning", _screen("idle")),
    ("21-privacy", _screen("privacy")),
    ("22-exit-needs-staff", _screen("exit")),
    ("23-end-thank-you", _screen("end")),
    ("24-staff-review", _screen("review")),
)
# The patient form has no date or decimal question; the clinical form shows those widgets.
CLINICAL_SCREENS: tuple[tuple[str, Setup], ...] = (
    ("13-date", _at("body", 0)),
    ("14-decimal", _at("cholesterol", 0)),
)


def _patient(session: Session) -> tuple[int, int]:
    with session.change("patient.create", "patient"):
        pid = patients_repo.insert(session._db, next(demo_patients(1, seed=99)))
    with session.change("episode.create", "episode"):
        eid = episodes_repo.insert(session._db, Episode(None, pid, initiating_event="mi"))
    return pid, eid


def shoot_kiosk(shooter: Shooter, demo: DemoClinic) -> None:
    shoot_review_checks(shooter, demo)
    session = access.unlock(demo.home, "staff", demo.password)
    try:
        pid, eid = _patient(session)
        service = QuestionnaireService(session)
        forms = ((PATIENT_FORM, "A1", PATIENT_SCREENS), ("nacr_clinical", "A1", CLINICAL_SCREENS))
        for form_id, assessment, screens in forms:
            for variant, settings in VARIANTS:
                # Each variant says its whole look: the response being resumed keeps the
                # look a patient chose, which is not what a screenshot wants.
                look: dict[str, object] = {"text_size": 0, "high_contrast": False, **settings}
                options = KioskOptions(fullscreen=False, **look)  # type: ignore[arg-type]
                for name, setup in screens:
                    for size in SIZES:
                        opened = service.start_or_resume(
                            pid, form_id, episode_id=eid, assessment=assessment,
                            locale=options.locale or "en-GB")
                        window = KioskWindow(session, demo.home, service, opened,
                                             options=options)
                        window.start()
                        setup(window)
                        _save(shooter, window, f"kiosk-{name}-{variant}-{size[0]}x{size[1]}",
                              size)
                        window.close_released("screenshots")
                        QApplication.processEvents()
    finally:
        session.close()


def shoot_review_checks(shooter: Shooter, demo: DemoClinic) -> None:
    """The staff review after a finished questionnaire whose gender and ethnic category differ
    from the record and whose activity answers contradict each other (issue 10)."""
    import datetime as dt
    import random
    from dataclasses import replace

    from crdesk.demo.answers import Persona, fill

    session = access.unlock(demo.home, "staff", demo.password)
    try:
        with session.change("patient.create", "patient"):
            pid = patients_repo.insert(session._db, replace(
                next(demo_patients(1, seed=98)), gender="1", ethnic_category="A"))
        with session.change("episode.create", "episode"):
            eid = episodes_repo.insert(session._db, Episode(None, pid, initiating_event="mi"))
        service = QuestionnaireService(session)
        opened = service.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
        rng = random.Random(4)
        answers = fill(opened.form_session.form, {"assessment": "A1"}, Persona.draw(rng), rng,
                       dt.date.today())
        answers.update(gender="female", ethnic_category="asian_indian", active_days_week=3,
                       active_minutes_day=20, reaches_150_minutes="yes")
        for qid, value in answers.items():
            service.answer(opened, qid, value)
        service.finish(opened)
        for size in SIZES:
            window = KioskWindow(session, demo.home, service, opened,
                                 options=KioskOptions(fullscreen=False))
            window.start()
            window._on_staff_verified("review", StaffCheck(session.username, []))
            _save(shooter, window, f"kiosk-25-staff-review-checks-{size[0]}x{size[1]}", size)
            window.close_released("screenshots")
            QApplication.processEvents()
    finally:
        session.close()


def _save(shooter: Shooter, window: KioskWindow, name: str, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(3):
        QApplication.processEvents()
    path = shooter.out / f"{name}.png"
    window.grab().save(str(path))
    problems = all_problems(window)
    print(path, *(f"\n  PROBLEM {p}" for p in problems))
