"""The names the image list shows (no Qt)."""

from __future__ import annotations

import os

from petloc_gui.core.dataset import SIDECAR, Dataset
from petloc_gui.core.text import visible


def shown_names(dataset: Dataset) -> list[str]:
    """The list's names: the path within the folder in the sidecar layout (images in subfolders say
    where they are, and the list's name order is that of these paths), else the file name; control
    characters and bidi overrides escaped."""
    if dataset.layout != SIDECAR:
        return [visible(item.image_name) for item in dataset.items]
    cut = len(os.path.join(str(dataset.root), ""))  # the index writes each path as root + separator + ...
    # the paths' text: no Path built for each (`DatasetItem.image_path_text`)
    return [visible(item.image_path_text[cut:]) for item in dataset.items]
