"""Whether a folder holding ``images/`` and ``Annotations/`` is Label Studio's Pascal VOC export.

Label Studio's export (label-studio-converter's ``convert_to_voc``) writes two folders and nothing
else: ``images/``, the task images side by side, and ``Annotations/``, one ``<image stem>.xml`` each.
An ``images/`` folder beside an ``Annotations/`` one is an ordinary project's too, and reading such a
folder as the export indexes ``images/`` against ``Annotations/`` alone: photo+XML pairs at its top
or in other subfolders disappeared, and labelImg's XMLs beside the photos in ``images/day/`` were
neither read nor named ("problems 0"). So the folder is read as the export only where what it holds
says so and no annotation would be left out (`check_label_studio_export`); otherwise it stays a
sidecar folder, and when ``Annotations/`` holds XML files (listed then as annotations without an
image) the index says why it was not read as the export (`LabelStudioCheck.why_not`). An export's two
trees, walked for the check, are kept for the index (`LabelStudioCheck.walks`): walked again, they were
a quarter of the time `open_dataset` took on 20,000 images.

The two folders are named ignoring case on every system (`spelled_as`): on macOS and Windows
``annotations/`` *is* ``Annotations/``, and labelImg's "Change Save Dir" folder (or another tool's export)
spelled so read there as the export and on Linux as a sidecar folder whose XML files had no image.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.folder_listing import entry_kind, image_stem, is_annotation_name, is_dataset_file
from petloc_gui.core.folder_walk import WalkedFolder, walk_folders

IMAGES, ANNOTATIONS = "images", "Annotations"
# Folders listed at most to search the folder for annotation files the export would leave out: an
# export has two (its images/ and Annotations/ are flat); a sidecar project shows one in its first few.
MOST_FOLDERS_SEARCHED = 500


@dataclass(frozen=True)
class LabelStudioCheck:
    """``is_export``: read the folder as the export. ``why_not``: why a folder that looks like one (an
    ``images/`` folder beside an ``Annotations/`` folder holding XML files) is not read as one; None
    when it is, or does not look like one."""

    is_export: bool
    why_not: str | None = None
    # (images folder, annotations folder) as spelled in the folder (`spelled_as`), where it holds both
    folders: tuple[str, str] | None = None
    # an export's (images, annotations) trees as the check walked them, for the index to read
    walks: tuple[RecordedWalk, RecordedWalk] | None = field(default=None, compare=False, repr=False)


@dataclass
class RecordedWalk:
    """A folder tree as `walk_folders` walked it (whole: ``complete``), kept so that the index reads it
    instead of walking it again: each folder with the problems the walk named before yielding it, and
    those named after the last, so that a replay names them in the same order."""

    folders: list[tuple[WalkedFolder, list[str]]] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    complete: bool = False


_NOT_ONE = LabelStudioCheck(False)


def check_label_studio_export(root: Path) -> LabelStudioCheck:
    """Whether ``root`` is read as Label Studio's VOC export: ``images/`` and ``Annotations/`` (in any case,
    on every system: `spelled_as`), XML files in
    ``Annotations/``, some at the path of an image in ``images/`` (``x.xml``: ``x.jpg``), and nothing a
    sidecar folder reads that reading it so would leave out: no image or XML file at the top of
    ``root``, no XML file under ``images/`` or in ``root``'s other folders. Images alone in another
    folder (an export petloc wrote there) are no annotations and leave it the export. At most
    `MOST_FOLDERS_SEARCHED` folders are listed."""
    try:
        with os.scandir(root) as iterator:
            entries = [entry for entry in iterator if not entry.name.startswith(".")]
    except OSError:
        return _NOT_ONE  # the sidecar index names a folder it cannot list
    folders = sorted(entry.name for entry in entries if entry_kind(entry) is True)
    images, annotations = spelled_as(folders, IMAGES), spelled_as(folders, ANNOTATIONS)
    if images is None or annotations is None:
        return _NOT_ONE
    search = _Search()
    xml_stems = {folded(relative + name[:-4]) for relative, files in search.files(root / annotations)
                 for name in files if is_annotation_name(name)}
    if not xml_stems:  # nothing to read as the export, and nothing left as annotations without an image
        return _NOT_ONE
    both = (images, annotations)
    own = sorted(entry.name for entry in entries if entry_kind(entry) is False and is_dataset_file(entry.name))
    if own:
        return LabelStudioCheck(False, f"{own[0]} at its top would be left out", both)
    image_stems: set[str] = set()
    for relative, files in search.files(root / images):
        xml = sorted(filter(is_annotation_name, files))
        if xml:
            return LabelStudioCheck(False, f"{images}/ holds annotation files of its own "
                                           f"({images}/{relative}{xml[0]}), which would be left out", both)
        image_stems.update(folded(relative + stem) for stem in map(image_stem, files) if stem is not None)
    for folder in folders:  # an Annotations/ beside the annotations/ taken (Linux) is one of these
        if folder not in both:
            for relative, files in search.files(root / folder):
                xml = sorted(filter(is_annotation_name, files))
                if xml:
                    return LabelStudioCheck(False, f"{folder}/{relative}{xml[0]} beside them would be left out",
                                            both)
    if search.ran_out:
        return LabelStudioCheck(False, f"it holds over {MOST_FOLDERS_SEARCHED} folders, too many to search "
                                       "for annotation files that would be left out", both)
    if not xml_stems & image_stems:
        return LabelStudioCheck(False, f"no XML file in {annotations}/ is named after an image in {images}/", both)
    walks = search.walks[str(root / images)], search.walks[str(root / annotations)]
    return LabelStudioCheck(True, None, both, walks if all(walk.complete for walk in walks) else None)


def spelled_as(folders: list[str], name: str) -> str | None:
    """The folder of ``folders`` (sorted) that is ``name`` ignoring case (`folded`), as macOS and Windows
    disks name it, on every system: ``name`` itself where it is there (a Linux folder may hold
    ``Annotations/`` and ``annotations/``; the other is then searched as any folder beside them), else
    the first in sorted order; None if none."""
    if name in folders:
        return name
    return next((folder for folder in folders if folded(folder) == folded(name)), None)


class _Search:
    """Folder trees listed as the sidecar search walks them (hidden names skipped, links to folders not
    followed, a folder that cannot be listed passed by: the index names it), `MOST_FOLDERS_SEARCHED` at
    most over all of them; ``ran_out`` once a tree was left unfinished."""

    def __init__(self) -> None:
        self.folders_left = MOST_FOLDERS_SEARCHED
        self.ran_out = False
        self.walks: dict[str, RecordedWalk] = {}  # each tree's walk, by its top

    def files(self, top: Path) -> Iterator[tuple[str, list[str]]]:
        """(path within ``top``, "" or ``"day/"``; file names) of each folder of ``top``, ``top`` first."""
        record = self.walks[str(top)] = RecordedWalk()
        problems: list[str] = []
        # top_said: a top that cannot be listed is a problem, not an error; an export's tops were listed
        # (its images and XML files are there), so its walks are the index's, problems included
        for walked in walk_folders(str(top), problems, top_said=True):
            if self.folders_left <= 0:
                self.ran_out = True
                return
            self.folders_left -= 1
            record.folders.append((walked, problems.copy()))
            problems.clear()
            yield walked.relative, walked.files
        record.trailing, record.complete = problems, True
