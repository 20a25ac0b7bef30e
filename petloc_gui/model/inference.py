"""Predictions for images: label, confidence, class probabilities and a pixel box.

Each image is stretched to the model's input size (no letterbox), exactly as
in training, and the normalised box is mapped back to the pixel coordinates
of the image as given (for paths: as displayed, EXIF applied). The model is
never called per image with ``model.predict``: a runner with a fixed input
signature (``model.runtime.make_runner``, or a traced ``tf.function``) runs
batches. A two-stage bundle (meta.json ``refine``) then crops each image
around the first box and lets its refiner place the final box
(`RefineStage`, `model.cascade`); the class is the mean of both stages.
Files are decoded one at a time and a batch of them holds a bounded number of
decoded pixels (`MAX_BATCH_PIXELS`), so memory does not grow with photo size.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import ImageLoadError, PetlocError
from petloc_gui.model import cascade
from petloc_gui.model.box_rule import predicted_boxes
from petloc_gui.model.bundle import REFINE_TFLITE, LoadedBundle, load_bundle
from petloc_gui.model.export import TFLITE_FILENAME
from petloc_gui.model.prepare import as_rgb as _as_rgb
from petloc_gui.model.prepare import decode, network_input, network_inputs, resize_to_input
from petloc_gui.model.untyped import Tensor

BatchRunner = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
MAX_BATCH = 32
# Decoded pixels a batch of files may hold (`Predictor.predict_paths`): a two-stage bundle's refiner crops
# from the full photos, so they are all held until its last pass. 64 M pixels are 192 MB of RGB: 32 photos
# of 2 MP, or 5 of a phone's 12 MP (at 32 of those a batch held 1.2 GB).
MAX_BATCH_PIXELS = 64_000_000


NO_LABEL = ""  # a Prediction's label when the model gave no class (its output is not a number)


@dataclass(frozen=True)
class Prediction:
    """One image's prediction; ``box`` is in pixels of the image as given/displayed."""

    label: str
    confidence: float
    box: Box
    probabilities: dict[str, float]

    @property
    def has_class(self) -> bool:
        """False when the model's output was not a number: no class, no box (all NaN)."""
        return self.label != NO_LABEL


def function_runner(model: Any) -> BatchRunner:
    """A traced ``tf.function`` over ``model`` (batch dimension free): reads live weights."""
    import tensorflow as tf

    shape = (None, *(int(d) for d in model.inputs[0].shape[1:]))

    @tf.function(input_signature=[tf.TensorSpec(shape, tf.float32)], reduce_retracing=True)
    def serve(batch: Tensor) -> tuple[Tensor, Tensor]:
        probs, box = model(batch, training=False)
        return probs, box

    def run(batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, box = serve(tf.convert_to_tensor(np.asarray(batch, np.float32)))
        return probs.numpy(), box.numpy()

    return run


def _fast_runner(bundle: LoadedBundle, model: Any = None, tflite_name: str = TFLITE_FILENAME) -> BatchRunner:
    """The runtime helper's fastest verified runner, or our own tf.function."""
    model = bundle.model if model is None else model
    try:
        from petloc_gui.model.runtime import make_runner
    except ImportError:
        return function_runner(model)
    tflite = bundle.path / tflite_name
    try:
        return make_runner(model, tflite_path=tflite if tflite.is_file() else None)
    except Exception:  # noqa: BLE001 - a fast path failing must not stop predictions
        return function_runner(model)


@dataclass(frozen=True)
class RefineStage:
    """The crop-and-refine second stage of a bundle (meta.json ``refine``)."""

    run: BatchRunner
    input_size: tuple[int, int]
    margin: float
    flip: bool
    passes: int = 1  # at most this many refinement passes, each on a crop around the last box
    # A further pass only for the photos whose next crop overlaps the last one by less than
    # this IoU (`cascade.crop_overlap`); 1.0 refines every photo again, as before.
    repass_below: float = 1.0
    parallel: bool = True  # crops resized on two threads where exact (prepare.resize_to_input)

    def __call__(self, images: Sequence[np.ndarray], probs: np.ndarray,
                 boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Refined ``(probabilities, boxes)``: the refiner's box; the class the mean of the first stage and
        the refiner's first pass."""
        images = list(images)
        refined_probs, refined = cascade.refine(self.run, images, boxes, self.input_size, self.margin,
                                                flip=self.flip, parallel=self.parallel)

        def refine_boxes(some: list[np.ndarray], around: np.ndarray) -> np.ndarray:
            return cascade.refine(self.run, some, around, self.input_size, self.margin, flip=self.flip,
                                  parallel=self.parallel)[1]

        refined = further_passes(refine_boxes, images, boxes, refined, self.margin, self.passes, self.repass_below)
        return (np.asarray(probs) + refined_probs) / 2.0, refined


def further_passes(refine_boxes: Callable[[list[np.ndarray], np.ndarray], np.ndarray], images: list[np.ndarray],
                   first_boxes: np.ndarray, refined: np.ndarray, margin: float, passes: int,
                   below: float) -> np.ndarray:
    """``refined`` after up to ``passes - 1`` more passes of ``refine_boxes(images, boxes)``, each only on
    the photos whose crop around the last box overlaps the crop before it by less than ``below``."""
    cropped_at = np.asarray(first_boxes)  # the boxes the last pass cropped around
    for _ in range(max(1, passes) - 1):
        again = np.flatnonzero(cascade.crop_overlap(images, cropped_at, refined, margin) < below)
        if not again.size:
            break
        cropped_at, refined = refined, refined.copy()  # the last crops' boxes stay as they were
        refined[again] = refine_boxes([images[i] for i in again], refined[again])
    return refined


def _refine_stage(bundle: LoadedBundle, runner: BatchRunner | None) -> RefineStage | None:
    # a refiner's runner given needs no Keras refiner (`lite_bundle`: its refine.tflite run by LiteRT)
    refine = bundle.meta.get("refine") if bundle.refiner is not None or runner is not None else None
    if not refine:
        return None
    run = runner if runner is not None else _fast_runner(bundle, bundle.refiner, REFINE_TFLITE)
    size = tuple(int(v) for v in refine["input_size"])
    return RefineStage(run, size, float(refine.get("margin", cascade.DEFAULT_MARGIN)),  # type: ignore[arg-type]
                       bool(refine.get("flip_tta", False)), int(refine.get("passes", 1)),
                       float(refine.get("repass_below", 1.0)))


class Predictor:
    """Runs a bundle (name, path or `LoadedBundle`) on images."""

    def __init__(self, bundle_or_spec: str | os.PathLike[str] | LoadedBundle, runner: BatchRunner | None = None,
                 refine_runner: BatchRunner | None = None) -> None:
        self.bundle = load_bundle(bundle_or_spec)
        self.class_names = list(self.bundle.class_names)
        width, height = self.bundle.input_size
        self.input_size: tuple[int, int] = (int(width), int(height))
        self._runner = runner if runner is not None else _fast_runner(self.bundle)
        self.parallel = True  # resize big photos on two threads where exact (prepare.resize_to_input)
        # A second stage refines each first-stage box on a crop around it (model.cascade).
        self.refine = _refine_stage(self.bundle, refine_runner)

    @classmethod
    def from_model(cls, model: Any, class_names: Sequence[str], runner: BatchRunner | None = None) -> Predictor:
        """A predictor over an in-memory Keras model (training uses this for validation)."""
        height, width = (int(d) for d in model.inputs[0].shape[1:3])
        meta = {"class_names": list(class_names), "input_size": [width, height], "preset": None}
        bundle = LoadedBundle(Path("."), meta, model, list(class_names), (width, height), "")
        return cls(bundle, runner=runner if runner is not None else function_runner(model))

    def prepare(self, image: np.ndarray) -> np.ndarray:
        """The network input for one image: RGB, stretched to the input size, float32 0..255 (`prepare`)."""
        return network_input(image, self.input_size)

    def predict_inputs(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(probabilities, normalised boxes)`` for a batch already prepared (N x H x W x 3, 0..255)."""
        probs, boxes = self._runner(np.asarray(batch, np.float32))
        return np.asarray(probs), np.asarray(boxes)

    def predict_raw(self, images: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """``(probabilities N x C, normalised boxes N x 4)`` for images of any size."""
        probs_out, boxes_out = [], []
        for start in range(0, len(images), MAX_BATCH):
            chunk = images[start : start + MAX_BATCH]
            # = np.stack([self.prepare(im) ...]), without the intermediate float copies
            batch = network_inputs(chunk, self.input_size, parallel=self.parallel)
            probs, boxes = self._runner(batch)
            if self.refine is not None:
                probs, boxes = self.refine([_as_rgb(im) for im in chunk], probs, boxes)
            probs_out.append(np.asarray(probs))
            boxes_out.append(np.asarray(boxes))
        if not probs_out:
            return np.zeros((0, len(self.class_names)), np.float32), np.zeros((0, 4), np.float32)
        return np.concatenate(probs_out), np.concatenate(boxes_out)

    def to_predictions(self, probs: np.ndarray, boxes: np.ndarray,
                       sizes: Sequence[tuple[int, int]]) -> list[Prediction]:
        """Raw outputs -> `Prediction` objects, boxes in pixels of each (width, height)."""
        out = []
        for p, b, (w, h) in zip(probs, boxes, sizes, strict=False):
            if not (np.isfinite(p).all() and np.isfinite(b).all()):
                # np.argmax takes a NaN for the largest value: a diverged model's output read as the
                # first class with confidence nan; and a NaN box (a diverged box head) survives every
                # clamp. Either is no prediction: nothing to draw, accept or write.
                nan = float("nan")
                out.append(Prediction(NO_LABEL, nan, Box(nan, nan, nan, nan),
                                      {name: float(v) for name, v in zip(self.class_names, p, strict=False)}))
                continue
            k = int(np.argmax(p))
            box = Box.from_normalized(predicted_boxes(b), w, h)  # clipped and sorted: the export's rule too
            out.append(Prediction(
                label=self.class_names[k],
                confidence=float(p[k]),
                box=box,
                probabilities={name: float(v) for name, v in zip(self.class_names, p, strict=False)},
            ))
        return out

    def predict_images(self, images: Sequence[np.ndarray]) -> list[Prediction]:
        """Predictions for image arrays; boxes in each array's pixels.

        An array is prepared as a file of the same pixels is (`model.prepare.as_rgb`): H x W
        or H x W x 1 gray, H x W x 2 gray + alpha, H x W x 3 RGB (not BGR: convert OpenCV's),
        H x W x 4 RGBA; values uint8, 16-bit (gray ``/ 257``, colour and gray + alpha by the
        high byte, as Pillow reads such files), float in 0..1 or 0..255, other integers (kept
        when within 0..255, else read as 16-bit) or bool; alpha composited on white (as a PNG's:
        zero everywhere gives white). ValueError for any other shape or value type. An H x W x 3
        uint8 array is used as it is.
        """
        images = [_as_rgb(im) for im in images]
        probs, boxes = self.predict_raw(images)
        return self.to_predictions(probs, boxes, [(im.shape[1], im.shape[0]) for im in images])

    def predict_paths(self, paths: Sequence[str | os.PathLike[str]], batch_size: int = MAX_BATCH,
                      max_pixels: int = MAX_BATCH_PIXELS) -> list[Prediction | PetlocError]:
        """Predictions for image files (EXIF applied); an unreadable file gives its error in its slot.

        Files are decoded one at a time, each prepared for the first stage as soon as it is decoded
        (`_Decoded`). A batch holds at most ``batch_size`` images and, for a two-stage bundle (whose
        refiner crops from the full photos), at most ``max_pixels`` decoded pixels: photos of 12 MP
        go ~5 to a batch at the default, small ones 32. One photo larger than that is a batch alone.
        """
        results: list[Prediction | PetlocError] = []
        pending: list[_Decoded | PetlocError] = []  # in order: the batch so far, and errors among it
        for path in paths:
            item = self._decoded(path)
            if isinstance(item, _Decoded) and _over(pending, item, max(1, batch_size), max_pixels):
                results.extend(self._predict_pending(pending))
                pending = []
            pending.append(item)
        results.extend(self._predict_pending(pending))
        return results

    def _decoded(self, path: str | os.PathLike[str]) -> _Decoded | PetlocError:
        """One file decoded and prepared for the first stage; the full photo kept only for a refiner."""
        try:
            image = decode(path)
        except PetlocError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
            return ImageLoadError(f"cannot read image: {exc}", path)
        # the pixels `network_inputs` gives (a decoded file is RGB uint8 already), before float32
        first_input = resize_to_input(image, self.input_size, parallel=self.parallel)
        return _Decoded(first_input, (image.shape[1], image.shape[0]), image if self.refine is not None else None)

    def _predict_pending(self, pending: list[_Decoded | PetlocError]) -> list[Prediction | PetlocError]:
        """The batch's predictions and errors, in order."""
        decoded = [item for item in pending if isinstance(item, _Decoded)]
        if not decoded:
            return [item for item in pending if isinstance(item, PetlocError)]  # errors only
        batch = np.empty((len(decoded), self.input_size[1], self.input_size[0], 3), np.float32)
        for i, item in enumerate(decoded):
            batch[i] = item.first_input  # uint8 -> float32 as it is copied, as `network_inputs`
        probs, boxes = self._runner(batch)
        if self.refine is not None:
            probs, boxes = self.refine([item.photo for item in decoded if item.photo is not None], probs, boxes)
        predictions = iter(self.to_predictions(np.asarray(probs), np.asarray(boxes), [d.size for d in decoded]))
        return [next(predictions) if isinstance(item, _Decoded) else item for item in pending]


@dataclass(frozen=True)
class _Decoded:
    """A decoded file as a batch of `Predictor.predict_paths` holds it."""

    first_input: np.ndarray  # uint8, the first stage's input size
    size: tuple[int, int]  # (width, height) of the photo as displayed
    photo: np.ndarray | None  # the full photo, for the refiner's crops; None without a refiner

    @property
    def pixels(self) -> int:
        """Decoded pixels this holds beyond its first-stage input."""
        return 0 if self.photo is None else self.size[0] * self.size[1]


def _over(pending: list[_Decoded | PetlocError], item: _Decoded, batch_size: int, max_pixels: int) -> bool:
    """Whether ``item`` would take the batch ``pending`` past ``batch_size`` images or ``max_pixels``
    decoded pixels (an empty batch always takes it)."""
    decoded = [held for held in pending if isinstance(held, _Decoded)]
    return bool(decoded) and (len(decoded) >= batch_size or sum(d.pixels for d in decoded) + item.pixels > max_pixels)
