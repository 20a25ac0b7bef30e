"""Training samples of a dataset folder: (image path, first usable object's box, label, every usable object),
nothing decoded.

A folder is indexed with `core.dataset.open_dataset`; each annotated image
contributes its first object with a label and a box of non-zero area, which training learns (one box, one class
per photo), and every such object (`core.scored_objects.usable_objects`), against which validation
and the comparison score a prediction by the best-gt rule, as `petloc
evaluate` does (`core.metrics.evaluate_objects`). Images without an annotation, without an
object, with an unreadable annotation, with no object of a label and a box, or whose first such object's label
the run cannot use are skipped with a reason (never an exception); so is an image whose annotation
file is another image's (photo.png beside photo.jpg and photo.xml:
`core.shared_annotations`), which would otherwise train on photo.jpg's box. `training_data.TrainingData`
builds on this (image check, split, pipeline).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from petloc_gui.core.accepted_boxes import AcceptedModels, accepted_models
from petloc_gui.core.annotation_names import NO_ANNOTATION
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import CancelledError, PetlocError
from petloc_gui.core.guessed_boxes import guessed_notes, object_of
from petloc_gui.core.index_problems import index_lines
from petloc_gui.core.scored_objects import labelled, objects_digest, usable_objects
from petloc_gui.core.shared_annotations import borrowed_annotations, shared_reason
from petloc_gui.core.stats import size_mismatch
from petloc_gui.core.stats_problems import BOX_OUTSIDE_IMAGE, own_words, problem_kind
from petloc_gui.core.unread_note import annotated
from petloc_gui.core.voc import read_voc
from petloc_gui.core.voc_types import VocObject

LABEL_SOURCES = ("default", "breed")
NO_LABEL = "object has no label"  # why an image is skipped whose first usable object's label is none to see


PixelBox = tuple[float, float, float, float]
NONE_ACCEPTED = AcceptedModels(())  # every box a person's


@dataclass(frozen=True)
class Sample:
    """One training example: an image, its first usable object's box (pixels) and label (what training
    learns), and every usable object of the image (what scoring matches a prediction against)."""

    image_path: Path
    relpath: str  # relative to the dataset root, "/"-separated: recorded in meta.json
    annotation_path: Path
    box: PixelBox
    label: str
    # a model's pre-label nobody has saved since (`core.voc_types.PRELABEL_PREFIX`): trained on, never
    # validated on (`TrainingData.collect`)
    prelabel: bool = False
    # (label, box in pixels) of every object with a label and a box of non-zero area, in the file's order
    # (the first is ``(label, box)``); empty: that one alone
    objects: tuple[tuple[str, PixelBox], ...] = ()
    # the models whose boxes among ``objects`` a person accepted unchanged, those whose labels too
    # (`core.accepted_boxes.accepted_models`, ADR 0013), as read with the boxes: what the retrain comparison
    # says of the boxes it scores, though a person moves or accepts one in the window during the run
    accepted: AcceptedModels = NONE_ACCEPTED
    # an unreviewed pre-label's mark, "petloc pre-label by petloc predict, model NAME (VERSION)"
    # (`VocAnnotation.prelabel`), as read with the boxes: which model wrote it (`model.prelabel_models`)
    prelabel_mark: str = ""
    # sha256 of the annotation's scored objects (`core.scored_objects.objects_digest`), taken from this read when
    # it is on the image's own size, as meta.json records it: the run's record then parses no annotation twice
    # (`model.image_files_record`); None: not taken (a read on the <size> written), the record reads the file
    objects_sha256: str | None = None
    # the run's ``label`` (`LABEL_SOURCES`): "breed", each object scored under the photo's breed, the rule of its
    # record's objects hash (a test image's too: `TrainingData.from_folder`)
    label_source: str = "default"
    # read_voc's notes of a guess on the box learned, ``box`` (swapped, or read as fractions of the image:
    # `core.guessed_boxes`): what `petloc train` warns it learns as petloc guessed it. Of that box alone: the notes
    # of every one of ``objects`` had "learned so" said of a later box, which validation scores but no run learns
    guessed_boxes: tuple[str, ...] = ()

    @property
    def ground_truth(self) -> tuple[tuple[str, PixelBox], ...]:
        """The (label, box) objects a prediction is scored against (`core.metrics.evaluate_objects`):
        a photo of two cats, or with a decoy listed first, scores against the one its box matches."""
        return self.objects or ((self.label, self.box),)


def relpath_in(path: Path, root: Path) -> str:
    """``path`` relative to the dataset ``root``, "/"-separated: how splits and meta.json name images."""
    # By the path as listed first: an image that is a symlink (a dataset of links
    # to a shared folder) keeps its place in the dataset, and so its split key.
    # The resolved pair only where the listed one fails: resolving every image (two resolve() calls each)
    # was a quarter of a 10,000-image folder's read.
    pairs = ((lambda: (Path(os.path.abspath(path)), Path(os.path.abspath(root)))),
             (lambda: (path.resolve(), root.resolve())))
    for pair in pairs:
        listed, base = pair()
        try:
            return listed.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.resolve().as_posix()


def collect_samples(
    data_dir: str | os.PathLike[str],
    label: str = "default",
    exclude: Iterable[str | os.PathLike[str]] = (),
    excluded_out: list[tuple[Path, str, Path | None]] | None = None,
    size_notes: list[tuple[Path, str]] | None = None,
    index_notes: list[str] | None = None,
    *,
    image_sizes: bool = True,
    stopped: Callable[[], bool] | None = None,
) -> tuple[list[Sample], list[tuple[str, str]], Path]:
    """``(samples, skipped [(path, reason)], dataset root)`` of a dataset folder.

    ``label="breed"`` takes the class from the dataset's metadata (Oxford
    ``list.txt``) instead of the VOC object name. ``exclude`` lists image
    paths (absolute, or relative to the dataset root) never to use; those
    found are appended to ``excluded_out`` as (image path, relpath, annotation
    path or None) when it is given. With ``image_sizes`` (the default: every read of a run's data agrees),
    each image's header is read too and its boxes are on the image's own size, as `petloc train` reads them;
    with ``image_sizes=False`` (a read of the labels alone, or an older run's record), a <size> written is
    taken as it is (a box past it clamped) and a missing one is looked up (`core.voc.read_voc`).
    ``size_notes`` (with ``image_sizes``: a note needs the image's size) gets each sample whose
    annotation gives another image size as (annotation path, `size_mismatch` note). ``index_notes`` gets a
    "PATH: what" line for each folder the index could not list or follow (`core.index_problems`): its images are
    in no sample and no skipped entry, so the caller says them. ``stopped``: asked before each image;
    once it says so, `CancelledError` is raised (a read nobody waits for any more, the window's check of
    its saved labels dropped, ends within one file, not the whole folder later).
    """
    if label not in LABEL_SOURCES:
        raise ValueError(f"label must be one of {LABEL_SOURCES}, got {label!r}")
    dataset = open_dataset(data_dir)
    if index_notes is not None:
        index_notes.extend(index_lines(dataset))
    root = Path(dataset.root)
    excluded = {_resolved(root, p) for p in exclude}
    borrowed = borrowed_annotations(dataset.items)
    samples: list[Sample] = []
    skipped: list[tuple[str, str]] = []
    for item in dataset.items:
        if stopped is not None and stopped():
            raise CancelledError("the folder's read was stopped")
        image_path = item.image_path
        if os.path.abspath(image_path) in excluded:
            if excluded_out is not None:
                excluded_out.append((Path(image_path), relpath_in(image_path, root),
                                     item.annotation_path if item.has_annotation else None))
            continue
        if not item.has_annotation:
            skipped.append((str(image_path), NO_ANNOTATION))
            continue
        owner = borrowed.get(image_path)
        if owner is not None:  # photo.png beside photo.jpg and photo.xml: that box is photo.jpg's
            skipped.append((str(image_path), shared_reason(item.annotation_path, owner, image=image_path)))
            continue
        try:
            annotation = read_voc(item.annotation_path, image_path=image_path if image_sizes else None)
        except PetlocError as exc:
            skipped.append((str(image_path), f"unreadable annotation: {exc}"))
            continue
        if not annotation.objects:
            skipped.append((str(image_path), "annotation has no object"))
            continue
        if label == "breed" and not item.meta.get("breed"):
            skipped.append((str(image_path), "no breed in the dataset's list"))
            continue
        # the rule its record's objects hash is taken by, and `petloc evaluate` scores by (`core.scored_objects`),
        # ``name`` the breed of each one; the first of them is learned. Taking ``objects[0]`` whatever it was, an
        # image listing first a box of no area, or one with no label, was skipped though its next box was good:
        # evaluate scored it, and its validation figures were on other images than evaluate's
        scored = usable_objects(annotation.objects, any_label=label == "breed")
        if not scored:
            skipped.append((str(image_path), _unusable_reason(annotation.objects, annotation.problems,
                                                                       any_label=label == "breed")))
            continue
        obj = scored[0]
        name = obj.name if label == "default" else item.meta.get("breed")
        # a label of nothing but characters drawn as nothing ("\u200b") is no more a class than an empty one
        # (`core.scored_objects.labelled`: usable_objects passed over such an object already; a breed's is checked)
        if not labelled(str(name or "")):
            skipped.append((str(image_path), NO_LABEL))
            continue
        box = obj.box.sorted()
        objects = tuple((str(name) if label == "breed" else str(obj.name), obj.box.sorted().as_tuple())
                        for obj in scored)
        samples.append(Sample(image_path, relpath_in(image_path, root), item.annotation_path,
                              box.as_tuple(), str(name), annotation.unreviewed, objects, accepted_models(scored),
                              (annotation.prelabel or "") if annotation.unreviewed else "",
                              objects_digest(annotation.objects, label == "breed") if image_sizes else None, label,
                              tuple(guessed_notes(annotation.problems, _numbers(annotation.objects, scored[:1])))))
        if size_notes is not None and (note := size_mismatch(annotation)):
            size_notes.append((Path(item.annotation_path), note))
    # A boxed HEIC (AVIF, ...) photo is not in the index: say it is left out, as a skipped image is.
    for path, fmt in annotated(dataset, dataset.unread()):
        if os.path.abspath(path) not in excluded:
            skipped.append((str(path), fmt.reason))
    return samples, skipped, root


def _numbers(objects: list[VocObject], some: list[VocObject]) -> list[int]:
    """The 1-based numbers of ``some`` among ``objects`` (the file's, as read_voc's notes number them)."""
    wanted = {id(obj) for obj in some}
    return [index for index, obj in enumerate(objects, start=1) if id(obj) in wanted]


def _resolved(root: Path, path: str | os.PathLike[str]) -> str:
    p = Path(path)
    return os.path.abspath(p if p.is_absolute() else root / p)


def fingerprint(samples: Iterable[Sample]) -> str:
    """sha256 over the sorted (relative image path, annotation bytes): no image decoding."""
    digest = hashlib.sha256()
    for sample in sorted(samples, key=lambda s: s.relpath):
        digest.update(sample.relpath.encode("utf-8", "surrogateescape") + b"\0")  # a non-UTF-8 name too
        try:
            digest.update(sample.annotation_path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def _unusable_reason(objects: list[VocObject], problems: list[str], any_label: bool) -> str:
    """Why no object of an annotation can be used (none has a label and a box of non-zero area; ``any_label``: a
    breed run's, none a box of non-zero area): of a lone object, its own reason; of several, each one's, after the
    rule's words (`petloc evaluate`'s)."""
    reasons = [(index, _object_reason(obj, index, problems, any_label)) for index, obj in enumerate(objects, start=1)]
    if len(reasons) == 1:
        return reasons[0][1]
    each = "; ".join(f"object {index} has no label" if reason == NO_LABEL
                     else f"object {index} ({objects[index - 1].name or 'no name'}): {reason}"
                     for index, reason in reasons)
    return f"no object with a label and a box of non-zero area ({each})"


def _object_reason(obj: VocObject, index: int, problems: list[str], any_label: bool) -> str:
    """Why the ``index``-th object (1-based) cannot be used: no label (`core.scored_objects.labelled`: "\u200b" is
    none; ``any_label``: given one), or no box (`_empty_box_reason`)."""
    return NO_LABEL if not (any_label or labelled(obj.name)) else _empty_box_reason(obj.box.sorted(), index, problems)


def _empty_box_reason(box: Box, index: int, problems: list[str]) -> str:
    """Why the ``index``-th object's box (1-based) is no box: read_voc clamps a box to the image, so one lying
    wholly outside it became "(40.0, 30.0, 40.0, 30.0) has zero area", a box the user never drew."""
    outside = next((p for p in problems if object_of(p) == f"object {index}" and problem_kind(p) == BOX_OUTSIDE_IMAGE),
                   None)  # (by read_voc's words, never the label's: `problem_kind`)
    if outside is not None:
        drawn = own_words(outside).split("; clamped", 1)[0]  # "box (...) lies outside the WxH image"
        return drawn.replace(" lies outside ", " lies entirely outside ", 1)
    return f"box {box.as_tuple()} has zero area"
