"""The one image preparation of petloc: file -> pixels -> network input.

Training (its no-augmentation path and validation), inference, evaluation
and the GUI all turn an image into the network's input here, so a model sees
the same tensor for the same photo whichever path it comes through:

1. `decode`: the file decoded by content with EXIF orientation applied
   (`core.images.load_image`), RGB uint8, full resolution;
2. `resize_to_input`: stretched (no letterbox) to the network input size with
   OpenCV, area-averaging when shrinking, bilinear when enlarging.

The model takes that as float32 0..255 and normalises inside itself.
Augmentation starts from `decode_bounded` (the same decode, downscaled with
the same resize so neither side exceeds a bound) and ends with
`resize_to_input` too.
"""

from __future__ import annotations

import os

import cv2
import numpy as np

from petloc_gui.core.images import load_image

Size = tuple[int, int]  # (width, height)


def decode(path: str | os.PathLike[str]) -> np.ndarray:
    """H x W x 3 uint8 RGB, EXIF applied, full resolution; `ImageLoadError` when unreadable."""
    return load_image(path)


def as_rgb(image: np.ndarray) -> np.ndarray:
    """Any H x W, H x W x 1/3/4 array as H x W x 3 uint8; ValueError for anything else."""
    array = np.asarray(image)
    if array.ndim == 2:
        array = np.repeat(array[:, :, None], 3, axis=2)
    elif array.ndim == 3 and array.shape[2] == 1:
        array = np.repeat(array, 3, axis=2)
    elif array.ndim == 3 and array.shape[2] == 4:
        array = array[:, :, :3]
    if array.ndim != 3 or array.shape[2] != 3 or array.shape[0] == 0 or array.shape[1] == 0:
        raise ValueError(f"expected an H x W x 3 image, got shape {array.shape}")
    if array.dtype != np.uint8:
        array = np.clip(array, 0, 255).astype(np.uint8)
    return array


def resize_to_input(image: np.ndarray, size: Size) -> np.ndarray:
    """Stretch (no letterbox) to ``size`` = (width, height): the only resize to a network input."""
    h, w = image.shape[:2]
    if (w, h) == tuple(size):
        return image
    shrinking = w * h > size[0] * size[1]
    return cv2.resize(np.ascontiguousarray(image), tuple(size),
                      interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def network_input(image: np.ndarray, size: Size) -> np.ndarray:
    """The float32 0..255 network input for a decoded image (inference and training agree)."""
    return resize_to_input(as_rgb(image), size).astype(np.float32)


def prepare_path(path: str | os.PathLike[str], size: Size) -> np.ndarray:
    """uint8 network input for an image file: `decode` then `resize_to_input`."""
    return resize_to_input(decode(path), size)


def downscale(image: np.ndarray, max_side: int) -> np.ndarray:
    """Keep the aspect ratio; neither side above ``max_side`` (area-averaging); never enlarges."""
    h, w = image.shape[:2]
    if max(h, w) <= max_side:
        return image
    scale = max_side / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(np.ascontiguousarray(image), size, interpolation=cv2.INTER_AREA)


def decode_bounded(path: str | os.PathLike[str], max_side: int) -> np.ndarray:
    """`decode`, downscaled so neither side exceeds ``max_side``: the source of augmented crops."""
    return downscale(decode(path), max_side)
