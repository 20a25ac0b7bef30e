"""The one warning line for annotation files whose image went (renamed, moved or deleted), said by `petloc
convert --to`, `evaluate` and `train`: their boxes are in no export, figure or run, and only `petloc stats`
named them, so a conversion said "0 problems, 0 warnings" while a box was lost. Found as stats finds them
(`core.orphan_annotations`), counted in one line naming the first: stats lists each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from petloc_gui.cli.output import error
from petloc_gui.core.text import counted, isolated

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset


def say_orphan_annotations(dataset: Dataset, not_used: str) -> None:
    """`orphan_annotations_note` as a ``warning: DATA: ...`` line on stderr, when there is one (names set apart:
    a Hebrew one moved the words around it)."""
    note = orphan_annotations_note(dataset, not_used, isolated)
    if note is not None:
        error(f"warning: {isolated(dataset.root)}: {note}", names_isolated=True)


def orphan_annotations_note(dataset: Dataset, not_used: str, name: Callable[[str], str] = str) -> str | None:
    """``"N annotation files with no image (e.g. FIRST): ...; their boxes are not <not_used> ..."`` for the
    annotation files of ``dataset`` no image has (FIRST named inside the dataset folder), None when none.
    ``not_used``: what the command does not do with their boxes ("exported", "scored", "trained on");
    ``name``: how FIRST is put in the line."""
    from petloc_gui.core.orphan_annotations import annotations_without_image
    from petloc_gui.core.stats import named_inside

    # the files it cannot tell or follow (a link loop) are the index's problem lines, said by every command
    found = annotations_without_image(dataset)
    if not found:
        return None
    first = name(named_inside(found[0], dataset.root))
    example, whose = (first, "its") if len(found) == 1 else (f"e.g. {first}", "their")
    return (f"{counted(len(found), 'annotation file')} with no image ({example}): no image of that name where "
            f"this layout looks (renamed, moved or deleted?); {whose} boxes are not {not_used} "
            "(`petloc stats` lists each)")
