"""The shared "say why" dialog (clear opt-out, restrict/release, purge): Save hands the
reason to the service and closes only when it is accepted; a refused reason keeps the
dialog open with the service's message; Escape cancels without calling the service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from crdesk.errors import KnownError
from crdesk.gui.staff.reason_dialog import ReasonDialog


def _dialog(qtbot: QtBot, saved: list[str]) -> ReasonDialog:
    def save(reason: str) -> None:
        if not reason:
            raise KnownError("A reason is needed.", "Say why.")
        saved.append(reason)

    dialog = ReasonDialog(save, title="Do the thing", explain=["First.", "Second."],
                          label="&Reason", placeholder="For example: because")
    qtbot.addWidget(dialog)
    return dialog


def test_the_reason_is_required_and_handed_over(qtbot: QtBot) -> None:
    saved: list[str] = []
    dialog = _dialog(qtbot, saved)
    dialog.open()
    dialog.save()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "A reason is needed." in dialog.message.plain_text()
    reason = dialog.grid.fields["reason"]
    assert isinstance(reason, QPlainTextEdit)
    assert reason.objectName() == "reason" and reason.accessibleName() == "Reason"
    reason.setPlainText("  because the patient asked \n")
    dialog.save()
    assert saved == ["because the patient asked"]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_escape_cancels_without_saving(qtbot: QtBot) -> None:
    saved: list[str] = []
    dialog = _dialog(qtbot, saved)
    dialog.open()
    qtbot.waitExposed(dialog)
    reason = dialog.grid.fields["reason"]
    assert isinstance(reason, QPlainTextEdit)
    reason.setPlainText("typed, then thought better of it")
    reason.setFocus()
    qtbot.keyClick(reason, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected and saved == []
