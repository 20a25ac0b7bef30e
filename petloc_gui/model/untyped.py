"""Names for values of libraries that publish no type stubs (TensorFlow, Keras).

To mypy they are all ``Any``; the name says what a value is. ruff's ANN401 is off
for the same reason (pyproject.toml).
"""

from __future__ import annotations

from typing import Any

Tensor = Any  # a tf.Tensor, or a symbolic Keras tensor while a model is built
KerasModel = Any  # a keras.Model
Dataset = Any  # a tf.data.Dataset
Strategy = Any  # a tf.distribute.Strategy
