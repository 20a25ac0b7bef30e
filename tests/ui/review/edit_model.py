"""A plain reference model of what the window promises about one image's edits (for the fuzz test).

Each image has the state on disk and an undo history: the states after each command, the index
of the one shown, and the clean index as Qt's QUndoStack keeps it (a save or a reload from disk
sets it; a push that drops the redo part past it forgets it; a merging command never merges into
the command a save was made after). The document is modified exactly when its state differs from
the state on disk (`ImageDocument.dirty`), whatever the undo history says.

A box accepted with A carries the mark of the model that proposed it (ADR 0013): the model's name
and the box it proposed. It is data a save writes, while the box is still that box (a move or resize
voids it, a label change keeps it), so an image whose shown state is its file's but whose marks, as a
save writes them, are not, is modified. The marks are kept beside the states, as the window's undo
commands keep them: a mark belongs to its box object, which an edit of its box or label keeps, and
only the commands that put objects in (draw, delete's undo, accept, a reload or "Show both"
pushed as a step) bring their own back on undo and redo. Another program's file holds no mark; when
it shows what the window shows, it is taken in place without a step (`TheirVersion.take_theirs`),
so the boxes shown lose their marks with nothing to undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.core.voc_provenance import rounded
from petloc_gui.ui.review import save_guard

Objects = tuple[tuple[str, Box], ...]
State = tuple[Objects, bool]  # (name, box) of every object, and the verified flag
Mark = tuple[str, Box] | None  # the model a box was accepted from and the box it proposed; None: a person's
# How a command changes the marks (None: it edits a box or a label, and each keeps its mark): ("insert",
# index, mark), ("remove", index, mark), ("first", old or ABSENT, new) (accept), ("all", old, new) (reload)
MarkChange = tuple | None
ABSENT = "absent"  # accept on an image without a box: the model's box is inserted, not replaced


def clamp(box: Box, width: int, height: int) -> Box:
    """What an edit makes of a box: sorted, inside the image, in whole pixels, and a pixel or more
    wide and high when it was so before rounding. A side whole pixels long (a box moved: every box
    edited is in whole pixels) keeps its length, its first edge as `round` makes it; any other side
    has each edge as `round` makes it (a resize: the edge that did not move stays)."""
    x0, x1 = _edges(box.xmin, box.xmax, width)
    y0, y1 = _edges(box.ymin, box.ymax, height)
    return Box(x0, y0, x1, y1)


def _edges(low: float, high: float, limit: int) -> tuple[int, int]:
    low, high = (min(max(v, 0.0), limit) for v in sorted((low, high)))
    length = round(high - low)
    if abs(high - low - length) < 1e-9:
        return round(low), round(low) + length
    first, last = round(low), round(high)
    assert high - low < 1 or last > first  # a side a pixel or more long keeps a pixel
    return first, last


def state_of(doc) -> State:
    """An `ImageDocument`'s state."""
    return tuple((o.name, o.box) for o in doc.objects), bool(doc.verified)


def marks_of(doc) -> tuple[Mark, ...]:
    """An `ImageDocument`'s marks as it holds them (a moved box keeps its void one)."""
    return tuple(None if o.proposed_by is None else (o.proposed_by, o.proposed_box) for o in doc.objects)


def disk_state(path) -> State:
    """The state of an annotation file, read with core's reader."""
    annotation = read_voc(path, find_image=False)
    return tuple((o.name, o.box) for o in annotation.objects), bool(annotation.verified)


def disk_marks(path) -> tuple[Mark, ...]:
    """The marks an annotation file holds, read with core's reader (none for a box it no longer fits)."""
    return tuple(None if o.accepted_from is None else (o.accepted_from, o.box)
                 for o in read_voc(path, find_image=False).objects)


def written(objects: Objects, marks) -> tuple[Mark, ...]:
    """The marks a save writes: each while its box is still the box the model proposed."""
    return tuple(mark if mark is not None and rounded(mark[1]) == rounded(box) else None
                 for (_name, box), mark in zip(objects, marks, strict=True))


def replaced(objects: Objects, index: int, *by: tuple[str, Box]) -> Objects:
    """``objects`` with the one at ``index`` replaced by ``by`` (none: deleted)."""
    return (*objects[:index], *by, *objects[index + 1:])


@dataclass
class ImageHistory:
    """One image: its file's state, and its undo stack as states."""

    disk: State
    states: list[State] = field(default_factory=list)
    keys: list = field(default_factory=list)  # merge key of each command (None: never merges)
    index: int = 0
    clean: int = 0
    theirs: State | None = None  # another program's version, seen while the image had edits
    disk_marks: tuple[Mark, ...] | None = None  # the marks the file holds (None given: none)
    marks: list[Mark] = field(default_factory=list)  # the mark of each object shown
    changes: list[MarkChange] = field(default_factory=list)  # how each command changes them

    def __post_init__(self) -> None:
        if self.disk_marks is None:
            self.disk_marks = (None,) * len(self.disk[0])
        if not self.states:
            self.states = [self.disk]
            self.marks = list(self.disk_marks)

    @property
    def state(self) -> State:
        return self.states[self.index]

    @property
    def written_marks(self) -> tuple[Mark, ...]:
        """The marks a save would write now."""
        return written(self.state[0], self.marks)

    @property
    def dirty(self) -> bool:
        return self.state != self.disk or self.written_marks != self.disk_marks

    def push(self, state: State, key=None, change: MarkChange = None) -> None:
        """A command pushed on the stack (Qt's rules for the redo part, the clean index, merging)."""
        del self.states[self.index + 1:]
        del self.keys[self.index:]
        del self.changes[self.index:]
        if self.clean > self.index:
            self.clean = -1
        if key is not None and self.index > 0 and self.keys[-1] == key and self.index != self.clean:
            self.states[self.index] = state
            return
        self.states.append(state)
        self.keys.append(key)
        self.changes.append(change)
        self.index += 1
        self._mark(change, undo=False)

    def undo(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._mark(self.changes[self.index], undo=True)

    def redo(self) -> None:
        if self.index < len(self.states) - 1:
            self._mark(self.changes[self.index], undo=False)
            self.index += 1

    def _mark(self, change: MarkChange, undo: bool) -> None:
        """The marks as a command done (or undone) leaves them: only the objects it puts in bring theirs."""
        if change is None:
            return
        kind, *args = change
        if kind == "all":
            self.marks = list(args[0] if undo else args[1])
        elif kind == "first":
            old, new = args
            if old == ABSENT:
                kind, args = "insert", [0, new]
            else:
                self.marks[0] = old if undo else new
                return
        if kind in ("insert", "remove"):
            index, mark = args
            if (kind == "insert") != undo:
                self.marks.insert(index, mark)
            else:
                del self.marks[index]

    def saved(self) -> None:
        self.disk = self.state
        self.disk_marks = self.written_marks
        self.clean = self.index
        self.theirs = None

    def save(self, choice: str, quiet: bool = False) -> bool | None:
        """A save as `SaveGuard.save_rows` makes it, another program's version seen answered with
        ``choice`` (`save_guard`'s; ``quiet``, autosave: none asked). True: the file was written;
        False: not, and nothing failed (their version taken); None: not saved (autosave, or a Cancel, which stops
        Save all), the edits kept."""
        theirs = self.theirs
        if theirs is None or (not quiet and self.dirty and choice == save_guard.KEEP_MINE):
            self.saved()
            return True
        if not self.dirty or theirs == self.state:  # nothing of mine to keep, or theirs shows just mine: taken
            self.take_theirs(theirs)  # without a question (the fuzz never deletes a file)
        elif quiet or choice == save_guard.CANCEL:
            return None
        elif choice == save_guard.TAKE_THEIRS:
            self.take_theirs(theirs)
        else:  # SHOW_BOTH: their version, plus my boxes it lacks (with their marks), unsaved (no command
            # when it lacks none)
            (mine, verified), my_marks = self.state, tuple(self.marks)
            self.take_theirs(theirs)
            lacking = [(o, mark) for o, mark in zip(mine, my_marks, strict=True) if o not in theirs[0]]
            both = ((*theirs[0], *(o for o, _mark in lacking)), verified or theirs[1])  # either's mark
            if both != self.state:
                self.push(both, change=("all", tuple(self.marks), (*self.marks, *(mark for _o, mark in lacking))))
        return False

    def take_theirs(self, theirs: State) -> None:
        """Reload from disk: their version (no marks: another program's) pushed as one command, and the
        clean state; no command when their version shows what is shown (the same boxes, labels and flag
        in other bytes): the file's objects are taken in place, their marks (none) with them."""
        none = (None,) * len(theirs[0])
        if theirs != self.state:
            self.push(theirs, change=("all", tuple(self.marks), none))
        self.marks = list(none)
        self.disk, self.disk_marks = theirs, none
        self.clean = self.index
        self.theirs = None

    def forget(self, disk_marks: tuple[Mark, ...] | None = None) -> None:
        """The folder was read again: no history, the file's state and marks (``disk_marks``: as read)."""
        if disk_marks is not None:
            self.disk_marks = disk_marks
        self.states, self.keys, self.changes, self.index, self.clean = [self.disk], [], [], 0, 0
        self.marks = list(self.disk_marks)
