"""Class renames (Edit → Classes…) whose relabelled boxes are not saved yet, and what they do to the class file.

A rename relabels boxes as unsaved, undoable edits. Written into predefined_classes.txt at once, the file kept
the new name when those edits were undone or discarded (Ctrl+Q → Discard): the new name held the old one's
number key on no box, and the old name, back on the boxes, moved to the end. So the file's rename waits with
its boxes: the class list shows it while some box holds the new name (undone on every image, the old name is
back in its place), and the file is changed once an image holding the new name is saved, after that image
(`due`): a crash or a Discard before leaves the file and the saved boxes agreeing. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class UnsavedRename:
    """``old`` renamed ``new``; ``after_file``: the classes listed after the file's then that the file is to
    hold before ``new`` (`ClassEditor._after_file`)."""

    old: str
    new: str
    after_file: tuple[str, ...]

    def apply(self, file: list[str]) -> list[str]:
        """The classes ``file`` holds with this rename made."""
        return renamed(file_then(file, list(self.after_file)), file, self.old, self.new)


class UnsavedRenames:
    """The session's renames not in the file yet, in the order they were made."""

    def __init__(self) -> None:
        self._renames: list[UnsavedRename] = []

    def __bool__(self) -> bool:
        return bool(self._renames)

    def add(self, old: str, new: str, after_file: list[str]) -> None:
        self._renames.append(UnsavedRename(old, new, tuple(after_file)))

    def put_back(self, renames: list[UnsavedRename]) -> None:
        """``renames`` (taken by `due`) wait again: the file could not be written."""
        self._renames[:0] = renames

    def _holding(self, labels: set[str] | frozenset[str]) -> list[UnsavedRename]:
        """The renames some box labelled from ``labels`` stands for: its new name is among them, or a later
        rename held takes it further (cat -> kitten -> feline, the boxes feline)."""
        held: list[UnsavedRename] = []
        named = set(labels)
        for rename in reversed(self._renames):
            if rename.new in named:
                held.append(rename)
                named.add(rename.old)
        return held[::-1]

    def shown(self, file: list[str], used: set[str]) -> list[str]:
        """The file's classes ``file`` as the class list shows them: with each rename some box (``used``: the
        labels on boxes now, saved or not) holds, in its old name's place; one undone on every image is not."""
        for rename in self._holding(used):
            file = rename.apply(file)
        return file

    def due(self, saved: set[str]) -> list[UnsavedRename]:
        """The renames to write into the file now that an image whose boxes hold ``saved`` is on disk (in
        order), taken out of those waiting."""
        due = self._holding(saved)
        self._renames = [rename for rename in self._renames if rename not in due]
        return due
