"""The bundled demo: 200 held-out test digits with their true boxes and labels as VOC XML, some made wrong.

Written once into the user's data folder. About 15% of the images get no
annotation (to box, or to take the model's prediction for), a few boxes are shifted by 8-12 px and
a few labels are flipped, so the review queue has real mistakes to find. None of the XML is a
pre-label (a model's unreviewed `predict --write-voc` file): the boxes are where the digits were drawn.
Written into a temporary folder and renamed, so an interrupted first run
leaves no half demo behind.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.core.paths import user_data_dir

DEMO_NAME = "demo-digits"
DEMO_COUNT = 200
DEMO_SEED = 7
UNANNOTATED_FRACTION = 0.15
NUDGED = 12
FLIPPED = 8


def demo_folder() -> Path:
    return user_data_dir() / DEMO_NAME


def ensure_demo_folder(count: int = DEMO_COUNT) -> Path:
    """The demo folder, written on first use. Returns its path."""
    target = demo_folder()
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{DEMO_NAME}-", dir=target.parent))
    try:
        write_demo(staging, count, final_dir=target)
        try:
            # Retried (Windows' virus scanner may hold a file just written); os.rename, unlike
            # os.replace, fails at once where another process has made the folder meanwhile.
            rename_folder(staging, target, rename=os.rename)
        except OSError:
            if not target.is_dir():  # another process may have won the race; theirs is fine
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def write_demo(out: Path, count: int = DEMO_COUNT, seed: int = DEMO_SEED,
               final_dir: Path | None = None) -> dict[str, list[str]]:
    """Write the demo files into ``out``; returns which images were altered (for tests).

    ``final_dir``: where ``out`` will be renamed to, so the XMLs' <folder> and
    <path> name the real location rather than the staging folder.
    """
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.voc import VocAnnotation, read_voc, write_voc

    images = write_digits_dataset(out, "test", count, seed)
    rng = np.random.default_rng(seed)
    order = [images[i] for i in rng.permutation(len(images))]
    n_bare = round(UNANNOTATED_FRACTION * len(images))
    bare = order[:n_bare]
    nudged = order[n_bare:n_bare + NUDGED]
    flipped = order[n_bare + NUDGED:n_bare + NUDGED + FLIPPED]
    for image in bare:
        image.with_suffix(".xml").unlink()
    # Each changed XML is read, changed and written once: the nudge or flip and the final folder's name
    # were three atomic (fsync'd) writes of a nudged file, two of a flipped one.
    changed: dict[Path, VocAnnotation] = {}
    for image in nudged:
        annotation = changed[image.with_suffix(".xml")] = read_voc(image.with_suffix(".xml"))
        obj = annotation.objects[0]
        dx, dy = (float(rng.integers(8, 13)) * float(rng.choice([-1, 1])) for _ in range(2))
        box = obj.box.translated(dx, dy).clamp(annotation.width, annotation.height)
        annotation.objects[0] = dataclasses.replace(obj, box=box)
    for image in flipped:
        annotation = changed[image.with_suffix(".xml")] = read_voc(image.with_suffix(".xml"))
        obj = annotation.objects[0]
        wrong = str((int(obj.name) + int(rng.integers(1, 10))) % 10)
        annotation.objects[0] = dataclasses.replace(obj, name=wrong)
    if final_dir is not None:
        for xml in sorted(out.glob("*.xml")):
            if xml not in changed:
                changed[xml] = read_voc(xml)
            annotation = changed[xml]
            annotation.folder = final_dir.name
            annotation.path = str(final_dir / annotation.filename)
    for xml, annotation in changed.items():
        write_voc(annotation, xml)
    return {"bare": [p.name for p in bare], "nudged": [p.name for p in nudged], "flipped": [p.name for p in flipped]}
