"""The names the image list shows (no Qt)."""

from __future__ import annotations

import os

from petloc_gui.core.dataset import Dataset
from petloc_gui.core.text import visible


def shown_names(dataset: Dataset) -> list[str]:
    """The list's names: each image's path within the images folder (the folder itself in the sidecar
    layout, ``images/`` or ``JPEGImages/`` in the others), so images in subfolders say where they are and
    ``x.jpg`` and ``day/x.jpg`` read as two images; the list's name order is that of these paths. Control
    characters and bidi overrides escaped."""
    # every index writes each path as its images folder + separator + ...
    cut = len(os.path.join(str(dataset.images_folder), ""))
    # the paths' text: no Path built for each (`DatasetItem.image_path_text`)
    return [visible(item.image_path_text[cut:]) for item in dataset.items]
