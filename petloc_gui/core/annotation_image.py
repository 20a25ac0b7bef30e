"""The image an annotation file describes, found from the file's own place (`find_image`), for a read of
an annotation whose ``<size>`` is missing when its caller gave no image (`core.voc.read_voc`).

Each layout keeps an image at the annotation's path below its annotations folder, under its images
folder (`core.dataset`): ``Annotations/day/x.xml`` is ``JPEGImages/day/x.jpg`` in a VOC devkit and
``images/day/x.jpg`` in Label Studio's export, ``annotations/xmls/x.xml`` ``images/x.jpg`` in Oxford's.
Looking only one level up never found a subfolder's image, nor any of a Label Studio export: a box in
fractions of such an image was read as under one pixel there, and in pixels where the caller passed the
image (`petloc train`), so two reads of one file trained on two boxes. The folders are those of
`core.dataset.SEPARATE_FOLDERS`, matched ignoring case as the index matches them (``annotations/x.xml``
beside ``images/`` is Label Studio's layout on Linux too).
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.dataset import SEPARATE_FOLDERS  # (the dataset module reads no annotation: no cycle)

# Whether a name's leading "C:" names a drive: on Windows, joined to a folder it restarts the path on that drive
# (``D:/voc/Annotations`` / ``C:x.jpg`` is ``C:x.jpg``). Elsewhere a colon is a character of a file's name
# (``d:1.jpg``, a file inside the folder), so there it stays one. A switch, so tests can set it.
DRIVES_RESTART_PATHS = os.name == "nt"


def drive_of(name: str) -> str:
    """The drive a file name's part (no slash in it) restarts a path on when joined to a folder, ``"C:"`` of
    ``C:x.jpg``, where names have drives (`DRIVES_RESTART_PATHS`); ``""`` for none."""
    return PureWindowsPath(name).drive if DRIVES_RESTART_PATHS else ""


def _layouts() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The annotations folder of each layout that keeps them apart, as the path of parts from the root
    (``("annotations", "xmls")``; folded, as the folders are matched ignoring case: an ``annotations/``
    is Label Studio's ``Annotations/`` on every system) -> the images folders beside it, tried in order."""
    layouts: dict[tuple[str, ...], tuple[str, ...]] = {}
    for images, annotations_folder in SEPARATE_FOLDERS.values():
        parts = tuple(folded(part) for part in annotations_folder.split("/"))
        if images not in layouts.get(parts, ()):
            layouts[parts] = (*layouts.get(parts, ()), images)
    return layouts


_LAYOUTS = _layouts()


def find_image(annotation: Path, filename: str) -> Path | None:
    """The image of the annotation file ``annotation`` whose ``<filename>`` is ``filename``: beside it, or at
    its path below a layout's annotations folder under that layout's images folder; None if none is a file.

    Only the base name of ``<filename>`` is used (``<path>`` is never read): a hostile file must not make
    us touch arbitrary paths (on Windows a UNC path such as ``\\\\host\\share\\x.jpg`` would leak the
    user's credentials); every place looked in is one of the annotation's own folders'. A base name on a drive
    (``C:x.jpg``) is refused as ``..`` is on Windows (`drive_of`), where joined to a folder it restarts the path
    on that drive; elsewhere ``d:1.jpg`` is a file's name like any other.
    """
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if not name or name in (".", "..") or drive_of(name):
        return None
    folder = annotation.parent
    candidates = [folder / name]
    names = [folded(part) for part in folder.parts]
    for depth in range(len(names)):  # ``folder.parts[:end]`` may end in a layout's annotations folder
        end = len(names) - depth
        within = folder.parts[end:]  # the subfolders from the annotations folder down to the file
        for annotations_path, images in _LAYOUTS.items():
            start = end - len(annotations_path)
            if start >= 0 and tuple(names[start:end]) == annotations_path:
                root = Path(*folder.parts[:start])
                candidates += [root.joinpath(images_folder, *within, name) for images_folder in images]
    # where it was looked for before, whatever the folders are named: kept for the files it found
    candidates += [folder.parent.parent / "images" / name, folder.parent / "JPEGImages" / name]
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError):
            continue
    return None
