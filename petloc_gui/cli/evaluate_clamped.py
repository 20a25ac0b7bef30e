"""Ground-truth boxes `petloc evaluate` scores after read_voc clamped them to their image, or repaired them by a
guess.

read_voc limits a box to the image it describes (`core.voc`, noted in
``annotation.problems``): a box drawn 1 px past the edge loses nothing, but
(3, 0, 931, 928) on a 75x75 canvas is an annotation that is wrong, and the
IoU scored against its clamped remainder means little. Such boxes are scored
as clamped (training learns them so too) and said, as `warn_size_mismatches`
says the boxes of a resized image. So are the boxes it swapped or read as fractions of the image
(`core.guessed_boxes`): `petloc stats`, `petloc convert` and the window said those guesses, evaluate scored
them unsaid.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from petloc_gui.cli.output import error, warn_first
from petloc_gui.core.text import counted


def clamped_notes(problems: Iterable[str], objects: Iterable[int]) -> list[str]:
    """read_voc's notes (``problems``) of the boxes it clamped ("object I (NAME): box (...) lies outside the WxH
    image; clamped to (...)"), for the objects scored (1-based ``objects``: those with a label and a box of
    non-zero area)."""
    from petloc_gui.core.guessed_boxes import object_of  # (numpy: see `repaired_report`)

    wanted = {f"object {i}" for i in objects}
    return [note for note in problems if _clamped(note) and object_of(note) in wanted]


def _clamped(note: str) -> bool:
    """Whether read_voc's ``note`` is of a box it clamped (by what it says of the box, never its label)."""
    from petloc_gui.core.stats_problems import BOX_OUTSIDE_IMAGE, problem_kind  # (numpy: see `repaired_report`)

    return problem_kind(note) == BOX_OUTSIDE_IMAGE


def repaired_notes(problems: Iterable[str], objects: Iterable[int]) -> list[str]:
    """read_voc's notes (``problems``) of the boxes it clamped (`clamped_notes`) or repaired by a guess
    (`core.guessed_boxes.guessed_notes`), for the objects scored (1-based ``objects``), in the file's order."""
    from petloc_gui.core.guessed_boxes import guessed_notes  # (reads VOC: numpy; see `repaired_report`)

    objects = list(objects)
    picked = {*clamped_notes(problems, objects), *guessed_notes(problems, objects)}
    return [note for note in problems if note in picked]


def warn_repaired(notes: list[tuple[Path, str]], shown: int = 3) -> None:
    """Warn, naming the first few of each, about boxes scored after clamping and after a guess (annotation path,
    read_voc's note: `repaired_notes`)."""
    from petloc_gui.core.guessed_boxes import guessed_box_lines

    clamped, guessed = _parts(notes)
    _warn_clamped(clamped, shown)
    for line in guessed_box_lines(guessed, "scored", shown):
        error(line, names_isolated=True)


def _parts(notes: list[tuple[Path, str]]) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """``notes`` (`repaired_notes`') as (those of a box clamped, those of a guess)."""
    clamped = [(path, note) for path, note in notes if _clamped(note)]
    return clamped, [(path, note) for path, note in notes if not _clamped(note)]


def _warn_clamped(notes: list[tuple[Path, str]], shown: int = 3) -> None:
    """Warn, naming the first few, about boxes scored after clamping (annotation path, read_voc's note)."""
    more = counted(len(notes) - shown, "more ground-truth box", "more ground-truth boxes") if len(notes) > shown else ""
    warn_first(notes, ", and scored so (check the annotation: a box drawn far past its image's edge is likely wrong)",
               more + " outside their image, scored as clamped too (`petloc stats` lists them all; --json "
               "boxes_clamped)", shown)


def repaired_report(notes: list[tuple[Path, str]]) -> dict[str, Any]:
    """The `--json` keys of ``notes`` (`repaired_notes`'): how many boxes were clamped, and each one's annotation
    file and note, under the keys of `petloc stats --json` "problems" ({"kind": "box_outside_image", "file",
    "message"}: one parser for the one problem) and, for the scripts written before, as "annotation" and
    "problem"; how many boxes were repaired by a guess, and each guess ({"kind": "inverted_box" or
    "normalised_box", "file", "message"}, as stats gives it: a box swapped and read as fractions has two)."""
    # here, not at the top: core.stats_problems reads VOC (numpy), and `petloc models` imports this module
    from petloc_gui.core.guessed_boxes import guessed_box_count
    from petloc_gui.core.stats_problems import BOX_OUTSIDE_IMAGE, problem_kind

    clamped, guessed = _parts(notes)
    return {"n_boxes_clamped": len(clamped),
            "boxes_clamped": [{"kind": BOX_OUTSIDE_IMAGE, "file": str(path), "message": note,
                               "annotation": str(path), "problem": note} for path, note in clamped],
            "n_boxes_guessed": guessed_box_count(guessed),
            "boxes_guessed": [{"kind": problem_kind(note), "file": str(path), "message": note}
                              for path, note in guessed]}
