"""Experiment driver (issue 8, digits run WD): decoupled weight decay for the digits recipe.

The digits CNN trains from scratch on ~3,000 digits with Adam and no weight
penalty at all (dropout 0.2 before the class layer is its only regulariser).
Variant WD trains it with AdamW instead (Loshchilov & Hutter 2019): the same
learning rate, schedule and betas, and weight decay 0.05 (the value ConvNeXt
and DeiT train with under AdamW at a similar learning rate; one value, not
tuned), on the convolution and dense kernels only (not on BatchNorm's scale
and offset, nor on biases). Otherwise `exp_digits_pipelines.py train` (the
digits preset, same digits and splits):

    python benchmarks/exp_digits_weight_decay.py DIR --seed S        # bundle DIR/wd_sS
    python benchmarks/exp_digits_pipelines.py score DIR new wd

It lost (benchmarks/README.md, "digits run WD"), so the recipe trains with Adam as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WEIGHT_DECAY = 0.05
NOT_DECAYED = ["gamma", "beta", "bias"]  # Keras variable names: BatchNorm's scale and offset, biases


def patch() -> None:
    import keras

    def adamw(learning_rate, use_ema=False, ema_momentum=0.99):
        optimizer = keras.optimizers.AdamW(learning_rate, weight_decay=WEIGHT_DECAY, use_ema=use_ema,
                                           ema_momentum=ema_momentum)
        optimizer.exclude_from_weight_decay(var_names=NOT_DECAYED)
        return optimizer

    keras.optimizers.Adam = adamw  # what `training_loop.compile_phase` builds


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(HERE))
    import exp_digits_pipelines as driver

    return driver.variant_main("wd", __doc__.splitlines()[0], patch, argv)


if __name__ == "__main__":
    sys.exit(main())
