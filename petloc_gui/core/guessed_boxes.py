"""Boxes `core.voc.read_voc` repaired by a guess at what the file meant, as runs and evaluation use them.

read_voc swaps the coordinates of an inverted box (xmin > xmax: "inverted box ... repaired by swapping") and
reads coordinates that all lie within 0-1 as fractions of the image ("look normalised ... read as fractions"),
noting each (`petloc stats`' `inverted_box` and `normalised_box` problems). The box used is then petloc's
guess: right for a tool that wrote the corners in another order or wrote YOLO-style fractions, wrong for a
box typed wrong. `petloc evaluate` scores such boxes and `petloc train` learns them; both say so with
`guessed_box_lines`, as `petloc convert` and the window say the note. No Qt, no TensorFlow.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from petloc_gui.core.stats_problems import INVERTED_BOX, NORMALISED_BOX, problem_kind
from petloc_gui.core.text import counted, isolated, visible

GUESSED_KINDS = (INVERTED_BOX, NORMALISED_BOX)

NotePath = str | os.PathLike[str]


def object_of(note: str) -> str:
    """The "object N" a note of read_voc's on one object is about ("object 12 (dog): box ..." -> "object 12")."""
    return note.split(" (", 1)[0]


def guessed_notes(problems: Iterable[str], objects: Iterable[int]) -> list[str]:
    """read_voc's notes (``problems``) of a guess on the boxes of ``objects`` (1-based: those used, each with a
    label and a box of non-zero area, `core.scored_objects.usable_objects`), in the file's order (each note's
    kind by what it says of the box, never its label: `problem_kind`)."""
    wanted = {f"object {index}" for index in objects}
    return [note for note in problems if problem_kind(note) in GUESSED_KINDS and object_of(note) in wanted]


def guessed_box_count(notes: Iterable[tuple[NotePath, str]]) -> int:
    """How many boxes ``notes`` (annotation file, `guessed_notes` note) are of: one swapped and read as fractions
    has two notes."""
    return len({(os.fspath(path), object_of(note)) for path, note in notes})


def guessed_box_lines(notes: Sequence[tuple[NotePath, str]], used: str, shown: int = 3) -> list[str]:
    """The warning lines, each "warning: FILE: NOTE; <used> so: ...", for the first ``shown`` of ``notes``
    (annotation file, `guessed_notes` note), then one counting the rest; each is printed as an error line
    (`cli.output.error`, its names set apart: ``names_isolated``). ``used``: what is done with the boxes as
    repaired, "scored" (`petloc evaluate`), "learned" (`petloc train`). None for no note."""
    lines = [f"warning: {isolated(path)}: {visible(note)}; {used} so: a guess at what the file meant, check the box"
             for path, note in notes[:shown]]
    if len(notes) > shown:
        rest = counted(len(notes) - shown, "more guessed repair")
        lines.append(f"warning: and {rest} of boxes, {used} so too (`petloc stats` lists them all: "
                     f"{', '.join(GUESSED_KINDS)})")
    return lines
