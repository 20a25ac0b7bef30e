"""The Dataset panel's problems, file by file: what its "N problems" counts, as `petloc stats` lists them.

The panel said "3 problems" and nothing more: which files, and what is
wrong with them, took `petloc stats` in a terminal. The summary's tooltip
names the first few; "show" lists them all here, each with its file and
reason, and activating one (double-click, Enter) shows its image in the
window, where the box can be fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QSizePolicy

from petloc_gui.core.text import counted, visible
from petloc_gui.ui.plain_text import as_plain

TOOLTIP_PROBLEMS = 10  # named in the summary's tooltip; the list has them all
LISTED = 2000  # a list of more is no help: `petloc stats --json` has every one
ROWS_SHOWN = 8


def where(path: str, root: Path) -> str:
    """A problem's file as the user knows it: inside the folder, the path from there."""
    try:
        return visible(Path(path).relative_to(root).as_posix())
    except ValueError:
        return visible(path)


def problem_line(problem, root: Path) -> str:
    return f"{where(problem.path, root)}: {visible(problem.message)}"


def problems_tooltip(problems: Sequence, root: Path) -> str:
    """The first problems, one a line, and how many more the list shows."""
    lines = [problem_line(p, root)[:200] for p in problems[:TOOLTIP_PROBLEMS]]
    if len(problems) > TOOLTIP_PROBLEMS:
        lines.append(f"… and {counted(len(problems) - TOOLTIP_PROBLEMS, 'more problem')}: a click on the count "
                     "lists them all")
    return "\n".join(lines)


class ProblemList(QListWidget):
    """One row per problem; ``image_chosen(Path)`` when a row of one of the folder's images is activated."""

    image_chosen = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again when the panel is resized
        self.setAlternatingRowColors(True)  # where one problem's lines end and the next begin
        self.setMaximumHeight(ROWS_SHOWN * self.fontMetrics().lineSpacing() * 2)
        # as tall as its rows up to that: with one problem it took ~250 px and pushed the class bars down
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._fitted = self.maximumHeight()
        self.itemActivated.connect(self._activated)
        self.hide()

    def sizeHint(self) -> QSize:  # Qt's name
        return QSize(super().sizeHint().width(), self._fitted)

    def minimumSizeHint(self) -> QSize:  # Qt's name: a scroll area's own (~70 px) held two rows' list taller
        return QSize(super().minimumSizeHint().width(), self._fitted)

    def resizeEvent(self, event) -> None:  # Qt's name
        super().resizeEvent(event)
        self._fit()  # rows wrap to another height at another width

    def _fit(self) -> None:
        """The height that shows the first rows whole (up to the maximum), from the view's own layout
        of its wrapped rows; asked again only when it changes (no resize loop)."""
        self.doItemsLayout()
        shown = min(self.count(), ROWS_SHOWN * 2)
        rows = self.visualItemRect(self.item(shown - 1)).bottom() + 1 + self.verticalOffset() if shown else 0
        height = min(max(rows, self.fontMetrics().lineSpacing()) + 2 * self.frameWidth() + 2, self.maximumHeight())
        if height != self._fitted:
            self._fitted = height
            self.updateGeometry()

    def set_problems(self, problems: Sequence, dataset) -> None:
        """``problems``: `core.stats.Problem`s of ``dataset`` (the folder open in the window)."""
        # listed again as the window finds images it cannot decode: the rows being read stay in view
        scrolled = self.verticalScrollBar().value()
        self.clear()
        root = Path(dataset.root)
        images: dict[str, Path] = {}
        for item in dataset.items:  # an annotation's problem opens its image
            images.setdefault(str(item.annotation_path), item.image_path)
            images.setdefault(str(item.image_path), item.image_path)
        for problem in problems[:LISTED]:
            row = QListWidgetItem(problem_line(problem, root))
            image = images.get(str(problem.path))
            row.setData(Qt.ItemDataRole.UserRole, image)
            if image is not None:
                row.setToolTip(as_plain(f"{visible(problem.path)} ({problem.kind}): double-click or Enter shows "
                                        "its image"))
            else:  # a HEIC image, the folder's index: nothing in the window to show
                row.setToolTip(as_plain(f"{visible(problem.path)} ({problem.kind}): not an image the window "
                                        "lists, so there is nothing to show"))
                row.setForeground(self.palette().placeholderText())  # (greyed: Enter does nothing)
            self.addItem(row)
        if len(problems) > LISTED:
            more = QListWidgetItem(f"… and {counted(len(problems) - LISTED, 'more problem')}: "
                                   "`petloc stats` lists them all")
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(more)
        self._fit()
        self.verticalScrollBar().setValue(scrolled)

    def _activated(self, row: QListWidgetItem) -> None:
        image = row.data(Qt.ItemDataRole.UserRole)
        if image is not None:
            self.image_chosen.emit(Path(image))
