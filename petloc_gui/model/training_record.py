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
from collections.abc import Callable, Mapping
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

# a cycle of parents (hand-edited meta.json files) must not loop; a window's loop of annotate, retrain, use
# fine-tunes each version from the last, so a long-used folder's chain is long
MAX_ANCESTORS = 1000


@dataclass(frozen=True)
class ParentChain:
    """The models a model was fine-tuned from, its parent first, each (the name its child's meta.json gives
    it, its meta.json), as `parent_chain` walks them; where the walk ended short of a model trained from
    scratch: at a parent not found (``not_found``), or at one named again or past `MAX_ANCESTORS` (``cut``,
    ``looped``). One walk serves the training records (`ancestors_of`) and the accepted boxes' relations
    (`model.model_ancestry.ancestry_of`): the retrain comparison reads each ancestor's meta.json once."""

    found: tuple[tuple[str, dict[str, Any]], ...] = ()
    not_found: str = ""
    cut: str = ""
    looped: bool = False

    def cut_reason(self, chain: str) -> str:
        """Why the walk up ``chain`` stopped at ``cut`` (it said "loops" of a chain that was only long)."""
        if self.looped:
            return f"{chain} loops at {self.cut}"
        return f"{chain} is longer than {MAX_ANCESTORS} models (stopped at {self.cut})"


def parent_chain(meta: Mapping[str, Any] | None) -> ParentChain:
    """The `ParentChain` of the model whose meta.json is ``meta`` (meta.json "parent": a bundled name or a
    version id of the model store, found by `read_parent_meta`)."""
    found: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    parent = (meta or {}).get("parent")
    while isinstance(parent, str) and parent:
        if parent in seen or len(seen) >= MAX_ANCESTORS:  # hand-edited meta.json files can name a cycle
            return ParentChain(tuple(found), cut=parent, looped=parent in seen)
        seen.add(parent)
        parent_meta = read_parent_meta(parent)
        if parent_meta is None:
            return ParentChain(tuple(found), not_found=parent)
        found.append((parent, parent_meta))
        parent = parent_meta.get("parent")
    return ParentChain(tuple(found))


@dataclass(frozen=True)
class Lineage:
    """The training records of a model and of each model it was fine-tuned from (its weights learned
    from all of their training images). ``missing``: why the chain is incomplete, or "". ``digits``:
    the MNIST digits they learned (`core.digits_record.learned_digits` of each, united): a model two
    fine-tunes away from the bundled digits model, trained before that record, learned its digits too."""

    records: tuple[TrainingRecord, ...]
    missing: str = ""
    digits: dict[str, frozenset[int] | None] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing and all(r.known for r in self.records)

    @property
    def why_incomplete(self) -> str:
        return self.missing or next((r.source for r in self.records if not r.known), "")

    def match(self, relpath: str, sha256: str | None) -> str | None:
        """How an image is one the models trained on: "content" (its bytes are a training image's),
        "path" (a recorded training path without a hash), or None."""
        if sha256 is not None and any(sha256 in r.train_hashes for r in self.records):
            return "content"
        return "path" if any(r.trained_on(relpath, sha256) for r in self.records) else None


def lineage_of(meta: dict[str, Any]) -> Lineage:
    """`Lineage` of the model whose meta.json is ``meta``: its record, then its parent's (meta.json
    "parent": a bundled name or a version id of the model store), and so on; its digits are its own
    and every ancestor's."""
    from petloc_gui.core.digits_record import learned_digits, united

    ancestors = ancestors_of(meta)
    return Lineage((record_from_meta(meta), *ancestors.records), ancestors.missing,
                   united(learned_digits(meta), ancestors.digits))


def ancestors_of(meta: dict[str, Any], chain: ParentChain | None = None) -> Lineage:
    """The `Lineage` of the models ``meta``'s model was fine-tuned from (none: an empty one); ``chain``: its
    `parent_chain`, when walked already."""
    from petloc_gui.core.digits_record import learned_digits, united

    chain = chain if chain is not None else parent_chain(meta)
    digits: dict[str, frozenset[int] | None] = {}
    for _, parent_meta in chain.found:
        digits = united(digits, learned_digits(parent_meta))
    missing = (f"its parent model {chain.not_found} is not found" if chain.not_found
               else chain.cut_reason("its chain of parent models") if chain.cut else "")
    return Lineage(tuple(record_from_meta(parent_meta) for _, parent_meta in chain.found), missing, digits)


def read_parent_meta(name: str) -> dict[str, Any] | None:
    """meta.json of a parent named in meta.json: a bundled model, else a version in the model store."""
    from petloc_gui.model.bundle import BUNDLED_NAMES

    try:
        if name in BUNDLED_NAMES:
            return read_meta(name)
        from petloc_gui.model.versions import VersionStore

        return read_meta(VersionStore().get(name).path)
    except Exception:  # noqa: BLE001 - not found or unreadable: the chain is incomplete, never guessed
        return None


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
        from petloc_gui.model.bundle import trained_label
        from petloc_gui.model.data import collect_samples, fingerprint  # no TensorFlow

        label = trained_label(meta) or "default"
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


def image_hashes(paths: dict[str, Path], progress: Callable[[int], None] | None = None) -> dict[str, str | None]:
    """sha256 of each image file (relpath -> hash; None when unreadable); ``progress(n done)``
    after each file (every byte of a large folder is read: on a slow disk that takes a while)."""
    out: dict[str, str | None] = {}
    for rel, path in paths.items():
        try:
            out[rel] = file_sha256(path)
        except OSError:
            out[rel] = None
        if progress is not None:
            progress(len(out))
    return out
