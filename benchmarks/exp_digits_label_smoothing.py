"""Experiment driver (issue 8, digits run LS): label smoothing for the digits recipe's class loss.

The digits CNN learns ten classes from ~300 training digits each and reaches
~0.99 training accuracy, so its softmax can saturate on those few digits.
Variant LS trains the class head against smoothed targets (label smoothing
0.1, Szegedy et al. 2016's value; one value, not tuned): the class labels are
one-hot encoded and scored by a categorical crossentropy with
``label_smoothing=0.1`` in place of the recipe's sparse one. The box loss and
everything else are the recipe's. Otherwise `exp_digits_pipelines.py train`
(the digits preset, same digits and splits):

    python benchmarks/exp_digits_label_smoothing.py DIR --seed S        # bundle DIR/ls_sS
    python benchmarks/exp_digits_pipelines.py score DIR new ls

It lost (benchmarks/README.md, "digits run LS"), so the recipe's class loss is unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABEL_SMOOTHING = 0.1


def patch() -> None:
    import keras
    from keras import ops

    class SmoothedSparseCrossentropy(keras.losses.Loss):
        """Sparse class labels, scored as one-hot targets smoothed by ``label_smoothing``."""

        def __init__(self, label_smoothing: float = LABEL_SMOOTHING, name: str = "smoothed_crossentropy",
                     **kwargs):
            super().__init__(name=name, **kwargs)
            self.label_smoothing = label_smoothing

        def call(self, y_true, y_pred):
            labels = ops.cast(ops.reshape(y_true, (-1,)), "int32")
            targets = ops.one_hot(labels, ops.shape(y_pred)[-1])
            return keras.losses.categorical_crossentropy(targets, y_pred, label_smoothing=self.label_smoothing)

        def get_config(self):
            return {**super().get_config(), "label_smoothing": self.label_smoothing}

    keras.losses.SparseCategoricalCrossentropy = SmoothedSparseCrossentropy  # what `compile_phase` builds


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(HERE))
    import exp_digits_pipelines as driver

    return driver.variant_main("ls", __doc__.splitlines()[0], patch, argv)


if __name__ == "__main__":
    sys.exit(main())
