"""What `petloc predict --write-voc` says of the classes boxed in its folders that its model does not
know (a class added after the model was trained): no pre-label it writes can be one, so an image
showing one gets another class's, and its summary said nothing of it (only the model choice line,
"it knows all but the class star", and not at all with --model).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.text import first_of

if TYPE_CHECKING:
    from petloc_gui.core.dataset import Dataset


def unknown_classes_note(paths: Iterable[Path], folders: dict[Path, Dataset], class_names: Collection[str],
                         name_of: Callable[[Path], str]) -> str | None:
    """The summary's sentence on the classes boxed in the folders of ``paths`` (a folder given, as
    indexed in ``folders``; a file given, its folder) that ``class_names`` (the model's) lacks, naming
    the folders by ``name_of``; None when it knows them all. Every annotation is read (names only),
    not a sample, as a class added lately may be on a few images."""
    from petloc_gui.app.model_choice import describe_labels

    known = set(class_names)
    unknown: set[str] = set()
    where: list[str] = []
    for root, dataset in _datasets(paths, folders):
        missing = set(_boxed_classes(dataset)) - known
        if missing:
            unknown |= missing
            where.append(name_of(root))
    if not unknown:
        return None
    one = len(unknown) == 1
    # marked against the model's classes: "chat_été (decomposed)" where it knows chat_été composed
    return (f"the model does not know {describe_labels(unknown, known=known)}, boxed in {first_of(where, 3)}: no "
            f"pre-label it wrote can be {'that class' if one else 'one of them'}, so one on an image showing "
            f"{'it' if one else 'one'} is of another class; review them before training on them (petloc train "
            "leaves them out, until a person saves them, where the class is on an image's first box, the one "
            "a run learns)")


def _datasets(paths: Iterable[Path], folders: dict[Path, Dataset]) -> list[tuple[Path, Dataset]]:
    """Each folder given as indexed, and the folder of each file given (indexed here), once each."""
    from petloc_gui.core.dataset import open_dataset

    found: dict[str, tuple[Path, Dataset]] = {}
    for path in paths:
        root = path if path in folders else path.parent
        if root != path and path.is_dir():  # a folder that could not be indexed: said already
            continue
        dataset = folders.get(root)
        if dataset is None and str(root.resolve()) not in found:
            try:
                dataset = open_dataset(root)
            except (PetlocError, OSError):  # said where the file was predicted, if it matters
                continue
        if dataset is not None:
            found.setdefault(str(Path(dataset.root).resolve()), (root, dataset))
    return list(found.values())


def _boxed_classes(dataset: Dataset) -> set[str]:
    from petloc_gui.app.model_choice import label_counts

    return set(label_counts(dataset, sample=max(1, len(dataset.items))))
