"""What `TrainingData.collect` reads of a dataset folder before it checks and splits it.

Reading is the slow part on a big folder (every annotation; with a parent model, every image hashed):
it is done once here (`collect_folder`), and `TrainingData.from_folder` checks and splits the result,
so the Retrain dialog's preview works out a run with and without the pre-labels from one read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.model.bundle import file_sha256
from petloc_gui.model.data import Sample, collect_samples
from petloc_gui.model.splits import parent_split_hashes, parent_splits, parent_test_hashes


@dataclass(frozen=True)
class CollectedFolder:
    """What `TrainingData.collect` reads of a folder before it checks and splits it: every annotation,
    and with a parent each image's sha256 (the slow part on a big folder). Fine-tuning, the parent's
    test images are found here, by path or by bytes: ``samples`` holds none of them."""

    root: Path
    samples: list[Sample]  # annotated and not held out
    skipped: list[tuple[str, str]]  # (image path, why it is left out)
    excluded: list[tuple[Path, str, Path | None]]  # (image, relpath, annotation): the parent's test, or asked
    hashes: dict[str, str | None]  # sha256 of each sample's image by relpath (read with a parent only)
    parent_validation: list[str]  # the parent's validation images, by relative path
    validation_hashes: set[str]  # ... and by bytes
    learned: set[str]  # sha256 of the images the parent, or a model it was fine-tuned from, trained on
    inherited_digits: dict[str, frozenset[int] | None]  # the MNIST digits they learned

    @property
    def n_prelabels(self) -> int:
        """The unreviewed pre-labels a run of this folder sees (the parent's test images left out)."""
        return sum(s.prelabel for s in self.samples)


def collect_folder(data_dir: str | os.PathLike[str], label: str = "default",
                   exclude: Iterable[str | os.PathLike[str]] = (),
                   parent_meta: dict[str, Any] | None = None) -> CollectedFolder:
    """Read ``data_dir`` as `TrainingData.collect` does (its arguments), the held-out images found."""
    held = parent_splits(parent_meta)
    excluded: list[tuple[Path, str, Path | None]] = []
    samples, skipped, root = collect_samples(data_dir, label, [*exclude, *held["test"]], excluded)
    hashes: dict[str, str | None] = {}
    test_hashes = parent_test_hashes(parent_meta)
    validation_hashes = parent_split_hashes(parent_meta, "validation")
    learned, inherited_digits = _lineage_learned(parent_meta)
    # the parent's test photos under another name or folder are still test photos, and its validation
    # photos still validation photos (a folder laid out otherwise than the parent's trained on them all)
    if test_hashes or learned or validation_hashes:
        kept = []
        for sample in samples:
            digest = hashes[sample.relpath] = sha256_or_none(sample.image_path)
            if digest is not None and digest in test_hashes:
                excluded.append((sample.image_path, sample.relpath, sample.annotation_path))
            else:
                kept.append(sample)
        samples = kept
    return CollectedFolder(Path(root), samples, skipped, excluded, hashes, held["validation"], validation_hashes,
                           learned, inherited_digits)


def _lineage_learned(parent_meta: dict[str, Any] | None) -> tuple[set[str], dict[str, frozenset[int] | None]]:
    """What a parent model, and each model it was fine-tuned from, learned: the sha256 of every image
    they trained on, and the MNIST digits (`core.digits_record.learned_digits` of each, united). The
    ancestors' digits, not the parent's record alone: a parent trained before that record, or one whose
    own parent is two fine-tunes from the bundled digits model, does not list them, and once an ancestor
    is deleted nothing else would."""
    if not isinstance(parent_meta, dict):
        return set(), {}
    from petloc_gui.model.training_record import lineage_of

    lineage = lineage_of(parent_meta)
    return {digest for record in lineage.records for digest in record.train_hashes}, lineage.digits


def sha256_or_none(path: Path | None) -> str | None:
    """The file's sha256; None when there is none or it cannot be read (meta.json then says so)."""
    if path is None:
        return None
    try:
        return file_sha256(path)
    except OSError:
        return None
