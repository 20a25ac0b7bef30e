"""The file list dock: search, status filter, sort order and the table of images.

Its search box takes the keyboard only when asked (a click, Ctrl+F): the single
keys (D, A, N…) belong to the image. Floating as a window of its own, the dock
became the active window with the keyboard in the search box, where D and A
were typed; Enter and Escape there, Escape on the status filter and
the order drop-down, and their lists closing (a choice picked, or Escape),
say the typing is done (``typing_done``), and the window gives the keyboard
to the image, activating itself when the keys are in a floating dock
(`MainWindow.focus_canvas`, the one way back). The table with the keyboard looked as it did without: it is
framed in the highlight colour then, as the image pane is (`TABLE_FOCUS_MARK`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from petloc_gui.app import status_filter
from petloc_gui.app.folder_change import change_text, change_tooltip
from petloc_gui.app.image_document import STATUS_TEXT
from petloc_gui.ui.canvas.box_canvas import FOCUS_FRAME_PX
from petloc_gui.ui.dock_toggle import FloatingDock, covered, show_or_hide
from petloc_gui.ui.review.file_list import COL_CONF, COL_IOU, COL_NAME, COL_PRED, COL_STATUS, FileListModel
from petloc_gui.ui.review.name_cell import NameCellDelegate
from petloc_gui.ui.review.predicted_cell import PredictedCellDelegate
from petloc_gui.ui.review.unreadable_notice import UnreadableNotice

# In a narrow list these columns give way, in this order, so that names stay readable: the
# header over the image says the prediction and its confidence too.
COLUMNS_THAT_GIVE_WAY = (COL_CONF, COL_PRED)
CELL_PADDING = 14  # a cell's margins around its text, and room to spare
# The table's frame: a thin line, and with the keyboard a frame in the highlight colour as wide as line and margin
# together, so that the rows do not move as it comes and goes
TABLE_FOCUS_MARK = (
    f"QTableView#image_table {{ border: 1px solid palette(mid); margin: {FOCUS_FRAME_PX - 1}px; }} "
    f"QTableView#image_table:focus {{ border: {FOCUS_FRAME_PX}px solid palette(highlight); margin: 0; }}")


class FileListDock(QDockWidget):
    """Emits ``row_chosen(source_row)`` when the user picks an image."""

    SHOW_SHORTCUT = "F9"  # View → Images (`dock_toggle_action`): F9 shows a side pane in many applications
    row_chosen = Signal(int)
    order_changed = Signal()  # the list was re-sorted or re-filtered (the counter follows)
    # Enter or Escape in the search box, Escape on a drop-down or its list closing: the window takes the keyboard
    # back, and activates itself when this dock floats (setting a pane's focus in a window that is not active
    # left the keys in the search box)
    typing_done = Signal()
    reload_requested = Signal()  # the folder-change line's Reload button

    def __init__(self, parent=None) -> None:
        super().__init__("Images", parent)
        self.setObjectName("file_list_dock")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        # what a screen reader says (the placeholder is no name); the same for the table below
        self.search.setAccessibleName("Search images by name")
        self.status_filter = QComboBox()
        for i, choice in enumerate(status_filter.CHOICES):  # what each includes: its tooltip, and the box's
            self.status_filter.addItem(choice.text, choice.key)
            self.status_filter.setItemData(i, choice.tip, Qt.ItemDataRole.ToolTipRole)
        self.status_filter.setToolTip(status_filter.CHOICES[0].tip)
        self.status_filter.setAccessibleName("Show images")  # its choice alone ("All") said nothing of what it does
        self.order = QComboBox()
        self.order.setAccessibleName("Sort images")
        self.order.addItem("Sort: name", False)
        self.order.addItem("Sort: review queue", True)
        self.next_review_button = QPushButton("Next to review (N)")
        self.model: FileListModel = FileListModel([], [], self)
        self.view = QTableView()
        self.view.setAccessibleName("Images")
        self.view.setObjectName("image_table")
        self.view.setStyleSheet(TABLE_FOCUS_MARK)
        self.view.setAccessibleDescription("One row per image: its status, the predicted label (≠ when no box "
                                           "has it), confidence and IoU. The arrow keys show another image.")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list (WCAG 2.1.2): Qt's default walked it cell by cell and wrapped to the
        # next row, opening another image every fifth Tab and never letting the focus out; arrows walk it.
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(20)
        self.view.setWordWrap(False)
        # A long name keeps its end: in a big folder the names share their start ("a_train_000…"), and
        # eliding the middle cut out the very number that told 10,000 rows apart. The tooltip has it whole.
        self.view.setTextElideMode(Qt.TextElideMode.ElideLeft)
        # ... and a name in a subfolder its first folder too ("day/…yssinian_148.jpg", not "…yssinian_148.jpg")
        # ... each in its own direction: a right-to-left layout (-reverse) reordered "…00000_digit0.png"
        self.view.setItemDelegateForColumn(COL_NAME, NameCellDelegate(self.view))
        # Class names keep their start instead ("english_coc…", not "…rthair"), and '≠ bengal cat' its ≠.
        self.view.setItemDelegateForColumn(COL_PRED, PredictedCellDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Fixed widths: ResizeToContents would call data() on every row at 10,000 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Measured in this font (pixel widths cut "0.90" to "…0" at a 16-pt font): the status column fits
        # its longest text ("edited (unsaved)"), the figures "0.00" and every column its title.
        self._widths = {COL_STATUS: max(100, self._fitting_width(COL_STATUS, STATUS_TEXT.values())),
                        COL_PRED: self._fitting_width(COL_PRED, ()),
                        COL_CONF: self._fitting_width(COL_CONF, ("0.00",)),
                        COL_IOU: self._fitting_width(COL_IOU, ("0.00",))}
        for col, width in self._widths.items():
            header.resizeSection(col, width)
        # ~15 characters of a name (its start elided beyond)
        self._name_width = self.view.fontMetrics().horizontalAdvance("Abyssinian_1.jpg")
        self.view.installEventFilter(self)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.order)
        self.folder_notice = self._folder_notice()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        # below the list: appearing above it would move every row under the user's mouse
        layout.addWidget(self.folder_notice)
        self.unreadable_notice = UnreadableNotice()  # while a folder of the list cannot be read
        layout.addWidget(self.unreadable_notice)
        layout.addWidget(self.next_review_button)
        self.setWidget(body)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_done)
        # Esc on the drop-downs too: there the arrows and Space that followed changed the choice, not the image
        # (an open list takes its Esc first: see `_list_closed`)
        for widget in (self.search, self.status_filter, self.order):
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), widget, context=Qt.ShortcutContext.WidgetShortcut)
            escape.activated.connect(self.typing_done)
        # A drop-down's list closing, a choice picked or Esc (as the Label box's): the usual user clicks a
        # choice, and the keyboard stayed on the drop-down, so Down changed the filter, Space opened the list
        # instead of stepping, and Esc was needed twice
        self._drop_down_lists = [(combo.view().window(), combo) for combo in (self.status_filter, self.order)]
        for popup, _combo in self._drop_down_lists:
            popup.installEventFilter(self)
        self._search_asked = False  # the user clicked the search box or asked for it (`focus_search`)
        self.search.installEventFilter(self)
        self.floating_guard = FloatingDock(self)  # kept whole on its screen while it floats
        self.status_filter.currentIndexChanged.connect(self._status_filter_chosen)
        self.order.currentIndexChanged.connect(lambda: self.set_review_order(bool(self.order.currentData())))
        self._quiet = False
        self.shown: int | None = None  # the item on screen (`select_source_row`)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def _search_done(self) -> None:
        """Enter in the search box: the list's first match is shown when the image on screen is no longer
        in the list (`_show_a_listed_image`), then the keys go back to the image. Escape leaves the image
        shown, the way back to it."""
        self._show_a_listed_image()
        self.typing_done.emit()

    def _search_changed(self, text: str) -> None:
        self.model.set_text(text)
        if self.shown is None:  # the image on screen stays while typing; none on screen: the first one listed
            self._show_a_listed_image()

    def _status_filter_chosen(self, index: int) -> None:
        self.status_filter.setToolTip(status_filter.CHOICES[index].tip)
        self.model.set_status_filter(self.status_filter.currentData())
        self._show_a_listed_image()  # the filter's choice is made at once (the search's, on Enter)

    def _show_a_listed_image(self) -> None:
        """The list's first image, when the filters no longer list the image on screen. The image stayed,
        hidden, and the next keys acted on it: A accepted a prediction on it and D autosaved it. With
        nothing listed it stays (the counter says it is hidden by the filter). With no image on screen (a
        folder opened under a search that matched none) too: clearing the search filled the list, and the
        panel kept "The list shows no image". The keyboard stays where it is (the search box)."""
        shown = self.shown
        if (shown is None or self.model.view_row(shown) < 0) and self.model.rowCount():
            self.row_chosen.emit(self.model.item_at(0))

    def _folder_notice(self) -> QFrame:
        """The line under the list saying images were added to or removed from the folder, with
        a Reload button. Hidden until then; it takes no keyboard focus (F5 reloads too)."""
        notice = QFrame()
        notice.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(notice)
        row.setContentsMargins(6, 2, 2, 2)
        self.folder_notice_text = QLabel()
        self.folder_notice_text.setWordWrap(True)
        self.reload_button = QPushButton("Reload")
        self.reload_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the keyboard where it was
        self.reload_button.clicked.connect(self.reload_requested)
        row.addWidget(self.folder_notice_text, 1)
        row.addWidget(self.reload_button)
        notice.hide()
        return notice

    def show_folder_change(self, added: list[str], removed: list[str], root: str) -> None:
        """Say which images are new in the folder or gone from it (both empty: hide the line);
        the tooltip names them within ``root``."""
        text = change_text(added, removed)
        self.folder_notice_text.setText(text)
        self.folder_notice.setToolTip(change_tooltip(added, removed, root) if text else "")
        self.folder_notice.setVisible(bool(text))

    def show_folder_unreadable(self, folders: list[tuple[str, str]], root: str) -> None:
        """Say which folders of the list (within ``root``) cannot be read now and why (none: hide the line)."""
        self.unreadable_notice.show_folders(folders, root)

    def set_source(self, model: FileListModel) -> None:
        old = self.model
        self.shown = None  # the new list's items are numbered anew
        model.setParent(self)
        model.set_text(self.search.text())
        model.set_status_filter(self.status_filter.currentData())
        model.set_review_order(bool(self.order.currentData()))
        self.model = model
        self.view.setModel(model)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        model.layoutChanged.connect(self.order_changed)
        model.layoutChanged.connect(self._shown_listed_again)
        old.deleteLater()
        self.show_folder_change([], [], "")  # a new list: the folder as it is now
        self.show_folder_unreadable([], "")
        self.order_changed.emit()

    def _fitting_width(self, col: int, texts) -> int:
        """Wide enough for ``texts`` in a cell and for the column's title in the header, in their fonts."""
        cells = max((self.view.fontMetrics().horizontalAdvance(text) for text in texts), default=0)
        return max(cells + CELL_PADDING, self.view.horizontalHeader().sectionSizeHint(col))

    def legible_width(self) -> int:
        """The narrowest dock that still shows ~15 characters of a name, the status and the IoU
        (`dock_share.DockShare`'s floor for the list; the other columns give way first)."""
        kept = self._widths[COL_STATUS] + self._widths[COL_IOU]
        columns = kept + self._name_width + (self.width() - self.view.width()) + self._view_chrome()
        return max(columns, self.minimumSizeHint().width())  # the search box and the two combos

    def _view_chrome(self) -> int:
        return 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        # A widget with a style sheet keeps the palette it had when the sheet was applied: the table stayed white
        # with black text once the application's palette turned dark. Applied again, the sheet takes the new one.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.view.setStyleSheet("")
            self.view.setStyleSheet(TABLE_FOCUS_MARK)
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        elif watched is self.search and event.type() == QEvent.Type.MouseButtonPress:
            self._search_asked = True  # before the window manager activates a floating dock on this click
        elif watched is self.search and event.type() == QEvent.Type.FocusIn:
            # The floating dock made the active window (floated, shown, its title clicked to move it):
            # Qt gives the keyboard to its first field, or the one it had, unless the user asked for it.
            activated = isinstance(event, QFocusEvent) and event.reason() == Qt.FocusReason.ActiveWindowFocusReason
            if activated and self.isFloating() and not self._search_asked:
                QTimer.singleShot(0, self, self._leave_search)
            self._search_asked = False
        elif event.type() == QEvent.Type.Hide:
            for popup, combo in self._drop_down_lists:
                if watched is popup:  # (`is`: an equality test reaches into wrappers that may be going away)
                    QTimer.singleShot(0, self, lambda combo=combo: self._list_closed(combo))
        return False

    def _list_closed(self, combo: QComboBox) -> None:
        """Back to the image once Qt has put the focus back on ``combo``, unless the click that closed its list
        put the keyboard elsewhere (it stays there) or the list opened again meanwhile."""
        if combo.view().isVisible():
            return
        focus = QApplication.focusWidget()
        if focus is None or focus is combo:  # (offscreen, and while no window is active, none has it)
            self.typing_done.emit()

    def _leave_search(self) -> None:
        """To the list: keys the list does not use (D, A, N…) still reach the window's actions."""
        if self.search.hasFocus():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        """Ctrl+F: the keyboard to the search box, shown first, and the dock's window activated when it
        floats. Closed (F9) or a tab behind the Dataset panel, the list stayed out of sight: the keys
        typed next filtered it unseen, and the annotation keys typed into the hidden box."""
        self._search_asked = True
        if self.isHidden() or covered(self):
            show_or_hide(self)  # shown (where it was), or its tab brought forward: it hides neither
        if self.isFloating():
            self.activateWindow()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _fit_columns(self) -> None:
        """Hide the columns that give way (`COLUMNS_THAT_GIVE_WAY`) while the name would not fit."""
        header = self.view.horizontalHeader()
        room = self.view.width() - self._view_chrome() - self._name_width
        shown = [COL_STATUS, COL_IOU]
        needed = sum(self._widths[col] for col in shown)
        for col in reversed(COLUMNS_THAT_GIVE_WAY):  # the last to give way is the first to come back
            if needed + self._widths[col] > room:
                break  # the ones after it give way too, whatever room is left
            needed += self._widths[col]
            shown.append(col)
        for col in COLUMNS_THAT_GIVE_WAY:
            if header.isSectionHidden(col) == (col in shown):
                header.setSectionHidden(col, col not in shown)
                if col in shown:
                    header.resizeSection(col, self._widths[col])

    def set_review_order(self, review: bool) -> None:
        self.order.setCurrentIndex(1 if review else 0)  # the window's R action follows the combo
        self.model.set_review_order(review)
        self.view.scrollTo(self.view.currentIndex())

    def _current_changed(self, current, _previous) -> None:
        if self._quiet or not current.isValid():
            return
        self.row_chosen.emit(self.model.item_at(current.row()))

    # --- navigation helpers (rows here are dataset item indices) ----------------------
    def select_source_row(self, item: int) -> None:
        """Highlight an item's row without emitting row_chosen."""
        self.shown = item
        view_row = self.model.view_row(item)
        self._quiet = True
        try:
            if view_row >= 0:
                index = self.model.index(view_row, 0)
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(index)
            else:
                self.view.selectionModel().clearSelection()
        finally:
            self._quiet = False

    def _shown_listed_again(self) -> None:
        """The image on screen listed again (a search text it did not match, changed or cleared): its row
        highlighted again. The list drops the view's hold on a row it hides, and nothing chose it again: no row
        was highlighted, clicking the image did not bring it back."""
        if self.shown is None or not 0 <= self.shown < len(self.model.names):
            return
        view_row = self.model.view_row(self.shown)
        selection = self.view.selectionModel()
        current = selection.currentIndex()
        if view_row >= 0 and not (current.isValid() and current.row() == view_row
                                  and selection.isRowSelected(view_row)):
            self.select_source_row(self.shown)

    def visible_rows_after(self, item: int | None, count: int, step: int = 1) -> list[int]:
        """Items that follow ``item`` in the list's current order (filter and sort applied)."""
        n = self.model.rowCount()
        if n == 0:
            return []
        row = self.model.view_row(item) if item is not None else -1
        start = row if row >= 0 else (-1 if step > 0 else n)  # not shown: from the start (or the end)
        out: list[int] = []
        position = start + step
        while 0 <= position < n and len(out) < count:
            out.append(self.model.item_at(position))
            position += step
        return out

    def position_text(self, item: int | None) -> str:
        """"3 / 60": the item's place in the list as shown; "(of N)" when a filter hides some."""
        shown, total = self.model.rowCount(), len(self.model.names)
        of = f" (of {total})" if shown != total else ""
        if item is None:
            return ""
        row = self.model.view_row(item)
        return f"{row + 1} / {shown}{of}" if row >= 0 else f"hidden by the filter · {shown} shown{of}"

    def how_to_list_all(self) -> str:
        """What lists every image again, in the words of the dock's own controls ("" when nothing filters)."""
        steps = ["clear the search"] if self.search.text().strip() else []
        if self.status_filter.currentData() is not None:
            steps.append(f"set the status filter to {status_filter.CHOICES[0].text}")
        return " and ".join(steps)

    def first_visible_row(self) -> int | None:
        return self.model.item_at(0) if self.model.rowCount() else None

    def last_visible_row(self) -> int | None:
        """The item of the list's last row, as sorted and filtered now (End)."""
        return self.model.item_at(self.model.rowCount() - 1) if self.model.rowCount() else None
