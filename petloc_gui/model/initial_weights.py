"""Where a training run's weights start: the ImageNet backbone file, or a parent model's weights.

`model.training` builds the network, then takes its starting weights from here; meta.json records
them by file name and hash (`backbone_weights`), never by a path of the machine that trained.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.paths import resources_dir, shared_dir
from petloc_gui.model.bundle import file_sha256
from petloc_gui.model.presets import MOBILENET_PRESETS, MOBILENET_WEIGHTS_NAME, Preset, default_backbone_weights
from petloc_gui.model.untyped import KerasModel


def backbone_weights(preset: Preset, weights_file: str | None) -> tuple[str | None, dict[str, Any]]:
    """Weights file for a backbone preset (``weights_file``, else the shared ImageNet file if present)
    and how meta.json describes it."""
    if preset.name not in MOBILENET_PRESETS:
        return None, {"name": "small CNN (petloc digits net)", "initial_weights": "random"}
    path = Path(weights_file) if weights_file else default_backbone_weights()
    info: dict[str, Any] = {"name": "MobileNet v1 alpha 0.25 (keras.applications)"}
    if path is not None and not path.is_file():
        raise DatasetError("backbone weights file does not exist", path)
    if path is None:
        info["initial_weights"] = "random"
        info["warning"] = "no ImageNet weights found: backbone randomly initialised"
        return None, info
    # The file name and hash identify the weights; a path of this machine would not.
    info["initial_weights"] = {"file": path.name, "sha256": file_sha256(path)}
    return str(path), info


def random_backbone_warning(preset_name: str, weights_file: str | Path | None,
                            init_from: str | None) -> str | None:
    """The warning a run says at its start when its backbone would start from random weights: a pets or photo
    run, no ``weights_file`` (--backbone-weights) nor ``init_from`` parent, and no default ImageNet file found
    (`backbone_weights` then writes "random" in meta.json, which was all that said it). None otherwise."""
    if preset_name not in MOBILENET_PRESETS or weights_file or init_from or default_backbone_weights() is not None:
        return None
    shared = shared_dir()
    looked = f"{resources_dir() / 'weights'} and {shared / 'weights' if shared else 'PETLOC_SHARED_DIR/weights'}"
    return (f"warning: no ImageNet weights found (looked for {MOBILENET_WEIGHTS_NAME} in {looked}): the backbone "
            "starts from random weights; give --backbone-weights PATH")


def init_from_parent(model: KerasModel, parent_model: KerasModel, parent_names: list[str], names: list[str],
                     renamed: Mapping[str, str] | None = None) -> None:
    """Copy every weight of the parent; the class layer keeps the rows of the shared classes, a class
    ``renamed`` (``{new name: the parent's name}``) the row of its parent's name; a class the parent
    lacks keeps its fresh row."""
    from petloc_gui.model.class_renames import as_renamed
    from petloc_gui.model.networks import CLASS_OUTPUT

    for layer in model.layers:
        try:
            source = parent_model.get_layer(layer.name)
        except ValueError:
            continue
        if layer.name != CLASS_OUTPUT:
            layer.set_weights(source.get_weights())
            continue
        kernel, bias = layer.get_weights()
        old_kernel, old_bias = source.get_weights()
        for i, name in enumerate(parent_names):
            j = names.index(as_renamed(name, renamed or {}))
            kernel[:, j] = old_kernel[:, i]
            bias[j] = old_bias[i]
        layer.set_weights([kernel, bias])
