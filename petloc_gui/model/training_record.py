"""Which images a model trained on, validated on and was tested on: read from its record.

No Qt, no TensorFlow. A bundle's meta.json records its splits:

- current format (issue 8): ``"splits": {"train": [...], "validation": [...],
  "test": [...]}`` (paths relative to the dataset root, "/"-separated) and
  ``"images": {relpath: {"sha256": ..., "annotation_sha256": ...}}``;
- older bundles: ``validation_split.images``, ``test_split.images`` and
  ``training_data`` (root, excluded, fingerprint), but no training list. Their
  training list is rebuilt only when the recorded data folder is still there
  and gives the recorded fingerprint again; otherwise it is unknown, and
  nothing is guessed.

"Trained on" is a lookup: an image is one the model trained on when its
content hash is the hash of a training image (a renamed copy is recognised),
or, for a recorded path without a hash, when the path is that path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from petloc_gui.model.bundle import file_sha256, read_meta


@dataclass(frozen=True)
class TrainingRecord:
    """The recorded splits of one model. ``known`` is False when its training images are not recorded."""

    known: bool
    source: str  # how the record was obtained, for messages
    train: frozenset[str] = frozenset()
    validation: frozenset[str] = frozenset()
    test: frozenset[str] = frozenset()
    hashes: dict[str, str] = field(default_factory=dict)  # relpath -> sha256 of the image file
    train_hashes: frozenset[str] = frozenset()

    def trained_on(self, relpath: str, sha256: str | None) -> bool | None:
        """Whether the model trained on this image (None: its history is unknown)."""
        if not self.known:
            return None
        if sha256 is not None and sha256 in self.train_hashes:
            return True
        recorded = self.hashes.get(relpath)
        if recorded is not None and sha256 is not None:
            return False  # same name, other bytes: another image (a copy with this content was matched above)
        return relpath in self.train


UNKNOWN = TrainingRecord(known=False, source="no record of its training images")


def record_of(spec: str | os.PathLike[str] | None) -> TrainingRecord:
    """The training record of a model (a bundled name or a bundle path); UNKNOWN when none."""
    if not spec:
        return UNKNOWN
    try:
        meta = read_meta(spec)
    except Exception:  # noqa: BLE001 - an unreadable model has no usable record
        return UNKNOWN
    return record_from_meta(meta)


def record_from_meta(meta: dict[str, Any]) -> TrainingRecord:
    splits = meta.get("splits")
    if isinstance(splits, dict) and isinstance(splits.get("train"), list):
        images = meta.get("images")
        if not isinstance(images, dict):
            images = {}
        hashes = {str(rel): str(info["sha256"]) for rel, info in images.items()
                  if isinstance(info, dict) and isinstance(info.get("sha256"), str)}
        train = frozenset(str(p) for p in splits.get("train") or [])
        return TrainingRecord(
            known=True, source="its recorded splits", train=train,
            validation=frozenset(str(p) for p in splits.get("validation") or []),
            test=frozenset(str(p) for p in splits.get("test") or []),
            hashes=hashes, train_hashes=frozenset(hashes[p] for p in train if p in hashes),
        )
    return _legacy_record(meta)


def _listed(section: Any) -> frozenset[str]:
    images = section.get("images") if isinstance(section, dict) else None
    return frozenset(str(p) for p in images) if isinstance(images, list) else frozenset()


def _legacy_record(meta: dict[str, Any]) -> TrainingRecord:
    """An older bundle: rebuild its training list from its data folder, if that proves identical."""
    training = meta.get("training_data")
    if not isinstance(training, dict):
        training = {}
    validation, test = _listed(meta.get("validation_split")), _listed(meta.get("test_split"))
    root, recorded = training.get("root"), training.get("fingerprint")
    if not root or not recorded or not Path(str(root)).is_dir():
        return TrainingRecord(known=False, source="its training images are not recorded (an older model)",
                              validation=validation, test=test)
    try:
        from petloc_gui.model.data import collect_samples, fingerprint  # no TensorFlow

        label = "breed" if str(meta.get("label_source", "")).startswith("breed") else "default"
        samples, _, _ = collect_samples(root, label, training.get("excluded") or [])
        if fingerprint(samples) != recorded:
            raise ValueError("the folder changed since training")
        train = [s for s in samples if s.relpath not in validation]
        hashes = {s.relpath: file_sha256(s.image_path) for s in train}
    except Exception:  # noqa: BLE001 - any doubt: unknown, never a guess
        return TrainingRecord(known=False, source=f"its data folder {root} changed since it was trained",
                              validation=validation, test=test)
    return TrainingRecord(
        known=True, source=f"rebuilt from its data folder {root} (same fingerprint as recorded)",
        train=frozenset(hashes), validation=validation, test=test, hashes=hashes,
        train_hashes=frozenset(hashes.values()),
    )


def image_hashes(paths: dict[str, Path]) -> dict[str, str | None]:
    """sha256 of each image file (relpath -> hash; None when unreadable)."""
    out: dict[str, str | None] = {}
    for rel, path in paths.items():
        try:
            out[rel] = file_sha256(path)
        except OSError:
            out[rel] = None
    return out
