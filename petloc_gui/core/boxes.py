"""Axis-aligned boxes in pixel coordinates of the displayed image, and IoU."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Box:
    """``(xmin, ymin, xmax, ymax)`` in float pixels, origin top-left.

    Coordinates refer to the image as a person sees it (EXIF orientation
    applied). A box with ``xmin > xmax`` is *inverted*; ``repaired`` fixes it.
    """

    xmin: float
    ymin: float
    xmax: float
    ymax: float

    def __post_init__(self) -> None:
        # Normalise ints/numpy scalars to plain floats so equality and hashing agree.
        for name in ("xmin", "ymin", "xmax", "ymax"):
            object.__setattr__(self, name, float(getattr(self, name)))

    @property
    def width(self) -> float:
        """Width; 0 for an inverted box."""
        return max(0.0, self.xmax - self.xmin)

    @property
    def height(self) -> float:
        """Height; 0 for an inverted box."""
        return max(0.0, self.ymax - self.ymin)

    @property
    def area(self) -> float:
        return self.width * self.height

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.xmin, self.ymin, self.xmax, self.ymax)

    def clamp(self, width: float, height: float) -> Box:
        """The box with every coordinate limited to ``[0, width] x [0, height]``."""
        return Box(
            min(max(self.xmin, 0.0), width),
            min(max(self.ymin, 0.0), height),
            min(max(self.xmax, 0.0), width),
            min(max(self.ymax, 0.0), height),
        )

    def sorted(self) -> Box:
        """The box with swapped coordinates put back in order (min <= max)."""
        return Box(
            min(self.xmin, self.xmax),
            min(self.ymin, self.ymax),
            max(self.xmin, self.xmax),
            max(self.ymin, self.ymax),
        )

    def repaired(self, width: float, height: float) -> Box:
        """Sorted (inverted coordinates swapped) then clamped to the image."""
        return self.sorted().clamp(width, height)

    def is_inside(self, width: float, height: float) -> bool:
        return self.clamp(width, height) == self

    def translated(self, dx: float, dy: float) -> Box:
        return Box(self.xmin + dx, self.ymin + dy, self.xmax + dx, self.ymax + dy)

    def normalized(self, width: float, height: float) -> tuple[float, float, float, float]:
        """``(xmin/w, ymin/h, xmax/w, ymax/h)`` — the networks' coordinates."""
        if width <= 0 or height <= 0:
            raise ValueError(f"image size must be positive, got {width}x{height}")
        return (self.xmin / width, self.ymin / height, self.xmax / width, self.ymax / height)

    @classmethod
    def from_normalized(cls, values: Sequence[float], width: float, height: float) -> Box:
        """Inverse of :meth:`normalized`."""
        xmin, ymin, xmax, ymax = (float(v) for v in values)
        return cls(xmin * width, ymin * height, xmax * width, ymax * height)

    def rounded(self) -> tuple[int, int, int, int]:
        """Integer coordinates as VOC stores them (``round``)."""
        return (round(self.xmin), round(self.ymin), round(self.xmax), round(self.ymax))

    def whole(self) -> Box:
        """The box in whole pixels, as VOC stores it (`rounded`). One with a NaN or infinite
        coordinate is returned as it is: there is no whole pixel to give, and a save refuses it."""
        if not all(math.isfinite(value) for value in self.as_tuple()):
            return self
        return Box(*self.rounded())


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes; 0 when the union is empty."""
    iw = min(a.xmax, b.xmax) - max(a.xmin, b.xmin)
    ih = min(a.ymax, b.ymax) - max(a.ymin, b.ymin)
    inter = max(0.0, iw) * max(0.0, ih)
    union = a.area + b.area - inter
    return inter / union if union > 0 else 0.0


def iou_arrays(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per-row IoU of two N x 4 arrays of ``[xmin, ymin, xmax, ymax]``.

    Rows with an empty union give 0. Inverted rows count as empty boxes.
    """
    a = np.asarray(a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b, dtype=np.float64).reshape(-1, 4)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    iw = np.clip(np.minimum(a[:, 2], b[:, 2]) - np.maximum(a[:, 0], b[:, 0]), 0, None)
    ih = np.clip(np.minimum(a[:, 3], b[:, 3]) - np.maximum(a[:, 1], b[:, 1]), 0, None)
    inter = iw * ih
    area_a = np.clip(a[:, 2] - a[:, 0], 0, None) * np.clip(a[:, 3] - a[:, 1], 0, None)
    area_b = np.clip(b[:, 2] - b[:, 0], 0, None) * np.clip(b[:, 3] - b[:, 1], 0, None)
    union = area_a + area_b - inter
    out = np.zeros_like(union)
    np.divide(inter, union, out=out, where=union > 0)
    return out
