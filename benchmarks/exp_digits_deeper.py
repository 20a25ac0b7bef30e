"""Experiment driver (issue 8, digits run DC): a deeper class path for the digits network.

The bundled digits network classifies from a global max pool over its last
conv block (9x9 cells, 128 channels), whose receptive field is 38 px: about
the size of a 28-pixel digit once the recipe has scaled and rotated it, so a
cell sees the digit with little around it, through four 3x3 convolutions.
Variant DC adds one max pool (9 -> 5 cells) and one more 3x3 conv block (128
filters, BatchNorm, ReLU; receptive field 70 px, +3.7 M multiply-adds, +17%)
on the class path only; the box head reads the 9x9 block as before. Otherwise
`exp_digits_pipelines.py train` (the digits preset, same digits and splits):

    python benchmarks/exp_digits_deeper.py DIR --seed S        # bundle DIR/deeper_sS
    python benchmarks/exp_digits_pipelines.py score DIR new deeper

It lost (benchmarks/README.md, "digits run DC"), so the product's network is unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build_digits_net_deeper(n_classes: int, input_size: tuple[int, int]):
    from keras import layers

    import petloc_gui.model.networks as networks

    width, height = input_size
    inputs = networks.keras.Input((height, width, 3), name="image")
    x = layers.Rescaling(1.0 / 255.0, name="preprocess")(inputs)
    x = networks._conv_bn(x, 16, "b1")
    x = layers.MaxPooling2D(name="b1_pool")(x)
    x = networks._conv_bn(x, 32, "b2")
    x = layers.MaxPooling2D(name="b2_pool")(x)
    x = networks._conv_bn(x, 64, "b3")
    x = layers.MaxPooling2D(name="b3_pool")(x)
    x = networks._conv_bn(x, 128, "b4")
    b = layers.Conv2D(32, 1, activation="relu", name="box_reduce")(x)  # as networks._heads, box_dropout 0
    b = layers.Flatten(name="box_flatten")(b)
    b = layers.Dropout(0.0, name="box_dropout")(b)
    b = layers.Dense(128, activation="relu", name="box_hidden")(b)
    box = layers.Dense(4, activation="sigmoid", name=networks.BOX_OUTPUT,
                       bias_initializer=networks.keras.initializers.Constant(networks.INITIAL_BOX_LOGITS))(b)
    c = layers.MaxPooling2D(padding="same", name="b4_pool")(x)  # 5x5
    c = networks._conv_bn(c, 128, "b5")
    pooled = layers.GlobalMaxPooling2D(name="class_pool")(c)
    pooled = layers.Dropout(0.2, name="class_dropout")(pooled)
    probs = layers.Dense(n_classes, activation="softmax", name=networks.CLASS_OUTPUT)(pooled)
    return networks.keras.Model(inputs, [probs, box], name="petloc_digits")


def patch() -> None:
    import petloc_gui.model.networks as networks

    networks.build_digits_net = build_digits_net_deeper


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(HERE))
    import exp_digits_pipelines as driver

    return driver.variant_main("deeper", __doc__.splitlines()[0], patch, argv)


if __name__ == "__main__":
    sys.exit(main())
