"""Two pieces of the Retraining window (`retrain_progress`): how its time left reads, and its log's font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication


def format_eta(seconds: float | None) -> str:
    """"1 min 05 s left", or "" while unknown."""
    if seconds is None or seconds != seconds or seconds < 0:
        return ""
    seconds = round(float(seconds))  # float(): a numpy float would round to a float
    if seconds < 1:
        return "almost done"
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min left"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s left"
    return f"{seconds} s left"


def log_font() -> QFont:
    """The system's fixed-pitch font (the figures line up) at the app's size: a fixed 8 pt ignored the user's."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = QGuiApplication.font().pointSizeF()
    if size > 0:  # -1: the app font set in pixels, the fixed font's own size kept
        font.setPointSizeF(size)
    return font
