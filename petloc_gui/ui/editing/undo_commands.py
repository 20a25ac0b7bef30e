"""Undoable edits of one image's annotation (QUndoCommand subclasses).

Every command changes an ImageDocument and then calls ``notify(doc)`` so the
window can redraw and refresh the file list. One QUndoStack per image lives
in a QUndoGroup (see EditController).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box

Notify = Callable[[ImageDocument], None]

MOVE_ID = 1001


class _DocCommand(QUndoCommand):
    # An edit of the image itself (counted in `ImageDocument.hand_edits` while in effect: its save is a
    # review of a pre-label); a folder-wide class rename is not one.
    by_hand = True

    def __init__(self, doc: ImageDocument, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.notify = notify

    def redo(self) -> None:
        self._apply()
        if self.by_hand:
            self.doc.edited_by_hand(1)
        self.notify(self.doc)

    def undo(self) -> None:
        self._revert()
        if self.by_hand:
            self.doc.edited_by_hand(-1)
        self.notify(self.doc)

    def _apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class SetBoxCommand(_DocCommand):
    """Move or resize one box. Consecutive edits with the same merge key merge."""

    def __init__(self, doc, notify, index: int, old: Box, new: Box, merge_key=None, text="Move box"):
        super().__init__(doc, notify, text)
        self.index, self.old, self.new, self.merge_key = index, old, new, merge_key

    def id(self) -> int:  # Qt's name
        return MOVE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt's name
        if not isinstance(other, SetBoxCommand) or other.doc is not self.doc:
            return False
        if other.index != self.index or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        # QUndoStack ran ``other``'s redo (counted) before merging it; one undo of this step takes one off
        self.doc.edited_by_hand(-1)
        return True

    def _apply(self) -> None:
        self.doc.set_box(self.index, self.new)

    def _revert(self) -> None:
        self.doc.set_box(self.index, self.old)


class AddObjectCommand(_DocCommand):
    def __init__(self, doc, notify, obj, index: int | None = None, text="Add box"):
        super().__init__(doc, notify, text)
        self.obj = obj
        self.index = len(doc.objects) if index is None else index

    def _apply(self) -> None:
        self.doc.insert_object(self.index, self.obj)

    def _revert(self) -> None:
        self.doc.remove_object(self.index)


class DeleteObjectCommand(_DocCommand):
    def __init__(self, doc, notify, index: int, text="Delete box"):
        super().__init__(doc, notify, text)
        self.index = index
        self.obj = doc.objects[index]

    def _apply(self) -> None:
        self.doc.remove_object(self.index)

    def _revert(self) -> None:
        self.doc.insert_object(self.index, self.obj)


class SetLabelCommand(_DocCommand):
    def __init__(self, doc, notify, index: int, name: str, text="Change label"):
        super().__init__(doc, notify, f"{text} to {name}")
        self.index, self.new = index, name
        self.old = doc.objects[index].name

    def _apply(self) -> None:
        self.doc.set_label(self.index, self.new)

    def _revert(self) -> None:
        self.doc.set_label(self.index, self.old)


class RenameLabelCommand(_DocCommand):
    """Every box of one image named ``old`` gets ``new`` (Edit → Classes → Rename), and the label a model
    proposed with it when that was ``old`` (`ImageDocument.rename_class`). A class renamed over the whole
    folder is not a look at this image: no hand edit (`by_hand`), so a pre-label stays one when saved."""

    by_hand = False

    def __init__(self, doc, notify, old: str, new: str):
        super().__init__(doc, notify, f"Rename {old} to {new}")
        self.old, self.new = old, new
        # each box renamed, with its proposed label before the rename (None: the file's mark says it, or none)
        self.proposed = {i: obj.proposed_label for i, obj in enumerate(doc.objects) if obj.name == old}

    def _apply(self) -> None:
        for i in self.proposed:
            self.doc.rename_class(i, self.new)

    def _revert(self) -> None:
        for i, proposed in self.proposed.items():
            self.doc.restore_label(i, self.old, proposed)


class ReplaceObjectCommand(_DocCommand):
    """Accept the prediction: replace the primary object (`ImageDocument.primary_index`: the one a run learns, not
    a box without a label listed before it), or add one first if there is none."""

    def __init__(self, doc, notify, new_obj, text="Accept prediction"):
        super().__init__(doc, notify, text)
        self.new = new_obj
        self.at = doc.primary_index
        self.old = doc.objects[self.at] if self.at is not None else None

    def _apply(self) -> None:
        if self.at is None:
            self.doc.insert_object(0, self.new)
        else:
            self.doc.replace_object(self.at, self.new)

    def _revert(self) -> None:
        if self.at is None or self.old is None:
            self.doc.remove_object(0)
        else:
            self.doc.replace_object(self.at, self.old)


class SetVerifiedCommand(_DocCommand):
    def __init__(self, doc, notify, verified: bool):
        super().__init__(doc, notify, "Mark verified" if verified else "Unmark verified")
        self.new, self.old = verified, doc.verified

    def _apply(self) -> None:
        self.doc.set_verified(self.new)

    def _revert(self) -> None:
        self.doc.set_verified(self.old)


class ReplaceAllCommand(_DocCommand):
    """Replace every object and the verified flag at once (reload from disk, "show both").

    Undo brings back exactly what was there before, so a version taken from
    disk never destroys the user's edits: Ctrl+Z returns to them.
    """

    def __init__(self, doc, notify, objects, verified: bool, text: str):
        super().__init__(doc, notify, text)
        self.new = (list(objects), bool(verified))
        self.old = (list(doc.objects), bool(doc.verified))

    def _apply(self) -> None:
        self.doc.objects[:] = self.new[0]
        self.doc.set_verified(self.new[1])

    def _revert(self) -> None:
        self.doc.objects[:] = self.old[0]
        self.doc.set_verified(self.old[1])
