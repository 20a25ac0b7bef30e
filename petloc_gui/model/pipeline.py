"""The streaming tf.data input pipeline of training and validation.

file list -> (shard per worker) -> shuffle indices -> batch of indices ->
parallel decode + box-aware augmentation of each batch
(``map(num_parallel_calls=AUTOTUNE)``) -> prefetch. Indices are batched before
the images are decoded, one parallel call reading and augmenting a whole batch
(photos: `augment.photo_augment`), because per image the graph ops and the
calls into Python cost more CPU than the pixels (issue 8: on 2 cores the input
work takes CPU from the train step).

Only file indices are shuffled, so memory is bounded by the batches in
flight, not by the dataset. Decoding goes through `prepare` (Pillow and
OpenCV release the GIL, so parallel calls use every core); an optional
`ImageCache` keeps the decoded, downscaled pixels on disk for later epochs
and later retrains. Under a multi-worker strategy each worker decodes only
its own shard of files (the list is sharded before decoding; tf.data's own
auto-sharding is off). The pipeline runs in its own thread pool, whose Python
work drops to a low scheduling priority (`input_threads`: on few cores
the train step should not wait for a core the input took).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.images import image_size
from petloc_gui.model.augment import digits_replace, fill_batch, photo_augment
from petloc_gui.model.image_cache import ImageCache
from petloc_gui.model.input_threads import give_way_to_training, start_opencv_workers
from petloc_gui.model.memory_cache import MemoryCache
from petloc_gui.model.prepare import bounded_size, decode_bounded, prepare_path
from petloc_gui.model.untyped import Dataset, Tensor

AUGMENTATIONS = ("photo", "digits", "none")


@dataclass(frozen=True)
class Shard:
    """This input pipeline's share of the files: every ``count``-th from ``index``."""

    count: int = 1
    index: int = 0

    def size(self, n: int) -> int:
        return len(range(self.index, n, self.count))


class ImageSource:
    """Decodes image ``i`` of a file list (through the caches when there are).

    ``sizes``: each image's (width, height) as displayed, where the caller
    already read them (`TrainingData` has); otherwise read from the headers
    when first needed. ``cache``: decoded pixels on disk, across runs;
    ``memory``: for the rest of this run (`MemoryCache`, keyed by path and kind).
    ``on_unreadable(i, reason)``: told each time image ``i`` cannot be decoded
    (the error is raised all the same).
    """

    def __init__(self, paths: Sequence[str], cache: ImageCache | None = None,
                 sizes: Sequence[tuple[int, int]] | None = None, memory: MemoryCache | None = None,
                 on_unreadable: Callable[[int, str], None] | None = None) -> None:
        self.paths = [str(p) for p in paths]
        self.cache = cache
        self.memory = memory
        self.on_unreadable = on_unreadable
        self._sizes = None if sizes is None else [(int(w), int(h)) for w, h in sizes]

    def bounded_hw(self, max_side: int) -> np.ndarray:
        """``[n, 2]`` int32: (height, width) of each image as `bounded` gives it, before decoding."""
        if self._sizes is None:
            self._sizes = [_header_size(path) for path in self.paths]
        return np.array([bounded_size(w, h, max_side)[::-1] for w, h in self._sizes], np.int32).reshape(-1, 2)

    def bounded(self, i: int | np.integer, max_side: int) -> np.ndarray:
        """The image downscaled to at most ``max_side`` (`prepare.decode_bounded`); read-only."""
        path = self.paths[int(i)]
        return self._made(int(i), f"bounded-{max_side}", lambda: decode_bounded(path, max_side))

    def network_input(self, i: int | np.integer, size: tuple[int, int]) -> np.ndarray:
        """The inference preparation at ``size`` (`prepare.prepare_path`); read-only."""
        path = self.paths[int(i)]
        return self._made(int(i), f"input-{size[0]}x{size[1]}", lambda: prepare_path(path, size))

    def _made(self, i: int, kind: str, make: Callable[[], np.ndarray]) -> np.ndarray:
        path = self.paths[i]

        def from_disk() -> np.ndarray:
            return make() if self.cache is None else self.cache.get(path, kind, make)

        try:
            return from_disk() if self.memory is None else self.memory.get((path, kind), from_disk)
        except Exception as exc:
            if self.on_unreadable is not None:
                self.on_unreadable(i, exc.reason if isinstance(exc, PetlocError) else str(exc))
            raise


def _header_size(path: str) -> tuple[int, int]:
    try:
        return image_size(path)
    except (PetlocError, OSError):
        return 1, 1  # unreadable: its decode fails too, and another image of its batch stands in


def _options() -> Any:
    import tensorflow as tf

    options = tf.data.Options()
    # Each worker reads its own shard of the file list (see `Shard`): no auto-sharding.
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.OFF
    # The pipeline's own threads (0: as many as the CPUs available), so that its Python work can
    # lower their priority (`input_threads`) without touching threads that run the train step.
    # TensorFlow 2.21 gives each iterator its own threads anyway; this keeps it so.
    options.threading.private_threadpool_size = 0
    return options


def train_dataset(
    source: ImageSource,
    boxes: np.ndarray,
    label_ids: np.ndarray,
    augmentation: str,
    size: tuple[int, int],
    batch_size: int,
    seed: int,
    max_side: int,
    shard: Shard = Shard(),
    zoom_out: float = 0.0,
) -> Dataset:
    """Endless shuffled, augmented batches ``(x float32 0..255, (class ids, normalised boxes))``.

    ``boxes`` are normalised [x1, y1, x2, y2] of each full image; ``zoom_out``: the share of
    "photo" images shrunk onto their own canvas first (`augment.zoom_placement`).
    """
    import tensorflow as tf

    if augmentation not in AUGMENTATIONS:
        raise ValueError(f"augmentation must be one of {AUGMENTATIONS}, got {augmentation!r}")
    start_opencv_workers()  # here, not from a lowered input thread (`input_threads`)
    n = len(source.paths)
    n_local = max(1, shard.size(n))
    boxes_t = tf.constant(np.asarray(boxes, np.float32).reshape(-1, 4))
    labels_t = tf.constant(np.asarray(label_ids, np.int32))
    indices = tf.data.Dataset.range(n)
    if shard.count > 1:
        indices = indices.shard(shard.count, shard.index)
    indices = indices.shuffle(n_local, seed=seed, reshuffle_each_iteration=True).repeat().enumerate()
    stream_seed = seed * 1_000_003 + shard.index

    def digits(i: int, position: int) -> tuple[np.ndarray, np.ndarray]:
        image = source.bounded(i, max_side)
        h, w = image.shape[:2]
        box = boxes[i] * np.array([w, h, w, h], np.float32)
        rng = np.random.default_rng([stream_seed, position])
        return digits_replace(image, box, rng, size)

    def plain(i: int, position: int) -> tuple[np.ndarray, np.ndarray]:
        return source.network_input(i, size), boxes[i]

    def image_batch(positions: Tensor, ids: Tensor) -> tuple[Tensor, tuple[Tensor, Tensor]]:
        make = digits if augmentation == "digits" else plain
        x, box, source_of = tf.numpy_function(lambda k, p: made_batch(k, p, make, size), [ids, positions],
                                              (tf.uint8, tf.float32, tf.int32), stateful=False)
        return _batch_shapes(x, box, tf.gather(labels_t, tf.gather(ids, source_of)), batch_size, size)

    def pixels(i: np.integer) -> np.ndarray:  # runs in an input thread (`augment.render_batch`)
        give_way_to_training()
        return source.bounded(i, max_side)

    def photo_batch(positions: Tensor, ids: Tensor) -> tuple[Tensor, tuple[Tensor, Tensor]]:
        # each batch's draws from the stream seed and its place in the stream
        seed_pair = tf.stack([tf.constant(stream_seed, tf.int64), positions[0]])
        x, box, source_of = photo_augment(pixels, ids, tf.gather(bounded_hw, ids),
                                          tf.gather(boxes_t, ids), seed_pair, size, zoom_out)
        return _batch_shapes(x, box, tf.gather(labels_t, tf.gather(ids, source_of)), batch_size, size)

    # the photos' sizes before they are read: the geometry does not wait for the pixels
    bounded_hw = tf.constant(source.bounded_hw(max_side)) if augmentation == "photo" else None
    # A batch at a time (photos: `augment.photo_augment`; per photo, graph ops and calls into
    # Python cost more CPU than the pixels). An image that cannot be read any more (it passed
    # the header check when the data was collected: truncated, or changed since) is replaced
    # by another of its batch; a batch without one readable image stops training with that
    # message: the images are gone, and dropping such batches would spin on an endless stream.
    dataset = indices.batch(batch_size, drop_remainder=True)
    dataset = dataset.map(photo_batch if augmentation == "photo" else image_batch,
                          num_parallel_calls=tf.data.AUTOTUNE, deterministic=False)
    # uint8 until batched: a quarter of the bytes to copy per image, one cast per batch.
    dataset = dataset.map(lambda x, y: (tf.cast(x, tf.float32), y))
    return dataset.prefetch(tf.data.AUTOTUNE).with_options(_options())


def made_batch(ids: np.ndarray, positions: np.ndarray, make: Callable[[int, int], tuple[np.ndarray, np.ndarray]],
               size: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(uint8 images, float32 normalised boxes, source)`` of ``make(id, position)`` for each
    element of a batch; one that cannot be made is stood in for (`augment.fill_batch`)."""
    give_way_to_training()  # runs in an input thread
    width, height = size
    images = np.empty((len(ids), height, width, 3), np.uint8)
    boxes = np.zeros((len(ids), 4), np.float32)

    def fill(j: int) -> None:
        images[j], boxes[j] = make(int(ids[j]), int(positions[j]))

    return images, boxes, fill_batch(len(ids), fill, images, boxes)


def _batch_shapes(x: Tensor, box: Tensor, labels: Tensor, batch_size: int,
                  size: tuple[int, int]) -> tuple[Tensor, tuple[Tensor, Tensor]]:
    import tensorflow as tf

    width, height = size
    return tf.ensure_shape(x, (batch_size, height, width, 3)), (tf.ensure_shape(labels, (batch_size,)),
                                                               tf.ensure_shape(box, (batch_size, 4)))


def input_batches(source: ImageSource, size: tuple[int, int], batch_size: int) -> Dataset:
    """Finite, ordered batches ``(uint8 network inputs, ok flags)`` of every image in ``source``.

    The inference preparation (`prepare.prepare_path`), decoded in parallel;
    an image that cannot be decoded comes back as zeros with ``ok`` False.
    """
    import tensorflow as tf

    width, height = size
    blank = np.zeros((height, width, 3), np.uint8)
    start_opencv_workers()  # here, not from a lowered input thread (`input_threads`)

    def run(i_np: np.int64) -> tuple[np.ndarray, bool]:
        give_way_to_training()  # runs in an input thread
        try:
            return source.network_input(i_np, size), True
        except Exception:  # noqa: BLE001 - one unreadable image must not stop validation
            return blank, False

    def load(i: Tensor) -> tuple[Tensor, Tensor]:
        image, ok = tf.numpy_function(run, [i], (tf.uint8, tf.bool), stateful=False)
        return tf.ensure_shape(image, (height, width, 3)), tf.ensure_shape(ok, ())

    dataset = tf.data.Dataset.range(len(source.paths)).map(load, num_parallel_calls=tf.data.AUTOTUNE)
    return dataset.batch(batch_size).prefetch(2).with_options(_options())
