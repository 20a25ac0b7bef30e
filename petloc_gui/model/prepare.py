"""The one image preparation of petloc: file -> pixels -> network input.

Training (its no-augmentation path and validation), inference, evaluation
and the GUI all turn an image into the network's input here, so a model sees
the same tensor for the same photo whichever path it comes through:

1. `decode`: the file decoded by content with EXIF orientation applied
   (`core.images.load_image`), RGB uint8, full resolution;
2. `resize_to_input`: stretched (no letterbox) to the network input size with
   OpenCV, area-averaging when shrinking, bilinear when enlarging; always on
   uint8 (a full-resolution photo is never converted to float).

The model takes that as float32 0..255 and normalises inside itself. An
image given as an array (`Predictor.predict_images`) becomes RGB uint8 by
the rules a file follows (`as_rgb`: 16-bit and float values scaled, alpha
composited on white) before step 2.
Augmentation starts from `decode_bounded` (the same decode, downscaled with
the same resize so neither side exceeds a bound) and ends with
`resize_to_input` too.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

import cv2
import numpy as np

from petloc_gui.core.images import array_to_rgb, load_image

Size = tuple[int, int]  # (width, height)


def decode(path: str | os.PathLike[str]) -> np.ndarray:
    """H x W x 3 uint8 RGB, EXIF applied, full resolution; `ImageLoadError` when unreadable."""
    return load_image(path)


def as_rgb(image: np.ndarray) -> np.ndarray:
    """An image array as H x W x 3 uint8 RGB, prepared as a file of the same pixels is
    (`core.images.array_to_rgb`: 16-bit and float values scaled, alpha composited on white);
    ValueError for a shape or value type that is no image."""
    return array_to_rgb(image)


def resize_to_input(image: np.ndarray, size: Size, *, parallel: bool = False) -> np.ndarray:
    """Stretch (no letterbox) to ``size`` = (width, height): the only resize to a network input.

    ``parallel``: when shrinking, resize the two halves of the image on two
    threads (`_area_halves`); the pixels are the same as one call's (OpenCV
    runs an area resize of this size on one thread), only faster on 2+ cores.
    """
    h, w = image.shape[:2]
    size = (int(size[0]), int(size[1]))
    if (w, h) == size:
        return image
    image = _cv_array(image)
    shrinking = w * h > size[0] * size[1]
    if parallel and shrinking and w * h >= SPLIT_MIN_PIXELS and (os.cpu_count() or 1) > 1:
        halves = _area_halves(image, size)
        if halves is not None:
            return _resize_halves(*halves)
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


# Below this many source pixels handing half to a thread costs more than it saves.
SPLIT_MIN_PIXELS = 40_000
_helper: tuple[int, ThreadPoolExecutor] | None = None  # (pid that made it, one thread)
_helper_lock = threading.Lock()


def _cv_array(image: np.ndarray) -> np.ndarray:
    """``image`` as OpenCV can read it without a copy when possible: a region of a photo
    (rows further apart than their width) is fine, flipped or strided pixels are copied."""
    s = image.strides
    if image.ndim == 3 and s[2] == image.itemsize and s[1] == image.shape[2] * s[2] and s[0] >= s[1] * image.shape[1]:
        return image
    return np.ascontiguousarray(image)


def _area_halves(image: np.ndarray, size: Size) -> tuple[np.ndarray, np.ndarray, Size, int] | None:
    """``(first half, second half, half size, axis)`` whose area resizes tile the full one exactly, or None.

    OpenCV's area resize (both sides shrinking) averages output pixel x over
    source columns [x * w/W, (x+1) * w/W); with w and W even, output columns
    < W/2 read only source columns < w/2, with the same scale, so each half
    resized alone gives the same pixels (checked in tests/model/test_prepare.py).
    Likewise for rows.
    """
    h, w = image.shape[:2]
    width, height = size
    if w < width or h < height:  # OpenCV area-averages only when neither side grows
        return None
    if width % 2 == 0 and w % 2 == 0:
        return image[:, : w // 2], image[:, w // 2 :], (width // 2, height), 1
    if height % 2 == 0 and h % 2 == 0:
        return image[: h // 2], image[h // 2 :], (width, height // 2), 0
    return None


def _resize_halves(first: np.ndarray, second: np.ndarray, half: Size, axis: int) -> np.ndarray:
    global _helper
    with _helper_lock:
        if _helper is None or _helper[0] != os.getpid():  # a forked child has no thread: make its own
            _helper = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="petloc-resize"))
        helper = _helper[1]
    # cv2.resize releases the GIL: the helper thread and this one resize at once.
    later: Future = helper.submit(cv2.resize, second, half, interpolation=cv2.INTER_AREA)
    return np.concatenate([cv2.resize(first, half, interpolation=cv2.INTER_AREA), later.result()], axis=axis)


def network_input(image: np.ndarray, size: Size) -> np.ndarray:
    """The float32 0..255 network input for a decoded image (inference and training agree)."""
    return resize_to_input(as_rgb(image), size).astype(np.float32)


def network_inputs(images: Sequence[np.ndarray], size: Size, *, parallel: bool = False) -> np.ndarray:
    """`network_input` of each image, stacked into one float32 batch N x H x W x 3
    (resized as uint8, converted while copied into the batch)."""
    batch = np.empty((len(images), int(size[1]), int(size[0]), 3), np.float32)
    for i, image in enumerate(images):
        batch[i] = resize_to_input(as_rgb(image), size, parallel=parallel)
    return batch


def prepare_path(path: str | os.PathLike[str], size: Size) -> np.ndarray:
    """uint8 network input for an image file: `decode` then `resize_to_input`."""
    return resize_to_input(decode(path), size)


def bounded_size(width: int, height: int, max_side: int) -> tuple[int, int]:
    """``(width, height)`` that `downscale` gives an image of this size."""
    if max(width, height) <= max_side:
        return width, height
    scale = max_side / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def downscale(image: np.ndarray, max_side: int) -> np.ndarray:
    """Keep the aspect ratio; neither side above ``max_side`` (area-averaging); never enlarges."""
    h, w = image.shape[:2]
    size = bounded_size(w, h, max_side)
    if size == (w, h):
        return image
    return cv2.resize(np.ascontiguousarray(image), size, interpolation=cv2.INTER_AREA)


def decode_bounded(path: str | os.PathLike[str], max_side: int) -> np.ndarray:
    """`decode`, downscaled so neither side exceeds ``max_side``: the source of augmented crops."""
    return downscale(decode(path), max_side)
