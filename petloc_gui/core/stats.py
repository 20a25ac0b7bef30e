"""Dataset statistics (the seeds' EDA) for `petloc stats` and the GUI's dataset panel.

Image sizes come from file headers (`core.images.image_size`); no image is
decoded unless asked (``check_decode``: a truncated JPEG's header reads fine).
Every problem found names its file, so a person can go and fix it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.images import image_size, load_image
from petloc_gui.core.index_problem import split_problem
from petloc_gui.core.text import columns, counted
from petloc_gui.core.voc import VocAnnotation, read_voc

if TYPE_CHECKING:  # compute_stats imports dataset lazily (see below)
    from petloc_gui.core.dataset import Dataset, DatasetItem

# Problem kinds (stable strings: they appear in `petloc stats --json`).
UNREADABLE_IMAGE = "unreadable_image"
BROKEN_XML = "broken_xml"
BOX_OUTSIDE_IMAGE = "box_outside_image"
INVERTED_BOX = "inverted_box"
EMPTY_BOX = "empty_box"
NO_OBJECTS = "no_objects"
SIZE_MISMATCH = "size_mismatch"
MISSING_SIZE = "missing_size"
MISSING_LABEL = "missing_label"
OTHER_PROBLEM = "annotation_problem"
INDEX_PROBLEM = "dataset_index"
UNSUPPORTED_IMAGE = "unsupported_image"  # a HEIC, AVIF, ... file: not an item, listed here
NO_IMAGE = "annotation_without_image"  # an XML whose image went (core.orphan_annotations)
# The side a --check-decode decode is drafted to: libjpeg still reads every byte (a truncation is
# found) but skips most of the work, as the window's previews do.
DECODE_CHECK_SIZE = 256

# Substrings of core.voc.read_voc's repair messages -> kind (first match wins).
_PROBLEM_NEEDLES = (
    ("inverted", INVERTED_BOX),
    ("outside", BOX_OUTSIDE_IMAGE),
    ("zero area", EMPTY_BOX),
    ("differs from the image", SIZE_MISMATCH),
    ("size missing", MISSING_SIZE),
    ("no <name>", MISSING_LABEL),
)

# Item metadata worth a class balance of its own (`petloc train --label breed`).
META_KEYS = ("breed", "species")

# The raw per-box / per-image values kept for plotting (not in to_dict()).
VALUE_KEYS = (
    "box_width",
    "box_height",
    "box_rel_area",
    "box_center_x",
    "box_center_y",
    "image_width",
    "image_height",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    kind: str
    path: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "file": self.path, "message": self.message}


@dataclass
class DatasetStats:
    """Counts, distributions and problems of one dataset folder."""

    root: str
    layout: str
    n_images: int = 0
    n_annotated: int = 0
    n_prelabels: int = 0  # of the annotated: a model's pre-labels nobody has reviewed (core.voc.PRELABEL_PREFIX)
    n_unannotated: int = 0
    n_objects: int = 0
    # Of n_objects, those without a label (each a missing_label problem): in no class count.
    n_unlabelled: int = 0
    # Files named as images of a format petloc does not read, {format: n}; not in n_images.
    not_read: dict[str, int] = field(default_factory=dict)
    class_counts: dict[str, int] = field(default_factory=dict)
    first_object_class_counts: dict[str, int] = field(default_factory=dict)
    objects_per_annotation: dict[int, int] = field(default_factory=dict)
    split_counts: dict[str, int] = field(default_factory=dict)
    # Per annotated image, counts of the layout's metadata (Oxford: breed, species).
    meta_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    images_checked: bool = True
    images_decoded: bool = False  # each image decoded, not only its header read (a truncated file found)
    problems: list[Problem] = field(default_factory=list)
    values: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in VALUE_KEYS})

    @property
    def problem_counts(self) -> dict[str, int]:
        return dict(Counter(p.kind for p in self.problems))

    def summary(self, key: str) -> dict[str, float] | None:
        """count/min/max/mean/std/median/p05/p95 of one of `VALUE_KEYS`."""
        return summarize(self.values[key])

    def to_dict(self, include_values: bool = False) -> dict[str, Any]:
        """A JSON-able dict (the `petloc stats --json` object)."""
        out: dict[str, Any] = {
            "root": self.root,
            "layout": self.layout,
            "n_images": self.n_images,
            "n_annotated": self.n_annotated,
            "n_prelabels": self.n_prelabels,
            "n_unannotated": self.n_unannotated,
            "n_objects": self.n_objects,
            "n_unlabelled": self.n_unlabelled,
            "n_not_read": sum(self.not_read.values()),
            "not_read": dict(sorted(self.not_read.items())),
            "class_counts": dict(sorted(self.class_counts.items())),
            "first_object_class_counts": dict(sorted(self.first_object_class_counts.items())),
            "objects_per_annotation": {str(k): v for k, v in sorted(self.objects_per_annotation.items())},
            "split_counts": dict(sorted(self.split_counts.items())),
            "meta_counts": {k: dict(sorted(v.items())) for k, v in sorted(self.meta_counts.items())},
            "images_checked": self.images_checked,
            "images_decoded": self.images_decoded,
            "box": {
                "width": self.summary("box_width"),
                "height": self.summary("box_height"),
                "rel_area": self.summary("box_rel_area"),
                "center_x": self.summary("box_center_x"),
                "center_y": self.summary("box_center_y"),
            },
            "image_size": {
                "width": self.summary("image_width"),
                "height": self.summary("image_height"),
            },
            "problem_counts": dict(sorted(self.problem_counts.items())),
            "problems": [p.to_dict() for p in self.problems],
        }
        if include_values:
            out["values"] = {k: list(v) for k, v in self.values.items()}
        return out

    def summary_lines(self, decode_hint: str = "") -> list[str]:
        """The figures as short human-readable lines (CLI and GUI panel); ``decode_hint`` says how to
        have the images decoded, after the note that they were not."""
        lines = [
            f"dataset        {self.root} (layout: {self.layout})",
            f"images         {self.n_images}",
        ]
        if self.not_read:
            formats = ", ".join(f"{name} {n}" for name, n in sorted(self.not_read.items()))
            lines.append(f"not read       {counted(sum(self.not_read.values()), 'file')} ({formats}): "
                         "formats petloc does not read; convert them to JPEG or PNG")
        lines += [
            f"annotated      {self.n_annotated}"
            + (f" ({self.n_prelabels} of them unreviewed pre-labels)" if self.n_prelabels else ""),
            f"no annotation  {self.n_unannotated}",
            f"objects        {self.n_objects}"
            + (f" ({self.n_unlabelled} of them without a label: in no class count)" if self.n_unlabelled else ""),
        ]
        if self.split_counts:
            lines.append("splits         " + ", ".join(f"{k}: {v}" for k, v in sorted(self.split_counts.items())))
        per_ann = ", ".join(f"{k}: {v}" for k, v in sorted(self.objects_per_annotation.items()))
        lines.append(f"objects/file   {per_ann or '-'}")
        lines.append("class balance (first object per image; all objects in brackets)")
        lines += ["  " + line for line in self._class_balance_rows()]
        for key, counts in sorted(self.meta_counts.items()):
            listed = ", ".join(f"{name}: {counts[name]}" for name in natural_order(counts))
            lines.append(f"{key} (annotated images): {listed}")
        for title, key, fmt in (
            ("box width px", "box_width", ".1f"),
            ("box height px", "box_height", ".1f"),
            ("box rel. area", "box_rel_area", ".3f"),
            ("box centre x", "box_center_x", ".3f"),
            ("box centre y", "box_center_y", ".3f"),
            ("image width", "image_width", ".0f"),
            ("image height", "image_height", ".0f"),
        ):
            lines.append(f"{title:<15}{format_summary(self.summary(key), fmt)}")
        if not self.images_checked:
            lines.append("(image files not opened: sizes come from the annotations)")
        headers_only = self.images_checked and not self.images_decoded
        lines.append(f"problems       {len(self.problems)}" + (
            f" (images checked by their headers only: a truncated image is not found{decode_hint})"
            if headers_only else ""))
        for problem in self.problems:
            lines.append(f"  {problem.kind}: {problem.path}: {problem.message}")
        return lines

    def _class_balance_rows(self) -> list[str]:
        """Per class, in natural order (class2 before class10, as files are listed): its first
        objects, their share, and (its objects); columns as wide as their widest cell as a terminal
        shows it (a long or wide-character name, an escaped control character), so they line up."""
        total = sum(self.first_object_class_counts.values()) or 1
        rows = []
        for name in natural_order(set(self.class_counts) | set(self.first_object_class_counts)):
            first = self.first_object_class_counts.get(name, 0)
            rows.append((name, first, f"{100 * first / total:.1f}%", f"({self.class_counts.get(name, 0)})"))
        return columns(rows, right=(1, 2))


def natural_order(names: Iterable[str]) -> list[str]:
    """Class (or breed) names as the rest of petloc lists names: class2 before class10, the name
    itself breaking ties (core.dataset.natural_key)."""
    from petloc_gui.core.dataset import natural_key

    return sorted(names, key=lambda name: (natural_key(name), name))


def summarize(values: list[float]) -> dict[str, float] | None:
    """Summary statistics of `values`, or None when there are none."""
    if not values:
        return None
    arr = np.asarray(values, dtype=np.float64)
    p05, median, p95 = np.percentile(arr, [5, 50, 95])
    return {
        "count": int(arr.size),
        "min": round(float(arr.min()), 4),
        "max": round(float(arr.max()), 4),
        "mean": round(float(arr.mean()), 4),
        "std": round(float(arr.std()), 4),
        "median": round(float(median), 4),
        "p05": round(float(p05), 4),
        "p95": round(float(p95), 4),
    }


def format_summary(summary: dict[str, float] | None, fmt: str = ".2f") -> str:
    """`mean 12.3  median 11.0  [min 2.0 .. max 40.0]  p05-p95 3.0-30.0`."""
    if not summary:
        return "-"
    f = lambda v: format(v, fmt)  # noqa: E731
    return (
        f"mean {f(summary['mean'])}  median {f(summary['median'])}  "
        f"min {f(summary['min'])}  max {f(summary['max'])}  "
        f"p05-p95 {f(summary['p05'])}-{f(summary['p95'])}"
    )


def compute_stats(
    dataset: Dataset,
    check_images: bool = True,
    check_decode: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> DatasetStats:
    """Statistics of `dataset` (a `core.dataset.Dataset`).

    With `check_images`, every image's header is read (its displayed size;
    unreadable images are problems); otherwise sizes come from the XML.
    With `check_decode` too, every image is decoded, as the window and
    `predict` decode it: a truncated or corrupt one is an unreadable_image.
    `on_progress(done, total)` is called after each item. An image whose
    annotation file is another image's (`core.shared_annotations`) has none of
    its own: it counts as without annotation, as train and evaluate leave it
    out, and the index's problem line says why.
    """
    from petloc_gui.core.shared_annotations import borrowed_annotations

    items = list(dataset.items)
    borrowed = borrowed_annotations(items)
    from petloc_gui.core.orphan_annotations import annotations_without_image

    check_decode = check_decode and check_images
    stats = DatasetStats(root=str(dataset.root), layout=str(dataset.layout), images_checked=check_images,
                         images_decoded=check_decode)
    stats.n_images = len(items)
    splits: Counter[str] = Counter()
    for done, item in enumerate(items, start=1):
        if getattr(item, "split", None):
            splits[str(item.split)] += 1
        size: tuple[int, int] | None = None
        if check_images:
            try:
                size = image_size(item.image_path)
                if check_decode:
                    load_image(item.image_path, max_size=DECODE_CHECK_SIZE)
            except (PetlocError, OSError, ValueError) as exc:
                stats.problems.append(Problem(UNREADABLE_IMAGE, str(item.image_path), _reason(exc)))
        if item.has_annotation and item.image_path not in borrowed:
            _add_annotation(stats, item, size)
            _add_meta(stats, item)
        else:
            stats.n_unannotated += 1
        if size is not None:
            stats.values["image_width"].append(float(size[0]))
            stats.values["image_height"].append(float(size[1]))
        if on_progress is not None:
            on_progress(done, len(items))
    stats.split_counts = dict(splits)
    unread = dataset.unread()
    for path, fmt in unread:
        stats.not_read[fmt.name] = stats.not_read.get(fmt.name, 0) + 1
        stats.problems.append(Problem(UNSUPPORTED_IMAGE, str(path), fmt.reason))
    for message in getattr(dataset, "problems", None) or []:
        where, what = split_problem(message, dataset.root)  # the file it is about, and what
        stats.problems.append(Problem(INDEX_PROBLEM, where, what))
    for path in annotations_without_image(dataset):
        stats.problems.append(Problem(NO_IMAGE, str(path), "annotation file with no image: no image of that "
                                      "name where this layout looks (renamed, moved or deleted?); its boxes "
                                      "are in no figure, training or export"))
    return stats


def _add_annotation(stats: DatasetStats, item: DatasetItem, size: tuple[int, int] | None) -> None:
    path = str(item.annotation_path)
    stats.n_annotated += 1
    try:
        # With the real size, read_voc checks boxes against the image as displayed.
        annotation = read_voc(item.annotation_path, image_size=size)
    except (PetlocError, OSError, ValueError) as exc:
        stats.problems.append(Problem(BROKEN_XML, path, _reason(exc)))
        return
    if annotation.unreviewed:
        stats.n_prelabels += 1
    objects = list(annotation.objects)
    stats.objects_per_annotation[len(objects)] = stats.objects_per_annotation.get(len(objects), 0) + 1
    # read_voc repairs boxes (swap, clamp) and says so in `problems`: report each.
    for message in annotation.problems:
        stats.problems.append(Problem(_problem_kind(message), path, message))
    if not objects:
        stats.problems.append(Problem(NO_OBJECTS, path, "annotation has no object"))
        return
    if size is None and annotation.width > 0 and annotation.height > 0:
        size = (annotation.width, annotation.height)
        if not stats.images_checked:
            stats.values["image_width"].append(float(size[0]))
            stats.values["image_height"].append(float(size[1]))
    # An object without a label (a missing_label problem above) is no class: counted as one named "",
    # it made a nameless row of the class balance and skewed its shares. Training leaves out an image
    # whose first object has none, so the first-object balance does too.
    first = objects[0].name
    if first:
        stats.first_object_class_counts[first] = stats.first_object_class_counts.get(first, 0) + 1
    for obj in objects:
        stats.n_objects += 1
        if obj.name:
            stats.class_counts[obj.name] = stats.class_counts.get(obj.name, 0) + 1
        else:
            stats.n_unlabelled += 1
        _add_box(stats, obj.box, size)


def _add_meta(stats: DatasetStats, item: DatasetItem) -> None:
    for key in META_KEYS:
        value = (getattr(item, "meta", None) or {}).get(key)
        if value is not None:
            counts = stats.meta_counts.setdefault(key, {})
            counts[str(value)] = counts.get(str(value), 0) + 1


def _problem_kind(message: str) -> str:
    """Classify one of read_voc's repair messages into a stable kind."""
    text = message.lower()
    for needle, kind in _PROBLEM_NEEDLES:
        if needle in text:
            return kind
    return OTHER_PROBLEM


def size_mismatch(annotation: VocAnnotation) -> str | None:
    """read_voc's note that the annotation's <size> is not its image's size (the size_mismatch kind
    `petloc stats` counts), or None: its boxes were drawn on an image of another size."""
    return next((note for note in annotation.problems if _problem_kind(note) == SIZE_MISMATCH), None)


def _add_box(stats: DatasetStats, box: Box, size: tuple[int, int] | None) -> None:
    box = box.sorted()
    stats.values["box_width"].append(box.width)
    stats.values["box_height"].append(box.height)
    if size is not None and size[0] > 0 and size[1] > 0:
        w, h = float(size[0]), float(size[1])
        stats.values["box_rel_area"].append(box.area / (w * h))
        stats.values["box_center_x"].append((box.xmin + box.xmax) / 2 / w)
        stats.values["box_center_y"].append((box.ymin + box.ymax) / 2 / h)


def _reason(exc: BaseException) -> str:
    # PetlocError's str() already starts with the path; the Problem has it too.
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
    return " ".join(str(reason).split())


def dataset_stats(path: str | Path, check_images: bool = True) -> DatasetStats:
    """Open the dataset folder at `path` and compute its statistics."""
    from petloc_gui.core.dataset import open_dataset

    return compute_stats(open_dataset(path), check_images=check_images)
