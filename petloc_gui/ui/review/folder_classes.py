"""The classes of the open folder, and what follows when they change (ADR 0010).

The folder's classes are the labels on some box now, saved or edited: read
off every box by the opening scan and the follower, added by an edit, and
dropped when no box uses them any more (a class typed by mistake, undone or
relabelled). A change reaches the Label box's class list and the model
choice (`folder_labels_changed`), which re-chooses a model that no longer
knows them, or brings back the one a mistaken class took away.

The class list (Edit → Classes…) changes them through `renamed`, `forget` and
`set_predefined`, which keep that rule: a class leaves the list only once no
box has it, whoever asks. The renames of the session are kept (`renames`): the
Retrain dialog offers a fine-tune that starts a renamed class from its old
name's weights (ADR 0011).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QTimer

from petloc_gui.app.class_list import ClassNames, merged_names
from petloc_gui.app.session_renames import SessionRenames
from petloc_gui.app.unsaved_renames import UnsavedRenames
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.review.file_list import FileListModel


class ClassesHost(Protocol):
    """What `FolderClasses` asks of the window."""

    def model_state(self) -> tuple[ModelInfo | None, str | None]: ...

    def folder_labels_changed(self, labels: set[str]) -> None: ...

    def show_status(self, text: str, ms: int) -> None: ...


FILE_NOTE_MS = 30000  # how long the status line says what the predefined classes file does not offer


class FolderClasses:
    """``used``: the labels on some box of the folder now; `names` is the Label box's list."""

    def __init__(self, model: FileListModel, predefined: Callable[[], list[str]], label_box: LabelBox,
                 host: ClassesHost, closed: Callable[[], bool], edits: EditController) -> None:
        """``predefined``: the folder's predefined classes as read when it opened; kept here from then on
        (`set_predefined`). What the file does not offer (`ClassNames.notes`) is said by the first `refresh`:
        the window clears its status line after making the session."""
        self.used: set[str] = set()
        read = predefined()
        self._predefined = list(read)
        self._said: set[str] = set()  # the file's notes said in this folder: each once
        self._unsaid = list(read.notes) if isinstance(read, ClassNames) else []
        self._model, self._label_box, self._host, self._closed, self._edits = (
            model, label_box, host, closed, edits)
        self._prune_queued = False
        self.renames = SessionRenames()  # the classes renamed while this folder is open (old -> new, chained)
        # those renames the file does not hold yet: written once a relabelled image is saved (`ClassEditor.rename`)
        self.unsaved = UnsavedRenames()
        # the model's classes on no box and in no file, where the list showed them when this window changed the
        # file (`keep_places`): kept there while the folder is open, so an Add moves no number key
        self._places: dict[str, int] = {}

    @property
    def predefined(self) -> list[str]:
        """The folder's predefined classes (labelImg's predefined_classes.txt), in file order."""
        return list(self._predefined)

    @property
    def shown_predefined(self) -> list[str]:
        """The predefined classes as the list shows them: the file's, with the renames not saved yet in effect on
        the images they relabelled in their old names' places (`UnsavedRenames.shown`)."""
        # (not through `predefined`: `names` takes this on each refresh and each of the dialog's questions)
        if not self.unsaved:
            return list(self._predefined)
        return self.unsaved.shown(list(self._predefined), self._model.labels_of)

    def set_predefined(self, names: list[str]) -> None:
        """The predefined classes file holds ``names`` now (its writer, `ClassEditor`, wrote it, or read it
        again: its `ClassNames.notes` not said yet are said)."""
        self._predefined = list(names)
        if isinstance(names, ClassNames):
            self._unsaid += names.notes
        self.refresh()

    def keep_places(self, shown: list[str], model_only: set[str]) -> None:
        """The list was ``shown`` before this window wrote the file without the model's classes ``model_only``
        (`ClassEditor._after_file`): they keep those places (and number keys) while the folder is open, not
        listed after the file's classes."""
        for index, name in enumerate(shown):
            if name in model_only:
                self._places.setdefault(name, index)

    def renamed(self, old: str, new: str, kept: bool) -> None:
        """Class ``old`` was renamed ``new`` on every box found (``kept``: some box is labelled ``new``
        now). ``old`` leaves the list at once (the class list dialog shows it next), not after this
        turn, but only once no box has it: a box the rename did not reach keeps it listed."""
        self.renames.renamed(old, new)
        if kept:
            self.used.add(new)
        self._drop_unused()  # the look queued by the edits, done now (and once)
        self.refresh()

    def forget(self, name: str) -> list[int]:
        """The user deleted class ``name``: it leaves the list unless a box still has it. Returns the
        rows whose boxes still have it (as the list knows them); then nothing is forgotten."""
        rows = self.rows_labelled(name)
        if not rows and name in self.used:
            self.used.discard(name)
            if not self.used:
                self._host.folder_labels_changed(set())  # the last one gone: `refresh` says nothing then
            self.refresh()
        return rows

    def rows_labelled(self, name: str) -> list[int]:
        """The rows with a box labelled ``name``, as the list knows them now (saved or edited)."""
        return [row for row in range(len(self._model.names)) if name in self._model.labels_of(row)]

    def found(self, names: set[str]) -> bool:
        """Labels read off the boxes of annotation files; True when one is new."""
        new = names - self.used
        self.used |= new
        return bool(new)

    def edited(self, had: set[str], has: set[str]) -> None:
        """An image's labels before and after an edit (as the list knew them, and as they are now)."""
        if self.found(has):  # once per edit, not once per new label
            self.refresh()
        self.maybe_gone(had - has)

    def maybe_gone(self, labels: set[str]) -> None:
        """Labels some image no longer has (an edit, or a file another program rewrote or removed):
        each may be on no box now. Looked for once the changes of this turn are done (a rename edits
        every image in a row; a look is 8 ms at 10,000 rows)."""
        if labels & self.used and not self._prune_queued:
            self._prune_queued = True
            QTimer.singleShot(0, self._prune)

    def _prune(self) -> None:
        """Labels on no box any more leave the class list, and a model they took away comes back."""
        if self._prune_queued and self._drop_unused():  # (a rename may have looked already: `renamed`)
            self.refresh()

    def _drop_unused(self) -> bool:
        """Drop the labels no box has now; True when some went."""
        self._prune_queued = False
        unused = self.used - self._model.labels_in_use() if not self._closed() else set()
        if not unused:
            return False
        self.used -= unused
        if self._edits.default_label in unused and self._edits.default_label not in self.names():
            self._edits.default_label = ""  # the next box does not bring a typo back (a class stays)
        if not self.used:
            self._host.folder_labels_changed(set())  # the last one gone: `refresh` says nothing then
        return True

    def scan_done(self) -> None:
        """Every annotation file read: the model choice, which waits for the whole folder when no
        model is used, sees the classes now (a label removed during the scan is counted)."""
        if not self._closed():
            self._host.folder_labels_changed(set(self.used))

    def names(self) -> list[str]:
        """The class list: the folder's predefined classes, the model's, then labels found on boxes."""
        info, _problem = self._host.model_state()
        return merged_names(self.shown_predefined, info.class_names if info is not None else (), self.used,
                            self._places)

    def refresh(self) -> None:
        if self.used:
            self._host.folder_labels_changed(self.used)  # a model that no longer fits is re-chosen
        self._label_box.set_names(self.names())
        self._say_file_notes()

    def _say_file_notes(self) -> None:
        """What the predefined classes file holds that is not offered (`ClassNames.notes`), on the status
        line, each note once while the folder is open."""
        notes = [note for note in dict.fromkeys(self._unsaid) if note not in self._said]
        self._unsaid = []
        if notes and not self._closed():
            self._said.update(notes)
            self._host.show_status("; ".join(notes), FILE_NOTE_MS)
