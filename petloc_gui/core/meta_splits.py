"""The relative paths a model's meta.json lists in its validation and test splits, as each format records them.

This format: ``"splits": {"train": [...], "validation": [...], "test": [...]}``; older bundles:
``validation_split.images`` and ``test_split.images`` (a model trained now writes those too, with the
``test_split`` it was given). One parse for the model layer (`model.splits.parent_splits`: which images a
fine-tune holds out) and core's (`core.digits_record.recorded_canvases`: which images a model neither learned
nor chose its epoch with). No Qt, no TensorFlow.
"""

from __future__ import annotations

from typing import Any


def listed_split(meta: Any, split: str) -> list[str]:
    """The relative paths ``meta`` lists in ``split`` ("validation", "test"), in their order: its ``splits``
    object's list, or, in a record without that object (an older bundle), `older_split`'s; [] when it lists none."""
    if not isinstance(meta, dict):
        return []
    splits = meta.get("splits")
    if isinstance(splits, dict):
        return _paths(splits.get(split))
    return older_split(meta, split)


def older_split(meta: Any, split: str) -> list[str]:
    """The relative paths an older record's ``<split>_split.images`` lists (``validation_split``, ``test_split``)."""
    older = meta.get(f"{split}_split") if isinstance(meta, dict) else None
    return _paths(older.get("images") if isinstance(older, dict) else None)


def _paths(value: Any) -> list[str]:
    """The paths of a list meta.json gives (anything else lists none: a hand-edited record named no image by it)."""
    return [path for path in value if isinstance(path, str)] if isinstance(value, list) else []
