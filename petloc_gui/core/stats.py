"""Dataset statistics (the seeds' EDA) for `petloc stats` and the GUI's dataset panel: `compute_stats`
walks a folder's items and fills a `DatasetStats`.

Image sizes come from file headers (`core.images.image_size`); no image is
decoded unless asked (``check_decode``: a truncated JPEG's header reads fine).
Every problem found names its file, so a person can go and fix it.

The record and its text (``core.stats_record``), the problem kinds (``core.stats_problems``) and
the number summaries (``core.stats_summary``) live in their own modules; re-exported here so callers
use a single `core.stats` API.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset_item import DatasetItem, folder_at_annotation
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.images import image_header, image_size, load_image
from petloc_gui.core.index_problem import split_problem
from petloc_gui.core.label_variants import differences, shown_apart, variant_groups, variants_text
from petloc_gui.core.layout_split_lists import split_list_notes
from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.scored_objects import labelled, usable_objects
from petloc_gui.core.stats_problems import (
    BOX_OUTSIDE_IMAGE,
    BROKEN_XML,
    CASE_VARIANT_LABELS,
    EMPTY_BOX,
    INDEX_PROBLEM,
    INVERTED_BOX,
    MISSING_LABEL,
    MISSING_SIZE,
    NO_IMAGE,
    NO_OBJECTS,
    NORMALISED_BOX,
    OBJECT_WITHOUT_BOX,
    OTHER_PROBLEM,
    SIZE_MISMATCH,
    UNFINISHED_EXPORT,
    UNREADABLE_IMAGE,
    UNSUPPORTED_IMAGE,
    YOLO_LABELS,
    Problem,
    problem_kind,
    size_mismatch,
)
from petloc_gui.core.stats_record import AFTER_FIRST_REMEDY, VALUE_KEYS, DatasetStats, after_first_text
from petloc_gui.core.stats_summary import format_summary, summarize
from petloc_gui.core.text import counted
from petloc_gui.core.voc import read_voc
from petloc_gui.core.yolo_beside import yolo_labels_beside
from petloc_gui.core.yolo_split_labels import YoloSplitLabels, yolo_labels_in_split

if TYPE_CHECKING:  # compute_stats imports dataset lazily (see below)
    from petloc_gui.core.dataset import Dataset
    from petloc_gui.core.header_memo import HeaderMemo

__all__ = [
    "AFTER_FIRST_REMEDY",
    "BOX_OUTSIDE_IMAGE",
    "BROKEN_XML",
    "CASE_VARIANT_LABELS",
    "DECODE_CHECK_SIZE",
    "EMPTY_BOX",
    "INDEX_PROBLEM",
    "INVERTED_BOX",
    "META_KEYS",
    "MISSING_LABEL",
    "MISSING_SIZE",
    "NORMALISED_BOX",
    "NO_IMAGE",
    "NO_OBJECTS",
    "OBJECT_WITHOUT_BOX",
    "OTHER_PROBLEM",
    "SIZE_MISMATCH",
    "UNFINISHED_EXPORT",
    "UNREADABLE_IMAGE",
    "UNSUPPORTED_IMAGE",
    "VALUE_KEYS",
    "YOLO_LABELS",
    "DatasetStats",
    "Problem",
    "after_first_classes",
    "after_first_text",
    "compute_stats",
    "dataset_stats",
    "format_summary",
    "natural_order",
    "predefined_after_first",
    "problem_kind",
    "size_mismatch",
    "summarize",
]

# The side a --check-decode decode is drafted to: libjpeg still reads every byte (a truncation is
# found) but skips most of the work, as the window's previews do.
DECODE_CHECK_SIZE = 256

# Item metadata worth a class balance of its own (`petloc train --label breed`).
META_KEYS = ("breed", "species")


def compute_stats(
    dataset: Dataset,
    check_images: bool = True,
    check_decode: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    headers: HeaderMemo | None = None,
    predefined: Sequence[str] = (),
    find_exif_turned: bool = False,
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

    ``headers`` (a `core.header_memo.HeaderMemo` kept between calls, as the
    Dataset panel keeps one to compute again after each save): the sizes read
    by the call before are used for the files unchanged since, so only the
    headers of new and changed images are read.

    ``predefined``: the folder's predefined classes (labelImg's ``predefined_classes.txt``, read by
    ``app.class_list.read_classes``), those on no box listed in ``unused_predefined``, those on boxes
    but never an image's first in ``predefined_after_first`` (every such class is in ``after_first``); a box
    being one a run uses, with a label and of non-zero area (`core.scored_objects.usable_objects`), and an
    image's first the first such box.

    ``find_exif_turned`` (with `check_images`): ``exif_turned`` names each image whose EXIF orientation is
    not 1 (turned or mirrored as displayed), from the header read for its size (``headers`` is not used then:
    it keeps sizes only); None without.
    petloc's boxes are those of the image as displayed; a tool that ignores EXIF (labelImg) shows the
    stored pixels, so a box lands elsewhere there, with no size difference to tell it for 2, 3 and 4.
    """
    from petloc_gui.core.shared_annotations import borrowed_annotations

    items = list(dataset.items)
    borrowed = borrowed_annotations(items)
    from petloc_gui.core.orphan_annotations import annotations_without_image

    check_decode = check_decode and check_images
    stats = DatasetStats(root=str(dataset.root), layout=str(dataset.layout), images_checked=check_images,
                         images_decoded=check_decode)
    stats.n_images = len(items)
    turned: list[str] | None = [] if find_exif_turned and check_images else None
    stats.exif_turned = turned
    splits: Counter[str] = Counter()
    read_size = image_size
    if headers is not None and check_images:
        headers.new_pass()
        read_size = headers.image_size
    first_files: dict[str, str] = {}  # label -> the first annotation file with a box of it
    # label -> its boxes a run uses (a label and a box of non-zero area: `core.scored_objects.usable_objects`)
    used: dict[str, int] = {}
    for done, item in enumerate(items, start=1):
        if getattr(item, "split", None):
            splits[str(item.split)] += 1
        size: tuple[int, int] | None = None
        if check_images:
            try:
                if turned is None:
                    size = read_size(item.image_path)
                else:
                    header = image_header(item.image_path)
                    size = (header.width, header.height)
                    if header.orientation != 1:
                        turned.append(named_inside(item.image_path, dataset.root))
                if check_decode:
                    load_image(item.image_path, max_size=DECODE_CHECK_SIZE)
            except (PetlocError, OSError, ValueError) as exc:
                stats.problems.append(Problem(UNREADABLE_IMAGE, str(item.image_path), _reason(exc)))
        if item.has_annotation and item.image_path not in borrowed:
            _add_annotation(stats, item, size, first_files, used)
            _add_meta(stats, item)
        else:
            stats.n_unannotated += 1
            if not item.has_annotation and folder_at_annotation(item.annotation_path_text):
                stats.problems.append(Problem(OTHER_PROBLEM, item.annotation_path_text, (
                    "annotation path is a folder: the image counts as without "
                    "annotation, and none can be saved or pre-labelled until the folder is moved or renamed")))
        if size is not None:
            stats.values["image_width"].append(float(size[0]))
            stats.values["image_height"].append(float(size[1]))
        if on_progress is not None:
            on_progress(done, len(items))
    stats.split_counts = dict(splits)
    # YOLO labels, in a format petloc does not read: Ultralytics' labels/ beside images/, then labelImg's YOLO
    # mode (a .txt beside each image) for the images not in the first, which `convert` reads from labels/
    in_split = yolo_labels_in_split(items, str(dataset.root))
    stats.problems.extend(Problem(YOLO_LABELS, found.folder, found.message()) for found in in_split)
    claimed = {image for found in in_split for image in found.images}
    separate = dataset.annotations_folder is not None
    stats.problems.extend(Problem(YOLO_LABELS, found.folder, found.message(separate)) for found in
                          yolo_labels_beside(item for item in items if item.image_path_text not in claimed))
    stats.problems.extend(_unfinished_exports(items, dataset.root, in_split))
    unread = dataset.unread()
    for path, fmt in unread:
        stats.not_read[fmt.name] = stats.not_read.get(fmt.name, 0) + 1
        stats.problems.append(Problem(UNSUPPORTED_IMAGE, str(path), fmt.reason))
    for message in getattr(dataset, "problems", None) or []:
        where, what = split_problem(message, dataset.root)  # the file it is about, and what
        stats.problems.append(Problem(INDEX_PROBLEM, where, what))
    # what its split lists lost, which only the splits line shows (`layout_split_lists.split_list_notes`)
    stats.problems.extend(Problem(INDEX_PROBLEM, where, what) for where, what in split_list_notes(dataset))
    _add_case_variants(stats, first_files)
    # over the boxes a run uses, as `petloc train` says them: a class on a box of no area alone (listed first
    # and passed over, or after the first) was "none an image's first: box images where it is the first object"
    stats.unused_predefined = [name for name in dict.fromkeys(predefined) if not used.get(name)]
    first, every = stats.first_object_class_counts, used
    stats.after_first = {name: every[name] for name in after_first_classes(first, every)}
    stats.predefined_after_first = predefined_after_first(predefined, first, every)
    untold: list[tuple[str, str]] = []
    for path in annotations_without_image(dataset, untold):
        stats.problems.append(Problem(NO_IMAGE, str(path), "annotation file with no image: no image of that "
                                      "name where this layout looks (renamed, moved or deleted?); its boxes "
                                      "are in no figure, training or export"))
    # A symbolic-link loop in an annotation folder, named once: the index (or an image's read) may have said it.
    named = {problem.path for problem in stats.problems}
    stats.problems.extend(Problem(INDEX_PROBLEM, path, what) for path, what in untold if path not in named)
    return stats


def predefined_after_first(predefined: Sequence[str], first: Mapping[str, int], every: Mapping[str, int]) -> list[str]:
    """The classes of ``predefined`` (the folder's predefined_classes.txt) on boxes (``every``: boxes per
    class) but never on an image's first (``first``: images per class of their first box), in file order:
    a run learns one box per image, the first (`model.data`), so no run trains them, though the boxes
    are there. `petloc train` names each (`after_first_text`); `unused_predefined` holds those on no box."""
    return [name for name in dict.fromkeys(predefined) if every.get(name) and not first.get(name)]


def after_first_classes(first: Mapping[str, int], every: Mapping[str, int]) -> list[str]:
    """Every class on boxes (``every``: boxes per class) but never on an image's first (``first``: images
    per class of their first box), in natural order: predefined or not, no run trains it, though its
    boxes are there (`after_first_text`). `petloc train` and `petloc stats` name each."""
    return [name for name in natural_order(every) if every[name] and not first.get(name)]


def _add_annotation(stats: DatasetStats, item: DatasetItem, size: tuple[int, int] | None,
                    first_files: dict[str, str], used: dict[str, int]) -> None:
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
        stats.problems.append(Problem(problem_kind(message), path, message))
    if not objects:
        # its <object>s, if any, are no boxes (each an object_without_box problem above)
        no_box = any(problem_kind(message) == OBJECT_WITHOUT_BOX for message in annotation.problems)
        stats.problems.append(Problem(NO_OBJECTS, path, "annotation has no object" + (
            " with a box: the image counts as one with no box" if no_box else "")))
        return
    if size is None and annotation.width > 0 and annotation.height > 0:
        size = (annotation.width, annotation.height)
        if not stats.images_checked:
            stats.values["image_width"].append(float(size[0]))
            stats.values["image_height"].append(float(size[1]))
    # An object without a label (a missing_label problem above) is no class: counted as one named "",
    # it made a nameless row of the class balance and skewed its shares. A run learns the first object with a
    # label and a box of non-zero area (`core.scored_objects.usable_objects`, as `petloc evaluate` scores
    # them; a label drawn as nothing, "\u200b", a missing_label problem above too, is none): the first-object
    # balance counts it (``objects[0]``, a box of no area listed before a good one, counted a class no run learns;
    # an image whose first such label was "\u200b" was left out, though the run learns its next box).
    names = [_class_name(obj.name) for obj in objects]
    learned = [obj.name for obj in usable_objects(objects)]
    if learned:
        stats.first_object_class_counts[learned[0]] = stats.first_object_class_counts.get(learned[0], 0) + 1
    for name in learned:
        used[name] = used.get(name, 0) + 1
    for name, obj in zip(names, objects, strict=True):
        stats.n_objects += 1
        if name:
            stats.class_counts[name] = stats.class_counts.get(name, 0) + 1
            first_files.setdefault(name, path)
        else:
            stats.n_unlabelled += 1
        _add_box(stats, obj.box, size)


def _class_name(name: str) -> str:
    """The class of an object labelled ``name``: "" for none, and for a label of nothing but characters drawn
    as nothing ("\u200b", a soft hyphen, U+3164: `core.scored_objects.labelled`, the rule a run takes its
    labels by), which `core.voc.read_voc` says as a missing_label problem, the label escaped (said here too, it
    was said twice). Counted as a class, it made a row of the balance that looked nameless."""
    return name if labelled(name) else ""


def _add_case_variants(stats: DatasetStats, first_files: dict[str, str]) -> None:
    """One problem per class typed two ways ("Bengal" and "bengal": `core.label_variants`), naming
    every spelling and its boxes; its file is the first with the rarest spelling, likely the slip."""
    for found in variant_groups(stats.class_counts):
        group = sorted(found, key=lambda name: -stats.class_counts[name])  # the most used spelling first
        rarest = group[-1]
        counts = {name: counted(stats.class_counts[name], "box", "boxes") for name in group}
        stats.problems.append(Problem(CASE_VARIANT_LABELS, first_files[rarest], (
            f"labels {variants_text(group, counts)} differ only in {differences([group])}: counted, and "
            f"trained, as {len(group)} classes; give them one name (the window's Edit → Classes…, Ctrl+L: "
            f"renaming one to the other merges them); this file has the first {shown_apart(rarest, group)} box")))


def _add_meta(stats: DatasetStats, item: DatasetItem) -> None:
    for key in META_KEYS:
        value = (getattr(item, "meta", None) or {}).get(key)
        if value is not None:
            counts = stats.meta_counts.setdefault(key, {})
            counts[str(value)] = counts.get(str(value), 0) + 1


def _add_box(stats: DatasetStats, box: Box, size: tuple[int, int] | None) -> None:
    box = box.sorted()
    stats.values["box_width"].append(box.width)
    stats.values["box_height"].append(box.height)
    if size is not None and size[0] > 0 and size[1] > 0:
        w, h = float(size[0]), float(size[1])
        stats.values["box_rel_area"].append(box.area / (w * h))
        stats.values["box_center_x"].append((box.xmin + box.xmax) / 2 / w)
        stats.values["box_center_y"].append((box.ymin + box.ymax) / 2 / h)


def _unfinished_exports(items: Sequence[DatasetItem], root: Path, in_split: Sequence[YoloSplitLabels]) -> list[Problem]:
    """One problem per folder holding petloc's own export that did not finish, the dataset folder or one inside
    it (`core.interop.unfinished`): its images count as without annotation, and where it has no label file
    (a YOLO export killed before its first, or a COCO one: its boxes are all in annotations.json, written
    last) nothing else said why. A folder the YOLO hint (``in_split``) names as one is left to it: said once."""
    from petloc_gui.core.interop.unfinished import unfinished_exports  # imports the converters: late

    # passed in, not filtered after: each mark read once (the hint has read those of every folder it names,
    # finished or not: a finished one has no mark to say)
    hinted = {os.path.normpath(found.folder) for found in in_split}
    return [Problem(UNFINISHED_EXPORT, str(folder), why)
            for folder, why in unfinished_exports((item.image_path_text for item in items), root, hinted)]


def named_inside(path: Path, root: Path) -> str:
    """``path`` as named inside the dataset folder ``root`` (its full path when not inside it): how `petloc stats`
    and `petloc train`'s refusals name a file."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _reason(exc: BaseException) -> str:
    # PetlocError's str() already starts with the path; the Problem has it too.
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
    return " ".join(str(reason).split())


def dataset_stats(path: str | Path, check_images: bool = True) -> DatasetStats:
    """Open the dataset folder at `path` and compute its statistics."""
    from petloc_gui.core.dataset import open_dataset

    return compute_stats(open_dataset(path), check_images=check_images)
