"""The pre-labels a run trains on and those it leaves out as their model did not know a class of it (meta.json's
record of them), with the boxes and images by class that follow them: the run's own rule, worked out once per
choice of renamed classes for the Retrain dialog's preview. No TensorFlow."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from petloc_gui.ui.training.retrain_counts import box_counts, first_box_counts

if TYPE_CHECKING:
    from petloc_gui.model.collected_folder import CollectedFolder
    from petloc_gui.model.data import Sample


class RunPrelabels:
    """`run_prelabels` of one read of the folder, by the renames chosen, each worked out once: the dialog asks
    again at every step of the fraction, which does not change them (a fine-tune of 20k images took ~120 ms)."""

    def __init__(self, read: CollectedFolder | None, unusable: Collection[str]) -> None:
        self._read = read
        self._unusable = unusable
        self._by_renames: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}

    def get(self, renamed: Mapping[str, str]) -> dict[str, Any]:
        """`run_prelabels`'s fields ({} with no read: the fine-tune's model could not be read)."""
        if self._read is None:
            return {}
        key = tuple(sorted(renamed.items()))
        if key not in self._by_renames:
            self._by_renames[key] = run_prelabels(self._read, renamed, self._unusable)
        return self._by_renames[key]


def without_unaware(read: CollectedFolder, renamed: Mapping[str, str] | None = None,
                    ) -> tuple[list[Sample], dict[str, dict[str, Any]]]:
    """(The samples of ``read`` a run trains on, meta.json's record of the pre-labels it leaves out as their
    model did not know a class of the run, a class ``renamed`` known by its old name): the run's rule, one
    function (`collected_folder.without_unaware_prelabels`); not the classes a fine-tune keeps from its model."""
    from petloc_gui.model.collected_folder import without_unaware_prelabels
    from petloc_gui.model.prelabel_models import left_out_record

    kept, left_out = without_unaware_prelabels(read.samples, read.prelabel_models, renamed)
    return kept, left_out_record(left_out)


def run_prelabels(read: CollectedFolder, renamed: Mapping[str, str], unusable: Collection[str] = ()) -> dict[str, Any]:
    """`Holdout`'s fields that follow the pre-labels a fine-tune of ``read`` leaves out as their model did not
    know a class of it (``renamed``: the classes it is told were renamed, `without_unaware`): the pre-labels it
    trains on (not those of ``unusable`` images), meta.json's record of those it leaves out, the boxes it
    trains on (`box_counts`), its images by class (`first_box_counts`: not those of ``unusable`` images). The
    Retrain dialog's class choices change them: worked out from the one read."""
    kept, left_out = without_unaware(read, renamed)
    usable = [sample for sample in kept if str(sample.image_path) not in unusable]
    return {"prelabels": sum(sample.prelabel for sample in usable), "prelabels_left_out": left_out,
            "unusable": len(kept) - len(usable), **box_counts(kept), **first_box_counts(usable)}

