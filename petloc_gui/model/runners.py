"""The runners: callables ``(batch float32 [N, H, W, C]) -> (probabilities [N, C], boxes [N, 4])``.

`FunctionRunner` traces the Keras model once as a ``tf.function`` (optionally XLA-compiled);
`TfliteRunner` runs a TFLite flatbuffer (`model.export.tflite_bytes`) with the XNNPACK CPU delegate,
one interpreter per recent batch size. Which one a model gets, checked against Keras, is
`model.runtime.make_runner`'s choice.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections import OrderedDict
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from petloc_gui.model.export import BOX, PROBABILITIES, TFLITE_INPUT, input_shape_of, output_roles
from petloc_gui.model.untyped import KerasModel, Tensor

TFLITE_SIGNATURE = "serve_float"
# Bigger batches are split: activations of 8 pets images still fit the CPU caches,
# batch 32 was slower per image than batch 8 (benchmarks/inference.md).
MAX_TFLITE_BATCH = 8
_INTERPRETERS_KEPT = 3  # one per recent batch size; re-allocating costs ~20 ms


class Runner:
    """Callable ``(batch float32 [N, H, W, C]) -> (probabilities [N, C], boxes [N, 4])``."""

    name = "runner"

    def __init__(self, input_shape: tuple[int, int, int], n_classes: int) -> None:
        self.input_shape = input_shape
        self.n_classes = n_classes
        self.fallbacks: list[str] = []  # why faster candidates were not used
        self.source = "keras model"  # where a TFLite runner's flatbuffer came from

    def __call__(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        batch = self._checked(batch)
        if len(batch) == 0:
            return np.zeros((0, self.n_classes), np.float32), np.zeros((0, 4), np.float32)
        return self._run(batch)

    def _checked(self, batch: ArrayLike) -> np.ndarray:
        array = np.asarray(batch)
        if array.ndim == 3:
            raise ValueError(f"expected a batch [N, {', '.join(map(str, self.input_shape))}]; "
                             f"got one image {array.shape}")
        if array.ndim != 4 or tuple(array.shape[1:]) != self.input_shape:
            raise ValueError(f"expected a batch [N, {', '.join(map(str, self.input_shape))}]; got {array.shape}")
        return np.ascontiguousarray(array, dtype=np.float32)

    def _run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} input={self.input_shape} classes={self.n_classes}>"


class FunctionRunner(Runner):
    """The Keras model traced once as a ``tf.function`` (optionally XLA-compiled)."""

    def __init__(self, keras_model: KerasModel, *, jit_compile: bool = False) -> None:
        import tensorflow as tf

        probs_at, box_at = output_roles(keras_model)
        super().__init__(input_shape_of(keras_model), int(keras_model.outputs[probs_at].shape[-1]))
        self.name = "tf.function+xla" if jit_compile else "tf.function"
        spec = tf.TensorSpec([None, *self.input_shape], tf.float32)

        def forward(images: Tensor) -> tuple[Tensor, Tensor]:
            out = keras_model(images, training=False)
            return out[probs_at], out[box_at]

        self._fn = tf.function(forward, input_signature=[spec], jit_compile=jit_compile, reduce_retracing=True)

    def _run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, boxes = self._fn(batch)
        return probs.numpy(), boxes.numpy()


def _interpreter_class() -> Any:
    """LiteRT's interpreter when installed, else TensorFlow's (deprecated but present in TF 2.21): LiteRT is
    a dependency where it has wheels (pyproject.toml), and a bundle's .tflite runs without TensorFlow only
    with it (`model.lite_bundle`)."""
    try:
        from ai_edge_litert.interpreter import Interpreter

        return Interpreter
    except ImportError:
        import tensorflow as tf

        return tf.lite.Interpreter


class _Slot:
    """One interpreter allocated for one batch size, with its tensor indices."""

    def __init__(self, content: bytes, batch_size: int, num_threads: int) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tf.lite.Interpreter's deprecation notice
            self.interpreter = _interpreter_class()(model_content=content, num_threads=num_threads)
        signature = self.interpreter.get_signature_runner(TFLITE_SIGNATURE)
        inputs, outputs = signature.get_input_details(), signature.get_output_details()
        del signature  # it holds views of the tensors, which would forbid resizing them
        self.input_index = inputs[TFLITE_INPUT]["index"]
        self.probs_index = outputs[PROBABILITIES]["index"]
        self.box_index = outputs[BOX]["index"]
        shape = list(inputs[TFLITE_INPUT]["shape"])
        self.interpreter.resize_tensor_input(self.input_index, [batch_size, *shape[1:]])
        self.interpreter.allocate_tensors()
        height, width, channels = (int(d) for d in shape[1:])  # NHWC: the exported model's input
        self.input_shape = (height, width, channels)
        self.n_classes = int(outputs[PROBABILITIES]["shape"][-1])

    def run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        self.interpreter.set_tensor(self.input_index, batch)
        self.interpreter.invoke()
        return self.interpreter.get_tensor(self.probs_index), self.interpreter.get_tensor(self.box_index)


def default_threads() -> int:
    """Interpreter threads: the cores this process may use, at most 4. On the 2-core machine
    2 threads gave 3.1 ms per photo end-to-end, 1 thread 3.9 ms (benchmarks/inference.md)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


class TfliteRunner(Runner):
    """A TFLite flatbuffer (from `export.tflite_bytes`) run with XNNPACK; thread-safe."""

    name = "tflite-xnnpack"

    def __init__(self, content: bytes, num_threads: int | None = None) -> None:
        self._content = content
        self._threads = num_threads or default_threads()
        self._slots: OrderedDict[int, _Slot] = OrderedDict()
        self._lock = threading.Lock()  # an interpreter must not be invoked by two threads at once
        first = self._slot(1)
        super().__init__(first.input_shape, first.n_classes)

    def _slot(self, batch_size: int) -> _Slot:
        slot = self._slots.get(batch_size)
        if slot is None:
            slot = _Slot(self._content, batch_size, self._threads)
            self._slots[batch_size] = slot
            while len(self._slots) > _INTERPRETERS_KEPT:
                self._slots.popitem(last=False)
        self._slots.move_to_end(batch_size)
        return slot

    def _run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, boxes = [], []
        with self._lock:
            for start in range(0, len(batch), MAX_TFLITE_BATCH):
                chunk = batch[start : start + MAX_TFLITE_BATCH]
                p, b = self._slot(len(chunk)).run(chunk)
                probs.append(p)
                boxes.append(b)
        if len(probs) == 1:
            return probs[0], boxes[0]
        return np.concatenate(probs), np.concatenate(boxes)
