"""Whether a run is refused for a class typed two ways ("Bengal" and "bengal"), on the boxes it trains on as
training reads the folder: the rule and its words are `core.case_variant_refusal`'s, as `petloc train`
(`cli.train_checks`) and the Retrain dialog refuse it. The training child checks it itself before TensorFlow
loads (a last guard: the dialog reads the saved files only), and the window again once "Save my unsaved edits
first" has saved what the dialog could not read. No Qt, no TensorFlow.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from petloc_gui.core.case_variant_refusal import RenameHint, case_variant_refusal
from petloc_gui.core.errors import CancelledError
from petloc_gui.model.collected_folder import CollectedFolder, collect_folder, sha256_or_none, without_unaware_prelabels
from petloc_gui.model.data import Sample
from petloc_gui.model.prelabel_models import LeftOut
from petloc_gui.model.splits import parent_test_hashes


def run_case_variants(data_dir: str | os.PathLike[str], label: str = "default", base: str | None = None,
                      renamed: Mapping[str, str] | None = None, skip_prelabels: bool = False,
                      rename_hint: RenameHint | None = None, stopped: Callable[[], bool] | None = None,
                      exclude: Iterable[str | os.PathLike[str]] = ()) -> str:
    """Why a run on ``data_dir`` is refused, "" when it is not: its arguments are the training child's
    (``base``: the model a fine-tune starts from, whose classes, ``renamed`` applied, are the run's too).
    Every annotation is read, once, and no image (`collect_folder`'s ``labels_only``: the parent's test
    images left out by their paths); the parent's test images under another name or folder, which the run
    leaves out too, are found by their bytes only when that read finds a class typed two ways and the parent
    recorded them: leaving images out never adds a spelling. (Reading the folder again to hash every image
    made the window wait 8-11 s on 10,000 images before a refused fine-tune.) ``stopped``: asked before each
    annotation read and each image hashed; once it says so, `CancelledError` is raised (the window's check
    dropped: its worker ends then, not seconds later, and the app's exit does not wait for it). ``exclude``: the
    images the run holds out as test images (the folder's test list: `layout_test_split.layout_test_holdout`),
    never trained on, so their boxes refuse nothing: read with none held out, a test image boxed "Cat" refused a
    run the dialog offered, as its preview holds the list out."""
    parent_meta = _meta(base) if base else None
    folder = collect_folder(data_dir, label, exclude, parent_meta=parent_meta, labels_only=True, stopped=stopped,
                            parent_path=base,  # its parents beside its folder, not where the process was given it
                            image_sizes=False)  # the labels alone: no image header read
    refusal = folder_case_variants(folder, parent_meta, renamed, skip_prelabels, rename_hint, label)
    test_hashes = parent_test_hashes(parent_meta)
    if refusal and test_hashes:  # maybe only on the parent's test photos renamed: left out as the run leaves them
        kept = []
        for sample in folder.samples:
            if stopped is not None and stopped():
                raise CancelledError("the folder's read was stopped")
            if sha256_or_none(sample.image_path) not in test_hashes:
                kept.append(sample)
        refusal = folder_case_variants(replace(folder, samples=kept), parent_meta, renamed, skip_prelabels,
                                       rename_hint, label)
    return refusal


def folder_case_variants(folder: CollectedFolder, parent_meta: Mapping[str, Any] | None = None,
                         renamed: Mapping[str, str] | None = None, skip_prelabels: bool = False,
                         rename_hint: RenameHint | None = None, label: str = "default") -> str:
    """`run_case_variants` on a folder read already (`collect_folder`, with ``parent_meta``: the meta.json
    of the model a fine-tune starts from), by `run_boxes`' rule."""
    return run_boxes(folder, parent_meta, renamed, skip_prelabels, label).refusal(rename_hint)


@dataclass(frozen=True)
class RunBoxes:
    """The boxes a run's classes are checked on, by one rule for the training child, the window's saved-files
    check (`run_case_variants`) and `petloc train`'s check before TensorFlow (`cli.train_checks`)."""

    trained: list[Sample]  # the samples the run trains on
    left_out: list[LeftOut]  # the pre-labels left out as their model did not know a class of the run
    boxes: Counter[str]  # {label: boxes} of ``trained``, every box of each
    parent_classes: list[str]  # the classes a fine-tune keeps from its model, renames applied

    def refusal(self, rename_hint: RenameHint | None = None) -> str:
        """Why the run is refused for a class typed two ways (`core.case_variant_refusal`), "" when it is not."""
        return case_variant_refusal(self.boxes, self.parent_classes, rename_hint)


def run_boxes(folder: CollectedFolder, parent_meta: Mapping[str, Any] | None = None,
              renamed: Mapping[str, str] | None = None, skip_prelabels: bool = False,
              label: str = "default") -> RunBoxes:
    """The boxes of every image of ``folder`` the run trains on (its unreviewed pre-labels' unless
    ``skip_prelabels``, less those of a model that did not know a class of the run, as training leaves
    them out; the parent's test images are not in ``folder`` when read with ``parent_meta``), with the
    parent's classes (``renamed`` applied: they are the new model's too)."""
    renamed = renamed or {}
    trained = [sample for sample in folder.samples if not (skip_prelabels and sample.prelabel)]
    left_out: list[LeftOut] = []
    if label == "default":  # with --label breed the class is the photo's, whatever a model labelled it
        trained, left_out = without_unaware_prelabels(trained, folder.prelabel_models, renamed)
    boxes = Counter(name for sample in trained for name, _ in sample.ground_truth)
    return RunBoxes(trained, left_out, boxes, parent_classes(parent_meta, renamed))


def parent_classes(parent_meta: Mapping[str, Any] | None, renamed: Mapping[str, str]) -> list[str]:
    """The classes a fine-tune keeps from its parent, under their names after ``renamed``."""
    from petloc_gui.model.class_renames import class_names_after

    names = (parent_meta or {}).get("class_names")
    return class_names_after([str(name) for name in names], renamed, ()) if isinstance(names, list) else []


def _meta(base: str) -> dict[str, Any] | None:
    """The meta.json of ``base``; None when it cannot be read (training then says why it cannot start from
    it)."""
    from petloc_gui.model.bundle import read_meta  # no TensorFlow

    try:
        return read_meta(base)
    except Exception:  # noqa: BLE001 - any failure: the run itself names it
        return None
