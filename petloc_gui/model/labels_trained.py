"""The preset and the kind of label a model was trained on, read from its meta.json once while it is unchanged.

The window asks `train_worker.label_source_for` when the Retrain dialog opens, again when Start training
is pressed (on the UI thread: a meta.json holding a 20,000-image record took 16-31 ms to read and check)
and again while the saved edits are checked (from a worker thread). What is kept of a meta.json is these
two values, by the file's state (`core.file_memo`, as `parent_chain.ancestor_at` keeps an ancestor's): a
meta.json rewritten since is read again, and one written within `file_memo.SETTLED_NS` of its read is
never memoised (a same-size rewrite in that clock tick keeps its state).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from petloc_gui.core.file_memo import FileMemo
from petloc_gui.model.bundle import META_FILE, read_meta, resolve_model, trained_label

_PRESET_AND_LABEL: FileMemo[tuple[Any, str | None]] = FileMemo()


def preset_and_label(spec: str) -> tuple[Any, str | None]:
    """meta.json's ``preset`` (None when absent) and `bundle.trained_label` of the model ``spec`` names;
    BundleError (or OSError) when it cannot be read, as `bundle.read_meta`."""
    return _PRESET_AND_LABEL.get(resolve_model(spec) / META_FILE, _read_preset_and_label)


def _read_preset_and_label(meta_path: Path) -> tuple[Any, str | None]:
    meta = read_meta(meta_path.parent)
    return meta.get("preset"), trained_label(meta)
