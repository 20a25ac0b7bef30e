"""Colour contrast as WCAG 2 measures it: relative luminance, the contrast ratio of two colours, and
the black or white that reads best on a colour. HSL lightness is no measure of it: the old green box's
tag (lightness 100) got white text at 2.2:1, where black gives 9.4:1."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor

READABLE_RATIO = 4.5  # WCAG 1.4.3, normal text


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""
    return 0.2126 * _linear(color.redF()) + 0.7152 * _linear(color.greenF()) + 0.0722 * _linear(color.blueF())


def contrast_ratio(one: QColor, other: QColor) -> float:
    """From 1 (the same luminance) to 21 (black on white), whichever is lighter."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(color: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``color``: a tag's text, a line's edging."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return black if contrast_ratio(black, color) >= contrast_ratio(white, color) else white


def readable_on(color: QColor, background: QColor, ratio: float = READABLE_RATIO) -> QColor:
    """``color`` made just dark enough (on a light ``background``) or light enough (on a dark one) to
    reach ``ratio`` against it, its hue kept: the header's red, green and amber on any palette."""
    return readable_on_each(color, [background], ratio)


def readable_on_each(color: QColor, backgrounds: Sequence[QColor], ratio: float = READABLE_RATIO) -> QColor:
    """As `readable_on`, against every one of ``backgrounds`` (a list's rows and alternate rows): mixed
    toward the black or white that reads on the first until each background has ``ratio``."""
    def enough(candidate: QColor) -> bool:
        return all(contrast_ratio(candidate, background) >= ratio for background in backgrounds)

    if enough(color):
        return QColor(color)
    toward = ink_on(backgrounds[0])  # the way that has room: black on light, white on dark
    for step in range(1, 21):
        t = step / 20
        mixed = QColor.fromRgbF(color.redF() + (toward.redF() - color.redF()) * t,
                                color.greenF() + (toward.greenF() - color.greenF()) * t,
                                color.blueF() + (toward.blueF() - color.blueF()) * t)
        if enough(mixed):
            return mixed
    return toward
