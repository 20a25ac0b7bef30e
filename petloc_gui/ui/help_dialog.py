"""F1: every keyboard shortcut and mouse gesture.

Generated from the action table and, when a window is given, from every menu
entry that has a shortcut (the dataset panel's Ctrl+I, Retrain's Ctrl+T, and
any action added later), so the list cannot fall behind the menus. The number
keys are listed with the class each gives in the open folder (`label_box.number_keys`).
Below them, the manual (the README, `cli.reference.README`) by its full path: the installed
copy in a wheel, whose users have no checkout to find a README section in.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from petloc_gui.app import review_queue
from petloc_gui.cli.reference import README
from petloc_gui.core.text import visible
from petloc_gui.ui.actions import ACTIONS, LABEL_KEYS_HELP, MOUSE_HELP, shortcut_rows
from petloc_gui.ui.editing.label_box import NUMBER_KEYS, LabelBox
from petloc_gui.ui.labelimg_keys import hint_row_text
from petloc_gui.ui.window_geometry import shrink_to_screen

QUEUE_RULE = (
    "Review queue (R, then N/Space walks it): boxes that disagree with the prediction "
    f"(IoU < {review_queue.BOX_DISAGREE_IOU}) first, lowest IoU first; then label disagreements; "
    "then images without ground truth, or with a model's unreviewed pre-label (petloc predict "
    "--write-voc; A or V, then a save, makes it reviewed ground truth, its box marked as the model's; a class "
    "rename alone does not), by lowest confidence (pre-labels to confirm); then agreeing "
    "images by lowest IoU; unreadable images and images with no box left inside them (to draw again); "
    "images still being predicted; verified images; last, images "
    "deleted from the folder since it was read (N passes them by). "
    "N skips images already shown in this pass, and those the image list's search or status filter hides: "
    "when it hides every image left, N stays on the image and says how many it hides. An image you edit keeps "
    "its place until you leave it."
)


def manual_html() -> str:
    """The README, linked by its full path: what the window does beyond its keys ("The window")."""
    href = html.escape(QUrl.fromLocalFile(str(README)).toString())
    return (f'The manual, its section "The window" for this window: <a href="{href}">{html.escape(str(README))}</a>'
            if README.is_file() else "")


# The keys that act on the selected box, with none selected (a click on empty space, or the box just deleted):
# listed under the number keys, which the table's rule says label the selected box
NO_BOX_SELECTED_ROW = ("No box selected", "0 … 9 give the label of the next box drawn; Del, the arrows and "
                                          "Alt+arrows change no box (click a box, or B selects one); after Del "
                                          "none is selected, so a held Del deletes one box")


def labelimg_row() -> tuple[str, str]:
    """The keys a labelImg user's hands know that do something else here: A (labelImg's previous image)
    accepts the prediction, Space (labelImg's verify) goes to the next image to review; and those in no menu here
    (`labelimg_keys`: Ctrl+E gives the Label box the keyboard, as Alt+L; Ctrl+Shift+D only says petloc deletes
    no image). Their keys here are read from the action table, so the row cannot name a key that moved."""
    keys = {spec.name: ", ".join(spec.shortcuts) for spec in ACTIONS}
    return ("From labelImg", f"A accepts the prediction here (previous image: {keys['prev_image']}); Space "
                             f"goes to the next image to review (verify: {keys['verify']}); W, D, Del, "
                             f"Ctrl+S and {keys['duplicate']} (duplicate the selected box) as in labelImg; "
                             f"{hint_row_text()}")


def _menu_actions(menu: QMenu) -> list[QAction]:
    out = []
    for action in menu.actions():
        submenu = action.menu()  # (a QMenu or None: typed QObject, QAction being QtGui's)
        if isinstance(submenu, QMenu):
            out += _menu_actions(submenu)
        else:
            out.append(action)
    return out


def menu_shortcut_rows(window: QMainWindow, known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(keys, what it does) of every menu entry with a shortcut that the rows ``known`` do not
    already list, by its text or by its keys (the Edit menu's "Undo" is the table's "Undo (this
    image)", Ctrl+Z)."""
    texts = {text for _, text in known}
    taken = {key for keys, _ in known for key in keys.split(", ")}
    rows = []
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in _menu_actions(menu) if isinstance(menu, QMenu) else []:
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            text = action.text().replace("&", "").rstrip("…")
            if keys and text not in texts and not set(keys) <= taken:
                rows.append((", ".join(keys), text))
                texts.add(text)
                taken.update(keys)
    return rows


def label_key_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """A row per number key of ``window``'s Label box: the class it gives now (none without a class list)."""
    label_box = window.findChild(LabelBox)
    keys = label_box.key_map() if label_box is not None else {}
    return [(key, f"Label: {visible(keys[key])}") for key in sorted(keys, key=NUMBER_KEYS.index)]


class HelpDialog(QDialog):
    """A table of shortcuts plus the review-queue rule."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("petloc — keyboard shortcuts")
        rows = [labelimg_row(), *shortcut_rows()]
        after = rows.index(LABEL_KEYS_HELP) + 1
        if isinstance(parent, QMainWindow):
            key_rows = label_key_rows(parent)  # under the rule, what it gives in the open folder
            rows[after:after] = key_rows
            after += len(key_rows)
        rows.insert(after, NO_BOX_SELECTED_ROW)
        if isinstance(parent, QMainWindow):
            rows += menu_shortcut_rows(parent, rows)
        rows += list(MOUSE_HELP)
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Keys / mouse", "Action"])
        table.setAccessibleName("Keyboard shortcuts and mouse gestures")
        for r, (keys, text) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(keys))
            table.setItem(r, 1, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab goes on to Close (Qt's default walked the cells); arrows scroll
        # the Action column stretches with the dialog: its rows take the lines they need at each width, fitted
        # once the header has its new widths (while it says a section resized, columnWidth is still the old one)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self._fit_rows)
        table.horizontalHeader().sectionResized.connect(lambda *_: self._refit.start())
        rule = QLabel(QUEUE_RULE)
        rule.setWordWrap(True)
        manual = QLabel(manual_html())
        manual.setWordWrap(True)
        manual.setOpenExternalLinks(True)  # the Markdown viewer or editor the desktop has
        manual.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)  # Tab, then Enter, opens it
        manual.setAccessibleName("Where petloc's manual is")
        self.manual = manual
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(rule)
        if manual.text():
            layout.addWidget(manual)
        layout.addWidget(buttons)
        self.table = table
        self.resize(800, 680)
        # The table scrolls (at 1.5 on a 1000 px screen 800 x 680 was taller than it, the Close button cut off)
        shrink_to_screen(self, parent)

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its text needs at the columns' widths, one line (the default height) at least.
        The labelImg row is longer than the Action column at the dialog's width: in one 22 px line it was cut
        ("… goes to the next image to…") and its second half, the verify key, never seen; at 1.5 on an 800 px
        screen the dialog is as wide as the screen and "0 … 9" (and Esc, Return) read "Label the selected box:
        the class named by the …". Fitted again when the Action column changes width (the dialog resized)."""
        table = self.table
        least = table.verticalHeader().defaultSectionSize()
        for row in range(table.rowCount()):  # (Qt's word-wrapped hint: at the column's width)
            height = max(least, table.sizeHintForRow(row))
            if table.rowHeight(row) != height:
                table.setRowHeight(row, height)
