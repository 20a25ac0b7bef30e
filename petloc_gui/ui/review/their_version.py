"""Another program's version of an open image's annotation file (labelImg, a script, a sync tool).

The folder's watchers say when the file of an image opened here changes (`disk_changed`). With no
unsaved edits the new version is shown at once; with edits it is only flagged, and the next save
asks which version to keep (`SaveGuard`), which comes back here as `take_theirs` or `show_both`.
Either way the boxes shown before stay in the image's undo history, one Ctrl+Z away; not the empty list of
a read that failed (`annotation_look.never_read`), which is no one's boxes: that file is taken as a first read
takes it.

A file that could not even be looked at when its image was opened (a folder unreadable for a moment:
`annotation_look.could_not_look`) is reported here too once it can be: that is access come back, not
another program's change, and is said so ("can be read again: shown").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from petloc_gui.app.annotation_look import could_not_look, never_read
from petloc_gui.app.annotation_store import AnnotationStore, folder_gone
from petloc_gui.app.disk_change import CHANGED, CREATED, DELETED, change_kind, change_words
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.dataset import DatasetItem
from petloc_gui.core.text import isolated, visible
from petloc_gui.ui.review.file_list import FileListModel

if TYPE_CHECKING:  # (types only; the session module imports this one)
    from petloc_gui.core.voc import VocObject
    from petloc_gui.ui.review.review_session import SessionHost, SessionParts


# What is shown once the file is taken as it is now, by `app.disk_change` kind: said of a file deleted, whose
# empty annotation read as a blank file of another program's
TAKEN = {CHANGED: "reloaded", CREATED: "shown", DELETED: "no annotation is shown now (the file is gone)"}


class TheirVersionHost(Protocol):
    """What `TheirVersion` asks of the session."""

    current: int | None

    def refresh_row_from(self, row: int, doc: ImageDocument) -> None: ...


class TheirVersion:
    """Shows another program's version of the open images' annotation files, for one session."""

    def __init__(self, model: FileListModel, store: AnnotationStore, items: Sequence[DatasetItem],
                 parts: SessionParts, window: SessionHost, host: TheirVersionHost) -> None:
        self._model = model
        self._store = store
        self._items = items
        self._parts = parts
        self._window = window
        self._host = host

    def disk_changed(self, row: int, doc: ImageDocument, found) -> None:
        """The watcher saw ``doc``'s file change: reload it, or flag it when it has edits."""
        name = doc.annotation_path.name
        gone = folder_gone(doc.image_path.parent)
        if gone is not None:
            # not another program's version to take: the folder itself went (renamed, deleted), and
            # reading "no file" would blank the boxes shown; a save says so too and writes nothing
            self._window.show_status(visible(gone), 15000)
            return
        if could_not_look(doc):
            self._access_back(row, doc, found)
            return
        kind, what = change_kind(doc.disk_state, found), change_words(doc.disk_state, found)
        if not doc.dirty:
            self.take_theirs(row)
            self._window.show_status(f"{isolated(name)} was {what}: {TAKEN[kind]}.", 8000)
            return
        doc.external_change = found
        ask = "whether to write yours again" if kind == DELETED else "which version to keep"
        self._window.show_status(
            f"{isolated(name)} was {what} while you have unsaved edits; saving will ask {ask}.", 15000)
        self._model.set_status(row, doc.status(), doc.problem_text())

    def _access_back(self, row: int, doc: ImageDocument, found) -> None:
        """``doc`` was read while its file could not be looked at, and it can be now: no program changed
        it as far as anyone knows (said as "changed on disk by another program" before), access came back."""
        name = isolated(doc.annotation_path.name)
        if doc.dirty:
            # a save looks at the file again (`annotation_look.state_to_check`): one there now is a version
            # the window never showed, asked about; none, nothing to ask
            doc.external_change = found
            then = "saving will ask which version to keep" if found.exists else "there is none; saving writes yours"
            self._window.show_status(f"{name} can be looked at again while you have unsaved edits; {then}.", 15000)
            self._model.set_status(row, doc.status(), doc.problem_text())
            return
        self.take_theirs(row)
        if not found.exists:
            said = f"{name} can be looked at again: there is none, so no annotation is shown."
        elif doc.load_error is not None:
            said = f"{name} can be looked at again, but not read as an annotation: its error is shown."
        else:
            said = f"{name} can be read again: shown."
        self._window.show_status(said, 8000)

    def _read_disk_version(self, row: int) -> ImageDocument:
        loaded = self._store.loaded(row)
        return self._store.read_disk_version(row, loaded.image_size if loaded is not None else None)

    def writes_the_same(self, row: int) -> bool:
        """Whether image ``row``'s file, read now, holds all that is the user's in a save of the window's version
        (`saves_as_on_disk`): a save that finds it changed has nothing to ask then (`SaveGuard`), and its Take
        theirs adds no undo step (`take_theirs`), so no Ctrl+Z is promised. The same boxes shown are not enough:
        the box A accepted here, found as another model's unreviewed pre-label or without its accepted-from mark
        (ADR 0013), is the user's review, which taking the file's version silently would drop."""
        fresh = self._read_disk_version(row)
        return fresh.load_error is None and saves_as_on_disk(self._store.document(row), fresh)

    def take_theirs(self, row: int) -> None:
        """Show the file as it is on disk now; the objects shown before stay one Ctrl+Z away, unless they are
        a failed read's (`never_read`): then it is taken as a first read would have taken it. No undo step
        back to the empty list the failed read left (Ctrl+Z made an image nobody edited "GT: none", and
        Ctrl+S wrote the file without its boxes); edits made on that empty image are the user's, one Ctrl+Z
        away, with nothing before them, since each older state is that empty list or was made from it."""
        doc = self._store.document(row)
        fresh = self._read_disk_version(row)
        first_read = never_read(doc)
        if first_read:
            self._parts.edits.stack_for(row).clear()
        if (fresh.shown() == doc.shown() and (not doc.dirty or saves_as_on_disk(doc, fresh))) \
                or (first_read and not doc.dirty):
            # The same boxes, labels and flag in other bytes (another tool's layout, a field not shown):
            # an undo step would change nothing on screen, and the Ctrl+Z after it seem to do nothing.
            # Not so over unsaved edits a save would write and the file lacks though nothing shows them (A's
            # accepted-from mark, the review of a pre-label): the step is the Ctrl+Z that brings them back.
            # The file's objects are taken all the same: a save writes against them, their fields kept.
            # A failed read's empty list with no edits on it is taken over so too: no step back to it.
            doc.objects[:] = fresh.objects
            doc.set_verified(fresh.verified)
        else:
            self._parts.edits.replace_all(row, doc, fresh.objects, fresh.verified, "Reload from disk")
        doc.adopt_disk_version(fresh)
        self._parts.edits.mark_clean(row)
        self._items[row].has_annotation = bool(fresh.disk_state and fresh.disk_state.exists)
        self._refresh(row, doc)

    def show_both(self, row: int) -> str:
        """Show the disk version plus the user's boxes it lacks, unsaved, to sort out by hand; returns
        `stacked_labels`'s words on boxes of mine put exactly on one of theirs under another label, "" if none.

        The disk version is kept as it is, its verified mark too: the merge is verified when either
        version is (this window's flag alone dropped labelImg's verified="yes", shown and saved as "no"),
        a mark of mine being kept as my boxes it lacks are."""
        doc = self._store.document(row)
        mine = list(doc.objects)
        fresh = self._read_disk_version(row)
        theirs = [(o.name, o.box) for o in fresh.objects]
        added = [o for o in mine if (o.name, o.box) not in theirs]
        merged = list(fresh.objects) + added
        verified = fresh.verified or doc.verified
        self.take_theirs(row)
        if (tuple((o.name, o.box) for o in merged), verified) != doc.shown():
            # (with none of my boxes lacking and no mark of mine lacking, that is their version as just
            # reloaded: a step would change nothing on screen)
            self._parts.edits.replace_all(row, doc, merged, verified, "Show both versions")
        self._refresh(row, doc)
        return stacked_labels(added, fresh.objects)

    def _refresh(self, row: int, doc: ImageDocument) -> None:
        self._host.refresh_row_from(row, doc)
        if row == self._host.current:
            w = self._parts
            if w.edits.selected >= len(doc.objects):
                w.edits.selected = len(doc.objects) - 1
            w.panel.show_annotation(doc, w.edits.selected)
            self._window.image_shown(doc)
        self._window.refresh_modified()


def saves_as_on_disk(doc: ImageDocument, fresh: ImageDocument) -> bool:
    """Whether ``fresh`` (the file, read now) holds all that is the user's in a save of ``doc``: each object's
    label and box, with its accepted-from mark as a save writes it (ADR 0013: the model while the box is still
    the one it proposed, and the label it proposed), the verified flag, and the pre-label mark the save writes
    (`ImageDocument.prelabel_mark`: none once the boxes are a person's) as the file's. The file's mark counts
    only while it is an unreviewed pre-label: a verified file is a person's whatever its mark says
    (`VocAnnotation.unreviewed`, as the mark read is taken), so V here, then a file of the same boxes verified
    that kept the mark, is no other version. Nor are an object's pose, truncated, difficult or occluded
    fields: the window never shows nor edits them (mine are the file's as read, or defaults), so another
    tool's values of them (labelImg's truncated at an image edge) are nothing of mine to choose against;
    taking theirs keeps theirs."""
    on_disk = fresh.annotation.prelabel if fresh.annotation is not None and fresh.annotation.unreviewed else None
    if doc.prelabel_mark != on_disk or doc.verified != fresh.verified:
        return False
    return [_users_part(o) for o in doc.objects] == [_users_part(o) for o in fresh.objects]


def _users_part(obj: VocObject) -> tuple:
    """What of an object is the user's, as a save writes it: label, box, and the accepted-from mark (the model
    while the box is the one it proposed, with the label it proposed), none once the box is a person's."""
    model = obj.accepted_from
    return obj.name, obj.box, model, obj.model_label if model is not None else None


def stacked_labels(added: Sequence[VocObject], theirs: Sequence[VocObject]) -> str:
    """What Show both's note says of the boxes of mine it adds (``added``) exactly on a box of ``theirs`` (the
    same coordinates, another label: their program relabelled it): "" when none. Each is drawn exactly over
    theirs, its tag over theirs, so the picture showed one box and "delete what you do not want" named nothing
    the user could see; the words name both labels of each and how to reach them. Show both stays offered when
    the question says only labels differ: with several relabelled it is the one answer that keeps some of theirs
    and some of mine, box by box, which Keep mine and Take theirs cannot."""
    pairs = [(their.name, my.name) for my in added for their in theirs if their.box == my.box]
    if not pairs:
        return ""
    named = ", ".join(f"{isolated(their)} (theirs) and {isolated(my)} (yours)" for their, my in pairs)
    boxes = "one box has" if len(pairs) == 1 else f"{len(pairs)} boxes have"
    each = "delete the one you do not want" if len(pairs) == 1 else "delete the ones you do not want"
    return f"{boxes} two labels stacked: {named}; B selects each, {each}"
