"""Old vs new model on the same validation images, side by side, with the choice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.core.text import names_set_apart, visible, visible_but_isolated
from petloc_gui.ui.plain_text import as_plain
from petloc_gui.ui.training import discard_question
from petloc_gui.ui.training.comparison_verdict import verdict

FIRST_MODEL_NOTE = ("This is the folder's first model: there was no model to compare it with, so it is used now "
                    "(Model → Versions picks another). Its figures are on the validation images it did not "
                    "train on.")
ROWS = (
    ("accuracy", "Accuracy"),
    ("mean_iou", "Mean IoU"),
    ("iou_ge_50", "IoU ≥ 0.5"),
    ("n_images", "Validation images"),
)
SHORT_OLD_NAME = "Current model"  # a column keeps at least this much of its name whole; a longer one elides


def wrapped(label: str, metrics: QFontMetrics, width: int) -> str:
    """``label`` broken at its spaces into lines ``width`` wide (a word wider is a line of its own)."""
    lines: list[str] = []
    for word in label.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return "\n".join(lines)


def format_metric(key: str, value: Any) -> str:
    """How one figure reads in the table ("—" when unknown)."""
    if value is None or isinstance(value, bool):
        return "—"
    if key == "n_images" and isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, (int, float)):
        return f"{value:.3f}"
    return str(value)


class _ChoiceButton(QPushButton):
    """Use or Discard: says when its shortcut (Alt+U, Alt+D) gave it the keyboard, a move the window brings into
    sight (`RetrainProgress`); a click's or an activation's is not (the column scrolled away under the pointer)."""

    reached_by_shortcut = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt's name
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.ShortcutFocusReason:
            self.reached_by_shortcut.emit()


class ModelComparison(QWidget):
    """A two-column table (current model, new model) and Use / Discard buttons."""

    use_new = Signal()
    discard_new = Signal()  # Discard pressed and confirmed (`discard_question`)
    reached_by_shortcut = Signal()  # Use's or Discard's shortcut gave it the keyboard (`_ChoiceButton`)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        # class names as written: in Qt's AutoText "No image of the class <b>kitten</b> (new)…" read kitten in bold
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(len(ROWS), 2, self)
        self.table.setHorizontalHeaderLabels(["Current model", "New model"])
        self.table.setAccessibleName("Current and new model compared")
        self.table.setAccessibleDescription("Accuracy, mean IoU, IoU ≥ 0.5 and the number of validation images, "
                                            "for each model on the same validation images")
        self._row_labels = [label for _, label in ROWS]  # as said; the header may show them wrapped
        self.table.setVerticalHeaderLabels(self._row_labels)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Tab goes on to Discard / Use (Qt's default walked the cells and never left the table)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # narrowed (the Retraining window as narrow as the image list), a column is narrower than a model's name:
        # its middle goes (a header cut both ends read "0261205T060442Z-"), its preset and id stay, and its
        # tooltip names it whole (`set_metrics`)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # the row labels as wide as their words, wrapped where the models' names would not fit (`_fit_row_labels`)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # the run's own word on its figures' images holding boxes accepted from a model (`set_run_accepted`)
        self.run_accepted = QLabel("")
        self.run_accepted.setWordWrap(True)
        self.run_accepted.setTextFormat(Qt.TextFormat.PlainText)
        self.run_accepted.setAccessibleName("The run's figures on the images whose boxes a person drew")
        self.run_accepted.hide()
        self.use_button = _ChoiceButton("&Use the new model")
        self.discard_button = _ChoiceButton("&Discard it")
        # never Enter's: the one choice that deletes (Space or Alt+D press it)
        self.discard_button.setAutoDefault(False)
        self.use_button.clicked.connect(self.use_new)
        self.discard_button.clicked.connect(self._discard_if_confirmed)
        for button in (self.use_button, self.discard_button):
            button.reached_by_shortcut.connect(self.reached_by_shortcut)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.run_accepted)
        layout.addLayout(buttons)
        self.set_metrics(None, None)

    def _discard_if_confirmed(self) -> None:
        """Discard deletes the new model for good: asked first (a stray Alt+D deleted a run of hours)."""
        if discard_question.confirm_discard(self.window()):
            self.discard_new.emit()

    def set_metrics(self, old: dict[str, Any] | None, new: dict[str, Any] | None, note: str = "",
                    old_name: str = "Current model", paired: dict[str, Any] | None = None,
                    names: Iterable[str] = ()) -> None:
        """Fill the table; either side may be unknown (None). ``old_name``: the model the run started
        from (the window may use another by now). ``paired``: the two image by image (the comparison's
        record, `core.paired_stats`): the verdict rests on it (`comparison_verdict`). ``names``: the models
        ``note`` may name (`retrain_comparison_figures`), each set apart whole."""
        self.table.setHorizontalHeaderLabels([old_name, "New model"])
        header = self.table.horizontalHeaderItem(0)  # made by the labels just above (typed as maybe None)
        if header is not None:
            header.setToolTip(as_plain(visible(old_name)))  # whole, where the header elides
        self.table.setColumnHidden(0, False)
        for button in (self.use_button, self.discard_button):
            button.show()
        for row, (key, _) in enumerate(ROWS):
            for column, metrics in enumerate((old, new)):
                value = metrics.get(key) if isinstance(metrics, dict) else None
                self.table.setItem(row, column, QTableWidgetItem(format_metric(key, value)))
        # the note is the comparison's record, plain: a model name in it is set apart here, whole where it is
        # one of ``names`` (its right-to-left letters alone left "abc (v-7)" to read as part of the sentence)
        summary = " ".join(part for part in (verdict(old, new, paired), note) if part)
        self.summary.setText(names_set_apart(summary, names))
        self._fit_row_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._fit_row_labels()

    def _fit_row_labels(self) -> None:
        """The row labels on one line where the model columns still get their names' width, else wrapped at
        their spaces. The row labels sized to their one-line text took the room first: in a window as narrow
        as the image list (1.5x) the columns read "Cur...del" and "New...del"."""
        columns, rows = self.table.horizontalHeader(), self.table.verticalHeader()
        names = columns.fontMetrics()
        wanted = 0
        for column in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(column)
            if self.table.isColumnHidden(column) or item is None:
                continue
            name = names.horizontalAdvance(item.text())
            margins = columns.sectionSizeFromContents(column).width() - name
            wanted += margins + min(name, names.horizontalAdvance(SHORT_OLD_NAME))  # a long name elides
        labels = rows.fontMetrics()
        shown = str(self.table.model().headerData(0, Qt.Orientation.Vertical) or "")
        margins = rows.sectionSizeFromContents(0).width() - max(labels.horizontalAdvance(line)
                                                                 for line in shown.split("\n"))
        one_line = margins + max(labels.horizontalAdvance(label) for label in self._row_labels)
        room = self.table.width() - 2 * self.table.frameWidth()
        texts = self._row_labels
        if room - one_line < wanted:
            widest_word = max(labels.horizontalAdvance(word) for label in texts for word in label.split())
            texts = [wrapped(label, labels, widest_word) for label in texts]
        for row, label in enumerate(texts):
            item = self.table.verticalHeaderItem(row)
            if item is None or item.text() != label:
                self.table.setVerticalHeaderItem(row, QTableWidgetItem(label))

    def set_first_model(self, new: dict[str, Any] | None, note: str = "") -> None:
        """A folder's first model: its own figures only (no "no model" column of dashes) and no Use /
        Discard (it is used at once: there is nothing to compare it with). ``note``: what else to say of
        its figures (the classes none of their images is of)."""
        self.set_metrics(None, new)
        self.table.setColumnHidden(0, True)
        for button in (self.use_button, self.discard_button):
            button.hide()
        self.summary.setText(" ".join(part for part in (FIRST_MODEL_NOTE, note) if part))
        self._fit_row_labels()

    def set_run_accepted(self, lines: list[str]) -> None:
        """What the run said of its scored images holding boxes accepted unchanged from a model, as `petloc
        train` says it (`run_log.accepted_lines`): under the figures; nothing (hidden) when ``lines`` is empty."""
        self.run_accepted.setText("\n".join(visible_but_isolated(line) for line in lines))  # its model name set apart
        self.run_accepted.setVisible(bool(lines))

    def set_count_label(self, label: str) -> None:
        """The row of image counts's name: which validation part the figures are on ("reported")."""
        self._row_labels = [label if key == "n_images" else text for key, text in ROWS]
        self.table.setVerticalHeaderLabels(self._row_labels)
        self._fit_row_labels()

    def count_label(self) -> str:
        return self._row_labels[[k for k, _ in ROWS].index("n_images")]

    def cell_text(self, key: str, column: int) -> str:
        """The text shown for one metric (column 0: current, 1: new)."""
        row = [k for k, _ in ROWS].index(key)
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def set_choice_enabled(self, enabled: bool) -> None:
        self.use_button.setEnabled(enabled)
        self.discard_button.setEnabled(enabled)
