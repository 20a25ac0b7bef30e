"""The split a fine-tune of a model sees in the folder, for the Retrain dialog's preview: the model's
validation images kept in validation, its test images left out, or the reason the run would stop. No TensorFlow."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_prelabels import without_unaware

if TYPE_CHECKING:
    from petloc_gui.model.collected_folder import CollectedFolder
    from petloc_gui.model.training_data import TrainingData


def fine_tune_split(folder: Path | str, label: str, parent_spec: str, exclude: Iterable[str] = (),
                    known_hashes: Mapping[str, str | None] | None = None,
                    ) -> tuple[TrainingData | Holdout | None, list[str], CollectedFolder | None]:
    """(The `TrainingData` a fine-tune of ``parent_spec`` sees in the folder (the parent's validation
    images by path and by content); when that run would stop at once, the `Holdout` that says why in
    its own words (its pre-labels' fields: `run_prelabels`); None when the parent's meta.json cannot be
    read, the parent's class names, the folder as the fine-tune reads it (None with no `TrainingData` or
    `Holdout`)). ``exclude``: the images the run holds out as test images besides the model's (the layout's
    test list); ``known_hashes``: an earlier read's (`collect_folder`), not hashed again. One read of the
    folder serves both ways: reading it again to leave the pre-labels out read every annotation a second time."""
    from petloc_gui.core.errors import DatasetError
    from petloc_gui.model.bundle import read_meta, resolve_model
    from petloc_gui.model.collected_folder import collect_folder
    from petloc_gui.model.training_data import TrainingData

    try:
        meta = read_meta(parent_spec)
    except Exception:  # noqa: BLE001 - the run will say it; the preview falls back to the plain split
        return None, [], None
    names, read = meta.get("class_names"), None
    names_read = [str(n) for n in names] if isinstance(names, list) else []
    try:
        # the model's folder, as the run is given it (`petloc train --init-from`): its parents written beside
        # it are found there, and the preview's validation list is the run's
        read = collect_folder(folder, label, exclude, parent_meta=meta, known_hashes=known_hashes,
                              parent_path=resolve_model(parent_spec))
        return TrainingData.from_folder(read, parent_class_names=names), names_read, read
    except DatasetError as exc:
        reason = exc.reason
    except Exception:  # noqa: BLE001 - as above
        return None, [], None
    # the pre-labels the run could use (not those that are the parent's test images, by path or by bytes, nor
    # those of a model that did not know one of its classes)
    prelabels = sum(s.prelabel for s in without_unaware(read)[0]) if read is not None else 0  # 0: the folder went
    without = ""
    if read is not None and prelabels:
        try:
            TrainingData.from_folder(read, parent_class_names=names, skip_prelabels=True)
        except DatasetError as exc:
            without = exc.reason
        except Exception:  # noqa: BLE001 - as above: the run will say it; the dialog keeps the first reason
            without = ""
    return Holdout(0, [], 0, reason, problem_without_prelabels=without), names_read, read
