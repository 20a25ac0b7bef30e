"""The image an annotation file describes, found from the file's own place (`find_image`), for a read of
an annotation whose ``<size>`` is missing when its caller gave no image (`core.voc.read_voc`).

Each layout keeps an image at the annotation's path below its annotations folder, under its images
folder (`core.dataset`): ``Annotations/day/x.xml`` is ``JPEGImages/day/x.jpg`` in a VOC devkit and
``images/day/x.jpg`` in Label Studio's export, ``annotations/xmls/x.xml`` ``images/x.jpg`` in Oxford's.
Looking only one level up never found a subfolder's image, nor any of a Label Studio export: a box in
fractions of such an image was read as under one pixel there, and in pixels where the caller passed the
image (`petloc train`), so two reads of one file trained on two boxes.
"""

from __future__ import annotations

from pathlib import Path

# (the annotations folder's name, the folder holding it, the images folders beside that, tried in order)
_LAYOUTS = (("Annotations", None, ("JPEGImages", "images")), ("xmls", "annotations", ("images",)))


def find_image(annotation: Path, filename: str) -> Path | None:
    """The image of the annotation file ``annotation`` whose ``<filename>`` is ``filename``: beside it, or at
    its path below a layout's annotations folder under that layout's images folder; None if none is a file.

    Only the base name of ``<filename>`` is used (``<path>`` is never read): a hostile file must not make
    us touch arbitrary paths (on Windows a UNC path such as ``\\\\host\\share\\x.jpg`` would leak the
    user's credentials); every place looked in is one of the annotation's own folders'.
    """
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if not name or name in (".", ".."):
        return None
    folder = annotation.parent
    candidates = [folder / name]
    for depth, above in enumerate((folder, *folder.parents)):
        within = folder.parts[len(folder.parts) - depth:]  # the subfolders from ``above`` down to the file
        for annotations_folder, holder, images in _LAYOUTS:
            if above.name == annotations_folder and (holder is None or above.parent.name == holder):
                root = above.parent if holder is None else above.parent.parent
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
