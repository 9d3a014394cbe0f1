"""Screenshots of the admin export page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from crdesk.gui.admin.export_page import ExportPage
from crdesk.services import access
from tools.screenshots.shooter import DemoClinic, Shooter, wait_until


def shoot_export(shooter: Shooter, demo: DemoClinic) -> None:
    session = access.unlock(demo.home, "admin", demo.password)
    try:
        page = ExportPage(session)
        shooter.save(page, "admin-export-start")
        QTest.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: not page.running)  # the preview is a background operation
        shooter.save(page, "admin-export-preview")
        page.close()
        page.deleteLater()
    finally:
        session.close()
