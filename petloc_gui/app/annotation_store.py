"""Open and save the per-image documents of a dataset through core.voc (no Qt).

Documents are created lazily, the first time an image is opened; those with
edits (or other news) are kept for the session, the others only while recent or
held elsewhere (`app.kept_documents`). Saving is atomic
(core.voc.write_voc); a failed save raises SaveError and leaves the document
dirty with its edits in memory. A save writes the size of the image as it is
now (`measure_again`: another program may have replaced it), never a box
outside it, and nothing for an image gone from its folder.

An image whose annotation file is another image's (photo.png beside photo.jpg
and photo.jpg's photo.xml: `core.shared_annotations`) has no annotation of its
own here either: its document and its list row show none of the owner's boxes
but a note saying why, and a save is refused (it would replace the owner's
boxes) with the edits kept.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.app.annotation_look import looked_at, read_error, state_to_check
from petloc_gui.app.image_document import ImageDocument, primary_index, shared_note
from petloc_gui.app.kept_documents import KeptDocuments
from petloc_gui.core.errors import PetlocError, SaveError

if TYPE_CHECKING:  # core.voc and core.dataset are imported where they are used
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.voc import VocAnnotation


def read_document(image_path: Path, annotation_path: Path,
                  image_size: tuple[int, int] | None = None, shared_with: str | None = None) -> ImageDocument:
    """A document for one image: its annotation if any, or the reading error.

    Only the XML is read, never the image (this runs on the GUI's UI thread):
    ``image_size`` is the size of the image decoded in the background, checked
    against the file's; without it the file's own size is used. ``shared_with``:
    the image that owns the annotation file when it is not this one; the file
    is then not read (its boxes are that image's) and the document stays empty.
    """
    from petloc_gui.core import voc
    from petloc_gui.core.disk_state import MISSING, current_state

    doc = ImageDocument(image_path=Path(image_path), annotation_path=Path(annotation_path),
                        shared_with=shared_with)
    if shared_with is not None:
        return doc  # no disk state either: the owner's file changing is no news for this image
    exists = looked_at(doc.annotation_path)
    if isinstance(exists, str):
        doc.load_error = exists
    elif not exists:
        doc.disk_state = MISSING  # a file created later by another program is a change
    else:
        try:
            annotation = voc.read_voc(doc.annotation_path, image_size=image_size, find_image=False)
        except PetlocError as exc:
            doc.load_error = read_error(doc.annotation_path, exc)
        except Exception as exc:  # noqa: BLE001 - a hostile file must not take the window down
            doc.load_error = f"{doc.annotation_path}: cannot read ({type(exc).__name__}: {exc})"
        else:
            doc.annotation = annotation
            doc.disk_state = annotation.disk_state
            doc.problems = list(annotation.problems)
            doc.objects = boxes_only(annotation.objects, doc.problems)
            doc.verified = bool(getattr(annotation, "verified", False))
            doc.box_lost = no_box_left(annotation.objects, doc.objects, doc.verified)
            if doc.box_lost:
                doc.verified = False  # given to a box that is not there now: the image needs one drawn
            if annotation.width and annotation.height:
                doc.image_size = (int(annotation.width), int(annotation.height))
        if doc.load_error:
            try:
                doc.disk_state = current_state(doc.annotation_path)
            except OSError:
                doc.disk_state = None  # what the file holds is unknown (`could_not_look`)
    doc.mark_saved(in_session=False)
    return doc


def folder_gone(folder: Path) -> str | None:
    """What to say of a folder of images that no longer exists (renamed, moved or deleted while it
    was open); None while it is there (or cannot even be looked at)."""
    try:
        if folder.is_dir():
            return None
    except OSError:
        return None
    return (f"The folder {folder} no longer exists (moved or deleted?): its images and annotations are not "
            "there now; open the folder where it is now (Ctrl+O), or press F5 once it is back")


def boxes_only(objects: list, problems: list[str] | None = None) -> list:
    """The objects that are boxes: one of zero area (a box wholly outside the image, clamped to its
    edge; xmin == xmax) is none, so the image reads as needing a box when none is left
    (`no_box_left`) and is never saved as a verified zero-area box. Each one left out is said in
    ``problems`` (`core.voc`: nothing repaired silently), where it lies kept: of a box clamped from outside
    the image, core.voc's "lies outside" note says it; of a line inside it (50, 50, 50, 120), its coordinates
    (the status says "the image's notes say where they lie": replaced by "no box is left inside the image",
    nothing said where, nor that it had no area)."""
    kept = []
    for index, obj in enumerate(objects, start=1):
        if obj.box.area > 0:
            kept.append(obj)
        elif problems is not None:
            label = f"object {index} ({obj.name or 'no name'}): "
            outside = any(text.startswith(label) and " lies outside the " in text for text in problems)
            what = "no box is left inside the image" if outside else f"box {obj.box.as_tuple()} has zero area"
            note = f"{label}{what}, so it is not shown and a save drops it: draw it again"
            # in place of core.voc's "has zero area" note, which this one says more of
            said = [at for at, text in enumerate(problems) if text.startswith(label) and text.endswith("zero area")]
            if said:
                problems[said[0]] = note
            else:
                problems.append(note)
    return kept


def no_box_left(objects: list, kept: list, verified: bool) -> str | None:
    """What to say of an annotation that has objects but no box left inside the image (`boxes_only`
    kept none of ``objects``): the image needs a box, and reads so (an error in its list row, in the
    review queue, before the verified images), whatever the file's ``verified`` flag, which was
    given to a box that is not there now. None while a box is left, and for a file that holds no
    object (labelImg's "checked, nothing there")."""
    from petloc_gui.core.text import counted

    if kept or not objects:
        return None
    note = (f"needs a box: no box of its {counted(len(objects), 'object')} is left inside the image "
            "(the image's notes say where they lie): draw it again")
    if verified:
        note += "; the file's verified mark was for that box, so it is cleared: mark it again once drawn"
    return note


Primary = tuple[str, "Box | None", bool, list[tuple[str, "Box"]], bool]


def read_primary(annotation_path: Path, image_path: Path | None = None,
                 shared_by: list[str] | None = None) -> Primary | str | None:
    """``(name, box, verified, objects, prelabel)`` of the primary object on disk (the one a run learns,
    `ImageDocument.primary`: the list counts the image's class by it; ``objects``: every
    ``(name, box)``, for the best-gt IoU rule; ``prelabel``: a model's boxes nobody has reviewed,
    `ImageDocument.prelabel`), None, or the error text (`folder_gone` when there is no file because
    the image's folder itself is gone; `no_box_left` when none of its boxes is left inside the
    image, as the opened document's status says).

    Boxes are clamped to ``image_path``'s real size (its header: the size the opened image and
    `petloc evaluate` clamp them to), not to a ``<size>`` that is wrong (an image resized since, an
    old labelImg file with width and height swapped), so the IoU column and the review queue agree
    with them. ``shared_by``: the names of the images that map to the file when more than one does;
    for an image that does not own it, the note saying so (`ImageDocument.shared_note`). Used off the
    UI thread to fill the file list's IoU column; never raises.
    """
    from petloc_gui.core import voc

    path = Path(annotation_path)
    if shared_by and image_path is not None:
        from petloc_gui.core.shared_annotations import owner_elsewhere

        owner = owner_elsewhere(path, Path(image_path).name, shared_by)
        if owner is not None:
            return shared_note(Path(image_path).name, path.name, owner)
    exists = looked_at(path)
    if isinstance(exists, str):
        return exists
    if not exists:
        # the whole folder moved or deleted: not "no annotation" (its file is elsewhere now, or gone)
        return None if image_path is None else folder_gone(Path(image_path).parent)
    try:
        annotation = voc.read_voc(path, image_path=image_path)
    except Exception as exc:  # noqa: BLE001 - reported per image, never raised
        return str(exc)
    verified = bool(getattr(annotation, "verified", False))
    objects = boxes_only(annotation.objects)  # as the opened image shows them
    lost = no_box_left(annotation.objects, objects, verified)
    if lost:
        return lost
    at = primary_index(objects)  # the box a run learns, as the opened document's primary
    if at is None:
        return ("", None, verified, [], False)
    first = objects[at]
    return (first.name, first.box, verified, [(o.name, o.box) for o in objects], annotation.unreviewed)


def build_annotation(doc: ImageDocument) -> VocAnnotation:
    """The VocAnnotation to write for a document (edits applied to the read one).

    Its size is the image's as measured (`measure_again`): the one decoded for display (the image
    is never decoded here, on the UI thread), not the one the file was read with: the image may
    have been replaced since by one of another size. A new file needs it; unknown means the image
    could not be decoded. A box that does not lie inside that size is not written (SaveError).
    """
    from petloc_gui.core import voc
    from petloc_gui.core.voc_edit import naming_the_image

    if doc.annotation is not None:
        width, height = doc.image_size or doc.annotation.size
        _check_boxes_inside(doc, width, height)
        # prelabel=None: a person edited and saved these boxes, so they are no longer a model's unreviewed
        # ones; each box left as the model proposed it keeps that model's name in its own mark
        # (`VocObject.accepted_from`, written by core.voc_edit; ADR 0013), one moved or resized is the
        # person's. A pre-label only relabelled by a class renamed folder-wide stays one (`stays_prelabel`):
        # nobody looked at it, and as ground truth `petloc train` validated on it. So does one whose review
        # saved in the session was undone: its mark is the one read, gone from ``doc.annotation`` since.
        edited = dataclasses.replace(doc.annotation, width=width, height=height, objects=list(doc.objects),
                                     verified=doc.verified, prelabel=doc.prelabel_mark)
        return naming_the_image(edited, doc.image_path.name)  # not a `<filename>` of another file
    if doc.image_size is None:
        raise SaveError("the image's size is unknown (it is still loading or cannot be read)",
                        doc.annotation_path)
    width, height = doc.image_size
    _check_boxes_inside(doc, width, height)
    annotation = voc.new_annotation(doc.image_path, width, height)
    return dataclasses.replace(annotation, objects=list(doc.objects), verified=doc.verified)


def _check_boxes_inside(doc: ImageDocument, width: int, height: int) -> None:
    """Refuse a box that reaches outside the image (one drawn before another program replaced the
    image with a smaller one): written, the file would hold a box no tool can use, and clamped
    here, the box saved would not be the one shown. Edits clamp boxes to the image, so the user's
    next move of it fixes it. A box that is not finite is `core.voc_write`'s to refuse."""
    if width <= 0 or height <= 0:
        return  # no size to hold them to (a file without one, its image never decoded)
    for index, obj in enumerate(doc.objects, start=1):
        box = obj.box
        if all(math.isfinite(value) for value in box.as_tuple()) and not box.is_inside(width, height):
            why = " now that another program replaced it" if doc.image_change else ""
            raise SaveError(f"box {index} ({obj.name or 'no name'}) reaches outside the image, which is "
                            f"{width}x{height}{why}: nothing saved. Move the box inside the image (or delete "
                            "it), then save again", doc.annotation_path)


def measure_again(doc: ImageDocument) -> None:
    """Before a save: when the image file is not the one whose size the document holds (replaced by
    another program since it was decoded; the window decodes the shown image again, but not the
    others, and not before a save right after the copy), its header is read, here on the UI thread
    for that rare case only (a few kilobytes, never the pixels). Of another size, nothing is saved
    (SaveError): its boxes were drawn on another picture, and the user is told so before they are
    written against it (`ImageDocument.image_measured`); the next save writes the new size."""
    from petloc_gui.app.file_key import NO_FILE, file_key
    from petloc_gui.core.images import image_size

    if doc.image_key is None:
        return  # never decoded in this session: the size is the file's, and no edit was drawn on it
    key = file_key(doc.image_path)
    if key == doc.image_key or key[1] == NO_FILE:
        return  # the same file; or gone just now, which the write or the next save says
    try:
        size = image_size(doc.image_path)
    except (PetlocError, OSError) as exc:
        raise SaveError(f"the image {doc.image_path.name} was changed on disk by another program and cannot "
                        f"be read now ({getattr(exc, 'reason', None) or exc}): nothing saved. Save again once "
                        "it can be read", doc.annotation_path) from exc
    before = doc.image_size
    doc.image_measured(size, key)
    if before is not None and size != before:
        raise SaveError(f"the image {doc.image_path.name} was replaced on disk by another program since its boxes "
                        f"were drawn: it is {size[0]}x{size[1]} now, not {before[0]}x{before[1]}. Nothing saved: "
                        "look at its boxes on it, then save again (its new size is written)", doc.annotation_path)


def save_document(doc: ImageDocument, overwrite_unreadable: bool = False, *,
                  root: Path | None = None, keep_mine: bool = False) -> None:
    """Write one document atomically; SaveError (with the edits kept) on failure.

    The file must still be the one the document was read from
    (ExternalChangeError otherwise) unless ``keep_mine``, the user's explicit
    "overwrite their version"; one read with an error is looked at again, since
    the error may be stale (`annotation_look.state_to_check`). A symbolic link out of ``root`` is only
    followed once ``doc.link_target_allowed`` (LinkTargetError otherwise).
    """
    from petloc_gui.core import voc
    from petloc_gui.core.voc_write import check_image_there

    if doc.shared_with is not None:
        owner = doc.shared_with
        refused = SaveError(f"not saved: it is {owner}'s annotation file ({doc.image_path.name} only shares its "
                            f"name), so {doc.image_path.name}'s boxes cannot go in it. Rename one of the two images "
                            "so that each has an annotation file of its own, then reload the folder (F5)",
                            doc.annotation_path)
        doc.save_error = str(refused)
        raise refused
    expected = None if keep_mine else doc.disk_state
    try:
        if doc.load_error is not None and not keep_mine:
            expected = state_to_check(doc, overwrite_unreadable)  # the error may be stale: looked at again
        check_image_there(doc.annotation_path, doc.image_path)
        measure_again(doc)
        annotation = build_annotation(doc)
        voc.write_voc(annotation, doc.annotation_path, overwrite_unreadable=overwrite_unreadable,
                      expected=expected, root=root, allow_link_outside=doc.link_target_allowed,
                      image_folder=doc.image_path.parent)
    except SaveError as exc:
        doc.save_error = str(exc)
        raise
    except PetlocError as exc:
        doc.save_error = str(exc)
        raise SaveError(exc.reason, doc.annotation_path) from exc
    except OSError as exc:
        doc.save_error = f"{doc.annotation_path}: {exc.strerror or exc}"
        raise SaveError(exc.strerror or str(exc), doc.annotation_path) from exc
    doc.annotation = annotation
    doc.disk_state = annotation.disk_state
    doc.dropped = list(annotation.dropped)
    doc.problems = []  # the reading notes were of the file replaced now by what the window shows
    doc.external_change = None
    doc.mark_saved(in_session=True)


class AnnotationStore:
    """The documents of one dataset, by item index."""

    def __init__(self, dataset: Dataset) -> None:
        from petloc_gui.core.shared_annotations import sharing_groups

        self.dataset = dataset
        self._docs = KeptDocuments()
        # image path -> the names of the images that map to its annotation file, where more than one does
        groups = sharing_groups(dataset.items) if dataset is not None else {}
        self._shared_by = {str(item.image_path): [other.image_path.name for other in group]
                           for group in groups.values() for item in group}

    def __len__(self) -> int:
        return len(self.dataset.items) if self.dataset is not None else 0

    def document(self, index: int, image_size: tuple[int, int] | None = None) -> ImageDocument:
        """The document of image ``index``, read from disk when none is alive (`KeptDocuments`)."""
        doc = self._docs.get(index)
        if doc is None:
            doc = self.read_disk_version(index, image_size)
        self._docs.keep(index, doc)
        if image_size is not None:  # decoded (again): the image may be another file now (`image_measured`)
            from petloc_gui.app.file_key import file_key

            doc.image_measured(image_size, file_key(doc.image_path))
        return doc

    def read_disk_version(self, index: int, image_size: tuple[int, int] | None = None) -> ImageDocument:
        """A new document of image ``index`` as on disk now (`read_document`; not kept)."""
        item = self.dataset.items[index]
        return read_document(item.image_path, item.annotation_path, image_size, self.owner_elsewhere(index))

    def owner_elsewhere(self, index: int) -> str | None:
        """The name of the image owning image ``index``'s annotation file when it is another image
        (`core.shared_annotations`), else None. Reads that file's ``<filename>`` when it is shared."""
        from petloc_gui.core.shared_annotations import owner_elsewhere

        item = self.dataset.items[index]
        names = self._shared_by.get(str(item.image_path))
        return owner_elsewhere(item.annotation_path, item.image_path.name, names) if names else None

    def read_primary(self, index: int) -> Primary | str | None:
        """`read_primary` of image ``index`` (off the UI thread too: it only reads files)."""
        item = self.dataset.items[index]
        return read_primary(item.annotation_path, item.image_path, self._shared_by.get(str(item.image_path)))

    def loaded(self, index: int) -> ImageDocument | None:
        """The document if one is alive (opened, and kept or held elsewhere), without reading anything."""
        return self._docs.get(index)

    def dirty_indices(self) -> list[int]:
        return sorted(i for i, d in self._docs.items() if d.dirty)

    def has_unsaved(self) -> bool:
        return any(d.dirty for _i, d in self._docs.items())

    def save(self, index: int, overwrite_unreadable: bool = False, keep_mine: bool = False) -> None:
        """`save_document` of image ``index``, the owner rule checked again first: another program may
        have made the file another image's since it was read (an edited document is not reloaded, and
        ``keep_mine`` skips the changed-on-disk check), and its boxes must never be replaced."""
        doc = self.document(index)
        if doc.shared_with is None:
            doc.shared_with = self.owner_elsewhere(index)  # refused by save_document when not None
        root = getattr(self.dataset, "root", None)
        save_document(doc, overwrite_unreadable=overwrite_unreadable,
                      root=Path(root) if root is not None else None, keep_mine=keep_mine)

    def loaded_items(self) -> list[tuple[int, ImageDocument]]:
        """(index, document) of every document alive (`loaded`)."""
        return self._docs.items()
