"""The one owner of a training run's data: collect -> check -> split -> pipeline.

`TrainingData.collect` indexes a dataset folder once (`collected_folder`:
the annotations read, the exclusions applied: a test holdout, a parent
model's test images), checks each image (no decoding: its size comes from
its header, which also weeds out unreadable files), splits train/validation
stably (`splits`), and fixes the class list. From there it hands out the
streaming tf.data pipelines (`pipeline`) and what meta.json records about
the data: ``splits`` and ``images`` (relative paths and file hashes only,
never a path of the machine that trained).

`petloc train`, the GUI's training child, the comparison and the benchmarks
all go through this object.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from petloc_gui.core.digits_record import LEARNED_KEY, learned_record
from petloc_gui.core.errors import DatasetError, PetlocError
from petloc_gui.core.images import image_size
from petloc_gui.model.cannot_train import too_few_images
from petloc_gui.model.canvas_digits import (
    UNKNOWN_KEY,
    CanvasDigits,
    canvas_digits,
    untold_learned,
    untold_notices,
    untold_record,
)
from petloc_gui.model.class_renames import class_names_after, rename_problem
from petloc_gui.model.collected_folder import (
    LINEAGE_KEY,
    CollectedFolder,
    collect_folder,
    without_unaware_prelabels,
)
from petloc_gui.model.data import Sample, fingerprint
from petloc_gui.model.identical_images import copies_by_digest, copies_record, image_digests
from petloc_gui.model.image_cache import ImageCache
from petloc_gui.model.image_files_record import ImageEntry, files_record, recorded_sha256
from petloc_gui.model.memory_cache import MemoryCache
from petloc_gui.model.pipeline import ImageSource, Shard, input_batches, train_dataset
from petloc_gui.model.prelabel_models import left_out_record
from petloc_gui.model.splits import REPORT_RULE, ValidationChooser, report_members, validation_members
from petloc_gui.model.unreadable_images import UnreadableImages
from petloc_gui.model.untyped import Dataset


class TooFewImagesError(DatasetError):
    """Too few usable images to train; ``skipped`` ``[(path, reason)]`` names the files left out and why
    (`petloc train` prints them before the error, as it does when training starts)."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None,
                 skipped: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message, path)
        self.skipped = list(skipped)

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.reason, self.path, self.skipped))


@dataclass(frozen=True)
class Item:
    """A usable sample with its displayed size (width, height) and normalised box."""

    sample: Sample
    size: tuple[int, int]
    box: tuple[float, float, float, float]  # normalised [x1, y1, x2, y2]

    @property
    def relpath(self) -> str:
        return self.sample.relpath

    @property
    def label(self) -> str:
        return self.sample.label

    @property
    def image_path(self) -> Path:
        return self.sample.image_path

    @property
    def objects(self) -> tuple[tuple[str, tuple[float, float, float, float]], ...]:
        """Every object scoring matches a prediction against (`Sample.ground_truth`), its box normalised
        as ``box`` is (the first object's is ``box``)."""
        width, height = self.size
        return tuple((label, _normalised(box, width, height)) for label, box in self.sample.ground_truth)


def _normalised(box: tuple[float, float, float, float], width: int, height: int) -> tuple[float, float, float, float]:
    """A pixel box as fractions of the image's width and height, clamped to it."""
    x1, y1, x2, y2 = box
    return (min(max(x1 / width, 0.0), 1.0), min(max(y1 / height, 0.0), 1.0),
            min(max(x2 / width, 0.0), 1.0), min(max(y2 / height, 0.0), 1.0))


def checked_item(sample: Sample) -> tuple[Item | None, str | None]:
    """The sample as an `Item`, or why a run cannot use it (header read only; the Retrain dialog asks too)."""
    try:
        width, height = image_size(sample.image_path)
    except PetlocError as exc:
        return None, f"unreadable image: {exc.reason}"
    except OSError as exc:
        return None, f"unreadable image: {exc}"
    box = _normalised(sample.box, width, height)
    if box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
        return None, "box lies outside the image"
    return Item(sample, (width, height), box), None


def validation_split(items: Sequence[Item | Sample], fraction: float, seed: int, forced: Iterable[str] = (),
                     train_only: Iterable[str] = (), digests: Mapping[str, str | None] | None = None) -> set[str]:
    """The relative paths of ``items`` (checked `Item`s, or the Retrain dialog's unchecked samples)
    that validate: chosen per image (`splits.validation_members`) among the images a person boxed,
    as if the ``train_only`` ones were not there (they never validate); ``forced`` ones (a parent's
    validation images) always do; byte-identical images on one side (``digests``: each image's sha256,
    `splits.ValidationChooser.of`'s). At several fractions: `splits.ValidationChooser.of` once."""
    chosen_among = ValidationChooser.of(items, seed, forced, train_only, digests)
    # by this module's name, not `chosen_among.members`: benchmarks/exp_cv.py swaps it for its folds
    return chosen_among.kept_together(validation_members(chosen_among.relpaths, chosen_among.labels, fraction,
                                                         seed, chosen_among.forced))


class TrainingData:
    """A dataset folder's usable images, split into train / validation (and the known test holdout)."""

    def __init__(self, root: Path, items: list[Item], validation: set[str], test: list[tuple[str, Path, Path | None]],
                 skipped: list[tuple[str, str]], class_names: list[str], val_fraction: float, seed: int,
                 train_only: Iterable[str] = (), files: dict[str, ImageEntry] | None = None,
                 data_fingerprint: str = "", parent_validation: Iterable[str] = (),
                 prelabels_skipped: int = 0, inherited_digits: dict[str, frozenset[int] | None] | None = None,
                 renamed: Mapping[str, str] | None = None, lineage_incomplete: str = "",
                 copies: Mapping[str, int] | None = None, inherited_canvases: Iterable[str] = ()) -> None:
        self.root = root
        self.items = items
        self.train = [it for it in items if it.relpath not in validation]
        self.validation = [it for it in items if it.relpath in validation]
        self.test = test  # (relpath, image path, annotation path or None) of held-out images in the folder
        self.skipped = skipped
        self.class_names = class_names
        self.val_fraction = val_fraction
        self.seed = seed
        self.train_only = sorted(train_only)  # relative paths kept out of validation (`collect`)
        self.n_prelabels = sum(it.sample.prelabel for it in items)  # unreviewed pre-labels: train only
        self.n_prelabels_skipped = prelabels_skipped  # unreviewed pre-labels left out (`collect`'s skip_prelabels)
        # sha256 of each image and annotation, and the fingerprint, as `collect` read them: the record
        # says what the run trained on, whatever is saved, moved or deleted in the folder meanwhile
        self._files = dict(files or {})
        self._fingerprint = data_fingerprint
        # decoded images for the rest of the run: later epochs and validations do not decode again
        self.memory = MemoryCache()
        # images that passed the header check but could not be decoded when needed
        self.unreadable = UnreadableImages()
        # the parent's validation images in the folder, by path or by bytes: validation whatever the fraction
        self.parent_validation = sorted(parent_validation)
        # MNIST digits the parent's and its ancestors' weights learned (`core.digits_record`): this model
        # learns them too
        self.inherited_digits = dict(inherited_digits or {})
        # sha256 of the images they trained on or chose their epoch with (not their report images, which none of
        # them read): a closing figure's canvas of these bytes is no "other canvas" of their digits
        # (`model.training_digits`)
        self.inherited_canvases = frozenset(inherited_canvases)
        # the parent's classes renamed since (new name -> the parent's): in its place, from its row (ADR 0011)
        self.renamed = dict(renamed or {})
        # pre-labels left out as their model did not know a class of the run (`from_folder`), by model:
        # {"count", "unknown_classes"} (`prelabel_models.left_out_record`); each is in ``skipped`` too
        self.prelabels_left_out: dict[str, dict[str, Any]] = {}
        # why the images its ancestors trained on are not all known (`CollectedFolder`): meta.json says it
        self.lineage_incomplete = lineage_incomplete
        # the byte-identical images kept on one side of the split (`identical_images.copies_record`)
        self.copies = dict(copies or {})

    @classmethod
    def collect(
        cls,
        data_dir: str | os.PathLike[str],
        label: str = "default",
        exclude: Iterable[str | os.PathLike[str]] = (),
        val_fraction: float = 0.2,
        seed: int = 0,
        parent_meta: dict[str, Any] | None = None,
        parent_class_names: Sequence[str] | None = None,
        train_only: Iterable[str | os.PathLike[str]] = (),
        skip_prelabels: bool = False,
        renamed: Mapping[str, str] | None = None,
        folder: CollectedFolder | None = None,
        known_hashes: Mapping[str, str | None] | None = None,
        parent_path: str | os.PathLike[str] | None = None,
    ) -> TrainingData:
        """Index, check and split ``data_dir``; with a parent (fine-tuning), keep its held-out images out.

        The parent's test images are never used and the parent's validation
        images that are in the folder stay in validation (both found by their
        relative path or by their bytes, under any name); images the parent, or
        a model it was fine-tuned from, trained on (the same bytes) never
        validate: the weights have learned them, so they would flatter the
        figures. ``train_only``
        images (paths absolute or relative to the folder; e.g. boxes a teacher
        model drew) are only ever trained on: validation must score against
        boxes a person drew, so they never enter it; nor do unreviewed pre-labels
        (`petloc predict --write-voc`'s files nobody has saved since).
        ``skip_prelabels`` leaves those out altogether, to train on checked boxes only (a model trained
        on its own unchecked boxes learns its mistakes again): they are in no split, not even "test"
        (they are no held-out images; the next run may train on them), and only counted
        (``n_prelabels_skipped``). ``renamed`` (``{new name: the parent's name}``, fine-tuning only): the
        parent's classes renamed since, listed under their new name in their place (`class_renames`).
        ``folder``: what `collect_folder` read of ``data_dir`` with these arguments, not read again (`petloc
        train`'s checks read it before TensorFlow loads: with a parent, every image is hashed, once).
        ``known_hashes``: an earlier read's hashes (`CollectedFolder.known_hashes`: `petloc train`'s checks),
        taken for the images unchanged since instead of hashing them again. ``parent_path``: the parent
        bundle's folder, its own parents maybe beside it (`collect_folder`).
        """
        read = folder if folder is not None else collect_folder(data_dir, label, exclude, parent_meta,
                                                                known_hashes=known_hashes, parent_path=parent_path)
        return cls.from_folder(read, val_fraction, seed, parent_class_names, train_only, skip_prelabels, renamed)

    @classmethod
    def from_folder(cls, folder: CollectedFolder, val_fraction: float = 0.2, seed: int = 0,
                    parent_class_names: Sequence[str] | None = None, train_only: Iterable[str | os.PathLike[str]] = (),
                    skip_prelabels: bool = False, renamed: Mapping[str, str] | None = None) -> TrainingData:
        """Check and split what `collect_folder` read (`collect`'s second half; its arguments). ``folder``
        is left as it was: the Retrain dialog splits one read both with and without the pre-labels."""
        root, samples, excluded, hashes = folder.root, folder.samples, folder.excluded, folder.hashes
        skipped = list(folder.skipped)  # the files checked below are added: to a copy
        # after the parent's test images are found: one of them is still a test image, a pre-label or not
        n_skipped_prelabels = folder.n_prelabels if skip_prelabels else 0
        if n_skipped_prelabels:
            samples = [s for s in samples if not s.prelabel]
        # the pre-labels of a model that did not know a class on the boxes the run trains on: its photos of
        # that class are labelled another
        samples, left_out = without_unaware_prelabels(samples, folder.prelabel_models, renamed)
        skipped += [(str(gone.sample.image_path), gone.reason) for gone in left_out]
        items: list[Item] = []
        for sample in samples:
            item, reason = checked_item(sample)
            if item is None:
                skipped.append((str(sample.image_path), reason or "unusable"))
            else:
                items.append(item)
        if len(items) < 2:
            # say why when images were held out: a folder of the parent's test photos looks fully annotated
            why = (f" ({len(excluded)} more held out: the parent model's test images, which fine-tuning never "
                   "trains on so that its test figures stay honest, or excluded on request)" if excluded else "")
            raise TooFewImagesError(too_few_images(len(items), n_skipped_prelabels, why, skipped), root, skipped)
        labels = [it.label for it in items]
        if parent_class_names is None:
            if renamed:
                raise DatasetError("classes can be renamed only when fine-tuning a model", root)
            names = sorted(set(labels))
        else:  # the parent's classes first (their weights are kept; a renamed one in its place), then new ones
            problem = rename_problem(renamed or {}, parent_class_names, _images_by_label(items))
            if problem:
                raise DatasetError(problem, root)
            names = class_names_after(parent_class_names, renamed or {}, labels)
        train_only_paths = {os.path.abspath(root / p) for p in train_only}  # an absolute p stays p
        taught = {it.relpath for it in items if os.path.abspath(it.sample.image_path) in train_only_paths
                  or hashes.get(it.relpath) in folder.learned or it.sample.prelabel}
        forced = set(folder.parent_validation) | {it.relpath for it in items
                                                  if hashes.get(it.relpath) in folder.validation_hashes}
        # every image hashed before the split (meta.json records them all): copies go to one side
        digests = image_digests([(it.relpath, it.sample.image_path) for it in items], hashes)
        validation = validation_split(items, val_fraction, seed, forced, taught, digests)
        copies = copies_record(digests, validation, validation_split(items, val_fraction, seed, forced, taught, {}))
        test = sorted((rel, path, ann) for path, rel, ann in excluded)
        taken = {it.relpath: it.sample.objects_sha256 for it in items if it.sample.objects_sha256}  # read once
        files = files_record([(it.relpath, it.sample.image_path, it.sample.annotation_path) for it in items] + test,
                             {**hashes, **digests}, taken, any(it.sample.label_source == "breed" for it in items),
                             folder.read_began_ns)
        data = cls(root, items, validation, test, skipped, names, val_fraction, seed, taught, files,
                   fingerprint(it.sample for it in items), forced, n_skipped_prelabels,
                   folder.inherited_digits, renamed, folder.lineage_incomplete, copies,
                   folder.learned | folder.read_canvases)
        data.prelabels_left_out = left_out_record(left_out)
        return data

    # -- what the pipelines need --------------------------------------------
    def label_ids(self, items: Sequence[Item]) -> np.ndarray:
        return np.array([self.class_names.index(it.label) for it in items], dtype=np.int32)

    @staticmethod
    def boxes(items: Sequence[Item]) -> np.ndarray:
        return np.array([it.box for it in items], dtype=np.float32).reshape(-1, 4)

    def train_dataset(self, augmentation: str, size: tuple[int, int], batch_size: int, seed: int,
                      cache: ImageCache | None = None, shard: Shard = Shard(), zoom_out: float = 0.0) -> Dataset:
        """The endless, shuffled, augmented training batches (this worker's shard of the files)."""
        train = self.train
        source = ImageSource([str(it.sample.image_path) for it in train], cache, [it.size for it in train],
                             self.memory, lambda i, reason: self.unreadable.add(train[i].relpath, reason, "training"))
        max_side = 2 * max(size)
        return train_dataset(source, self.boxes(self.train), self.label_ids(self.train), augmentation, size,
                             batch_size, seed, max_side, shard, zoom_out)

    def validation_batches(self, size: tuple[int, int], batch_size: int, cache: ImageCache | None = None,
                           items: Sequence[Item] | None = None) -> Dataset:
        """Ordered ``(uint8 network inputs, ok)`` batches of the validation images (or ``items``)."""
        chosen = self.validation if items is None else items
        source = ImageSource([str(it.sample.image_path) for it in chosen], cache, memory=self.memory,
                             on_unreadable=lambda i, reason: self.unreadable.add(chosen[i].relpath, reason,
                                                                                 "validation"))
        return input_batches(source, size, batch_size)

    def validation_parts(self) -> tuple[list[Item], list[Item]]:
        """(selection, report): validation images that choose the epoch, and those that only report."""
        report = self._report
        return ([it for it in self.validation if it.relpath not in report],
                [it for it in self.validation if it.relpath in report])

    @cached_property
    def _validation_digests(self) -> dict[str, str | None]:
        return {it.relpath: recorded_sha256(self._files.get(it.relpath)) for it in self.validation}

    @cached_property
    def _report(self) -> set[str]:
        # byte-identical validation images in one part (the hashes `collect` read): see `splits.report_members`
        return report_members(list(self._validation_digests), self.seed, copies_by_digest(self._validation_digests))

    def validation_parts_record(self) -> dict[str, Any]:
        """meta.json ``validation_parts``: the parts, their rule, and the copies among them kept in one part
        (`identical_images.copies_record`, "moved": from the part the key of each path alone gave them)."""
        selection, report = self.validation_parts()
        by_path_alone = report_members(list(self._validation_digests), self.seed)
        return {"selection": sorted(it.relpath for it in selection), "report": sorted(it.relpath for it in report),
                "rule": REPORT_RULE, **copies_record(self._validation_digests, self._report, by_path_alone)}

    def samples(self, relpaths: Iterable[str]) -> list[Sample]:
        """The usable samples at these relative paths (unknown ones left out), in the given order."""
        by_relpath = {it.relpath: it.sample for it in self.items}
        return [by_relpath[r] for r in relpaths if r in by_relpath]

    # -- what meta.json records -----------------------------------------------
    def splits_record(self) -> dict[str, list[str]]:
        return {"train": sorted(it.relpath for it in self.train),
                "validation": sorted(it.relpath for it in self.validation),
                "test": [rel for rel, _, _ in self.test]}

    def images_record(self) -> dict[str, ImageEntry]:
        """sha256 of every image (and annotation) in any split and the image's size, by relative path, as
        `collect` read them (None: unreadable then)."""
        return {rel: dict(entry) for rel, entry in self._files.items()}

    def summary_record(self, exclude_count: int) -> dict[str, Any]:
        return {"fingerprint": self._fingerprint, "size": len(self.items),
                "n_train": len(self.train), "n_validation": len(self.validation), "n_test": len(self.test),
                "n_skipped": len(self.skipped), "n_excluded": exclude_count, "root_name": self.root.name,
                **({"train_only": self.train_only} if self.train_only else {}),
                **({"n_prelabels": self.n_prelabels} if self.n_prelabels else {}),
                **({"n_prelabels_skipped": self.n_prelabels_skipped} if self.n_prelabels_skipped else {}),
                **({"prelabels_left_out": self.prelabels_left_out} if self.prelabels_left_out else {}),
                **({"unreadable": unreadable} if (unreadable := self.unreadable.record()) else {}),
                **({LEARNED_KEY: digits} if (digits := self._learned_digits()) else {}),
                **({LINEAGE_KEY: self.lineage_incomplete} if self.lineage_incomplete else {}),
                **({UNKNOWN_KEY: unknown} if (unknown := untold_record(self._train_digits.untold)) else {})}

    def _learned_digits(self) -> dict[str, list[int] | str]:
        """The MNIST digits the weights learn (meta.json ``training_data.mnist_digits``): those of the
        training canvases, by their folder's `petloc digits` record, and the parent's; every split whole
        when a record cannot tell a training canvas's digit (`canvas_digits`: it may hold any)."""
        found = self._train_digits
        return learned_record(found.digits.values(), untold_learned(self.inherited_digits, found.untold))

    def digits_notices(self) -> list[str]:
        """Warnings for the training log (a "notice" each) and the Retrain dialog: the `petloc digits`
        records that cannot tell which MNIST digit training canvases hold, what meta.json then records
        (`canvas_digits.untold_notices`); [] when none."""
        return untold_notices(self._train_digits.untold)

    @cached_property
    def _train_digits(self) -> CanvasDigits:
        # read once: the log's warning and meta.json's record agree (hashes as `collect` read them)
        return canvas_digits((it.relpath, it.sample.image_path, recorded_sha256(self._files.get(it.relpath)))
                             for it in self.train)

    def validation_record(self) -> dict[str, Any]:
        return {"images": sorted(it.relpath for it in self.validation), "fraction": self.val_fraction,
                "seed": self.seed, "rule": "sha256 of the relative path < fraction; each class of >= 2 "
                "images keeps one on each side; a parent's validation images stay; byte-identical images "
                "on one side (model.splits)", **self.copies}


def _images_by_label(items: Sequence[Item]) -> dict[str, list[str]]:
    """label -> the images with a box of it (any object, not only the first that training learns)."""
    found: dict[str, list[str]] = {}
    for item in items:
        for label in {label for label, _ in item.sample.ground_truth}:
            found.setdefault(label, []).append(item.relpath)
    return found

