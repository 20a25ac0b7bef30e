"""The non-modal window that follows a training run: progress, ETA, curves, log, result."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.app.child_silence import PREPARING_FLOOR_S, QUIET_FLOOR_S
from petloc_gui.app.model_metrics import accepted_names
from petloc_gui.app.training_eta import TrainingEta
from petloc_gui.core.text import visible
from petloc_gui.ui.training.curves_chart import CurvesChart
from petloc_gui.ui.training.model_comparison import ModelComparison
from petloc_gui.ui.training.progress_placement import ProgressPlacement
from petloc_gui.ui.training.quiet_note import ChildOutput, QuietNote
from petloc_gui.ui.training.retrain_progress_parts import format_eta as format_eta
from petloc_gui.ui.training.retrain_progress_parts import log_end_kept, log_font
from petloc_gui.ui.training.run_log import (
    CURVES_TITLE,
    ValidationParts,
    accepted_lines,
    epoch_line,
    start_lines,
    status_text,
)
from petloc_gui.ui.training.scrolled_parts import ScrolledParts
from petloc_gui.ui.window_geometry import fit_into, frame_extra

LOG_MAX_LINES = 2000
ETA_REFRESH_MS = 1000  # the time left counts down between events (validation, final scoring)
LOG_MIN_PX = 40  # the log's height when the result needs room (two lines; it gives up its room first)
# The main window's word, once this window is put away before Use / Discard: closing it decides nothing.
UNDECIDED_NOTE = ("The new model is not kept yet: Model → Show training progress to use or discard it "
                  "(Model → Versions marks it \"new: not kept yet\").")


class RetrainProgress(QDialog):
    """Shows one run; emits ``cancel_requested``; hosts the old/new comparison.

    Escape, Close and the title bar's × only hide it: a run goes on, and a
    new model waiting for Use / Discard stays (``set_aside`` says so).
    """

    cancel_requested = Signal()
    set_aside = Signal()  # hidden by the user while the new model waits for Use / Discard
    decided = Signal()  # the new model was used or discarded (`show_decided`)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Retraining")
        self.setModal(False)
        # A window of its own (title bar, movable, own background) next to the main
        # window, never a child painted over the photo: the user keeps reviewing.
        self.setWindowFlags(Qt.WindowType.Window)
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        # Never taller or wider than the screen (title bar and borders allowed for).
        self.resize(min(720, area.width() - 16) if area else 720, min(640, area.height() - 64) if area else 640)
        self.status = QLabel("Starting the training process…")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # its events and refusals name classes: words, not markup
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.eta = QLabel("")
        self.quiet = QuietNote()  # a child silent past its limit (stopped, stuck): said under the bar
        self.chart = CurvesChart()
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setMaximumBlockCount(LOG_MAX_LINES)
        # wrapped: a line of figures or of validation images was cut off at the right, behind a scroll bar
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log.setMinimumHeight(LOG_MIN_PX)
        self.log.setFont(log_font())
        self.log.setPlaceholderText("Training log")
        self.log.setAccessibleName("Training log")  # a placeholder is no name, and it goes with the first line
        self.comparison = ModelComparison()
        self.comparison.hide()
        self.cancel_button = QPushButton("C&ancel training")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.close_button = QPushButton("&Close")
        self.close_button.clicked.connect(self.hide)
        self.close_button.setToolTip("Hide this window; training goes on in the background")

        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.eta)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)  # the user shares it out between them
        splitter.addWidget(self.chart)
        splitter.addWidget(self.log)
        splitter.setChildrenCollapsible(False)
        self.body = ScrolledParts(splitter, self.comparison)  # scrolls where the screen's room is short
        self.comparison.reached_by_shortcut.connect(lambda: self.body.bring_into_sight(QApplication.focusWidget()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        layout.addWidget(self.quiet)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)  # Cancel and Close always in sight
        self.clock = time.monotonic  # tests drive the time left with their own clock
        self._eta = TrainingEta()
        self._eta_timer = QTimer(self)
        self._eta_timer.setInterval(ETA_REFRESH_MS)
        self._eta_timer.timeout.connect(self._show_eta)
        self.quiet.timer.timeout.connect(self._check_quiet)
        # the silence said before the first batch, and after (`app.child_silence`): tests shorten them
        self.preparing_quiet_after_s, self.quiet_after_s = PREPARING_FLOOR_S, QUIET_FLOOR_S
        self._epochs = 1
        self._steps = 1
        self.placement = ProgressPlacement(self)  # beside the main window, on the screen
        self._first_model = False  # the run is a folder's first model: nothing to compare it with
        self._comparison_event: dict[str, Any] = {}  # the run's "comparison" event: what its figures rest on
        self._parts = ValidationParts()  # the run's validation parts (its start event)
        self._cancelling = False  # a cancel asked: the child's last events move neither the bar nor the time left
        # a result that came while the window was hidden: fitted in (`_fit_result`) once the window is shown
        self._result_to_fit: Callable[[], None] | None = None

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        # 720 x 640 is taller than a 1.5x-scaled 1000 px screen. Fitted once the window
        # manager has framed it (the frame's size is known only then).
        QTimer.singleShot(0, self, self.placement.fit_on_screen)
        if self._result_to_fit is not None:  # hidden when it came: neither laid out nor grown for
            laid_out, self._result_to_fit = self._result_to_fit, None
            QTimer.singleShot(0, self, lambda: self._fit_result(laid_out))

    def hideEvent(self, event) -> None:  # Qt's name
        super().hideEvent(event)
        # not when minimised (spontaneous): the window is still there in the task bar
        if not event.spontaneous() and self.awaits_choice():
            self.set_aside.emit()

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's name
        # every Tab in the window comes here: the control it reaches is followed into view (Tab from Close went to
        # the log above it), as Use or Discard is when its shortcut gives it the keyboard (`reached_by_shortcut`)
        moved = super().focusNextPrevChild(next)
        if moved:
            self.body.bring_into_sight(QApplication.focusWidget())
        return moved

    def bring_forward(self) -> None:
        """Shown in front with the keyboard: only ever on the user's word (Model → Show training progress)."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        self.show()
        self.raise_()
        self.activateWindow()  # raise_ alone leaves the keyboard with the window the user was in
        # the keyboard where it is of use: the choice when a new model waits for one, else the log
        # (not Cancel: an Enter meant for the photo would end the run)
        first = self.comparison.use_button if self.awaits_choice() else self.log
        first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        # an activation's focus is not followed into view (`ScrolledParts`): brought there once laid out. At
        # once, in a window hidden since its result came, Use's place was stale (the result not laid out): the
        # column stayed at its top, Use below the view, and an Enter used the new model unseen
        QTimer.singleShot(0, self, lambda: self.body.bring_into_sight(first))

    def show_quietly(self) -> None:
        """Shown if hidden, the keyboard left where it is (on the image). Never raised or activated by
        a run's start or end: in front with the keyboard, it hid both photos at 1.5x and took D, A and
        Space mid-edit until an Escape."""
        if not self.isVisible():
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
            self.show()

    def awaits_choice(self) -> bool:
        """Whether a finished run's new model waits for Use / Discard here."""
        return self.comparison.isVisibleTo(self) and self.comparison.use_button.isEnabled()

    # -- feeding -----------------------------------------------------------
    def begin(self, epochs: int, first_model: bool = False) -> None:
        """Reset for a new run of ``epochs`` epochs (``first_model``: no model to compare it with)."""
        self._epochs, self._steps = max(1, epochs), 1
        self._first_model = first_model
        self._comparison_event = {}
        self.comparison.set_run_accepted([])
        self._parts = ValidationParts()
        self._eta = TrainingEta()
        self._eta.start(self._epochs, 1)
        self._eta_timer.stop()
        self.chart.reset(self._epochs)
        self.chart.chart().setTitle(CURVES_TITLE)
        self.log.clear()
        self.progress.setRange(0, 0)
        self.progress.setFormat("starting…")  # not the last run's "epoch 4/20 · step 6/6"
        self.eta.setText("")
        self.quiet.stop()  # the last run's child: `watch_output` follows this one's
        self.comparison.hide()
        self._result_to_fit = None
        self.cancel_button.setEnabled(True)
        self._cancelling = False
        self.status.setText("Starting the training process…")

    def watch_output(self, output: ChildOutput) -> None:
        """Follow the run's child by its output (`TrainingProcess.output`): a silence past its limit is said."""
        self.quiet.watch(output)

    def _quiet_floor(self) -> float:
        return self.preparing_quiet_after_s if self.quiet.preparing else self.quiet_after_s

    def _check_quiet(self) -> None:
        self.quiet.check(self.clock(), self._quiet_floor())
        if self._eta_timer.isActive():  # the time left follows the line at once (none beside it)
            self._show_eta()

    def on_event(self, event: dict[str, Any]) -> None:
        """Update the view from one worker event."""
        kind = event.get("event")
        if self.quiet.preparing and kind in ("batch", "epoch", "saving", "done"):
            self.quiet.training_began()
        self._check_quiet()  # it spoke: a silence said goes now, not at the next tick
        if kind in ("batch", "done") and self._cancelling:
            return  # the run is being stopped, its result not kept: the bar and "Cancelling…" stay as they are
        if kind == "start":
            self._on_start(event)
        elif kind == "batch":
            self._on_batch(event)
        elif kind == "epoch":
            self._eta.epoch_end(_int(event.get("epoch"), 1), self.clock())
            self.chart.add_epoch(event)
            self.append_log(epoch_line(event, self._parts))
        elif kind == "done":
            self._eta.done(self.clock())
            if self.progress.maximum() <= 0:
                self.progress.setRange(0, 1)
            self.progress.setValue(self.progress.maximum())
            self._show_eta()
            self.comparison.set_run_accepted(accepted_lines(event))  # shown with the figures, as petloc train does
            scored = "the new model" if self._first_model else "the current and the new model"
            self.status.setText(f"Training finished; scoring {scored} on the validation images…")
        elif kind == "comparison":
            self._comparison_event = event
            self._eta_timer.stop()
            self.eta.setText("")
        elif kind == "notice":  # e.g. an image that could not be read, the image cache unusable
            self.append_log(f"[petloc] {event.get('message')}")

    def _on_start(self, event: dict[str, Any]) -> None:
        self._epochs = _int(event.get("epochs"), self._epochs)
        self._steps = max(1, _int(event.get("steps_per_epoch", event.get("steps")), 1))
        self._eta.start(self._epochs, self._steps, event.get("n_train"), event.get("n_val"))
        self.chart.reset(self._epochs)
        self.progress.setRange(0, self._epochs * self._steps)
        self.progress.setValue(0)
        # which validation images the curves' and epoch lines' figures are on, and which the table's
        self._parts = ValidationParts(event)
        self.chart.chart().setTitle(self._parts.curves_title())
        self.status.setText(status_text(event, self._parts))
        for line in start_lines(event, self._parts):
            self.append_log(line)

    def _on_batch(self, event: dict[str, Any]) -> None:
        epoch = _int(event.get("epoch"), 1)
        step = _int(event.get("step"), 0)
        steps = max(1, _int(event.get("steps"), self._steps))
        if steps != self._steps:
            self._steps = steps
            self.progress.setRange(0, self._epochs * steps)
        done = (epoch - 1) * steps + step
        total = self._epochs * steps
        self.progress.setValue(min(done, total))
        self.progress.setFormat(f"epoch {epoch}/{self._epochs} · step {step}/{steps}")
        self._eta.batch(epoch, step, steps, self.clock())
        self._show_eta()
        if not self._eta_timer.isActive():
            self._eta_timer.start()

    def _show_eta(self) -> None:
        now = self.clock()
        self.eta.setText(self.quiet.eta_text(self._eta.remaining(now), now, self._quiet_floor()))

    def append_log(self, line: str) -> None:
        # Worker lines name files: their control and bidi characters are shown escaped.
        self.log.appendPlainText(visible(line, keep_newlines=True))

    # -- endings -----------------------------------------------------------
    def show_cancelling(self) -> None:
        """A cancel asked, the child not ended yet: no time left, and no second Cancel (until it ended, the bar
        went on, "26 s left" stayed and Cancel could be clicked again under "Cancelling…")."""
        self._cancelling = True
        self._eta_timer.stop()
        self.quiet.stop()  # Cancel is under way (ends a stuck child within seconds)
        self.eta.setText("")
        self.cancel_button.setEnabled(False)
        self.status.setText("Cancelling…")

    def show_failure(self, message: str, bar_text: str = "") -> None:
        """The run ended without a model (cancelled, failed, refused, not kept): ``message`` says why; the
        bar is emptied with no text of its own, or ``bar_text`` (left as it was, it still read "starting…"
        or "epoch 3/5 · step 2/6" under "Training was cancelled")."""
        self._eta_timer.stop()
        self.quiet.stop()
        self.status.setText(message)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(bar_text)
        self.eta.setText("")
        self.cancel_button.setEnabled(False)

    def show_result(self, old: dict[str, Any] | None, new: dict[str, Any] | None, note: str = "",
                    old_name: str = "Current model") -> None:
        self._eta_timer.stop()
        self.quiet.stop()
        self.eta.setText("")
        self.status.setText("Training finished. Keep the new model?")
        self.cancel_button.setEnabled(False)
        paired = self._comparison_event.get("paired")  # image by image: what the verdict rests on
        names = accepted_names(self._comparison_event.get("accepted_boxes"))  # those its note names, set apart
        self.comparison.set_metrics(old, new, note, old_name, paired if isinstance(paired, dict) else None, names)
        self.comparison.set_count_label(self._parts.count_label())
        self.comparison.set_choice_enabled(True)
        self._show_comparison()
        # Cancel, now disabled, had the keyboard: Qt passed it to Discard (an Enter threw the new model away). In an
        # inactive window Use is only its own control, in sight (`ScrolledParts`); the keyboard stays with the user
        self.comparison.use_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_first_model(self, new: dict[str, Any] | None) -> None:
        """A folder's first model finished: its figures, and that it is used (nothing to compare it with)."""
        self._eta_timer.stop()
        self.quiet.stop()
        self.eta.setText("")
        self.status.setText("Training finished: this folder's first model.")
        self.cancel_button.setEnabled(False)
        self.comparison.set_first_model(new, str(self._comparison_event.get("classes_not_scored_note") or ""))
        self.comparison.set_count_label(self._parts.count_label())
        self._show_comparison()

    def _show_comparison(self) -> None:
        """The result under the curves and the log: the window grows by its height where its room has
        space (never shrinks; over the main window, never over its menu and tool bars), the log gives up
        its room before the curves do (the chart shrank to about 100 px of plot, below a log the user no
        longer reads; kept at its end), and what still does not fit scrolls, the result from its first line in
        sight. The curves keep their readable height (`chart_height.hold_readable_minimum`; squeezed to ~35 px.)"""
        if self.comparison.isVisibleTo(self):
            return  # shown already (the user's sizes stand)
        laid_out = log_end_kept(self.log, then=self.body.show_result)  # asked before anything takes its room
        self.comparison.show()
        if self.isVisible():
            self._fit_result(laid_out)
        else:  # put away (Escape): the growth and the scroll to the result wait for the window (`showEvent`)
            self._result_to_fit = laid_out

    def _fit_result(self, laid_out: Callable[[], None]) -> None:
        """The growth, the log's share given up and, once laid out, the scroll (``laid_out``) of `_show_comparison`,
        in a window shown."""
        screen = self.screen()
        if screen is None:
            QTimer.singleShot(0, self, laid_out)
            return
        room = self.placement.room(screen.availableGeometry())
        frame = frame_extra(self).height()  # the allowance while the frame is half built (`frame_margins`)
        width = self.status.width()  # the result's width: the column's, as the status line's
        needed = max(self.comparison.sizeHint().height(), self.comparison.heightForWidth(width))
        needed += self.body.spacing()
        grow = max(0, min(needed, room.height() - frame - self.height()))
        if grow:
            self.resize(self.width(), self.height() + grow)
            fit_into(self, room)
        chart, log = self.splitter.sizes()
        shrink = min(max(0, needed - grow), max(0, log - LOG_MIN_PX))  # what the window could not give
        self.splitter.setSizes([chart + shrink, log - shrink])
        QTimer.singleShot(0, self, laid_out)

    def show_decided(self, text: str) -> None:
        self.status.setText(text)
        self.comparison.set_choice_enabled(False)
        self.decided.emit()


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
