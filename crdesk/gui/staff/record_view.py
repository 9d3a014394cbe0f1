"""One patient's record: who they are, their referrals, assessments, progress and goals.

Opening the record (and every reload) is audited by PatientService.open. Split by job:
this module builds the page and holds the episodes, assessments and questionnaires; the
opt-out, restriction, subject-access and goal dialogs are record_dialogs.RecordDialogs and
the progress report (print, save as PDF) is record_report.ReportActions, both mixed in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.care_status import STATUS_LABELS, status
from crdesk.core.episode import Episode
from crdesk.core.nhs_number import format_nhs
from crdesk.core.validation import uk_date
from crdesk.errors import KnownError
from crdesk.gui.flow_layout import FlowLayout
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.assessments_panel import AssessmentsPanel
from crdesk.gui.staff.episode_editor import EpisodeDialog
from crdesk.gui.staff.goals_panel import GoalsPanel
from crdesk.gui.staff.opt_out_panel import (
    ContactPanel,
    OptOutBanner,
)
from crdesk.gui.staff.paper_print import PrintQuestionnaireButton
from crdesk.gui.staff.patient_editor import PatientEditor
from crdesk.gui.staff.progress_panel import ProgressPanel
from crdesk.gui.staff.record_dialogs import RecordDialogs
from crdesk.gui.staff.record_report import ReportActions
from crdesk.gui.staff.staff_form import ClinicalDialog
from crdesk.gui.widgets import MessageLabel, heading, secondary_button
from crdesk.services.clinical import ClinicalService
from crdesk.services.contacts import ContactService
from crdesk.services.episodes import EpisodeService, option_label
from crdesk.services.field_errors import FieldErrors
from crdesk.services.goals import GoalService
from crdesk.services.opt_out import OptOutService
from crdesk.services.patients import PatientRecord, PatientService
from crdesk.services.progress import progress_view
from crdesk.services.questionnaires import PATIENT_FORM
from crdesk.services.records import RecordsService
from crdesk.services.session import Session

KIND_WORDS = {"A1": "assessment 1", "A2": "assessment 2", "A3": "assessment 3"}


class _Tabs(QTabWidget):
    """The record's tabs: their height is what is left, never asked of their pages."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False


class PatientRecordView(RecordDialogs, ReportActions, QWidget):
    """Signals:
        back_requested(): return to the patient list.
        changed(): something in the record was saved (the list should refresh).
    """

    back_requested = Signal()
    changed = Signal()

    def __init__(self, session: Session, patient_id: int, *, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report_operation: Operation[None] | Operation[bytes] | None = None
        self.print_dialog: QPrintDialog | None = None
        self.saved_box: QMessageBox | None = None
        self._printer: QPrinter | None = None
        self.session = session
        self.patient_id = patient_id
        self._today = today
        self.patients = PatientService(session, today)
        self.episodes = EpisodeService(session, today)
        self.clinical = ClinicalService(session, today=today)
        self.goal_service = GoalService(session, today)
        self.opt_outs = OptOutService(session, today)
        self.contacts = ContactService(session)
        self.records = RecordsService(session)
        self.restricted = False
        self.copy_operation: Operation[tuple[Path, Path]] | None = None
        self.record: PatientRecord | None = None
        self.kiosk: QWidget | None = None
        self.setAccessibleName(translate("PatientRecordView", "Patient record"))
        # The whole record scrolls up and down when the screen is short of height (large
        # text on a 768-pixel screen, the rows of buttons wrapped): the window then keeps
        # the screen's height and nothing is squeezed. With room, there is no scroll bar and
        # the tabs take the height left.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.page_scroll)
        body = QWidget(self.page_scroll)
        self.page_scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(24, 14, 24, 14)
        lay.setSpacing(8)
        top = QHBoxLayout()
        self.back_button = secondary_button(translate("PatientRecordView", "← &Patient list"),
                translate("PatientRecordView", "Back to the patient list"), body)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.title = heading("", "screenTitle", body)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        self.kiosk_button = QPushButton(translate("PatientRecordView", "Start &questionnaire"),
                                        body)
        self.kiosk_button.clicked.connect(self.start_questionnaire)
        self.print_button = secondary_button(translate("PatientRecordView", "P&rint report…"),
                translate("PatientRecordView", "Print the progress report"), body)
        self.print_button.clicked.connect(lambda: self.print_report())
        self.report_button = secondary_button(translate("PatientRecordView", "Save as PD&F…"),
                translate("PatientRecordView", "Save the progress report as PDF"), body)
        self.report_button.clicked.connect(self.choose_report_file)
        # Staff entry (telephone, video, paper typed in): crdesk/gui/staff/questionnaire_entry.
        self.entry_button = secondary_button(translate("PatientRecordView",
                "En&ter questionnaire…"), translate("PatientRecordView",
                "Enter questionnaire for this patient (telephone, video or paper)"), body)
        self.entry_button.clicked.connect(self.enter_questionnaire)
        # Records management (issue 17): restriction for the clinical team, the
        # subject-access copy for an admin (it holds the audit log: admins only).
        # One button with a menu: two more buttons would not fit 1366 px in a 40 % longer
        # language.
        self.records_button = secondary_button(translate("PatientRecordView", "Rec&ord…"),
                translate("PatientRecordView", "Restrict the record, or copy it for the "
                                               "patient"), body)
        records_menu = QMenu(self.records_button)
        self.restrict_action = records_menu.addAction(
            translate("PatientRecordView", "Restr&ict record…"))
        self.restrict_action.triggered.connect(lambda: self.restrict())
        self.copy_action = records_menu.addAction(translate(
            "PatientRecordView", "Cop&y of everything held (subject access)…"))
        self.copy_action.triggered.connect(self.choose_copy_file)
        self.copy_action.setVisible(session.is_admin)
        self.records_button.setMenu(records_menu)
        lay.addLayout(top)
        # The actions have a row of their own under the name: a long name and the buttons
        # in a 40 % longer language do not fit one 1366 px row. The row wraps (at the large
        # text size, or in a longer language) rather than widen the window past the screen.
        actions = FlowLayout()
        actions.addWidget(self.kiosk_button)
        actions.addWidget(self.entry_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.report_button)
        actions.addWidget(self.records_button)
        self.message = MessageLabel(translate("PatientRecordView", "Record message"), body)
        self.paper_button = PrintQuestionnaireButton(session, self.paper_target, self.message,
                                                     body)
        self.identity = QLabel("", body)
        self.identity.setWordWrap(True)
        self.identity.setAccessibleName(translate("PatientRecordView", "Patient identifiers"))
        lay.addWidget(self.identity)
        # The referral's controls follow the actions in the same flow, kept together (and
        # the label with its box), so that wrapped they take as few rows as they can.
        group = QWidget(body)
        bar = FlowLayout(group)
        chooser = QWidget(group)
        chooser_lay = QHBoxLayout(chooser)
        chooser_lay.setContentsMargins(0, 0, 0, 0)
        chooser_lay.addWidget(QLabel(translate("PatientRecordView", "Referral:"), chooser))
        self.episode_box = QComboBox(chooser)
        self.episode_box.setAccessibleName(translate("PatientRecordView", "Referral episode"))
        # Room for "MI (NSTEMI) - referred 16/01/2026" at the normal text size; narrow
        # enough for the referral row to fit 1366 px at the large one (the list shows all).
        self.episode_box.setMinimumWidth(240)
        self.episode_box.currentIndexChanged.connect(self._episode_chosen)
        chooser_lay.addWidget(self.episode_box)
        bar.addWidget(chooser)
        self.new_episode_button = secondary_button(translate("PatientRecordView",
                "&New referral…"), translate("PatientRecordView", "New referral"), body)
        self.edit_episode_button = secondary_button(translate("PatientRecordView",
                "&Edit referral…"), translate("PatientRecordView", "Edit referral"), body)
        self.new_episode_button.clicked.connect(lambda: self.edit_episode(None))
        self.edit_episode_button.clicked.connect(lambda: self.edit_episode(self.episode_id))
        bar.addWidget(self.new_episode_button)
        bar.addWidget(self.edit_episode_button)
        actions.addWidget(group)
        # The paper copy of the referral's next questionnaire.
        actions.addWidget(self.paper_button)
        lay.addLayout(actions)
        lay.addWidget(self.message)
        self.opt_out_banner = OptOutBanner(body)
        self.opt_out_banner.confirm_requested.connect(self.confirm_opt_out)
        self.opt_out_banner.clear_requested.connect(self.clear_opt_out)
        lay.addWidget(self.opt_out_banner)
        self.tabs = _Tabs(body)
        self.assessments = AssessmentsPanel(body)
        self.progress = ProgressPanel(body)
        self.goals = GoalsPanel(body)
        self.details = PatientEditor(self.patients, None, body)
        self.contact = ContactPanel(self.contacts.save, body)
        # The assessments scroll up and down when the record is short of height (large text
        # with an opt-out banner on a 768-pixel screen) instead of squeezing their rows.
        self.assessments_scroll = QScrollArea(body)
        self.assessments_scroll.setWidgetResizable(True)
        self.assessments_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.assessments_scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assessments_scroll.setWidget(self.assessments)
        self.tabs.addTab(self.assessments_scroll, translate("PatientRecordView",
                                                            "Referral and &assessments"))
        self.tabs.addTab(self.progress, translate("PatientRecordView", "Pro&gress"))
        self.tabs.addTab(self.goals, translate("PatientRecordView", "Goa&ls"))
        self.tabs.addTab(self.details, translate("PatientRecordView", "Patient &details"))
        self.tabs.addTab(self.contact, translate("PatientRecordView", "&Contact"))
        # The tabs take the height left, down to a floor of a dozen lines; below that the
        # record scrolls. (Their own preferred height does not count, nor their pages'
        # height for a width (_Tabs): counted, the record scrolled at the normal text size.)
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(12 * self.fontMetrics().lineSpacing())
        lay.addWidget(self.tabs, 1)
        self.assessments.measures_requested.connect(self.enter_measures)
        self.assessments.due_changed.connect(self._set_due)
        self.goals.add_requested.connect(self.add_goal)
        self.goals.edit_requested.connect(self.edit_goal)
        self.goals.review_requested.connect(self.review_goal)
        self.details.saved.connect(self._details_saved)
        ensure_accessible_names(self)
        self.reload()

    # ---- reading --------------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def episode_id(self) -> int | None:
        data = self.episode_box.currentData()
        return None if data is None else int(data)

    def reload(self) -> None:
        keep = self.episode_id
        record = self.patients.open(self.patient_id)
        self.record = record
        p = record.patient
        self.title.setText(f"{p.family_name.upper()}, {p.given_name}")
        self.title.setAccessibleName(self.title.text())
        nhs = format_nhs(p.nhs_number) if p.nhs_number else "not recorded"
        self.details.show_patient(p)
        self.opt_out_banner.show_status(record.opt_out)
        if record.contact is not None:
            self.contact.show_contact(record.contact)
        self.episode_box.blockSignals(True)
        self.episode_box.clear()
        for e in record.episodes:
            self.episode_box.addItem(
                translate("PatientRecordView", "{event} - referred {date}").format(
                    event=option_label("initiating_event", e.initiating_event)
                    or translate("PatientRecordView", "Referral"),
                    date=uk_date(e.referral_date)
                    or translate("PatientRecordView", "date not recorded")), e.id)
        if keep is not None and self.episode_box.findData(keep) >= 0:
            self.episode_box.setCurrentIndex(self.episode_box.findData(keep))
        else:
            self.episode_box.setCurrentIndex(self.episode_box.count() - 1)
        self.episode_box.blockSignals(False)
        state = translate("PatientRecordView", "Referred")
        if record.episodes:
            e = record.episodes[-1]
            dates = record.assessments.get(e.id or 0, {})
            state = STATUS_LABELS[status(e.outcome, e.programme_start, e.programme_end,
                                         dates, self.today)]  # type: ignore[arg-type]
        if record.opt_out is not None and record.opt_out.excluded:
            state += " · " + translate("PatientRecordView", "not sent to NACR")
        self.restricted = self.records.is_restricted(self.patient_id)
        if self.restricted:
            state += " · " + translate("PatientRecordView",
                                       "RESTRICTED: held back from exports and saved reports")
        self.restrict_action.setText(
            translate("PatientRecordView", "Release restr&iction…") if self.restricted
            else translate("PatientRecordView", "Restr&ict record…"))
        self.identity.setText(translate(
            "PatientRecordView",
            "NHS number {nhs}  ·  born {born}  ·  hospital number {hospital}  ·  {state}",
        ).format(nhs=nhs, born=uk_date(p.date_of_birth), hospital=p.hospital_number or "—",
                 state=state))
        self._episode_chosen()

    @Slot()
    def _episode_chosen(self) -> None:
        eid = self.episode_id
        has = eid is not None and self.record is not None
        for w in (self.edit_episode_button, self.kiosk_button, self.entry_button,
                  self.print_button, self.report_button, self.paper_button, self.assessments,
                  self.progress, self.goals):
            w.setEnabled(has)
        if not has or self.record is None or eid is None:
            self.kiosk_button.setText(translate("PatientRecordView", "Start questionnaire"))
            return
        self.assessments.show_episode(self.record, eid, self.today)
        self.progress.show_view(progress_view(self.session, self.record, eid, self.today))
        self.goals.set_goals([g for g in self.record.goals if g.episode_id == eid])
        kind = self.next_questionnaire()
        self.kiosk_button.setText(translate("PatientRecordView",
                "Start questionnaire ({kind})").format(kind=kind) if kind
                                  else translate("PatientRecordView", "Start questionnaire"))
        self.kiosk_button.setEnabled(kind is not None)
        self.paper_button.setEnabled(kind is not None)
        self.kiosk_button.setAccessibleName(self.kiosk_button.text().replace("&", ""))

    def next_questionnaire(self) -> str | None:
        """The first assessment of this episode whose questionnaire is not finished (the
        clinical measures may be in already: they date the assessment too)."""
        if self.record is None or self.episode_id is None:
            return None
        rows = self.record.assessments.get(self.episode_id, {})
        finished = {int(str(v["id"])) for v in rows.values()} & {
            r.assessment_id for r in self.record.responses
            if r.form_id == PATIENT_FORM and r.status != "draft" and r.assessment_id}
        done = {k for k, v in rows.items() if int(str(v["id"])) in finished}
        return next((k for k in ("A1", "A2", "A3") if k not in done), None)

    def paper_target(self) -> tuple[int, int, str] | None:
        """The paper questionnaire to print: this episode's next assessment."""
        kind = self.next_questionnaire()
        return None if kind is None or self.episode_id is None else (
            self.patient_id, self.episode_id, kind)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    @Slot(int)
    def _details_saved(self, _pid: int) -> None:
        self._changed()

    # ---- episodes and assessments ---------------------------------------------------------

    def edit_episode(self, episode_id: int | None) -> EpisodeDialog:
        assert self.record is not None
        episode = (self.record.episode(episode_id) if episode_id is not None else None) \
            or Episode(None, self.patient_id)
        dialog = EpisodeDialog(self.episodes, episode, self)
        dialog.accepted.connect(lambda: self._episode_saved(dialog.saved_id))
        dialog.open()
        return dialog

    def _episode_saved(self, episode_id: int | None) -> None:
        self.reload()
        if episode_id is not None:
            self.episode_box.setCurrentIndex(self.episode_box.findData(episode_id))
        self.changed.emit()

    @Slot(str, str)
    def _set_due(self, kind: str, text: str) -> None:
        if self.episode_id is None or not text:
            return
        try:
            self.episodes.set_due_date(self.episode_id, kind, text)
        except FieldErrors as exc:
            self.assessments.warnings[kind].show_error(next(iter(exc.problems.values())),
                                                        from_service=True)
            return
        self._changed()

    @Slot(str)
    def enter_measures(self, kind: str) -> ClinicalDialog | None:
        if self.episode_id is None:
            return None
        dialog = ClinicalDialog(self.clinical, self.patient_id, self.episode_id, kind, self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    @Slot()
    def start_questionnaire(self) -> None:
        """Hand the laptop to the patient for the next assessment's questionnaire."""
        if self.episode_id is None or self.record is None:
            return
        kind = self.next_questionnaire()
        if kind is None:
            return
        try:
            from crdesk.gui.kiosk import start_kiosk
        except ImportError:
            QMessageBox.information(self, translate("PatientRecordView", "Questionnaire"),
                                    translate("PatientRecordView",
                                              "The patient questionnaire screen is not available "
                                              "in this version of crdesk."))
            return
        # The application's auto-lock, when the shell exposes it, is paused by the kiosk
        # (which has its own privacy screen) and re-armed when staff close it.
        autolock = getattr(self.window(), "autolock", None)
        try:
            self.kiosk = start_kiosk(self.session, self.session.home, self.patient_id,
                                     episode_id=self.episode_id, assessment=kind, parent=self,
                                     autolock=autolock)
        except KnownError as exc:  # e.g. staff are typing this questionnaire in
            self.message.show_known(exc)
            return
        closed = getattr(self.kiosk, "closed", None)
        if closed is not None:
            closed.connect(self._kiosk_closed)

    @Slot()
    def enter_questionnaire(self) -> QWidget | None:
        """Staff type in the questionnaire (telephone, video, in person, or from paper)."""
        if self.episode_id is None:
            return None
        from crdesk.gui.staff.questionnaire_entry import enter_questionnaire
        from crdesk.services.staff_entry import StaffEntryService

        return enter_questionnaire(StaffEntryService(self.session, today=self._today),
                                   self.patient_id, self.episode_id, self.next_questionnaire(),
                                   self, self._entry_closed)

    def _entry_closed(self) -> None:
        if self.session.is_open:
            self._changed()

    def _kiosk_closed(self, reason: object = "") -> None:
        self.kiosk = None
        if reason == "lost":
            # The kiosk's window was taken away (never by staff): lock, so that whoever is
            # at the laptop meets the sign-in screen, not the staff workspace.
            lock = getattr(self.window(), "lock_requested", None)
            if lock is not None:
                lock.emit()
                return
        if self.session.is_open:
            self._changed()
