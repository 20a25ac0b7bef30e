"""The file list: one row per image with status, prediction, confidence and IoU.

Everything a row shows is held in plain lists indexed by *item* (the
dataset's image index), filled as facts arrive (annotation read, prediction
made, edit done): ``data()`` never touches the disk. Filtering (name,
status) and ordering (name, or the review queue kept row by row in
list_ranking.py) are done here in Python on those lists, and the view's rows are ``self.order`` (row ->
item). A QSortFilterProxyModel would call ``data()`` from C++ for every
comparison, which costs seconds at 10,000 rows in PySide.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal

from petloc_gui.app import status_filter
from petloc_gui.app.class_tally import ClassTally, RowShare
from petloc_gui.app.image_document import (
    STATUS_ANNOTATED,
    STATUS_EDITED,
    STATUS_ERROR,
    STATUS_NONE,
    STATUS_PRELABEL,  # noqa: F401 - named from here too (tests), as the other statuses
    STATUS_TEXT,
    STATUS_TIPS,
)
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.metrics import best_gt_match
from petloc_gui.core.name_search import FoldedNames
from petloc_gui.core.text import isolated, visible
from petloc_gui.ui.review.list_colors import PROBLEM, ListColors
from petloc_gui.ui.review.list_ranking import ListRanking
from petloc_gui.ui.review.ranked_rows import RankedRows
from petloc_gui.ui.review.row_classes import RowClasses

COLUMNS = ("Image", "Status", "Predicted", "Conf.", "IoU")
COL_NAME, COL_STATUS, COL_PRED, COL_CONF, COL_IOU = range(5)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

# An image deleted from the folder after the list was read keeps its row until the folder is read
# again (`image_set_watch`: the list is not changed under the user); its status says so.
GONE_TEXT = "gone"
GONE_TIP = "deleted from the folder since the list was read (F5 reloads the list)"
# A predicted label no box has is said in words too (WCAG 1.4.1): the red is lost on a selected
# row (the selection's text colour replaces it) and to colour-blind eyes.
DISAGREE_MARK = "≠"

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                    ITEM_ROLE})
FLUSH_MS = 200


class FileListModel(QAbstractTableModel, RowClasses, RankedRows):
    """Per-item facts, shown filtered and ordered: view row r shows item ``order[r]``."""

    # an item's decode failure found or cleared (`image_errors`), or such an item gone or back, listed or not:
    # a row the filter hides sends
    # no dataChanged, and the Dataset panel counts every such image (`decode_problems`)
    image_errors_changed = Signal()
    # the class counts (`tally`) changed, a row the filter hides too (it sends no dataChanged); background
    # facts (``emit=False``) at the next flush, once for a burst (the new-classes bar counts again)
    counts_changed = Signal()

    def __init__(self, names: list[str], has_annotation: list[bool], parent=None) -> None:
        super().__init__(parent)
        n = len(names)
        self.names = list(names)
        self.status = [STATUS_ANNOTATED if h else STATUS_NONE for h in has_annotation]
        self.gt_name: list[str | None] = [None] * n
        self.gt_box: list[Box | None] = [None] * n
        self.gt_objects: list[list[tuple[str, Box]]] = [[] for _ in range(n)]  # every object (best-gt IoU)
        self.verified = [False] * n
        self.pred_label: list[str | None] = [None] * n
        self.pred_conf: list[float | None] = [None] * n
        self.pred_box: list[Box | None] = [None] * n
        self.errors: list[str | None] = [None] * n  # the row's own problem (file, image, save, news)
        self.pred_errors: list[str | None] = [None] * n  # why its prediction failed (apart: see set_status)
        # why its image cannot be decoded, as its prediction found before anyone opened it: it reads "error"
        # over its annotation's status, kept for when the file is readable again (`status_filter.shown_status`)
        self.image_errors: list[str | None] = [None] * n
        self.iou: list[float | None] = [None] * n
        self.gone: frozenset[int] = frozenset()  # items whose image file was deleted since (`set_gone`)
        self.colors = ListColors()  # per status, readable on the palette in use
        self.tally = ClassTally()  # `box_counts` and `labels_in_use`, kept as rows change (no row counted yet)
        self.order = list(range(n))
        self._row_of = list(range(n))  # item -> view row, -1 when filtered out
        self._text = ""
        # the names folded for the search: at the first text looked for (`set_text`), not at the opening
        self._search: FoldedNames | None = None
        self._status: str | None = None
        # the review-queue order, kept row by row; an edited image keeps its queue place until the user
        # leaves it (`hold`): re-ranked at once it would jump under the user, and stepping on down the
        # list (D) would skip every row it jumped over
        self.ranking = ListRanking(self, lambda: self._reorder(spare=self._selected_items()), self)
        # Under a status filter, an image whose status changes in the background (a file another
        # program wrote, `folder_follower`; ``emit=False``) joins or leaves the list, in one batch
        # per pause. The user's own edits (``emit=True``) leave the list as it is: the image being
        # edited must not vanish from under the user (in review order `hold` keeps it too).
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self._refilter_in_background)
        self._pending: set[int] = set()
        self._counts_moved = False  # `counts_changed` due at the next flush
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)

    # --- Qt model API -----------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # Qt's API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Called from C++ for every visible cell and role on each repaint: answer
        # the roles we do not use first, and cheaply.
        if role not in _ROLES:
            return None
        row, col = self.order[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return self.names[row]
            if col == COL_STATUS:
                return GONE_TEXT if row in self.gone else STATUS_TEXT[self.shown_status(row)]
            if col == COL_PRED:
                if self._disagrees(row):
                    return f"{DISAGREE_MARK} {self.pred_label[row]}"
                return self.pred_label[row] or ("error" if self.pred_errors[row] else "")
            if col == COL_CONF:
                c = self.pred_conf[row]
                return "" if c is None else f"{c:.2f}"
            v = self.iou[row]
            return "" if v is None else f"{v:.2f}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS:
                return self.colors.of(PROBLEM if row in self.gone else self.shown_status(row))
            if col == COL_PRED and self._disagrees(row):
                return self.colors.of(PROBLEM)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            status = self.status[row]
            if row in self.gone:  # its other facts are moot, but unsaved edits (and their file's news) still matter
                detail = GONE_TIP
                if status == STATUS_EDITED:
                    detail += ": it has unsaved edits" + (f" ({visible(self.errors[row])})" if self.errors[row] else "")
            elif self.shown_status(row) != status:  # the image's error; its annotation's own status said too
                detail = f"{visible(self.image_errors[row] or '')} (its annotation: {STATUS_TEXT[status]})"
            else:
                problem = self.errors[row] or self.pred_errors[row]
                detail = visible(problem) if problem else STATUS_TIPS.get(status, STATUS_TEXT[status])
                # the predicted class whole, agreeing or not: its cell may show only its start
                conf = self.pred_conf[row]
                predicted = (f"predicted {isolated(self.pred_label[row])}"
                             + ("" if conf is None else f", confidence {conf:.2f}")) if self.pred_label[row] else ""
                if self._disagrees(row):
                    labelled = ", ".join(isolated(name) for name in sorted(self.labels_of(row)))
                    detail += f"; labels disagree ({DISAGREE_MARK}): labelled {labelled}, {predicted}"
                elif predicted:
                    detail += f"; {predicted}"
            return f"{isolated(self.names[row])} — {detail}"  # the full name; a Hebrew one turned the line around
        return row  # ITEM_ROLE

    # --- updates -------------------------------------------------------------------
    def _disagrees(self, row: int) -> bool:
        if not (self.gt_name[row] and self.pred_label[row]):
            return False
        return not any(name == self.pred_label[row] for name, _ in self._objects(row))

    def _row_changed(self, row: int, emit: bool = True, listed: bool | None = None, boxes: bool = False) -> None:
        """Tell the view an item changed: now (``emit``), or in the next batched refresh; ``listed``: whether the
        status filter listed it before; ``boxes``: its boxes or prediction changed, its IoU recomputed (not for a
        status alone: the opening scan sets both of a row, and each cost a core.metrics.best_gt_match)."""
        if not emit and self._status and listed is not None and self._listed(row) != listed \
                and not self._filter_timer.isActive():
            self._filter_timer.start()
        if boxes:
            objects = self._objects(row)
            self.iou[row] = (best_gt_match(objects, self.pred_label[row], self.pred_box[row]).iou
                             if objects and self.pred_box[row] is not None else None)
        view_row = self._row_of[row]
        if view_row >= 0:
            if emit:
                self.dataChanged.emit(self.index(view_row, 0), self.index(view_row, len(COLUMNS) - 1))
            else:
                # Background facts (predictions, scanned XML) arrive by the thousand:
                # one repaint per FLUSH_MS instead of one per fact keeps the list responsive.
                self._pending.add(view_row)
                if not self._flush_timer.isActive():
                    self._flush_timer.start()
        self.ranking.row_changed(row)  # re-placed in the queue only if what ranks it changed

    def _flush(self) -> None:
        if self._pending and self.order:
            low, high = min(self._pending), max(self._pending)
            high = min(high, len(self.order) - 1)
            if low <= high:
                self.dataChanged.emit(self.index(low, 0), self.index(high, len(COLUMNS) - 1))
        self._pending.clear()
        if self._counts_moved:
            self._counts_moved = False
            self.counts_changed.emit()

    def _retally(self, item: int, before: RowShare, emit: bool = True) -> None:
        """Count the item's share of the classes as it is now instead of ``before``, and say a change: now
        (``emit``), or at the next flush, as `_row_changed`."""
        if not self.tally.replace(before, self._share(item)):
            return
        if emit:
            self.counts_changed.emit()
            return
        self._counts_moved = True
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def items_changed(self) -> None:
        """Refresh every visible row after a batch of updates made with ``emit=False``."""
        self._pending.update((0, len(self.order) - 1) if self.order else ())
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def set_ground_truth(self, row: int, name: str | None, box: Box | None, verified: bool,
                         emit: bool = True, objects: list[tuple[str, Box]] | None = None) -> None:
        """The primary GT object of an item and all its objects (from disk or the edited document)."""
        share = self._share(row)
        self.gt_name[row], self.gt_box[row], self.verified[row] = name or None, box, verified
        self.gt_objects[row] = [(str(n), b) for n, b in (objects or []) if b is not None]
        self._retally(row, share, emit)
        self._row_changed(row, emit, boxes=True)

    def set_status(self, row: int, status: str, error: str | None = None, emit: bool = True) -> None:
        """The row's status and its own problem text (an unreadable file or image, a failed save, the
        news that another program changed its file). A prediction's failure is kept apart
        (`set_prediction_error`): one text for both let a refresh of the row drop the other's."""
        listed, share = self._listed_before(row, emit), self._share(row)
        self.status[row] = status
        self._retally(row, share, emit)
        if error is not None or status != STATUS_ERROR:
            self.errors[row] = error
        self._row_changed(row, emit, listed)

    def set_prediction(self, row: int, label: str | None, confidence: float | None, box: Box | None,
                       emit: bool = True) -> None:
        listed = self._listed_before(row, emit)
        self.pred_label[row], self.pred_conf[row], self.pred_box[row] = label, confidence, box
        if box is not None:  # its image was decoded
            had_error = self.image_errors[row] is not None
            self.pred_errors[row] = self.image_errors[row] = None
            if had_error:
                self.image_errors_changed.emit()
        self._row_changed(row, emit, listed, boxes=True)

    def set_prediction_error(self, row: int, error: str | Exception | None, emit: bool = True) -> None:
        """Why the row's prediction failed (None: asked for again). An image that cannot be decoded
        (`ImageLoadError`) is the image's fault: the row reads "error"; a model's failure is not."""
        listed = self._listed_before(row, emit)
        self.pred_errors[row] = None if error is None else str(error)
        if error is None or isinstance(error, ImageLoadError):  # a model's failure says nothing of the image
            changed = self.image_errors[row] != self.pred_errors[row]
            self.image_errors[row] = self.pred_errors[row]
            if changed:
                self.image_errors_changed.emit()
        self._row_changed(row, emit, listed)

    def set_gone(self, items: set[int] | frozenset[int]) -> frozenset[int]:
        """The items whose image is gone from the folder now (all of them: an image copied back
        is no longer gone); returns those that came back."""
        items = frozenset(items)
        back, changed = self.gone - items, self.gone ^ items
        shares = {item: self._share(item) for item in changed}  # taken out of the counts, put back once gone or back
        self.gone = items
        for item in changed:
            self._retally(item, shares[item])
            self._row_changed(item)
        if any(self.image_errors[item] is not None for item in changed):
            self.image_errors_changed.emit()  # a deleted image's failure is no problem of the folder
        if changed and self._status and not self._filter_timer.isActive():
            self._filter_timer.start()  # a status filter lists no gone image (the one shown stays)
        return back

    def count_predicted_or_failed(self) -> int:
        """Rows that have a prediction or an error message, or whose image is gone (none is predicted
        again); all of them: the review order is final."""
        return sum(1 for item, (box, error) in enumerate(zip(self.pred_box, self.pred_errors, strict=True))
                   if box is not None or error or item in self.gone)

    def clear_predictions(self) -> None:
        n = len(self.names)
        self.pred_label, self.pred_conf, self.pred_box = [None] * n, [None] * n, [None] * n
        self.pred_errors, self.iou = [None] * n, [None] * n
        self.items_changed()
        self.ranking.rows_reset()

    # --- filtering and ordering ----------------------------------------------------
    def set_text(self, text: str) -> None:
        self._text = text.strip()
        if self._text:  # "" finds every name (`_named`): nothing to fold for it
            if self._search is None:
                # folded once, not at each keystroke (20,000 rows), and only once someone searches: folded at
                # the opening they cost every folder 20-40 ms on the UI thread, searched or not. A new listing
                # (a folder opened or read again) is a new model, whose names are folded anew
                self._search = FoldedNames(self.names)
            self._search.look_for(self._text)  # case and Unicode form ignored, as everywhere in petloc
        self._reorder()

    def set_status_filter(self, status: str | None) -> None:
        self._status = status or None
        self._reorder()

    def set_review_order(self, review: bool) -> None:
        self.ranking.show(bool(review))  # name order holds nothing
        # the image on screen stays listed (as the held one did): the order changed, not what is listed
        self._reorder(spare=self._selected_items())

    def _accepts(self, item: int) -> bool:
        return self._named(item) and not (self._status and (not self._listed(item) or item in self.gone))

    def _named(self, item: int) -> bool:  # by the search text
        # a text is only ever set with the names folded for it (`set_text`); no call per row (20,000 rows a key)
        return not self._text or self._search.finds(item)  # type: ignore[union-attr]

    def _listed_before(self, item: int, emit: bool) -> bool | None:
        """`_listed` before a change, where `_row_changed` looks at it (a background change under a status
        filter); None otherwise: not worked out for every row of the opening scan and every prediction."""
        return self._listed(item) if self._status and not emit else None

    def _listed(self, item: int) -> bool:  # by what the image has (`status_filter`)
        return status_filter.accepts(self._status, self.shown_status(item), self.gt_box[item] is not None)

    def shown_status(self, item: int) -> str:
        """The status the row shows and is filtered by: its annotation's, or "error" for an image its
        prediction found unreadable."""
        return status_filter.shown_status(self.status[item], self.image_errors[item] is not None)

    def keep_listed(self, item: int) -> None:
        """List ``item`` whatever the filters, until they change (an image shown on purpose)."""
        if self._row_of[item] < 0:
            self._reorder(spare={item})

    def _refilter_in_background(self) -> None:
        # the current image stays even when it no longer matches (in name order nothing is held)
        self._reorder(spare=self._selected_items())

    def _selected_items(self) -> set[int]:
        """Items the view holds an index to (its current and selected rows)."""
        rows = (index.row() for index in self.persistentIndexList())
        return {self.order[row] for row in rows if 0 <= row < len(self.order)}

    def _reorder(self, spare: set[int] | None = None) -> None:
        """Recompute which items are shown and in which order, keeping the view's selection
        (and the items in ``spare`` whatever the filters)."""
        order = self.ranking.items() if self.review_order else list(range(len(self.names)))
        if self.review_order:
            self.ranking.laid_out()
        if self._text or self._status:
            # the held item stays under a status filter: an edit changes its status, which would hide it under
            # the user. Not under a search text it does not match: Enter there shows a match (README)
            held = self.held
            kept = (spare or set()) | ({held} if held is not None and self._named(held) else set())
            order = [i for i in order if self._accepts(i) or i in kept]
        if order == self.order:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_items = [self.order[i.row()] if 0 <= i.row() < len(self.order) else -1 for i in old_persistent]
        self.order = order
        self._row_of = [-1] * len(self.names)
        for view_row, item in enumerate(order):
            self._row_of[item] = view_row
        new = []
        for index, item in zip(old_persistent, old_items, strict=True):
            view_row = self._row_of[item] if item >= 0 else -1
            new.append(self.index(view_row, index.column()) if view_row >= 0 else QModelIndex())
        self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()

    def item_at(self, view_row: int) -> int:
        return self.order[view_row]

    def view_row(self, item: int) -> int:
        """The view row showing ``item``, or -1 when it is filtered out."""
        return self._row_of[item]
