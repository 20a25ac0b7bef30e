"""Experiment driver (issue 8, digits run EL; lost): the digits recipe with an elastic distortion of the digit.

Simard et al. (2003): a random displacement field, uniform(-1, 1) per pixel,
Gaussian-smoothed (sigma 4 px) and scaled by alpha 34, applied with
cv2.remap to the 28x28 boxed patch, on half of the training digits, before
the recipe's own rotation, scale and placement (`augment.digits_replace`;
the box stays the pasted square). Otherwise `exp_digits_pipelines.py train`:

    python benchmarks/exp_digits_elastic.py DIR --seed S        # bundle DIR/elastic_sS
    python benchmarks/exp_digits_pipelines.py score DIR new elastic

It lost (benchmarks/README.md, "digits run EL"), so the product does not do it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

HERE = Path(__file__).resolve().parent
ALPHA, SIGMA, PROBABILITY = 34.0, 4.0, 0.5


def elastic_patch(patch: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = patch.shape[:2]
    dx = cv2.GaussianBlur(rng.uniform(-1, 1, (h, w)).astype(np.float32), (0, 0), SIGMA) * ALPHA
    dy = cv2.GaussianBlur(rng.uniform(-1, 1, (h, w)).astype(np.float32), (0, 0), SIGMA) * ALPHA
    x, y = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    out = cv2.remap(np.ascontiguousarray(patch), x + dx, y + dy, cv2.INTER_LINEAR, borderValue=0)
    return out.reshape(patch.shape)


def patch() -> None:
    """The recipe's digit replacement, with the distortion first on half of the digits."""
    import petloc_gui.model.pipeline as pipeline
    from petloc_gui.model.augment import digits_replace

    def digits_replace_elastic(image, box, rng, size):
        if rng.uniform() < PROBABILITY:
            h, w = image.shape[:2]
            x1, y1, x2, y2 = np.round(np.asarray(box, dtype=np.float64)).astype(int)
            x1, y1, x2, y2 = max(0, x1), max(0, y1), min(w, x2), min(h, y2)
            if x2 > x1 and y2 > y1:
                image = np.array(image, copy=True)  # the decoded image is shared and read-only
                image[y1:y2, x1:x2] = elastic_patch(image[y1:y2, x1:x2], rng)
        return digits_replace(image, box, rng, size)

    pipeline.digits_replace = digits_replace_elastic


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(HERE))
    import exp_digits_pipelines as driver

    return driver.variant_main("elastic", __doc__.splitlines()[0], patch, argv)


if __name__ == "__main__":
    raise SystemExit(main())
