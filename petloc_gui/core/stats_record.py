"""The figures `petloc stats` and the Dataset panel show of one folder: the `DatasetStats` record
(counts, the values kept for plots, the problems found), its JSON object and its lines of text.
Computed by ``core.stats.compute_stats``; used through ``core.stats``, which re-exports everything
here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.stats_problems import Problem
from petloc_gui.core.stats_summary import format_summary, summarize
from petloc_gui.core.text import columns, counted, first_of

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

# What to do of a class on boxes but never an image's first, in `petloc train`'s and the Dataset panel's words.
AFTER_FIRST_REMEDY = "box images where it is the first object to train it"


def after_first_text(boxes: int) -> str:
    """What is true of a class on boxes but never an image's first (`core.stats.after_first_classes`),
    for `petloc train`, `petloc stats` and the Dataset panel alike: ``on 3 boxes, none an image's first:
    a run learns one box per image, the first``."""
    return f"on {counted(boxes, 'box', 'boxes')}, none an image's first: a run learns one box per image, the first"


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
    # classes of the folder's predefined classes file (labelImg's predefined_classes.txt) on no box: in no
    # count, trained by no run
    unused_predefined: list[str] = field(default_factory=list)
    # every class on boxes but on no image's first, {class: boxes}, in natural order: a run learns one box
    # per image, the first, so no run trains it (`core.stats.after_first_classes`)
    after_first: dict[str, int] = field(default_factory=dict)
    # of those, the classes of the predefined classes file, in its order (said as such)
    predefined_after_first: list[str] = field(default_factory=list)
    objects_per_annotation: dict[int, int] = field(default_factory=dict)
    split_counts: dict[str, int] = field(default_factory=dict)
    # Per annotated image, counts of the layout's metadata (Oxford: breed, species).
    meta_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    images_checked: bool = True
    images_decoded: bool = False  # each image decoded, not only its header read (a truncated file found)
    # the images with an EXIF orientation other than 1, named inside the folder (`compute_stats`' find_exif_turned);
    # None: not looked for
    exif_turned: list[str] | None = None
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
            "unused_predefined_classes": list(self.unused_predefined),
            "after_first_classes": dict(sorted(self.after_first.items())),
            "predefined_after_first_classes": list(self.predefined_after_first),
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
            "n_exif_turned": None if self.exif_turned is None else len(self.exif_turned),
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
        for name in self.unused_predefined:
            lines.append(f"predefined     {name}: in predefined_classes.txt, on no box (no image to train or "
                         "measure it)")
        lines += self._after_first_lines()
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
        if self.exif_turned:  # a note on the folder, before its problems: no file of it is wrong
            lines.append(self._turned_line(self.exif_turned))
        headers_only = self.images_checked and not self.images_decoded
        lines.append(f"problems       {len(self.problems)}" + (
            f" (images checked by their headers only: a truncated image is not found{decode_hint})"
            if headers_only else ""))
        for problem in self.problems:
            lines.append(f"  {problem.kind}: {problem.path}: {problem.message}")
        return lines

    @staticmethod
    def _turned_line(names: list[str]) -> str:
        """The note on the images whose EXIF orientation is not 1, the first few named: no file of them is
        wrong, but a person switching between petloc and labelImg must know (for orientations 2-4 no size
        difference tells it; README, "YOLO and COCO", says it of exports)."""
        return (f"exif turned    {counted(len(names), 'image')} ({first_of(names, 3)}) with an EXIF orientation "
                "other than 1: petloc shows them turned or mirrored as the tag says, and their boxes are in those "
                "pixels; tools that ignore EXIF (labelImg) show them as stored, and a box drawn in one lands "
                "elsewhere in the other")

    def _after_first_lines(self) -> list[str]:
        """One line per class on boxes but on no image's first, those of predefined_classes.txt first, in
        `petloc train`'s words: the class balance counts it in brackets only, which says nothing of why."""
        untrained = f"so no run trains it ({AFTER_FIRST_REMEDY})"
        lines = [f"predefined     {name}: in predefined_classes.txt, {after_first_text(self.after_first[name])}, "
                 f"{untrained}" for name in self.predefined_after_first if name in self.after_first]
        lines += [f"untrained      {name}: {after_first_text(boxes)}, {untrained}"
                  for name, boxes in self.after_first.items() if name not in self.predefined_after_first]
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
