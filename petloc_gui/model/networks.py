"""The dual-head networks: one softmax class head, one sigmoid box head.

Every model takes RGB float32 pixels in 0..255 at the preset's input size
(preprocessing is a layer inside the model, so a bundle is self-contained)
and returns ``[probabilities (N x C), box (N x 4)]``; the box is normalised
``[xmin, ymin, xmax, ymax]`` in [0, 1] of the (stretched) input image.

The box head keeps the spatial feature map (a 1x1 conv then flatten) instead
of pooling it away: pooling throws away where things are, which is exactly
what the box needs (see docs/adr/0004-networks-and-losses.md).
"""

from __future__ import annotations

import os

import keras
import numpy as np
from keras import layers

from petloc_gui.core.errors import PetlocError
from petloc_gui.model.bundle_check import whole  # a JSON true is no count
from petloc_gui.model.presets import MOBILENET_PRESETS, Preset
from petloc_gui.model.untyped import Tensor

CLASS_OUTPUT = "class"
BOX_OUTPUT = "box"
# The centre head's heatmap logits (flattened cells): a training-only output (`training_view`).
HEAT_OUTPUT = "box_heat_flat"
VOTES_OUTPUT = "box_cells"  # and each cell's box vote (n, cells, 4)
BOX_HEADS = ("edges", "soft_argmax", "centre")
BACKBONE_NAME = "backbone"
# MobileNet v1 layers from this block on are fine-tuned after the warm-up (Preset.finetune_from).
FINETUNE_FROM_LAYER = "conv_dw_4"
BOX_FEATURE_LAYER = "conv_pw_11_relu"
# A centre head's grid at most: pets' is 14x14 (224 / 16). A stranger's config.json naming 20000x20000 made
# CellBoxes allocate each cell's centre (16 bytes a cell: 6.4 GB) before any shape was checked.
MAX_CELLS = 4096
INITIAL_BOX_LOGITS = [-1.0986, -1.0986, 1.0986, 1.0986]  # sigmoid -> [0.25, 0.25, 0.75, 0.75]


class WeightsError(PetlocError):
    """A backbone weights file (--backbone-weights) cannot be loaded into the backbone."""


def build_model(
    preset: Preset, n_classes: int, backbone_weights: str | os.PathLike[str] | None = None,
    synchronized_bn: bool = False,
) -> keras.Model:
    """A fresh model for ``preset`` with ``n_classes`` classes.

    ``synchronized_bn``: the BatchNorm layers that learn (the digits network's) take their batch
    statistics over every replica's share of the batch (set under a distribution strategy). Each
    replica would otherwise keep its own moving statistics, from its share alone, and the workers
    of a multi-worker run would end with different models; with it they end as one machine would.
    """
    if n_classes < 1:
        raise ValueError("a model needs at least one class")
    if preset.name == "digits":
        return build_digits_net(n_classes, preset.input_size, synchronized_bn)
    if preset.name in MOBILENET_PRESETS:
        return build_mobilenet_net(n_classes, preset.input_size, backbone_weights, box_head=preset.box_head)
    raise ValueError(f"no network for preset {preset.name!r}")


def _conv_bn(x: Tensor, filters: int, name: str, strides: int = 1, synchronized: bool = False) -> Tensor:
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False, name=f"{name}_conv")(x)
    # momentum 0.9: with ~100 steps per epoch the default 0.99 leaves the moving
    # statistics far from the real ones and validation looks like chance.
    x = layers.BatchNormalization(momentum=0.9, synchronized=synchronized, name=f"{name}_bn")(x)
    return layers.ReLU(name=f"{name}_relu")(x)


def _heads(features: Tensor, n_classes: int, box_channels: int, box_units: int, dropout: float, pool: str = "avg",
           box_dropout: float | None = None) -> tuple[Tensor, Tensor]:
    """Class head on pooled features, box head on the flattened spatial map."""
    pooling = layers.GlobalMaxPooling2D if pool == "max" else layers.GlobalAveragePooling2D
    pooled = pooling(name="class_pool")(features)
    pooled = layers.Dropout(dropout, name="class_dropout")(pooled)
    probs = layers.Dense(n_classes, activation="softmax", name=CLASS_OUTPUT)(pooled)

    b = layers.Conv2D(box_channels, 1, activation="relu", name="box_reduce")(features)
    b = layers.Flatten(name="box_flatten")(b)
    b = layers.Dropout(dropout if box_dropout is None else box_dropout, name="box_dropout")(b)
    b = layers.Dense(box_units, activation="relu", name="box_hidden")(b)
    # Start from a centred box covering half of each side, not the degenerate
    # point sigmoid(0) = 0.5 everywhere, which gives GIoU nothing to work with.
    box = layers.Dense(4, activation="sigmoid", name=BOX_OUTPUT,
                       bias_initializer=keras.initializers.Constant(INITIAL_BOX_LOGITS))(b)
    return probs, box


def build_digits_net(n_classes: int, input_size: tuple[int, int], synchronized_bn: bool = False) -> keras.Model:
    """A small CNN from scratch for digits on a 75x75 canvas (about 0.4 M parameters)."""
    width, height = input_size
    inputs = keras.Input((height, width, 3), name="image")
    x = layers.Rescaling(1.0 / 255.0, name="preprocess")(inputs)
    # The classic MNIST resolution ladder (a 28-pixel digit seen at 28, 14, 7
    # and 3.5 cells) with few filters early: ~21 M multiply-adds per canvas.
    x = _conv_bn(x, 16, "b1", synchronized=synchronized_bn)
    x = layers.MaxPooling2D(name="b1_pool")(x)  # 37
    x = _conv_bn(x, 32, "b2", synchronized=synchronized_bn)
    x = layers.MaxPooling2D(name="b2_pool")(x)  # 18
    x = _conv_bn(x, 64, "b3", synchronized=synchronized_bn)
    x = layers.MaxPooling2D(name="b3_pool")(x)  # 9
    x = _conv_bn(x, 128, "b4", synchronized=synchronized_bn)
    # Max pooling for the class: the digit is small on a black canvas, an average would dilute it.
    probs, box = _heads(x, n_classes, box_channels=32, box_units=128, dropout=0.2, pool="max",
                        box_dropout=0.0)  # fresh placements every epoch: nothing to overfit
    return keras.Model(inputs, [probs, box], name="petloc_digits")


def build_mobilenet_net(
    n_classes: int,
    input_size: tuple[int, int],
    backbone_weights: str | os.PathLike[str] | None,
    name: str = "petloc_pets",
    box_head: str = "soft_argmax",
) -> keras.Model:
    """MobileNet v1 (alpha 0.25) backbone + heads; ``backbone_weights`` None = random init.

    Fully convolutional: the same network at another input size is the
    crop-and-refine second stage (`build_refiner`).
    """
    width, height = input_size
    inputs = keras.Input((height, width, 3), name="image")
    x = layers.Rescaling(1.0 / 127.5, offset=-1.0, name="preprocess")(inputs)
    try:
        mobilenet = keras.applications.MobileNet(
            input_shape=(height, width, 3),
            alpha=0.25,
            include_top=False,
            weights=os.fspath(backbone_weights) if backbone_weights else None,
        )
    except (OSError, ValueError) as exc:
        if not backbone_weights:
            raise
        # h5py's "file signature not found" and Keras' "File format not supported" do not say
        # which file, or that it is the weights file that is wrong.
        reason = " ".join(str(exc).split())[:200]
        raise WeightsError("not a usable MobileNet v1 alpha 0.25 weights file (.h5, no top): "
                           f"{reason}", backbone_weights) from exc
    # Two outputs: the 14x14 map (stride 16) for the box, the 7x7 map for the class.
    backbone = keras.Model(
        mobilenet.input, [mobilenet.get_layer(BOX_FEATURE_LAYER).output, mobilenet.output], name=BACKBONE_NAME
    )
    freeze_batchnorm(backbone)
    box_features, class_features = backbone(x)
    pooled = layers.GlobalAveragePooling2D(name="class_pool")(class_features)
    pooled = layers.Dropout(0.2, name="class_dropout")(pooled)
    probs = layers.Dense(n_classes, activation="softmax", name=CLASS_OUTPUT)(pooled)
    if box_head not in BOX_HEADS:
        raise ValueError(f"unknown box head {box_head!r} ({', '.join(BOX_HEADS)})")
    heads = {"edges": edge_box_head, "soft_argmax": soft_argmax_box_head, "centre": centre_box_head}
    box = heads[box_head](box_features)
    model = keras.Model(inputs, [probs, box], name=name)
    set_backbone_trainable(model, False)
    return model


def build_refiner(n_classes: int, input_size: tuple[int, int], first_stage: keras.Model | None = None,
                  backbone_weights: str | os.PathLike[str] | None = None, box_head: str = "soft_argmax") -> keras.Model:
    """The second stage: the pets network at the crop size, started from ``first_stage``'s weights.

    Every layer whose weights have the same shapes is copied (backbone and
    heads; the fixed cell grid of the box head depends on the map size and is
    rebuilt), so the refiner starts from features already tuned on pets.
    """
    refiner = build_mobilenet_net(n_classes, input_size, None if first_stage is not None else backbone_weights,
                                  name="petloc_pets_refine", box_head=box_head)
    if first_stage is not None:
        copy_matching_weights(first_stage, refiner)
    return refiner


def copy_matching_weights(source: keras.Model, target: keras.Model) -> int:
    """Copy weights layer by layer (by name, nested models included) where shapes agree; returns the count."""
    copied = 0
    for layer in target.layers:
        try:
            other = source.get_layer(layer.name)
        except ValueError:
            continue
        if isinstance(layer, keras.Model):
            copied += copy_matching_weights(other, layer)
            continue
        mine, theirs = layer.get_weights(), other.get_weights()
        if mine and len(mine) == len(theirs) and all(a.shape == b.shape for a, b in zip(mine, theirs, strict=True)):
            layer.set_weights(theirs)
            copied += 1
    return copied


def cell_centres(rows: int, cols: int) -> np.ndarray:
    """``(rows * cols, 2)`` float32: each cell's centre (x, y) normalised to the map, row-major."""
    x = (np.arange(cols, dtype=np.float32) + 0.5) / cols
    y = (np.arange(rows, dtype=np.float32) + 0.5) / rows
    return np.stack([np.tile(x, rows), np.repeat(y, cols)], axis=1)


def soft_argmax_box_head(features: Tensor, channels: int = 64) -> Tensor:
    """Box from an attention map: centre = expected cell position, size from attended features.

    Translation-equivariant and small (a few thousand weights), so it
    generalises from a few hundred photos where a dense layer on the
    flattened map overfits (benchmarks/README.md). Built only from stock
    Keras layers: fixed (non-trainable) Dense kernels do the coordinate sums.
    """
    h, w = int(features.shape[1]), int(features.shape[2])
    t = layers.Conv2D(channels, 1, activation="relu", name="box_reduce")(features)
    logits = layers.Reshape((h * w,), name="box_attention_flat")(layers.Conv2D(1, 1, name="box_attention")(t))
    attention = layers.Softmax(name="box_attention_softmax")(logits)
    grid = cell_centres(h, w)
    centre = layers.Dense(2, use_bias=False, trainable=False, name="box_centre",
                          kernel_initializer=keras.initializers.Constant(grid))(attention)
    attended = layers.Dot(axes=1, name="box_attended")([attention, layers.Reshape((h * w, channels))(t)])
    size = layers.Dense(channels, activation="relu", name="box_size_hidden")(attended)
    size = layers.Dense(2, activation="sigmoid", name="box_size")(size)
    to_corners = np.array([[1, 0, 1, 0], [0, 1, 0, 1], [-0.5, 0, 0.5, 0], [0, -0.5, 0, 0.5]], np.float32)
    corners = layers.Dense(4, use_bias=False, trainable=False, name="box_corners",
                           kernel_initializer=keras.initializers.Constant(to_corners))(
        layers.Concatenate(name="box_centre_size")([centre, size]))
    # No clip inside the model: ReLU(max_value=1) zeroed the gradient of any corner
    # past the border; inference clips to the image instead (Predictor.to_predictions).
    return layers.Identity(name=BOX_OUTPUT)(corners)


def edge_box_head(features: Tensor, channels: int = 64) -> Tensor:
    """Each side of the box as the expected position of its own 1-D distribution.

    ``xmin``/``xmax``: per-column logits (max over rows) -> softmax over
    columns -> expected column centre; ``ymin``/``ymax`` likewise over rows.
    The expectation interpolates between cells, so a side is placed finer
    than the cell size; stock layers only (fixed Dense kernels do the sums).
    """
    h, w = int(features.shape[1]), int(features.shape[2])
    t = layers.Conv2D(channels, 1, activation="relu", name="box_reduce")(features)
    t = layers.Conv2D(channels, 3, padding="same", activation="relu", name="box_context")(t)
    edge_logits = layers.Conv2D(4, 1, name="box_edge_logits")(t)  # xmin, xmax, ymin, ymax

    def side(pool: Tensor, cells: int, axis_name: str) -> Tensor:
        profile = layers.Reshape((cells, 4), name=f"box_{axis_name}_profile")(pool(edge_logits))
        profile = layers.Permute((2, 1), name=f"box_{axis_name}_by_side")(profile)  # (4, cells)
        probs = layers.Softmax(axis=-1, name=f"box_{axis_name}_softmax")(profile)
        centres = ((np.arange(cells, dtype=np.float32) + 0.5) / cells)[:, None]
        pos = layers.Dense(1, use_bias=False, trainable=False, name=f"box_{axis_name}_position",
                           kernel_initializer=keras.initializers.Constant(centres))(probs)
        return layers.Reshape((4,), name=f"box_{axis_name}_sides")(pos)

    xs = side(layers.MaxPooling2D((h, 1), name="box_cols"), w, "x")  # over rows: (1, w, 4)
    ys = side(layers.MaxPooling2D((1, w), name="box_rows"), h, "y")  # over columns: (h, 1, 4)
    pick = np.zeros((8, 4), np.float32)
    pick[0, 0] = pick[1, 2] = pick[6, 1] = pick[7, 3] = 1.0  # xs[0]=xmin, xs[1]=xmax, ys[2]=ymin, ys[3]=ymax
    both = layers.Concatenate(name="box_sides")([xs, ys])
    return layers.Dense(4, use_bias=False, trainable=False, name=BOX_OUTPUT,
                        kernel_initializer=keras.initializers.Constant(pick))(both)


# How far (in cells) a cell's centre vote may reach from its own cell centre.
CENTRE_VOTE_REACH = 1.5


def centre_box_head(features: Tensor, channels: int = 64) -> Tensor:
    """CenterNet-style: a heatmap of the object's centre, and per cell a vote for the whole box.

    Every cell votes for a box: where the centre is (its own cell centre
    moved by at most `CENTRE_VOTE_REACH` cells) and the box's width and
    height. The box is the vote of the heatmap's peak cell, so two animals
    give one of them, not a box spanning both (the edge and soft-argmax
    heads average). Training (`training_view`, `losses.heat_loss`,
    `losses.vote_loss`): the heatmap towards a Gaussian at the true centre,
    the votes of the cells around it towards the true box, and the box loss
    on the peak's vote.
    """
    h, w = int(features.shape[1]), int(features.shape[2])
    t = layers.Conv2D(channels, 1, activation="relu", name="box_reduce")(features)
    t = layers.Conv2D(channels, 3, padding="same", activation="relu", name="box_context")(t)
    heat = layers.Reshape((h * w,), name=HEAT_OUTPUT)(layers.Conv2D(1, 1, name="box_heat")(t))
    votes = layers.Conv2D(4, 1, name="box_votes")(t)  # centre shift x, y (tanh), size w, h (sigmoid)
    cells = CellBoxes(h, w, name=VOTES_OUTPUT)(layers.Reshape((h * w, 4), name="box_votes_flat")(votes))
    return PeakBox(name=BOX_OUTPUT)(heat, cells)


@keras.saving.register_keras_serializable(package="petloc")
class CellBoxes(layers.Layer):
    """Each cell's vote as a box ``[xmin, ymin, xmax, ymax]`` normalised to the input: (n, cells, 4)."""

    def __init__(self, rows: int, cols: int, **kwargs: object) -> None:
        super().__init__(**kwargs)
        if not (whole(rows) and whole(cols) and rows * cols <= MAX_CELLS):
            raise ValueError(f"CellBoxes layer {self.name!r}: a grid of {rows!r}x{cols!r} cells is no centre "
                             f"head's (two whole numbers above 0, at most {MAX_CELLS} cells)")
        self.rows, self.cols = rows, cols
        self._cells = cell_centres(rows, cols)[None]
        self._reach = np.array([CENTRE_VOTE_REACH / cols, CENTRE_VOTE_REACH / rows], np.float32)

    def call(self, votes: Tensor) -> Tensor:
        from keras import ops

        centres = self._cells + ops.tanh(votes[..., :2]) * self._reach
        half = ops.sigmoid(votes[..., 2:]) / 2
        # No clip: as the other heads, inference clips to the image (Predictor.to_predictions).
        return ops.concatenate([centres - half, centres + half], axis=-1)

    def compute_output_shape(self, votes_shape: tuple) -> tuple:
        return (*votes_shape[:-1], 4)

    def get_config(self) -> dict:
        return {**super().get_config(), "rows": self.rows, "cols": self.cols}


@keras.saving.register_keras_serializable(package="petloc")
class PeakBox(layers.Layer):
    """The box of the heatmap's peak cell (ties: the mean of the tied cells' boxes)."""

    def call(self, heat: Tensor, cells: Tensor) -> Tensor:
        from keras import ops

        # The peak as a mask: TFLite has no kernel for the ops of ops.one_hot / take_along_axis.
        peak = ops.cast(ops.equal(heat, ops.max(heat, axis=-1, keepdims=True)), cells.dtype)
        peak = peak / ops.sum(peak, axis=-1, keepdims=True)
        return ops.sum(peak[..., None] * cells, axis=1)

    def compute_output_shape(self, heat_shape: tuple, cells_shape: tuple) -> tuple:
        return (heat_shape[0], 4)


def heat_grid(model: keras.Model) -> tuple[int, int] | None:
    """``(rows, cols)`` of a centre head's heatmap, or None for a model without one."""
    try:
        layer = model.get_layer(VOTES_OUTPUT)
    except ValueError:
        return None
    return (layer.rows, layer.cols) if isinstance(layer, CellBoxes) else None


def box_head_of(model: keras.Model) -> str | None:
    """Which of `BOX_HEADS` ``model`` has (by its layers), or None (the digits network's dense head)."""
    if heat_grid(model) is not None:
        return "centre"
    names = {layer.name for layer in model.layers}
    if "box_edge_logits" in names:
        return "edges"
    if "box_attention" in names:
        return "soft_argmax"
    return None


def training_view(model: keras.Model) -> keras.Model:
    """The model to fit: ``model`` itself, or for a centre head the same layers with two more
    outputs, the heatmap and the cells' boxes (their losses need them).

    The view shares every weight with ``model``; the bundle saves ``model``
    (two outputs, as every runtime expects).
    """
    if heat_grid(model) is None:
        return model
    extra = [model.get_layer(HEAT_OUTPUT).output, model.get_layer(VOTES_OUTPUT).output]
    return keras.Model(model.inputs, [*model.outputs, *extra], name=model.name)


def freeze_batchnorm(model: keras.Model) -> None:
    """Keep BatchNorm in inference mode: a non-trainable BN layer uses its moving stats."""
    for layer in model.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False


def backbone_of(model: keras.Model) -> keras.Model | None:
    """The nested backbone model, or None for a network without one."""
    try:
        return model.get_layer(BACKBONE_NAME)
    except ValueError:
        return None


def set_backbone_trainable(model: keras.Model, upper_blocks: bool, from_layer: str | None = None) -> None:
    """Freeze the backbone, or unfreeze it from ``from_layer`` on (BatchNorm stays frozen)."""
    from_layer = from_layer or FINETUNE_FROM_LAYER
    backbone = backbone_of(model)
    if backbone is None:
        return
    backbone.trainable = True
    unfrozen = False
    for layer in backbone.layers:
        if layer.name == from_layer:
            unfrozen = upper_blocks
        trainable = unfrozen and not isinstance(layer, layers.BatchNormalization)
        layer.trainable = trainable
