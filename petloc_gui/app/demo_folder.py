"""The bundled demo: 200 held-out test digits with their true boxes and labels as VOC XML, some made wrong.

Written once into the user's data folder. About 15% of the images get no
annotation (to box, or to take the model's prediction for), a few boxes are shifted by 8-12 px and
a few labels are flipped, so the review queue has real mistakes to find. None of the XML is a
pre-label (a model's unreviewed `predict --write-voc` file): the boxes are where the digits were drawn.
Written into a temporary folder and renamed, so an interrupted first run
leaves no half demo behind: the demo is known complete by its folder's name alone. A crash leaves that
staging folder, named after its writer (`core.abandoned_folders`): the next preparation removes it.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag
from petloc_gui.core.atomic import sync_folder, sync_tree, writes_not_synced
from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.core.paths import user_data_dir

DEMO_NAME = "demo-digits"
DEMO_COUNT = 200
DEMO_SEED = 7
UNANNOTATED_FRACTION = 0.15
NUDGED = 12
FLIPPED = 8
# A staging folder: ``.demo-digits-WRITER-`` and mkdtemp's 8 random characters. Those of earlier versions
# (``.demo-digits-XXXXXXXX``) name no writer, so nothing can tell a running preparation's from a crashed one.
_STAGING = re.compile(rf"\.{re.escape(DEMO_NAME)}-{WRITER}-[a-z0-9_]{{8}}")


def demo_folder() -> Path:
    return user_data_dir() / DEMO_NAME


def ensure_demo_folder(count: int = DEMO_COUNT) -> Path:
    """The demo folder, written on first use. Returns its path."""
    target = demo_folder()
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # A crashed preparation's staging folder was never removed (a half demo, hidden in the data folder);
    # one another process is filling now is kept.
    # By the name alone: no check of a half-written demo's files exists, and the data folder is petloc's.
    remove_abandoned_folders(target.parent, _STAGING, contents=None)
    staging = Path(tempfile.mkdtemp(prefix=f".{DEMO_NAME}-{writer_tag()}-", dir=target.parent))
    try:
        # No fsync per file (two each, 1,142 in all: 8.9 s of a first run on a slow disk): a crash while the
        # staging folder is written leaves only it, never taken for the demo. Its files and itself are synced
        # once before the rename: a folder renamed first could survive a power cut with empty files in it,
        # and the demo's name alone says it is complete.
        with writes_not_synced():
            write_demo(staging, count, final_dir=target)
        sync_tree(staging)
        try:
            # Retried (Windows' virus scanner may hold a file just written); os.rename, unlike
            # os.replace, fails at once where another process has made the folder meanwhile.
            rename_folder(staging, target, rename=os.rename)
        except OSError:
            if not target.is_dir():  # another process may have won the race; theirs is fine
                raise
        else:
            sync_folder(target.parent)  # the rename itself: else a power cut makes the next start write it again
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def write_demo(out: Path, count: int = DEMO_COUNT, seed: int = DEMO_SEED,
               final_dir: Path | None = None) -> dict[str, list[str]]:
    """Write the demo files into ``out``; returns which images were altered (for tests).

    ``final_dir``: where ``out`` will be renamed to, so the XMLs' <folder> and
    <path> name the real location rather than the staging folder.
    Each XML is written once, as it ends up: the mistakes are drawn before the digits are written.
    """
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.voc import VocAnnotation

    rng = np.random.default_rng(seed)
    order = [int(n) for n in rng.permutation(count)]  # positions in the digits' order
    n_bare = round(UNANNOTATED_FRACTION * count)
    bare = order[:n_bare]
    nudged = order[n_bare:n_bare + NUDGED]
    flipped = order[n_bare + NUDGED:n_bare + NUDGED + FLIPPED]
    # drawn in the order they were drawn when the digits' XMLs were read back and changed: the same demo
    shifts = {n: tuple(float(rng.integers(8, 13)) * float(rng.choice([-1, 1])) for _ in range(2)) for n in nudged}
    flips = {n: int(rng.integers(1, 10)) for n in flipped}
    bare_set = set(bare)

    def plant_mistakes(n: int, annotation: VocAnnotation) -> bool:
        if n in bare_set:
            return False
        obj = annotation.objects[0]
        if n in shifts:
            dx, dy = shifts[n]
            box = obj.box.translated(dx, dy).clamp(annotation.width, annotation.height)
            annotation.objects[0] = dataclasses.replace(obj, box=box)
        elif n in flips:
            annotation.objects[0] = dataclasses.replace(obj, name=str((int(obj.name) + flips[n]) % 10))
        return True

    images = write_digits_dataset(out, "test", count, seed, named_folder=final_dir, amend=plant_mistakes)
    return {"bare": [images[n].name for n in bare], "nudged": [images[n].name for n in nudged],
            "flipped": [images[n].name for n in flipped]}
