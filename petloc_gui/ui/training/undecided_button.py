"""The status-bar button that says a finished run's new model still waits for Use / Discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStyle, QToolButton

from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE, RetrainProgress


class UndecidedButton(QToolButton):
    """Shown in the main window's status bar while the Retraining window is put away with its new
    model undecided; a click brings the choice back.

    A temporary status message is not enough: Qt replaces it with the status tip of any menu item
    the pointer passes (an empty one clears it), so following the note's own advice (Model → Show
    training progress) wiped it. This stays until the window is shown again or the choice is made.
    """

    def __init__(self, progress: RetrainProgress, show_choice: Callable[[], object]) -> None:  # its return is not used
        super().__init__()
        self.setText("New model: not kept yet")
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # a button, not a status text
        self.setToolTip(UNDECIDED_NOTE)
        self.setAutoRaise(True)
        self.clicked.connect(show_choice)
        progress.set_aside.connect(self.show)
        progress.decided.connect(self.hide)
        progress.installEventFilter(self)  # shown again: the choice is in front of the user
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Show:
            self.hide()
        return False
