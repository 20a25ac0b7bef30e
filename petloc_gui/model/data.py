"""Training data: (image, box, label) samples from a dataset folder, loaded once.

A folder is indexed with `core.dataset.open_dataset`; each annotated image
contributes its first object. Images without an annotation, without an
object, with an unreadable annotation or image, or a label the run cannot
use are skipped with a reason (never an exception). Images are decoded once
(EXIF applied, downscaled so neither side exceeds ``max_side``) and kept in
memory; augmentation then runs per batch in numpy.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.images import load_image
from petloc_gui.core.voc import read_voc

LABEL_SOURCES = ("default", "breed")


@dataclass(frozen=True)
class Sample:
    """One training example: an image, its first object's box (pixels) and label."""

    image_path: Path
    relpath: str  # relative to the dataset root, "/"-separated: recorded in meta.json
    annotation_path: Path
    box: tuple[float, float, float, float]
    label: str


@dataclass
class LoadedSamples:
    """Decoded images with boxes scaled to the decoded size."""

    samples: list[Sample]
    images: list[np.ndarray]
    boxes: np.ndarray  # N x 4 float32, pixels of the decoded image
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _relpath(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def collect_samples(
    data_dir: str | os.PathLike[str],
    label: str = "default",
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> tuple[list[Sample], list[tuple[str, str]], Path]:
    """``(samples, skipped [(path, reason)], dataset root)`` of a dataset folder.

    ``label="breed"`` takes the class from the dataset's metadata (Oxford
    ``list.txt``) instead of the VOC object name. ``exclude`` lists image
    paths (absolute, or relative to the dataset root) never to use.
    """
    if label not in LABEL_SOURCES:
        raise ValueError(f"label must be one of {LABEL_SOURCES}, got {label!r}")
    dataset = open_dataset(data_dir)
    root = Path(dataset.root)
    excluded = {_resolved(root, p) for p in exclude}
    samples: list[Sample] = []
    skipped: list[tuple[str, str]] = []
    for item in dataset.items:
        image_path = item.image_path
        if os.path.abspath(image_path) in excluded:
            continue
        if not item.has_annotation:
            skipped.append((str(image_path), "no annotation"))
            continue
        try:
            annotation = read_voc(item.annotation_path)
        except PetlocError as exc:
            skipped.append((str(image_path), f"unreadable annotation: {exc}"))
            continue
        if not annotation.objects:
            skipped.append((str(image_path), "annotation has no object"))
            continue
        obj = annotation.objects[0]
        name = obj.name if label == "default" else item.meta.get("breed")
        if not name:
            reason = "object has no label" if label == "default" else "no breed in the dataset's list"
            skipped.append((str(image_path), reason))
            continue
        box = obj.box.sorted()
        if box.width <= 0 or box.height <= 0:
            skipped.append((str(image_path), f"box {box.as_tuple()} has zero area"))
            continue
        samples.append(Sample(image_path, _relpath(image_path, root), item.annotation_path,
                              box.as_tuple(), str(name)))
    return samples, skipped, root


def _resolved(root: Path, path: str | os.PathLike[str]) -> str:
    p = Path(path)
    return os.path.abspath(p if p.is_absolute() else root / p)


def fingerprint(samples: Iterable[Sample]) -> str:
    """sha256 over the sorted (relative image path, annotation bytes): no image decoding."""
    digest = hashlib.sha256()
    for sample in sorted(samples, key=lambda s: s.relpath):
        digest.update(sample.relpath.encode("utf-8") + b"\0")
        try:
            digest.update(sample.annotation_path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def _load_one(sample: Sample, max_side: int) -> np.ndarray:
    return load_image(sample.image_path, max_size=max_side)


def load_samples(samples: list[Sample], max_side: int, workers: int = 4) -> LoadedSamples:
    """Decode every image (threads: Pillow releases the GIL); unreadable ones are skipped."""
    from petloc_gui.core.images import image_size

    images: list[np.ndarray] = []
    boxes: list[tuple[float, ...]] = []
    kept: list[Sample] = []
    skipped: list[tuple[str, str]] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_load_one, s, max_side) for s in samples]
        for sample, future in zip(samples, futures):
            try:
                image = future.result()
                full_w, full_h = image_size(sample.image_path)
            except PetlocError as exc:
                skipped.append((str(sample.image_path), f"unreadable image: {exc.reason}"))
                continue
            h, w = image.shape[:2]
            sx, sy = w / full_w, h / full_h
            x1, y1, x2, y2 = sample.box
            box = (
                min(max(x1 * sx, 0.0), w), min(max(y1 * sy, 0.0), h),
                min(max(x2 * sx, 0.0), w), min(max(y2 * sy, 0.0), h),
            )
            if box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
                skipped.append((str(sample.image_path), "box lies outside the image"))
                continue
            images.append(image)
            boxes.append(box)
            kept.append(sample)
    return LoadedSamples(kept, images, np.asarray(boxes, np.float32).reshape(-1, 4), skipped)


def stratified_split(
    labels: list[str], val_fraction: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """``(train_idx, val_idx)``: per class, a seeded ``val_fraction`` goes to validation.

    A class with at least two examples always keeps one for training and gives
    at least one to validation (when ``val_fraction > 0``).
    """
    rng = np.random.default_rng(seed)
    labels_arr = np.asarray(labels)
    train: list[int] = []
    val: list[int] = []
    for cls in sorted(set(labels)):
        members = np.flatnonzero(labels_arr == cls)
        members = members[rng.permutation(len(members))]
        n_val = int(round(len(members) * val_fraction))
        if val_fraction > 0 and len(members) >= 2:
            n_val = min(max(n_val, 1), len(members) - 1)
        elif len(members) < 2:
            n_val = 0
        val.extend(members[:n_val].tolist())
        train.extend(members[n_val:].tolist())
    return np.array(sorted(train), dtype=np.int64), np.array(sorted(val), dtype=np.int64)


Augmenter = Callable[[np.ndarray, np.ndarray, np.random.Generator, tuple[int, int]], tuple[np.ndarray, np.ndarray]]


def batches(
    images: list[np.ndarray],
    boxes: np.ndarray,
    labels: np.ndarray,
    size: tuple[int, int],
    batch_size: int,
    augment: Augmenter,
    seed: int,
) -> Iterator[tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]]:
    """Endless shuffled batches ``(x float32 0..255, (class ids, normalised boxes))``."""
    rng = np.random.default_rng(seed)
    n = len(images)
    while True:
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            xs, bs = [], []
            for i in idx:
                x, b = augment(images[i], boxes[i], rng, size)
                xs.append(x)
                bs.append(b)
            yield (np.stack(xs).astype(np.float32),
                   (labels[idx].astype(np.int32), np.stack(bs).astype(np.float32)))


def as_tf_dataset(generator: Iterator, size: tuple[int, int]):
    """Wrap a batch generator in a prefetching tf.data pipeline."""
    import tensorflow as tf

    width, height = size
    signature = (
        tf.TensorSpec((None, height, width, 3), tf.float32),
        (tf.TensorSpec((None,), tf.int32), tf.TensorSpec((None, 4), tf.float32)),
    )
    dataset = tf.data.Dataset.from_generator(lambda: generator, output_signature=signature)
    options = tf.data.Options()
    # Batches come from one Python generator; shard them by data, not by file.
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    return dataset.with_options(options).prefetch(2)
