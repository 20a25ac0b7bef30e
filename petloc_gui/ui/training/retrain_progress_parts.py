"""Pieces of the Retraining window (`retrain_progress`): how its time left reads, its log's font, and its log
kept at its end when the result takes its room."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

ALMOST_DONE = "almost done"  # under a second left: shown no longer than the silence limit (`quiet_note`)


def format_eta(seconds: float | None) -> str:
    """"1 min 05 s left", or "" while unknown."""
    if seconds is None or seconds != seconds or seconds < 0:
        return ""
    seconds = round(float(seconds))  # float(): a numpy float would round to a float
    if seconds < 1:
        return ALMOST_DONE
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


def log_end_kept(log: QPlainTextEdit, then: Callable[[], None]) -> Callable[[], None]:
    """Asked before the log is made smaller: what puts a log that was at its end (followed while the run went)
    back at its end once laid out, then does ``then``; one the user scrolled up stays where it is. Shrunk for
    the result at scale 1.5, the log kept its scroll value and showed lines from its middle, the run's last
    epochs out of view."""
    bar = log.verticalScrollBar()
    followed = bar.value() == bar.maximum()

    def again() -> None:
        if followed:
            bar.setValue(bar.maximum())
        then()

    return again
