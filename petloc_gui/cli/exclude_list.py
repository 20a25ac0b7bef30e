"""`petloc train --exclude-list FILE`: the images a list of held-out entries names, by the rule the window's
Retrain holds a folder's test list out by (`core.listed_images`), in `petloc train`'s words: each line on an
entry on stderr, an entry naming two spellings of one name refused (`CommandError`).
"""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.output import CommandError, error
from petloc_gui.core.list_lines import read_list_lines
from petloc_gui.core.listed_images import AmbiguousEntryError, resolve_listed_images
from petloc_gui.core.name_forms import form_difference
from petloc_gui.core.regular_file import FileTooLargeError, NotRegularFileError
from petloc_gui.core.text import isolated, visible


def resolve_exclude_list(data: Path, path: Path) -> list[str]:
    """Absolute image paths for an exclude list's entries (`core.listed_images.resolve_listed_images`: what an
    entry may be, and what is said of it). A folder that could not itself be listed is refused first, not
    then "matches no image" said for each line of the list. A list that is no regular file (a named pipe, never
    waited on) or too large to be one is refused naming it: the error alone named no file."""
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.index_problems import refuse_unlisted_root

    dataset = open_dataset(data)
    refuse_unlisted_root(dataset)
    try:
        lines = read_list_lines(path)
    except (NotRegularFileError, FileTooLargeError) as exc:
        raise CommandError(f"{path}: --exclude-list file is {exc}") from exc
    for problem in lines.problems:  # what kept it from being read whole, before the lines on its entries
        error(f"warning: {isolated(visible(str(path)))} {problem}", names_isolated=True)
    try:
        return resolve_listed_images(dataset, lines, str(path), lambda line: error(line, names_isolated=True),
                                     set_apart=True, data=data,
                                     difference=lambda given, found: form_difference(given, found, "in the list",
                                                                                     "in the folder"))
    except AmbiguousEntryError as exc:
        raise CommandError(str(exc)) from exc
