"""Class renames (Edit → Classes…) whose relabelled boxes are not saved yet, and what they do to the class file.

A rename relabels boxes as unsaved, undoable edits. Written into predefined_classes.txt at once, the file kept
the new name when those edits were undone or discarded (Ctrl+Q → Discard): the new name held the old one's
number key on no box, and the old name, back on the boxes, moved to the end. So the file's rename waits with
its boxes, the images it relabelled (``rows``; not any box holding the new name: one typed by hand elsewhere,
or the class a merge joins, is no sign of it). It is in effect while some of those images holds the new name
and none the old one again (`in_effect`): the class list shows it in the old name's place then, and it is
written once every one of them is saved so, after the last (`due`). Saved on some and undone on others, it is
not written: the old name keeps its place and number key, the new one is a class found on boxes, listed after
the file's (a redo saved writes it still). A crash or a Discard before leaves the file and the saved boxes
agreeing. No Qt.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field


def renamed(shown: list[str], predefined: list[str], old: str, new: str) -> list[str]:
    """The predefined classes after renaming ``old`` (in the class list ``shown``) to ``new``: in
    ``old``'s place, so no class moves and the number keys keep their classes (`number_keys`)."""
    if new in shown:  # a merge: the class it joins keeps its own place in the file
        if old not in predefined:  # neither in the file (the model's, or on boxes): the file stays
            return predefined
        if new in predefined:
            return [n for n in predefined if n != old]
        # it was listed after the file's classes (the model's, or on boxes): it takes old's place there,
        # so the classes after it keep their keys (cat -> feline -> cat gave key 1 to dog)
        return [new if n == old else n for n in predefined]
    if old in predefined:
        return [new if n == old else n for n in predefined]
    # only listed after the file's classes (the model's, or found on boxes): the list as shown (the
    # caller leaves out the model's classes no box has: `ClassEditor._after_file`) goes into the file,
    # as `ClassEditor.add` does (appended to the file, it jumped to the front)
    return [new if n == old else n for n in shown]


def file_then(file: list[str], after_file: list[str]) -> list[str]:
    """The classes of ``file``, then those of ``after_file`` not in it, each list's order kept."""
    in_file = set(file)  # (a list's ``in`` per class: quadratic in the classes on boxes and the file's)
    return [*file, *(n for n in after_file if n not in in_file)]



Labels = Callable[[int], set[str]]  # an image's labels as the window knows them now (saved or edited)


@dataclass
class UnsavedRename:
    """``old`` renamed ``new`` on the boxes of the images ``rows`` (relabelled by it); ``after_file``: the
    classes listed after the file's then that the file is to hold before ``new`` (`ClassEditor._after_file`)."""

    old: str
    new: str
    after_file: tuple[str, ...]
    rows: tuple[int, ...]
    # the row last found unsaved, looked at first: `save_all` saves rows in order, and a look from the start
    # at each save of a 10,000-image rename was quadratic
    _waiting_on: int = field(default=0, compare=False)

    def apply(self, file: list[str]) -> list[str]:
        """The classes ``file`` holds with this rename made."""
        return renamed(file_then(file, list(self.after_file)), file, self.old, self.new)

    def in_effect(self, labels_of: Labels, later: frozenset[str] = frozenset()) -> bool:
        """Some relabelled image holds the new name (or ``later``: a later rename took it further, cat ->
        kitten -> feline) and none holds the old one again (undone there, or typed back)."""
        # (the new name alone is no sign of it: a merge's class is on other boxes too, and a box typed so)
        names, held = {self.new, *later}, False
        for row in self.rows:
            labels = labels_of(row)
            if self.old in labels:
                return False
            held = held or not names.isdisjoint(labels)
        return held

    def relabelled(self, row: int) -> bool:
        """This rename relabelled image ``row``."""
        at = bisect_left(self.rows, row)
        return at < len(self.rows) and self.rows[at] == row

    def all_saved(self, dirty: Callable[[int], bool]) -> bool:
        """No relabelled image has unsaved edits."""
        count = len(self.rows)
        for step in range(count):
            index = (self._waiting_on + step) % count
            if dirty(self.rows[index]):
                self._waiting_on = index
                return False
        return True


class UnsavedRenames:
    """The session's renames not in the file yet, in the order they were made."""

    def __init__(self) -> None:
        self._renames: list[UnsavedRename] = []

    def __bool__(self) -> bool:
        return bool(self._renames)

    def add(self, old: str, new: str, after_file: list[str], rows: list[int]) -> None:
        self._renames.append(UnsavedRename(old, new, tuple(after_file), tuple(sorted(rows))))

    def put_back(self, renames: list[UnsavedRename]) -> None:
        """``renames`` (taken by `due`) wait again: the file could not be written."""
        self._renames[:0] = renames

    def _in_effect(self, labels_of: Labels) -> list[UnsavedRename]:
        """The renames in effect (`UnsavedRename.in_effect`), in order; a later one in effect carries the name
        an earlier one gave further (cat -> kitten -> feline: the boxes feline hold both)."""
        held: list[UnsavedRename] = []  # latest first
        for rename in reversed(self._renames):
            names = {rename.new}
            for later in reversed(held):  # in the order they were made
                if later.old in names:
                    names.add(later.new)
            if rename.in_effect(labels_of, frozenset(names)):
                held.append(rename)
        return held[::-1]

    def shown(self, file: list[str], labels_of: Labels) -> list[str]:
        """The file's classes ``file`` as the class list shows them: with each rename in effect in its old
        name's place; one undone on an image (or on every image) is not, as a save of them all writes it."""
        for rename in self._in_effect(labels_of):
            file = rename.apply(file)
        return file

    def due(self, row: int, labels_of: Labels, dirty: Callable[[int], bool]) -> list[UnsavedRename]:
        """The renames to write into the file now that image ``row`` is saved (in order), taken out of those
        waiting: each that relabelled it, with every image it relabelled saved, in effect. One renaming a name
        an earlier rename left waiting gave waits for that one."""
        saved = [rename for rename in self._renames if rename.relabelled(row) and rename.all_saved(dirty)]
        if not saved:  # (the look at each relabelled image's labels only once all are saved: save_all was quadratic)
            return []
        effective = {id(rename) for rename in self._in_effect(labels_of)}
        ready = {id(rename) for rename in saved} & effective
        due: list[UnsavedRename] = []
        waiting: set[str] = set()  # the new names of the renames left waiting
        for rename in self._renames:
            if id(rename) in ready and rename.old not in waiting:
                due.append(rename)
            else:
                waiting.add(rename.new)
        taken = {id(rename) for rename in due}
        self._renames = [rename for rename in self._renames if id(rename) not in taken]
        return due
