"""What a serving client needs to feed a petloc export, as its note records it (`export_note`).

The exported files held none of it: the input size only in a signature's shape, the preparation (EXIF,
RGB, the stretch and OpenCV's interpolations) only in docs/cli.md, and that a two-stage bundle's export
is its first stage alone only in a line on stderr at export time. A client built from the files alone
(the hunt's plain TF/numpy/PIL script) had to find each. The same record goes into the SavedModel's
``petloc-export.json`` and beside a TFLite file. What it says is `model.prepare`'s rule; docs/cli.md,
`petloc export`, says each step in full. No TensorFlow here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The signatures' inputs (model.export's docstring), by export.
SAVED_MODEL_SIGNATURES = {"serving_default": "uint8 [N, height, width, 3]",
                          "serve_float": "float32 [N, height, width, 3], values 0..255"}
TFLITE_SIGNATURES = {"serve_float": "float32 [1, height, width, 3], values 0..255 (allocated for batch 1: "
                                    "resize_tensor_input for N; the signature runner resizes itself)"}


def serving_description(input_shape: tuple[int, int, int], meta: Mapping[str, Any], *,
                        signatures: Mapping[str, str], class_names_file: str | None) -> dict[str, Any]:
    """The record: the input the model takes (``input_shape``: height, width, channels), how petloc
    prepares an image for it, the box it gives, where its class names are (``class_names_file``, relative
    to the note; None: it has none), and the stages of the model of ``meta`` (its meta.json) it holds."""
    height, width, channels = input_shape
    return {
        "input": {"width": width, "height": height, "channels": channels, "colour_order": "RGB",
                  "value_range": [0, 255], "signatures": dict(signatures)},
        "preparation": {
            "reference": "petloc_gui.model.prepare.prepare_path(path, (width, height)) gives petloc's own "
                         "uint8 array; docs/cli.md, petloc export, says each step",
            "exif_orientation": "applied: the stored pixels rotated or flipped as the file's EXIF Orientation "
                                "tag says (that tag only: an orientation in an XMP packet is not applied)",
            "colour": "RGB uint8, in that order (OpenCV decodes BGR): gray repeated into three channels, "
                      "transparent pixels composited on white",
            "resize": {"fit": "stretch", "to": [width, height],
                       "how": "to exactly width x height, not keeping the aspect ratio (no letterbox, no crop), "
                              "with OpenCV on the uint8 pixels",
                       "shrinking": "cv2.INTER_AREA, when the image has more pixels than width x height "
                                    "(w * h > width * height)",
                       "enlarging": "cv2.INTER_LINEAR, otherwise"},
            "normalisation": "none: the model scales the values itself",
        },
        "box": {"layout": ["xmin", "ymin", "xmax", "ymax"],
                "normalised": "x by the input image's width, y by its height: times the oriented photo's "
                              "width and height for its pixels",
                "clipped_to": [0, 1], "corners": "sorted (xmin <= xmax, ymin <= ymax)"},
        "class_names": class_names_file,
        "stages": stages(meta),
    }


def stages(meta: Mapping[str, Any]) -> dict[str, Any]:
    """How many stages the model has and how many the export holds: a two-stage bundle (meta.json
    ``refine``, the bundled pets model) is exported without its crop-and-refine stage."""
    if not meta.get("refine"):
        return {"model": 1, "exported": 1}
    return {"model": 2, "exported": 1,
            "note": "the first stage only: the crop-and-refine second stage stays in the bundle (refine.keras); "
                    "the boxes and class probabilities served are the first stage's, not those petloc predict "
                    "gives, and less exact"}
