"""Every edit of the ground truth, as undo commands on a per-image QUndoStack.

The controller knows the current document and the selected object; the
window's actions and the canvas's signals call it. One QUndoStack per image
with something to undo or redo lives in a QUndoGroup whose active stack follows
the current image, so Ctrl+Z only ever undoes edits of the image on screen, and
comes back with the image. A stack left empty is dropped when its image is left:
one per image ever shown piled up over a pass through a big folder. Its commands
hold the image's document, which the store then keeps (`AnnotationStore`).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.core.text import isolated
from petloc_gui.core.voc_types import VocObject
from petloc_gui.ui.editing import undo_commands as cmd

NUDGE_PX = 1.0
NUDGE_FAST_PX = 10.0
# the previous-image key (`actions`' prev_image), named wherever A answers a labelImg user, whose A is previous
# image: here and in `accept_guard`'s questions, written once so the answers cannot name different keys
PREVIOUS_IMAGE_IS = "previous image is Shift+D"
# A on an image whose box is the prediction already: a labelImg user pressing A A A to go back three images
# stayed put, nothing said
ALREADY_THE_BOX = ("The prediction is already this image's box: A changed nothing (labelImg's "
                   f"{PREVIOUS_IMAGE_IS} here).")


def next_box_label_said(name: str, boxes_shown: bool) -> str:
    """What a label given with no box selected did: it is the next box's (a number key changed no box, unsaid)."""
    if boxes_shown:
        return f"No box selected: the next box drawn gets {isolated(name)}."
    return f"The next box drawn gets {isolated(name)}."


class EditController(QObject):
    """Applies edits to the current image through its undo stack."""

    document_changed = Signal(object)  # ImageDocument
    selection_changed = Signal(int)
    said = Signal(str)  # what an edit that changed no box did (the window's status line: `connect_edit_actions`)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.doc: ImageDocument | None = None
        self.index: int | None = None
        self.selected = -1
        # The last label given (typed, picked, 1-9, or a prediction accepted with A): labelImg's label for a
        # new box. Forgotten once no box has it and it is no class (FolderClasses); follows a rename.
        self.default_label = ""
        self._labelled: int | None = None  # the image it was given on
        self._nudge_serial = 0

    # --- current image ----------------------------------------------------------
    def set_document(self, index: int | None, doc: ImageDocument | None) -> None:
        left = self.index if self.index != index else None
        self.index, self.doc = index, doc
        self.selected = 0 if doc is not None and doc.objects else -1
        if index is None or doc is None:
            # (an image that cannot be shown, or one still loading, takes no edits: Ctrl+Z on a
            # deleted image brought back boxes unseen, an unsaved edit nothing showed)
            # the stub types the stack as QUndoStack, but Qt takes None (nullptr): no stack is active
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
            if index is not None:
                self.selection_changed.emit(self.selected)  # nothing selected: the Label box clears
            self._drop_if_empty(left)
            return
        self.undo_group.setActiveStack(self.stack_for(index))
        self._drop_if_empty(left)
        self._nudge_serial += 1
        self.selection_changed.emit(self.selected)

    def _drop_if_empty(self, index: int | None) -> None:
        """Image ``index`` was left: its stack goes if it has nothing to undo or redo (one comes
        back with its first edit); one with history stays, for Ctrl+Z when the image is back."""
        stack = self._stacks.get(index) if index is not None else None
        if index is not None and stack is not None and stack.count() == 0:
            del self._stacks[index]
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    def reset(self) -> None:
        """Forget every stack (a new folder was opened)."""
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self._labelled = None  # the next folder's images are numbered anew
        self.set_document(None, None)

    def label_given_here(self) -> str:
        """The last label given, if it was given on the image shown (a class picked before its box is
        drawn, or a box relabelled there): else ""."""
        return self.default_label if self._labelled is not None and self._labelled == self.index else ""

    def stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def stack_for(self, index: int) -> QUndoStack:
        """The undo stack of image ``index`` (created if it has none yet)."""
        stack = self._stacks.get(index)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[index] = stack
        return stack

    def replace_all(self, index: int, doc: ImageDocument, objects, verified: bool, text: str) -> QUndoStack:
        """Push a ReplaceAllCommand on image ``index``'s stack (current image or not)."""
        stack = self.stack_for(index)
        stack.push(cmd.ReplaceAllCommand(doc, self._notify, objects, verified, text))
        return stack

    def _notify(self, doc: ImageDocument) -> None:
        if doc is self.doc and self.selected >= len(doc.objects):
            self.selected = len(doc.objects) - 1
        self.document_changed.emit(doc)  # also for an image not on screen (a class renamed everywhere)

    def mark_clean(self, index: int) -> None:
        """Image ``index`` was saved: its undo stack's clean state is here."""
        stack = self._stacks.get(index)
        if stack is not None:
            stack.setClean()

    def rename_in(self, index: int, doc: ImageDocument, old: str, new: str) -> bool:
        """Relabel every ``old`` box of image ``index`` (on screen or not), undoable on its own stack."""
        if not any(obj.name == old for obj in doc.objects):
            return False
        self.stack_for(index).push(cmd.RenameLabelCommand(doc, self._notify, old, new))
        return True

    def _push(self, command) -> bool:
        stack = self.stack()
        if stack is None or self.doc is None:
            return False
        stack.push(command)
        return True

    def select(self, index: int) -> None:
        if self.doc is None:
            return
        self.selected = index if 0 <= index < len(self.doc.objects) else -1
        self._nudge_serial += 1
        self.selection_changed.emit(self.selected)

    def target_index(self) -> int:
        """The selected object, else -1. Never the primary one in its place: with no box showing its handles
        (a click on empty space, or a box just deleted), Del deleted the first box, the arrows moved it and a
        number key relabelled it; in labelImg, and as the keys' help says, they act on the selected box alone.
        (An image opens with its first box selected, `set_document`: the keys act on it until it is left.)"""
        if self.doc is None:
            return -1
        return self.selected if 0 <= self.selected < len(self.doc.objects) else -1

    # --- edits --------------------------------------------------------------------
    def add_box(self, box: Box, label: str | None = None, *, copy_of: VocObject | None = None) -> bool:
        """Add a box ``label`` (else the label given last), selected, one undo step. ``copy_of``: a box this
        one is a copy of (Ctrl+D), all but where it is (its label, pose, truncated, difficult, the file's
        other children of it): labelImg's copy keeps them, and the window cannot show or set them, so a
        copy made anew lost them unseen. Not a model's mark: the copy is a person's box (over the original,
        one proposal would count as the model's twice)."""
        if self.doc is None:
            return False
        box = self.doc.clamp_box(box)
        if box.width < 1 or box.height < 1:
            return False
        if copy_of is not None:
            obj = dataclasses.replace(copy_of, box=box, proposed_by=None, proposed_box=None, proposed_label=None)
        else:
            obj = make_object(label or self.default_label or "object", box)
        index = len(self.doc.objects)
        self.selected = index
        return self._push(cmd.AddObjectCommand(self.doc, self._notify, obj, index))

    def set_box(self, index: int, old: Box, new: Box, text: str = "Move box", merge_key=None) -> bool:
        """Push a box change (clamped to the image); commands with the same ``merge_key`` merge."""
        if self.doc is None or not 0 <= index < len(self.doc.objects):
            return False
        new = self.doc.clamp_box(new, old)  # a side as long as in ``old`` was moved: it keeps that length
        if new == self.doc.objects[index].box:
            return False
        self.selected = index
        return self._push(cmd.SetBoxCommand(self.doc, self._notify, index, old, new, merge_key, text))

    def nudge(self, dx: float, dy: float) -> bool:
        """Move the selected box by (dx, dy); consecutive nudges merge into one undo step."""
        index = self.target_index()
        if index < 0 or self.doc is None:  # (no document selects no box: the index is -1 then)
            return False
        old = self.doc.objects[index].box
        new = old.translated(dx, dy)
        if self.doc.image_size is not None:
            w, h = self.doc.image_size
            new = new.translated(min(0.0, w - new.xmax) - min(0.0, new.xmin),
                                 min(0.0, h - new.ymax) - min(0.0, new.ymin))
        return self.set_box(index, old, new, "Nudge box", ("nudge", self._nudge_serial))

    def move_edge(self, edge: str, delta: float) -> bool:
        """Move one edge ("left", "top", "right", "bottom") of the selected box; merges like nudges."""
        index = self.target_index()
        if index < 0 or self.doc is None:  # (no document selects no box: the index is -1 then)
            return False
        old = self.doc.objects[index].box
        x0, y0, x1, y1 = old.xmin, old.ymin, old.xmax, old.ymax
        if edge == "left":
            x0 = min(x0 + delta, x1 - 1)
        elif edge == "right":
            x1 = max(x1 + delta, x0 + 1)
        elif edge == "top":
            y0 = min(y0 + delta, y1 - 1)
        elif edge == "bottom":
            y1 = max(y1 + delta, y0 + 1)
        else:
            raise ValueError(f"unknown edge {edge!r}")
        new = self.doc.clamp_box(Box(x0, y0, x1, y1), old)
        return self.set_box(index, old, new, "Resize box", ("resize", self._nudge_serial))

    def delete_selected(self) -> bool:
        """Delete the selected box, leaving none selected (labelImg): the selection went on to the next box,
        so a held Del (its repeats unmarked under X, `accept_guard`) deleted every box of the image. Its undo
        brings the box back selected, as it was before the delete."""
        index = self.target_index()
        if index < 0 or self.doc is None:  # (no document selects no box: the index is -1 then)
            return False
        deleted = self.doc.objects[index]

        def notify(doc: ImageDocument) -> None:
            if doc is self.doc:  # (the stack is the image's own: its undo and redo run with it on screen)
                back = index < len(doc.objects) and doc.objects[index] is deleted
                self.selected = index if back else -1
                self._nudge_serial += 1  # a nudge after it is an undo step of its own
            self._notify(doc)

        return self._push(cmd.DeleteObjectCommand(self.doc, notify, index))

    def set_label(self, name: str) -> bool:
        """Relabel the selected object; with none selected, it becomes the label of the next box (labelImg)."""
        self.default_label, self._labelled = name, self.index
        index = self.target_index()
        if index < 0:
            # Del and the arrows say they changed no box; a number key with none selected changed none, unsaid
            self.said.emit(next_box_label_said(name, self.doc is not None and bool(self.doc.objects)))
            return False
        if self.doc is None or self.doc.objects[index].name == name:  # (no document: the index was -1)
            return False
        return self._push(cmd.SetLabelCommand(self.doc, self._notify, index, name))

    def accept_prediction(self, label: str, box: Box, model: str | None = None, version: str | None = None) -> bool:
        """Make the prediction the primary object (kept fields: pose, flags, extras), marked as ``model``'s
        box (its name as the window shows it, and its meta.json ``version`` when known; None: not known)
        accepted unchanged: saved so, it is scored as that model's box, not a person's, until it is moved
        or resized (ADR 0013). The mark names it by `model_phrase`, as `petloc predict`'s pre-labels do: a
        stored version shown as ``pets <id>`` is ``model <id>``."""
        from petloc_gui.core.voc_provenance import model_phrase  # (lxml: imported once a box is accepted)

        if self.doc is None:
            return False
        self.default_label, self._labelled = label, self.index  # a label given, as one typed (labelImg)
        box = self.doc.clamp_box(box)  # in whole pixels, as saved: the box proposed is the box kept
        proposed_by = model_phrase(model, version)
        primary = self.doc.primary
        if primary is not None and primary.name == label and primary.box == box:
            if self.doc.prelabel_shown and not self.doc.verified:
                # the model's unreviewed pre-label is the prediction: accepted as it is, the review is recorded
                # as V records it (README: "press V, then save"); A then D did nothing and left it unreviewed
                return self._push(cmd.SetVerifiedCommand(self.doc, self._notify, True))
            self.said.emit(ALREADY_THE_BOX)  # nothing to change: the box stays whoever's it was
            return False
        new = make_object(label, box) if primary is None else dataclasses.replace(primary, name=label, box=box)
        new = dataclasses.replace(new, proposed_by=proposed_by, proposed_box=box, proposed_label=label)
        self.selected = self.doc.primary_index or 0  # the box replaced (none: the new one, first)
        return self._push(cmd.ReplaceObjectCommand(self.doc, self._notify, new))

    def toggle_verified(self) -> bool:
        if self.doc is None:
            return False
        return self._push(cmd.SetVerifiedCommand(self.doc, self._notify, not self.doc.verified))
