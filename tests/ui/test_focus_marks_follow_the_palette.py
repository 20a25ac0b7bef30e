"""The Images table and the Dataset panel's scrolled body are framed by a style sheet while they have the
keyboard (`TABLE_FOCUS_MARK`, `scrolled_panel.focus_mark`). A widget with a style sheet kept the palette it had
when the sheet was applied: after the application's palette turned dark while petloc ran (the desktop's dark
mode), the table stayed white with black text. Their colours follow the application's palette."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.review.scrolled_panel import ScrolledPanel

DARK = {QPalette.ColorRole.Window: "#303030", QPalette.ColorRole.Base: "#202020",
        QPalette.ColorRole.Text: "#e0e0e0", QPalette.ColorRole.WindowText: "#e0e0e0",
        QPalette.ColorRole.Highlight: "#2a82da", QPalette.ColorRole.Mid: "#555555"}


@pytest.fixture
def dark_later(qapp):
    """Turns the application's palette dark when called; the palette it had is put back after the test."""
    before = QPalette(qapp.palette())

    def turn_dark() -> None:
        dark = QPalette(before)
        for role, colour in DARK.items():
            dark.setColor(role, QColor(colour))
        qapp.setPalette(dark)
        QApplication.processEvents()

    yield turn_dark
    qapp.setPalette(before)
    QApplication.processEvents()


def _colours(widget) -> tuple[str, str, str]:
    palette = widget.palette()
    return tuple(palette.color(role).name() for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Text,
                                                         QPalette.ColorRole.Window))


def test_the_images_table_follows_a_palette_turned_dark(qtbot, dark_later):
    dock = FileListDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    assert _colours(dock.view) != ("#202020", "#e0e0e0", "#303030")
    dark_later()
    qtbot.waitUntil(lambda: _colours(dock.view) == ("#202020", "#e0e0e0", "#303030"), timeout=2000)
    assert _colours(dock.view.viewport())[:2] == ("#202020", "#e0e0e0")


def test_the_scrolled_panel_follows_a_palette_turned_dark(qtbot, dark_later):
    body = QLabel("figures")
    panel = ScrolledPanel(body, "dataset_scroll", "Dataset")
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    dark_later()
    qtbot.waitUntil(lambda: _colours(panel) == ("#202020", "#e0e0e0", "#303030"), timeout=2000)
    assert _colours(body)[1:] == ("#e0e0e0", "#303030")
