"""What kind of images a model is made for, 75x75 digit canvases or photos, by its bundle's preset.

A folder without boxes uses the model it last used whatever its classes (`model_choice.choose_without_boxes`):
digits on a folder of photos, or pets on digit canvases, was used without a word in the window (the CLI named
only the reason). It is said now. Reads the model's meta.json and a few image headers: no Qt, no TensorFlow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from petloc_gui.app.folder_sample import DIGIT_SIZE, looks_like_digits
from petloc_gui.core.json_record import read_json_record
from petloc_gui.model.presets import PRESETS

DIGIT_CANVASES = "75x75 digit canvases"
PHOTOS = "photos"


def made_for(folder: Path) -> str | None:
    """`DIGIT_CANVASES` or `PHOTOS`: what the model in ``folder`` is made for, by its meta.json's preset (its
    input size); None when that cannot tell: unreadable, no preset, one this petloc does not know (no guess)."""
    try:
        meta = read_json_record(folder / "meta.json")
    except (OSError, ValueError):
        return None
    preset = PRESETS.get(str(meta.get("preset"))) if isinstance(meta, dict) else None
    if preset is None:
        return None
    return DIGIT_CANVASES if tuple(preset.input_size) == DIGIT_SIZE else PHOTOS


def other_kind(name: str, folder: Path, dataset: Any) -> str:
    """"the model this folder last used (digits) is for 75x75 digit canvases; these images are photos" when
    the model ``name`` in ``folder`` is made for another kind of images than ``dataset``'s (as the image-size
    rule tells them, `folder_sample.looks_like_digits`), else "" (also for a folder without images)."""
    made = made_for(folder)
    if made is None or not dataset.items:
        return ""
    images = DIGIT_CANVASES if looks_like_digits(dataset) else PHOTOS
    if made == images:
        return ""
    return f"the model this folder last used ({name}) is for {made}; these images are {images}"
