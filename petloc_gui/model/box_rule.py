"""The one rule that turns a network's raw box output into the box petloc gives.

The box head has no clip (networks: a linear or edge head can reach past the
image), and its corners may come out swapped. `petloc predict` clips each
coordinate to [0, 1] and puts the corners in order; a served export must give
the same box (the pets model puts a corner of some photos up to 0.09 outside
[0, 1]). Written once, in the four operations numpy and TensorFlow share, so
`inference.Predictor` runs it on numpy arrays and `export` puts it into the
exported graph (SavedModel and TFLite) by passing ``tf`` as ``ops``.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def predicted_boxes(boxes: Any, ops: Any = np) -> Any:
    """``boxes`` (``... x 4`` normalised ``[xmin, ymin, xmax, ymax]``) with each coordinate clipped to
    [0, 1] and the corners sorted (min <= max). ``ops``: ``numpy`` or ``tensorflow`` (their
    ``minimum``, ``maximum`` and ``stack``). A NaN stays NaN (both libraries' min and max keep it)."""
    x0, y0, x1, y1 = (ops.minimum(ops.maximum(boxes[..., i], 0.0), 1.0) for i in range(4))
    return ops.stack([ops.minimum(x0, x1), ops.minimum(y0, y1), ops.maximum(x0, x1), ops.maximum(y0, y1)],
                     axis=-1)
