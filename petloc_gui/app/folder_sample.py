"""What a folder's own files say to the model choice (`app.model_choice`): the classes boxed in its
annotations (a sample spread over the folder) and whether its images are digit canvases.

Both read files (up to `SAMPLE` XML files, a few image headers): no Qt, no TensorFlow. The window
reads them in a worker (`ui.models.folder_model_chooser`), which stops the sample when the folder is
closed before it is done (``stopped``): on a slow disk the 500 reads take seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from petloc_gui.core.errors import CancelledError  # one class for every stopped read (`model.data` raises it too)

SAMPLE = 500  # annotations read to learn a folder's classes (spread over the folder)
DIGIT_SIZE = (75, 75)


def label_counts(dataset: Any, sample: int = SAMPLE, *, stopped: Callable[[], bool] | None = None
                 ) -> dict[str, int]:
    """Boxes per object name in up to ``sample`` annotations spread over the folder; raises
    `CancelledError` as soon as ``stopped()`` says so (looked at before each file)."""
    from petloc_gui.core.scored_objects import labelled
    from petloc_gui.core.voc import read_voc

    items = [item for item in dataset.items if item.has_annotation]
    step = max(1, len(items) // sample) if items else 1
    counts: dict[str, int] = {}
    for item in items[::step][:sample]:
        if stopped is not None and stopped():
            raise CancelledError("the folder's sample was stopped")
        try:
            annotation = read_voc(item.annotation_path, find_image=False)  # names only: no image header read
        except Exception:  # noqa: BLE001 - a broken file just does not vote
            continue
        for obj in annotation.objects:
            if labelled(obj.name):  # ("​" is no class: `core.scored_objects.learned`)
                counts[obj.name] = counts.get(obj.name, 0) + 1
    return counts


def looks_like_digits(dataset: Any) -> bool:
    """The first readable images are 75x75 canvases (the digits format)."""
    from petloc_gui.core.images import image_size

    for item in dataset.items[:5]:
        try:
            return tuple(image_size(item.image_path)) == DIGIT_SIZE
        except Exception:  # noqa: BLE001 - unreadable image: try the next one
            continue
    return False
