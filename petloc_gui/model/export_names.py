"""The class names an export writes beside its model, in class index order (the ``probabilities`` columns).

A TFLite flatbuffer holds no strings: its names go to a file beside it (`labels_path`). A SavedModel had
them only as a constant inside its ``label`` output's graph; it holds them as the tracked asset
``assets/labels.txt`` and the function ``class_names`` (`hold_class_names`). Both files hold one name per
line (`names_text`). No TensorFlow at import: `cmd_export` checks a names file before TensorFlow loads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import SaveError

LABELS_ASSET = "labels.txt"  # the SavedModel's class names: assets/labels.txt
CLASS_NAMES_FUNCTION = "class_names"  # loaded.class_names(): the names, in class index order
LABELS_FILE_ATTRIBUTE = "labels_file"  # loaded.labels_file.asset_path: where assets/labels.txt is now
# where the asset is written for the save to copy into assets/: inside the SavedModel's temporary folder
# (core.stale knows the name: a killed export's folder holding it is still removed)
ASSET_SOURCE = ".petloc-assets"


def labels_path(tflite_path: str | os.PathLike[str]) -> Path:
    """The class names file written beside a TFLite file: ``pets.tflite`` -> ``pets.labels.txt``.

    Named after the model, not a fixed ``labels.txt``, so two models exported
    into one folder do not share (or refuse each other's) names file.
    """
    path = Path(tflite_path)
    return path.with_name(f"{path.stem}.labels.txt")


def names_text(class_names: list[str]) -> bytes:
    """What the names file beside a TFLite file holds: one name per line, class index order."""
    return "".join(f"{name}\n" for name in class_names).encode("utf-8")


def holds_these_names(labels: Path, class_names: list[str]) -> bool:
    """Whether ``labels`` is a names file of exactly ``class_names``: what a run of the same export
    killed outright between the names file and its TFLite file left (kept, not refused)."""
    if not class_names or labels.is_symlink() or not labels.is_file():
        return False
    wanted = names_text(class_names)
    try:
        return labels.stat().st_size == len(wanted) and labels.read_bytes() == wanted
    except OSError:
        return False


def hold_class_names(archive: Any, class_names: list[str], folder: Path) -> None:
    """Give the SavedModel ``archive`` writes its class names: the asset ``assets/labels.txt`` and the
    function ``class_names`` (`model.export`'s docstring). A client had only the ``label`` output, a
    constant inside the graph, to learn the order of ``probabilities``. The asset's file is written inside
    ``folder`` (the temporary folder the SavedModel goes to) for the save to copy; the caller removes it."""
    import tensorflow as tf

    source = folder / ASSET_SOURCE
    source.mkdir()
    atomic_write_bytes(source / LABELS_ASSET, names_text(class_names))
    # Keras's ExportArchive saves this object (write_out): what it holds is in the SavedModel, and the
    # archive has no public way to add an asset or a function that is not a serving signature.
    saved = archive._tf_trackable
    setattr(saved, LABELS_FILE_ATTRIBUTE, tf.saved_model.Asset(str(source / LABELS_ASSET)))
    names = tf.constant(class_names)
    setattr(saved, CLASS_NAMES_FUNCTION, tf.function(lambda: names, input_signature=[]))


def check_one_per_line(class_names: list[str], path: Path) -> None:
    """Refuse class names a file of one name per line cannot hold (empty, or with a line break)."""
    broken = next((name for name in class_names if len(name.splitlines()) != 1), None)
    if broken is not None:
        raise SaveError(f"cannot export: class name {broken!r} is empty or has a line break, which a file "
                        "of one name per line cannot hold", path)
