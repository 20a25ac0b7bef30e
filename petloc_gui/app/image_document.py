"""The annotation state of one image while it is being edited (no Qt).

A document holds the objects as read from disk, the edited objects, the
verified flag, and any error met while reading or saving. "Dirty" means the
edited state differs from what is on disk, so undoing back to the saved state
makes the image clean again. Objects the user did not touch are kept as read
(extra fields included), because they are never rebuilt, only replaced.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.app.disk_change import change_words
from petloc_gui.app.whole_pixels import whole_pixels
from petloc_gui.core import scored_objects
from petloc_gui.core.boxes import Box

if TYPE_CHECKING:  # core.voc (lxml) is imported where an object is made
    from petloc_gui.app.file_key import FileKey
    from petloc_gui.core.disk_state import DiskState
    from petloc_gui.core.voc import VocAnnotation, VocObject

STATUS_NONE = "none"
STATUS_ANNOTATED = "annotated"
STATUS_PRELABEL = "prelabel"  # a model's boxes (`petloc predict --write-voc`), nobody has saved since
STATUS_EDITED = "edited"
STATUS_SAVED = "saved"
STATUS_VERIFIED = "verified"
STATUS_ERROR = "error"

STATUS_TEXT = {
    STATUS_NONE: "no annotation",
    STATUS_ANNOTATED: "annotated",
    STATUS_PRELABEL: "pre-label",
    STATUS_EDITED: "edited (unsaved)",
    STATUS_SAVED: "saved",
    STATUS_VERIFIED: "verified",
    STATUS_ERROR: "error",
}
# What a status means, where its short text does not say it all (the list's tooltips)
STATUS_TIPS = {
    STATUS_PRELABEL: "pre-label: a model's boxes (petloc predict --write-voc) that nobody has saved yet; "
                     "saving it after an edit of it, or marking it verified, makes it ground truth (a box left "
                     "untouched stays marked as the model's: evaluate and the retrain comparison count it apart); "
                     "a class renamed in Edit → Classes alone is no review: saved, it stays a pre-label",
}


def shared_note(image_name: str, annotation_name: str, owner: str) -> str:
    """The note on an image whose annotation file is another image's (its list row, its pane)."""
    return (f"{image_name} shares its annotation file {annotation_name} with {owner}, whose file it is: "
            f"{image_name} has no annotation of its own here, and its boxes cannot be saved. Rename one of the "
            "two images so that each has an annotation file of its own, then reload the folder (F5).")


def primary_index(objects: Sequence[VocObject]) -> int | None:
    """Where an image's primary object is among ``objects`` (those shown: `annotation_store.boxes_only`): the
    first a run learns, with a label and a box of non-zero area (`core.scored_objects.usable_objects`, the rule
    `model.data.collect_samples` takes it by, called, not copied: the window's class counts are the Retrain
    dialog's); of objects none of which a run can use (each without a label), the first: the box to label, the one
    A replaces. None for none. ``objects[0]`` taken whatever it was, an image listing first a box without a label
    counted no class in the window, though training learned the cat after it."""
    if not objects:
        return None
    usable = scored_objects.usable_objects(objects)
    if not usable:
        return 0
    return next(index for index, obj in enumerate(objects) if obj is usable[0])


def make_object(name: str, box: Box) -> VocObject:
    """A new VOC object with default pose/truncated/difficult."""
    from petloc_gui.core.voc import VocObject

    return VocObject(name=name, box=box)


@dataclass
class ImageDocument:
    """Per-image annotation state: on-disk baseline + edits."""

    image_path: Path
    annotation_path: Path
    annotation: VocAnnotation | None = None  # read from disk (kept as a template)
    objects: list[VocObject] = field(default_factory=list)
    verified: bool = False
    load_error: str | None = None
    save_error: str | None = None
    saved_in_session: bool = False
    image_size: tuple[int, int] | None = None
    # The annotation file as read (core.disk_state.DiskState; MISSING when
    # there was none): a save refuses if the file changed since.
    disk_state: DiskState | None = None
    # Set when the file changed on disk while this document had edits.
    external_change: DiskState | None = None
    # The image itself could not be decoded (kept so the list keeps saying so).
    image_error: str | None = None
    # The user agreed to save through a symbolic link out of the dataset folder.
    link_target_allowed: bool = False
    # The image whose annotation file this is, when it is another image's (photo.png beside photo.jpg
    # and photo.jpg's photo.xml, `core.shared_annotations`): none of its boxes are shown here, and a
    # save is refused, since it would replace them.
    shared_with: str | None = None
    problems: list = field(default_factory=list)  # reading notes (repairs, shortened labels)
    # The file's objects have no box left inside the image (`annotation_store.no_box_left`, what to
    # say): until one is drawn or the file saved, the image reads as needing a box (an error).
    box_lost: str | None = None
    dropped: list = field(default_factory=list)  # what the last save removed (DOCTYPE...)
    # The image file (`app.file_key`) whose size ``image_size`` is, once measured (decoded for the
    # window): a save measures it again when the file is another one now (`annotation_store`).
    image_key: FileKey | None = None
    # The news that another program replaced the image since its boxes were shown (`image_measured`),
    # kept in ``problems`` too (the image's notes), until a save writes the boxes against it.
    image_change: str | None = None
    # The edits of this image itself in effect now (undone ones taken off; since the file was read or
    # another program's version taken): a box drawn, moved, deleted or relabelled, a prediction accepted,
    # the verified flag. A folder-wide class rename (Edit → Classes, `RenameLabelCommand`) is no look at the
    # image and is not counted: a pre-label whose only change is one stays a pre-label (`stays_prelabel`).
    hand_edits: int = 0
    # The model's pre-label mark of the file as read (or as another program's version taken), the version
    # `hand_edits` counts from; None when it was no unreviewed pre-label. A review saved in the session
    # drops the mark from the file, and the mark written back once every hand edit is undone is this one.
    _read_prelabel: str | None = None
    _saved_objects: tuple = ()
    _saved_verified: bool = False

    def __post_init__(self) -> None:
        self.mark_saved(in_session=False)

    # --- state -------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True when a save would change what the file says: a box, a label, a field the window keeps, the
        verified flag, a box's mark as a model's accepted unchanged, or the file's pre-label mark (ADR 0013:
        data a save writes, though nothing shows it). A box's mark is compared as a save writes it
        (`_as_written`), not its raw fields: an accepted box moved back onto the file's box of a person still
        holds the model's name, void. The pre-label mark a save writes (`prelabel_mark`) is compared with the
        file's (``annotation``: as read, written, or another program's version taken): Take theirs over a box
        A accepted, the file that very box as the same model's pre-label, then Ctrl+Z, shows the file's boxes
        and box marks, and its save writes the review, without the file's mark."""
        if self.verified != self._saved_verified or self.prelabel_mark != _unreviewed_mark(self.annotation):
            return True
        return tuple(self.objects) != self._saved_objects and \
            [_as_written(o) for o in self.objects] != [_as_written(o) for o in self._saved_objects]

    def shown(self) -> tuple[tuple[tuple[str, Box], ...], bool]:
        """What the window shows of the annotation: each box with its label, and the verified flag
        (an object's pose, truncated, difficult and occluded fields are kept, never shown)."""
        return tuple((o.name, o.box) for o in self.objects), self.verified

    @property
    def primary_index(self) -> int | None:
        """The primary object's place in ``objects`` (`primary_index`), None with no object."""
        return primary_index(self.objects)

    @property
    def primary(self) -> VocObject | None:
        """The object training learns (its first with a label and a box: `primary_index`), the one the header
        names, the list counts the image's class by and A replaces; else the first (no label), or None. The IoU
        is each box's (the best-gt rule over every object)."""
        index = self.primary_index
        return None if index is None else self.objects[index]

    @property
    def has_gt(self) -> bool:
        return bool(self.objects)

    @property
    def prelabel(self) -> bool:
        """The file on disk is a model's pre-label nobody has reviewed (`core.voc.PRELABEL_PREFIX`);
        a save from the window clears the mark (`annotation_store.build_annotation`) unless it
        `stays_prelabel`."""
        return self.annotation is not None and self.annotation.unreviewed

    @property
    def stays_prelabel(self) -> bool:
        """A save writes the file as the model's unreviewed pre-label it was when read (`prelabel_mark`):
        nothing of this image was edited but a folder-wide class rename (`hand_edits`), which relabels boxes
        nobody looked at (written as ground truth, `petloc train` validated on them). Also once a review
        saved since (A or V, then Ctrl+S) is undone: the file goes back to what it was before it, not to
        the reviewed file it is on disk now."""
        return self._read_prelabel is not None and self.hand_edits == 0 and not self.verified

    @property
    def prelabel_mark(self) -> str | None:
        """The pre-label mark a save writes (`stays_prelabel`), else None (the boxes are a person's)."""
        return self._read_prelabel if self.stays_prelabel else None

    @property
    def prelabel_shown(self) -> bool:
        """The boxes shown are the model's unreviewed pre-label: the file is one on disk (`prelabel`), or
        was one as read and every hand edit since is undone, a review saved meanwhile included (A saved,
        then Ctrl+Z: A marks it verified again, as before the save)."""
        return self.prelabel or (self._read_prelabel is not None and self.hand_edits == 0)

    def edited_by_hand(self, step: int) -> None:
        """An edit of this image itself applied (``step`` 1) or undone (-1): `hand_edits`."""
        self.hand_edits += step

    def status(self) -> str:
        """One of the STATUS_* constants."""
        if self.dirty:
            return STATUS_EDITED
        if self.load_error or self.image_error or self.shared_with or self.needs_box:
            return STATUS_ERROR
        if self.verified:
            return STATUS_VERIFIED
        # before "saved": a save from the window drops the mark, so a pre-label here came from disk later
        if self.prelabel and self.objects:
            return STATUS_PRELABEL
        if self.saved_in_session:
            return STATUS_SAVED
        # A file with no object is "checked, nothing there" (labelImg saves such files): annotated,
        # as the list says of the files it scanned without opening them.
        return STATUS_ANNOTATED if self.objects or self.annotation is not None else STATUS_NONE

    @property
    def needs_box(self) -> bool:
        """Every box of the file lies outside the image and none is drawn yet (`box_lost`)."""
        return self.box_lost is not None and not self.objects

    def mark_saved(self, in_session: bool = True) -> None:
        """Record the current state as the one on disk; ``in_session`` False: as read from it."""
        self._saved_objects = tuple(self.objects)
        self._saved_verified = self.verified
        self.save_error = None
        if not in_session:
            self._read_prelabel = _unreviewed_mark(self.annotation)
        if in_session:
            self.saved_in_session = True
            self.load_error = None
            self.box_lost = None  # the file holds what is shown now: the lost boxes were dropped
            self.image_change = None  # the file has the image's size now, and boxes that fit it

    def image_measured(self, size: tuple[int, int], key: FileKey) -> None:
        """The image's size, measured from its file as ``key`` says (decoded for the window, or looked
        at by a save). Another file than the one measured before (``cp other.jpg shown.jpg``) of
        another size, or under unsaved edits, is news: the boxes were drawn on another picture.
        Said in the image's notes and its list row (`image_change`) until a save writes them."""
        before_key, before_size = self.image_key, self.image_size
        self.image_key, self.image_size = key, size
        if before_key is None or _content_stamp(before_key) == _content_stamp(key):
            # the same file, or measured for the first time (a file's <size> that differs: core.voc's note);
            # a chmod, chown or xattr change moves the ctime alone: the same picture, no news
            return
        if size == before_size and not self.dirty:
            return  # touched, or new pixels under boxes nobody edited here: the file's boxes, as before
        name = self.image_path.name
        if size != before_size and before_size is not None:
            note = (f"{name} was replaced on disk by another program: it is {size[0]}x{size[1]} now, not "
                    f"{before_size[0]}x{before_size[1]}; check its boxes on it (a save writes the new size, "
                    "and refuses while a box lies outside the image)")
        else:
            note = f"{name} was changed on disk by another program since your edits: check its boxes on it"
        if self.image_change in self.problems:
            self.problems.remove(self.image_change)
        self.image_change = note
        self.problems.insert(0, note)

    def problem_text(self) -> str | None:
        """The error to show for this image in the list, if any; else the news that another program
        replaced its image or changed its file (kept through later edits and refreshes of its row)."""
        error = self.load_error or self.save_error or self.image_error or self.shared_note \
            or (self.box_lost if self.needs_box else None)
        if error:
            return error
        news = [self.image_change] if self.image_change else []
        if self.external_change is not None:
            then = "saving will ask which version to keep" if self.dirty else \
                "the version read before is shown (edits undone): Ctrl+S loads the new one"
            news.append(f"{self.annotation_path}: {change_words(self.disk_state, self.external_change)}; {then}")
        return "; ".join(news) or None

    @property
    def shared_note(self) -> str | None:
        """What the window says of an image whose annotation file is another image's; else None."""
        if self.shared_with is None:
            return None
        return shared_note(self.image_path.name, self.annotation_path.name, self.shared_with)

    def adopt_disk_version(self, fresh: ImageDocument) -> None:
        """Make ``fresh`` (the file as now on disk) the saved baseline.

        The objects shown are not touched: the caller replaces them through an
        undoable command, so the user's own edits stay one Ctrl+Z away.
        """
        self.annotation = fresh.annotation
        self.load_error = fresh.load_error
        # Another program may have made the file another image's (labelImg on photo.png rewriting
        # photo.xml): from now on this image only shares it, and a save must be refused.
        self.shared_with = fresh.shared_with
        self.disk_state = fresh.disk_state
        self.problems = list(fresh.problems)
        self.box_lost = fresh.box_lost
        self.external_change = None
        self.image_change = None  # the boxes shown are the file's now (its notes say a <size> that differs)
        if fresh.image_size is not None:
            self.image_size = fresh.image_size
        self._saved_objects = tuple(fresh.objects)
        self._saved_verified = fresh.verified
        self.save_error, self.saved_in_session = None, False  # the boxes are the file's now, not saved here
        # counted from the version taken: undoing an edit made before it changes this one (-1 is an edit too)
        self.hand_edits = 0
        self._read_prelabel = _unreviewed_mark(fresh.annotation)

    # --- edits (called by undo commands) -----------------------------------
    def set_box(self, index: int, box: Box) -> None:
        self.objects[index] = dataclasses.replace(self.objects[index], box=box)

    def set_label(self, index: int, name: str) -> None:
        """A box relabelled by hand: the label the model proposed stays, so the label is a person's."""
        self.objects[index] = dataclasses.replace(self.objects[index], name=name)

    def rename_class(self, index: int, new: str) -> None:
        """A box's class renamed folder-wide (`VocObject.class_renamed`: the model's label follows)."""
        self.objects[index] = self.objects[index].class_renamed(new)

    def restore_label(self, index: int, name: str, proposed_label: str | None) -> None:
        """`rename_class` undone: the box's label and the label proposed with it as they were."""
        self.objects[index] = dataclasses.replace(self.objects[index], name=name, proposed_label=proposed_label)

    def insert_object(self, index: int, obj: VocObject) -> None:
        self.objects.insert(index, obj)

    def remove_object(self, index: int) -> VocObject:
        return self.objects.pop(index)

    def replace_object(self, index: int, obj: VocObject) -> None:
        self.objects[index] = obj

    def set_verified(self, verified: bool) -> None:
        self.verified = verified

    def clamp_box(self, box: Box, old: Box | None = None) -> Box:
        """An edited box as a save writes it: sorted, clamped to the image when its size is known,
        in whole pixels (`whole_pixels`: a moved box keeps its width and height). Rounded here, at
        the edit, not at the save: the window shows (and its IoU measures) what the file will hold,
        before and after Ctrl+S and F5 alike; rounded at the save, a redo after it would bring back
        the unrounded box, an edit again. ``old``: the box before the edit, when one was moved or
        resized (`EditController.set_box`): a side as long as it was is a side moved, whatever its
        length (a file's box in fractions, as CVAT writes them)."""
        if self.image_size is None:
            return whole_pixels(box.sorted(), old)
        return whole_pixels(box.repaired(*self.image_size), old, self.image_size)

    def class_names(self) -> set[str]:
        """The classes its boxes name; a box without a name is no class."""
        return {o.name for o in self.objects if o.name}


def _unreviewed_mark(annotation: VocAnnotation | None) -> str | None:
    """The pre-label mark of a file read, when it is a model's unreviewed pre-label; else None (a
    verified file is a person's, whatever its mark says: `VocAnnotation.unreviewed`)."""
    return annotation.prelabel if annotation is not None and annotation.unreviewed else None


def _as_written(obj: VocObject) -> tuple:
    """What a save writes of an object: its fields, and the model its mark names while its box is the one
    the model proposed (the proposed box is then its own box, rounded), with the label it proposed
    (which tells evaluate whether the label is a person's), else none."""
    model = obj.accepted_from
    return (obj.name, obj.box, obj.pose, obj.truncated, obj.difficult, obj.occluded, model,
            obj.model_label if model is not None else None)


def _content_stamp(key: FileKey) -> tuple[str, int, int]:
    """The parts of an image's file key that move when its content may have: path, mtime and size.
    (The key's ctime, which the caches need, also moves on a chmod or chown, which changes no pixel.)"""
    path, stamp = key
    return path, stamp.mtime_ns, stamp.size
