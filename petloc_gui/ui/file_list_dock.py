"""The file list dock: search, status filter, sort order and the table of images."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDockWidget, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from petloc_gui.ui.file_list import COL_NAME, FileFilterProxy, FileListModel
from petloc_gui.ui.image_document import STATUS_TEXT


class FileListDock(QDockWidget):
    """Emits ``row_chosen(source_row)`` when the user picks an image."""

    row_chosen = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__("Images", parent)
        self.setObjectName("file_list_dock")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", None)
        for key, text in STATUS_TEXT.items():
            self.status_filter.addItem(text, key)
        self.order = QComboBox()
        self.order.addItem("Sort: name", False)
        self.order.addItem("Sort: review queue", True)
        self.next_review_button = QPushButton("Next to review (N)")
        self.proxy = FileFilterProxy(self)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(20)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.order)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.next_review_button)
        self.setWidget(body)
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status_filter.currentData()))
        self.order.currentIndexChanged.connect(lambda: self.set_review_order(bool(self.order.currentData())))
        self._quiet = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_source(self, model: FileListModel) -> None:
        old = self.proxy.sourceModel()
        self.proxy.setSourceModel(model)
        if old is not None and old is not model:
            old.deleteLater()
        self.proxy.set_review_order(bool(self.order.currentData()))

    def set_review_order(self, review: bool) -> None:
        self.order.blockSignals(True)
        self.order.setCurrentIndex(1 if review else 0)
        self.order.blockSignals(False)
        self.proxy.set_review_order(review)
        self.view.scrollTo(self.view.currentIndex())

    def _current_changed(self, current, _previous) -> None:
        if self._quiet or not current.isValid():
            return
        self.row_chosen.emit(self.proxy.mapToSource(current).row())

    # --- navigation helpers -------------------------------------------------------
    def select_source_row(self, row: int) -> None:
        """Highlight a row without emitting row_chosen."""
        model = self.proxy.sourceModel()
        if model is None:
            return
        index = self.proxy.mapFromSource(model.index(row, 0))
        self._quiet = True
        try:
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.view.scrollTo(index)
            else:
                self.view.selectionModel().clearSelection()
        finally:
            self._quiet = False

    def visible_rows_after(self, row: int | None, count: int, step: int = 1) -> list[int]:
        """Source rows that follow ``row`` in the list's current order (filter and sort applied)."""
        model = self.proxy.sourceModel()
        n = self.proxy.rowCount()
        if model is None or n == 0:
            return []
        if row is None:
            start = -1 if step > 0 else n
        else:
            index = self.proxy.mapFromSource(model.index(row, 0))
            start = index.row() if index.isValid() else -1
        out = []
        position = start + step
        while 0 <= position < n and len(out) < count:
            out.append(self.proxy.mapToSource(self.proxy.index(position, 0)).row())
            position += step
        return out

    def first_visible_row(self) -> int | None:
        if self.proxy.rowCount() == 0:
            return None
        return self.proxy.mapToSource(self.proxy.index(0, 0)).row()
