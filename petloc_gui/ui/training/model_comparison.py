"""Old vs new model on the same validation images, side by side, with the choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
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

FIRST_MODEL_NOTE = ("This is the folder's first model: there was no model to compare it with, so it is used now "
                    "(Model → Versions picks another). Its figures are on the validation images it did not "
                    "train on.")
ROWS = (
    ("accuracy", "Accuracy"),
    ("mean_iou", "Mean IoU"),
    ("iou_ge_50", "IoU ≥ 0.5"),
    ("n_images", "Validation images"),
)


def format_metric(key: str, value: Any) -> str:
    """How one figure reads in the table ("—" when unknown)."""
    if value is None or isinstance(value, bool):
        return "—"
    if key == "n_images" and isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, (int, float)):
        return f"{value:.3f}"
    return str(value)


class ModelComparison(QWidget):
    """A two-column table (current model, new model) and Use / Discard buttons."""

    use_new = Signal()
    discard_new = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(ROWS), 2, self)
        self.table.setHorizontalHeaderLabels(["Current model", "New model"])
        self.table.setAccessibleName("Current and new model compared")
        self.table.setAccessibleDescription("Accuracy, mean IoU, IoU ≥ 0.5 and the number of validation images, "
                                            "for each model on the same validation images")
        self.table.setVerticalHeaderLabels([label for _, label in ROWS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Tab goes on to Discard / Use (Qt's default walked the cells and never left the table)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.use_button = QPushButton("&Use the new model")
        self.discard_button = QPushButton("&Discard it")
        # never Enter's: the one choice that deletes (Space or Alt+D press it)
        self.discard_button.setAutoDefault(False)
        self.use_button.clicked.connect(self.use_new)
        self.discard_button.clicked.connect(self.discard_new)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.set_metrics(None, None)

    def set_metrics(self, old: dict[str, Any] | None, new: dict[str, Any] | None, note: str = "",
                    old_name: str = "Current model") -> None:
        """Fill the table; either side may be unknown (None). ``old_name``: the model the run started
        from (the window may use another by now)."""
        self.table.setHorizontalHeaderLabels([old_name, "New model"])
        self.table.setColumnHidden(0, False)
        for button in (self.use_button, self.discard_button):
            button.show()
        for row, (key, _) in enumerate(ROWS):
            for column, metrics in enumerate((old, new)):
                value = metrics.get(key) if isinstance(metrics, dict) else None
                self.table.setItem(row, column, QTableWidgetItem(format_metric(key, value)))
        self.summary.setText(" ".join(part for part in (self._verdict(old, new), note) if part))

    def set_first_model(self, new: dict[str, Any] | None) -> None:
        """A folder's first model: its own figures only (no "no model" column of dashes) and no Use /
        Discard (it is used at once: there is nothing to compare it with)."""
        self.set_metrics(None, new)
        self.table.setColumnHidden(0, True)
        for button in (self.use_button, self.discard_button):
            button.hide()
        self.summary.setText(FIRST_MODEL_NOTE)

    def cell_text(self, key: str, column: int) -> str:
        """The text shown for one metric (column 0: current, 1: new)."""
        row = [k for k, _ in ROWS].index(key)
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def set_choice_enabled(self, enabled: bool) -> None:
        self.use_button.setEnabled(enabled)
        self.discard_button.setEnabled(enabled)

    @staticmethod
    def _verdict(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
        if not isinstance(new, dict):
            return ""
        if not isinstance(old, dict):
            return "Only the new model's figures are known."
        better, worse, same = compare_figures(old, new)
        if better and worse:  # never "better" alone while another headline figure dropped
            return (f"Mixed: the new model is better on {_listed(better)} but worse on {_listed(worse)}; "
                    "look at the images before keeping it.")
        if better:
            return f"The new model is better on {_listed(better)}" + (
                f" (the same on {_listed(same)} at the precision shown)." if same else ".")
        if worse:
            return f"The new model is worse on {_listed(worse)} than the current one on the validation images."
        if same:
            return "The new model is no better than the current one: the same figures at the precision shown."
        return "The two models' figures cannot be compared (some are unknown)."


# each headline figure as a sentence names it
PROSE = {"accuracy": "accuracy", "mean_iou": "mean IoU", "iou_ge_50": "IoU ≥ 0.5"}


def compare_figures(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """(better, worse, the same): the headline figures of ``new`` against ``old``, compared as the table
    shows them (3 decimals): a gain too small to show is none, as the reader sees two equal cells.
    A figure unknown on either side is in none of the lists."""
    out: tuple[list[str], list[str], list[str]] = ([], [], [])
    for key in PROSE:
        a, b = old.get(key), new.get(key)
        if not _is_number(a) or not _is_number(b):
            continue
        shown_old, shown_new = float(format_metric(key, a)), float(format_metric(key, b))
        out[0 if shown_new > shown_old else 1 if shown_new < shown_old else 2].append(PROSE[key])
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # NaN: unknown


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
