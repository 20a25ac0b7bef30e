"""Small Qt-free helpers of the retrain controller: naming, presets, previews, figures.

None of these import TensorFlow: they run in the UI process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from petloc_gui.model.bundle import BUNDLED_NAMES
from petloc_gui.model.presets import PRESETS
from petloc_gui.model.retrain_policy import SPLIT_SEED  # the worker's --seed: preview and run agree
from petloc_gui.model.versions import VersionStore

DEFAULT_PRESET = "pets"
__all__ = ["SPLIT_SEED"]


def model_display_name(spec: str) -> str:
    """"pets", or the folder name of a model given by path."""
    if not spec:
        return "no model"
    return spec if spec in BUNDLED_NAMES else Path(spec).name


def preset_of(spec: str, store: VersionStore) -> str:
    """The preset a model belongs to: its name, its version record or its meta.json."""
    if spec in BUNDLED_NAMES:
        return spec
    version = store.find_by_path(spec) if spec else None
    if version is not None and version.preset in PRESETS:
        return version.preset
    try:
        from petloc_gui.model.bundle import read_meta, resolve_model  # no TensorFlow import

        meta = read_meta(resolve_model(spec))
    except Exception:  # noqa: BLE001 - an unreadable model still gets a preset; the worker reports the rest
        meta = {}
    preset = meta.get("preset") if isinstance(meta, dict) else None
    return preset if preset in PRESETS else DEFAULT_PRESET


def is_readable_model(spec: str) -> bool:
    """Whether ``spec`` names a bundle whose meta.json reads (no TensorFlow)."""
    try:
        from petloc_gui.model.bundle import read_meta

        read_meta(spec)
    except Exception:  # noqa: BLE001 - any failure means: cannot fine-tune from it
        return False
    return True


def count_annotated(dataset: Any) -> int | None:
    """How many items of the dataset have a saved annotation (None if unknown)."""
    count = getattr(dataset, "annotated_count", None)
    if isinstance(count, int):
        return count
    items = getattr(dataset, "items", None)
    if items is None:
        return None
    try:
        return sum(1 for item in items if getattr(item, "has_annotation", False))
    except Exception:  # noqa: BLE001 - a count is only informative
        return None


def holdout_preview_for(folder: Path | str | None, label: str = "default", seed: int = SPLIT_SEED):
    """A function fraction -> (count, relative paths) of the images training will hold out.

    Uses the training code's own stable split (model.splits) over the saved
    annotations (no TensorFlow: ``model.data`` imports it lazily). The labels
    are read once (slow on big folders: the dialog calls this in a thread);
    None when the folder cannot be read.
    """
    if folder is None:
        return None
    try:
        from petloc_gui.model.data import collect_samples
        from petloc_gui.model.splits import validation_members

        samples, _, _ = collect_samples(folder, label)
    except Exception:  # noqa: BLE001 - the dialog then says the list comes with the "start" event
        return None
    labels = [s.label for s in samples]

    def preview(fraction: float) -> tuple[int, list[str]]:
        if len(labels) < 2:
            return 0, []
        chosen = validation_members([s.relpath for s in samples], labels, fraction, seed)
        names = sorted(chosen)
        return len(names), names

    return preview


def comparison_figures(
    comparison: dict[str, Any] | None, done: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str]:
    """(old metrics, new metrics, note) for the side-by-side table."""
    done_metrics = done.get("metrics") if isinstance(done, dict) else None
    if not isinstance(comparison, dict):
        return None, done_metrics if isinstance(done_metrics, dict) else None, (
            "The old and new model could not be compared; the new model's validation figures are shown."
        )
    old = comparison.get("old") if isinstance(comparison.get("old"), dict) else None
    new = comparison.get("new") if isinstance(comparison.get("new"), dict) else done_metrics
    note = str(comparison.get("note") or "")
    return old, new if isinstance(new, dict) else None, note
