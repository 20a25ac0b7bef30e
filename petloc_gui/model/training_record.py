"""Which images a model trained on, validated on and was tested on: read from its record.

No Qt, no TensorFlow. A bundle's meta.json records its splits:

- current format (issue 8): ``"splits": {"train": [...], "validation": [...],
  "test": [...]}`` (paths relative to the dataset root, "/"-separated) and
  ``"images": {relpath: {"sha256": ..., "annotation_sha256": ..., "objects_sha256": ..., "size": ...}}``
  (size: from this version on; older records have none; objects_sha256: the hash of the labels and boxes a
  run scores of the annotation, `core.scored_objects` (a breed run: every box, without its name), later still:
  what tells a re-box from a Verified mark);
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
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from petloc_gui.core.meta_splits import older_split
from petloc_gui.model.bundle import file_sha256, read_meta

# the walk of a model's parents, where each is found and what is kept of it (re-exported: its callers import
# it from here, as they take the records)
from petloc_gui.model.parent_chain import ParentChain as ParentChain
from petloc_gui.model.parent_chain import parent_chain as parent_chain


@dataclass(frozen=True)
class TrainingRecord:
    """The recorded splits of one model. ``known`` is False when its training images are not recorded."""

    known: bool
    source: str  # how the record was obtained, for messages
    train: frozenset[str] = frozenset()
    validation: frozenset[str] = frozenset()
    test: frozenset[str] = frozenset()
    # those of ``validation`` that chose nothing (`core.digits_record.report_images`: meta.json
    # validation_parts.report): the model never read them; the others chose its epoch
    report: frozenset[str] = frozenset()
    hashes: dict[str, str] = field(default_factory=dict)  # relpath -> sha256 of the image file
    train_hashes: frozenset[str] = frozenset()
    # the size in bytes of each training image with a hash (meta.json ``images`` "size"): a copy of one has its
    # size, so an image of another size is none of them unread; None when one of them has no size recorded
    train_sizes: frozenset[int] | None = frozenset()
    # not known: why, said after its model's name (`Lineage.why_incomplete` names the ancestor it is about;
    # ``source``'s "its training images are not recorded" read as the model given's, not its parent's)
    unrecorded: str = ""

    def read(self, relpath: str) -> bool:
        """Whether the model read the image recorded at ``relpath``: trained on it, or chose its epoch with it (a
        validation image not in its report part)."""
        return relpath in self.train or (relpath in self.validation and relpath not in self.report)

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

    def trained_on_other_bytes(self, relpath: str) -> bool | None:
        """`trained_on` of an image known to have other bytes than each training image with a hash (its size is
        none of `train_sizes`), left unread: by its path, where the training image there has no hash."""
        if not self.known:
            return None
        return relpath in self.train and relpath not in self.hashes


UNKNOWN = TrainingRecord(known=False, source="no record of its training images",
                         unrecorded="has no record of its training images")

@dataclass(frozen=True)
class Lineage:
    """The training records of a model and of each model it was fine-tuned from (its weights learned
    from all of their training images). ``missing``: why the chain is incomplete, or "". ``digits``:
    the MNIST digits they learned (`core.digits_record.learned_digits` of each, united): a model two
    fine-tunes away from the bundled digits model, trained before that record, learned its digits too."""

    records: tuple[TrainingRecord, ...]
    missing: str = ""
    digits: dict[str, frozenset[int] | None] = field(default_factory=dict)
    # why the first record not known is not, its model named (`ParentChain.said_of`), or ""
    unrecorded: str = ""

    @property
    def complete(self) -> bool:
        return not self.missing and all(r.known for r in self.records)

    @property
    def why_incomplete(self) -> str:
        return self.missing or self.unrecorded or next((r.source for r in self.records if not r.known), "")

    def match(self, relpath: str, sha256: str | None) -> str | None:
        """How an image is one the models trained on: "content" (its bytes are a training image's),
        "path" (a recorded training path without a hash), or None."""
        if sha256 is not None and any(sha256 in r.train_hashes for r in self.records):
            return "content"
        return "path" if any(r.trained_on(relpath, sha256) for r in self.records) else None

    @property
    def train_sizes(self) -> frozenset[int] | None:
        """The sizes of every record's training images with a hash: an image of another size matches none by
        content (`match_other_bytes`); None when a known record has no sizes (older models: each image is read)."""
        sizes: set[int] = set()
        for record in self.records:
            if record.known and record.train_sizes is None:
                return None
            sizes |= record.train_sizes or frozenset()
        return frozenset(sizes)

    def read_hashes(self) -> frozenset[str]:
        """The sha256 of the images the models trained on or chose their epoch with (`TrainingRecord.read`: each
        record's training images and validation images with a hash, less its report part, which no model read; an
        ancestor's record keeps those alone, `parent_chain`): a canvas among them is no "other canvas"
        (`core.digits_record.digits_hedge`'s ``same``). A model's report images were said to be "these very
        canvases" of its own, or its fine-tune's, figures on them."""
        return frozenset(digest for record in self.records for relpath, digest in record.hashes.items()
                         if record.read(relpath))

    def match_other_bytes(self, relpath: str) -> str | None:
        """`match` of an image whose size is none of `train_sizes` (so its bytes are no training image's), unread:
        "path" or None."""
        return "path" if any(r.trained_on_other_bytes(relpath) for r in self.records) else None


def count_matches(lineage: Lineage, hashes: Mapping[str, str | None], other_bytes: Iterable[str] = (),
                  matched: list[str] | None = None) -> Counter[str]:
    """How many of the images the models of ``lineage`` trained on, by kind (`Lineage.match`: "content", "path"):
    ``hashes``, each image's sha256 by its relpath (None: unreadable, matched by its path alone); ``other_bytes``,
    the relpaths of images left unread as their size is no training image's (`Lineage.match_other_bytes`).
    ``matched`` gets the relpaths counted, in their order. `petloc evaluate`'s count and the window's, one rule; said
    by `core.trained_on_words.how_matched`."""
    kinds: Counter[str] = Counter()
    found = [(relpath, lineage.match(relpath, sha256)) for relpath, sha256 in hashes.items()]
    found += [(relpath, lineage.match_other_bytes(relpath)) for relpath in other_bytes]
    for relpath, kind in found:
        if kind:
            kinds[kind] += 1
            if matched is not None:
                matched.append(relpath)
    return kinds


def lineage_of(meta: dict[str, Any], located: str | os.PathLike[str] | None = None, walked: str = "") -> Lineage:
    """`Lineage` of the model whose meta.json is ``meta``: its record, then its parent's (meta.json
    "parent": found as `parent_chain.locate` finds it), and so on; its digits are its own and every
    ancestor's. ``located``: its bundle's folder, when it is one on disk (its parents may be beside it).
    ``walked``: how ``missing`` names that model when said of another (`ancestors_of`)."""
    from petloc_gui.core.digits_record import learned_digits, united

    chain = parent_chain(meta, located)
    ancestors = ancestors_of(meta, chain, walked=walked)
    own = record_from_meta(meta)
    # its own record not known: "its" is the model the sentence is about unless that is another (``walked``)
    unrecorded = (ancestors.unrecorded if own.known else
                  chain.said_of(-1, "", _unrecorded(own), walked) if walked else own.source)
    return Lineage((own, *ancestors.records), ancestors.missing, united(learned_digits(meta), ancestors.digits),
                   unrecorded)


def ancestors_of(meta: dict[str, Any], chain: ParentChain | None = None,
                 located: str | os.PathLike[str] | None = None, walked: str = "") -> Lineage:
    """The `Lineage` of the models ``meta``'s model was fine-tuned from (none: an empty one); ``chain``: its
    `parent_chain`, when walked already (else walked from ``located``, its bundle's folder, if given).
    ``walked``: how ``missing`` names ``meta``'s model when it is said of another model (`petloc train`'s
    new model: "the model this run starts from"); "" when it is said of that model ("its parent model")."""
    from petloc_gui.core.digits_record import united

    chain = chain if chain is not None else parent_chain(meta, located)
    digits: dict[str, frozenset[int] | None] = {}
    for _, ancestor in chain.found:
        digits = united(digits, ancestor.digits)
    whose = "its chain of parent models"  # (of ``walked``: named, as the sentence is about another model)
    if walked:
        whose = f"the chain of parent models of {f'{chain.start}, {walked},' if chain.start else walked}"
    missing = (chain.break_reason(walked) if chain.broken_at else chain.cut_reason(whose) if chain.cut else "")
    unrecorded = next((chain.said_of(depth, name, _unrecorded(ancestor.record), walked)
                       for depth, (name, ancestor) in enumerate(chain.found) if not ancestor.record.known), "")
    return Lineage(tuple(ancestor.record for _, ancestor in chain.found), missing, digits, unrecorded)


def _unrecorded(record: TrainingRecord) -> str:
    """Why ``record`` is not known, said after its model's name."""
    return record.unrecorded or f"has no usable record of its training images ({record.source})"


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
    from petloc_gui.core.digits_record import report_images

    splits = meta.get("splits")
    if isinstance(splits, dict) and isinstance(splits.get("train"), list):
        images = meta.get("images")
        if not isinstance(images, dict):
            images = {}
        hashes = {str(rel): str(info["sha256"]) for rel, info in images.items()
                  if isinstance(info, dict) and isinstance(info.get("sha256"), str)}
        train = frozenset(str(p) for p in splits.get("train") or [])
        sizes = [images[p].get("size") for p in train if p in hashes]
        return TrainingRecord(
            known=True, source="its recorded splits", train=train,
            validation=frozenset(str(p) for p in splits.get("validation") or []),
            test=frozenset(str(p) for p in splits.get("test") or []), report=report_images(meta),
            hashes=hashes, train_hashes=frozenset(hashes[p] for p in train if p in hashes),
            train_sizes=frozenset(sizes) if all(isinstance(n, int) for n in sizes) else None,
        )
    return _legacy_record(meta)


def _legacy_record(meta: dict[str, Any]) -> TrainingRecord:
    """An older bundle: rebuild its training list from its data folder, if that proves identical."""
    training = meta.get("training_data")
    if not isinstance(training, dict):
        training = {}
    validation, test = (frozenset(older_split(meta, split)) for split in ("validation", "test"))
    root, recorded = training.get("root"), training.get("fingerprint")
    if not root or not recorded or not Path(str(root)).is_dir():
        return TrainingRecord(known=False, source="its training images are not recorded (an older model)",
                              validation=validation, test=test,
                              unrecorded="does not record its training images (an older model)")
    try:
        from petloc_gui.model.bundle import trained_label
        from petloc_gui.model.data import collect_samples, fingerprint  # no TensorFlow

        label = trained_label(meta) or "default"
        # read as a run reads it now, each box on its image's own size (a box clamped to nothing by a <size>
        # that is not the image's is kept), or as the older runs that wrote such records read it (the <size>
        # written): either read giving the recorded fingerprint is the folder it trained on
        for image_sizes in (True, False):
            samples, _, _ = collect_samples(root, label, training.get("excluded") or [], image_sizes=image_sizes)
            if fingerprint(samples) == recorded:
                break
        else:
            raise ValueError("the folder changed since training")
        train = [s for s in samples if s.relpath not in validation]
        hashes = {s.relpath: file_sha256(s.image_path) for s in train}
        sizes = frozenset(os.stat(s.image_path).st_size for s in train)  # read just now: the hashed files
    except Exception:  # noqa: BLE001 - any doubt: unknown, never a guess
        return TrainingRecord(known=False, source=f"its data folder {root} changed since it was trained",
                              validation=validation, test=test,
                              unrecorded=(f"does not record its training images, and its data folder {root} "
                                          "changed since it was trained"))
    return TrainingRecord(
        known=True, source=f"rebuilt from its data folder {root} (same fingerprint as recorded)",
        train=frozenset(hashes), validation=validation, test=test, hashes=hashes,
        train_hashes=frozenset(hashes.values()), train_sizes=sizes,
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
