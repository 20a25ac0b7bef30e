"""Brightness and contrast for looking at dark photos (display only: files and boxes are untouched)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QImage

BRIGHTNESS_STEP = 16
CONTRAST_STEP = 1.2
BRIGHTNESS_RANGE = (-160, 160)
CONTRAST_RANGE = (0.35, 4.0)


@dataclass(frozen=True)
class Adjustment:
    """``value' = (value - 128) * contrast + 128 + brightness``, clipped to 0..255."""

    brightness: int = 0
    contrast: float = 1.0

    @property
    def is_identity(self) -> bool:
        return self.brightness == 0 and abs(self.contrast - 1.0) < 1e-6

    def stepped(self, brightness_steps: int = 0, contrast_steps: int = 0) -> Adjustment:
        low, high = BRIGHTNESS_RANGE
        brightness = min(high, max(low, self.brightness + brightness_steps * BRIGHTNESS_STEP))
        contrast = min(CONTRAST_RANGE[1], max(CONTRAST_RANGE[0], self.contrast * CONTRAST_STEP ** contrast_steps))
        return Adjustment(brightness, round(contrast, 4))

    def describe(self) -> str:
        if self.is_identity:
            return ""
        return f"brightness {self.brightness:+d}, contrast ×{self.contrast:.2f}"


def adjusted(image: QImage, adjustment: Adjustment) -> QImage:
    """A copy of ``image`` with the adjustment applied (the image itself when it is the identity)."""
    if adjustment.is_identity or image.isNull():
        return image
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = np.frombuffer(rgb.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    levels = np.arange(256, dtype=np.float32)
    lut = np.clip((levels - 128.0) * adjustment.contrast + 128.0 + adjustment.brightness, 0, 255).astype(np.uint8)
    out = np.ascontiguousarray(lut[pixels[:, : width * 3]])
    return QImage(out.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()
