"""COCO detection JSON: export a petloc dataset, read a COCO file back as records.

Export layout::

    OUT/annotations.json  images, annotations, categories (ids from 1)
    OUT/images/<name>     the images (hard links or copies, bytes unchanged; a PNG or
                          WebP with an EXIF orientation written upright, `upright`)

annotations.json is written last, when every image is there: an export killed
part way leaves none, and a mark that says it did not finish (`unfinished`).

``images[].file_name`` is relative to ``OUT/images``; ``width``/``height``
and every ``bbox`` (``[x, y, w, h]`` in pixels) are of the image *as a person
sees it* (EXIF orientation applied). Every image is listed, annotated or
not: COCO cannot tell "checked, nothing there" from "not annotated yet" (both
are an image without annotations), so reading one back writes no VOC file
for it. Problems in a COCO file are named by file and entry
(``annotations[12] (id 40)``): JSON has no meaningful lines.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

from petloc_gui.core.annotation_image import drive_of
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.dataset import Dataset
from petloc_gui.core.errors import DatasetError, ImageLoadError, SaveError
from petloc_gui.core.file_name_text import file_name_text, name_is_utf8, os_file_name
from petloc_gui.core.images import image_size
from petloc_gui.core.interop import unfinished
from petloc_gui.core.interop.coco_annotations import EntryNotes, read_annotation
from petloc_gui.core.interop.coco_duplicates import ImageEntry, merge_same_images, name_parts
from petloc_gui.core.interop.files import LINK, prepare_output, remove_stale_temporaries
from petloc_gui.core.interop.options import ANNOTATED_ONLY, FROM_COCO
from petloc_gui.core.interop.records import (
    ConversionReport,
    ImageRecord,
    Progress,
    class_names,
    first_half,
    read_dataset_records,
    relative_name,
    second_half,
)
from petloc_gui.core.interop.target_errors import stop_if_target_unwritable
from petloc_gui.core.interop.upright import Orientations
from petloc_gui.core.interop.variant_classes import warn_of_variant_classes
from petloc_gui.core.interop.written import Written
from petloc_gui.core.regular_file import FileTooLargeError, not_regular_kind, read_regular_file
from petloc_gui.core.text import counted

ANNOTATIONS_FILE = "annotations.json"
EXPORTED_BY = "exported by petloc"  # info.description's first words: an earlier export's (`unfinished`)
MAX_JSON_BYTES = 2 * 1024 * 1024 * 1024
_DECIMALS = 3


# --------------------------------------------------------------------------- export

def coco_document(records: list[ImageRecord]) -> dict[str, Any]:
    """The COCO dict of ``records`` (image and annotation ids in record order, from 1)."""
    names = class_names(records)
    category_ids = {name: index for index, name in enumerate(names, start=1)}
    images: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for image_id, record in enumerate(records, start=1):
        images.append({"id": image_id, "file_name": file_name_text(record.relative),
                       "width": record.width, "height": record.height})
        for obj in record.objects if record.annotated else ():
            x, y = round(obj.box.xmin, _DECIMALS), round(obj.box.ymin, _DECIMALS)
            w, h = round(obj.box.width, _DECIMALS), round(obj.box.height, _DECIMALS)
            annotations.append({"id": len(annotations) + 1, "image_id": image_id,
                                "category_id": category_ids[obj.label], "bbox": [x, y, w, h],
                                "area": round(w * h, _DECIMALS), "iscrowd": 0,
                                "segmentation": []})
    return {
        "info": {"description": f"{EXPORTED_BY}; boxes in pixels of the image as displayed "
                                "(EXIF orientation applied)", "version": "1.0"},
        "licenses": [],
        "images": images,
        "annotations": annotations,
        "categories": [{"id": cid, "name": name, "supercategory": "none"}
                       for name, cid in category_ids.items()],
    }


def export_coco(dataset: Dataset, out: str | os.PathLike[str], *, images: str = LINK,
                overwrite: bool = False, annotated_only: bool = False, skip_difficult: bool = False,
                report: ConversionReport | None = None, progress: Progress | None = None,
                written: Written | None = None) -> ConversionReport:
    """Write ``dataset`` as ``out/annotations.json`` + ``out/images/``. Each file and folder it creates in
    ``out`` is recorded in ``written`` (`unfinished.OutputBefore.written`, which takes it back; none
    given: not recorded).

    Boxes marked difficult are exported as ordinary boxes unless ``skip_difficult``
    (a warning counts them). Raises SaveError when ``out`` cannot be used (not
    empty without ``overwrite``).
    """
    report = report if report is not None else ConversionReport()
    written = written if written is not None else Written()  # none given: nobody takes it back
    out = prepare_output(out, overwrite=overwrite, dataset=dataset, manifest=ANNOTATIONS_FILE, fmt="coco",
                         words=report.words, written=written)
    total = len(dataset.items)
    placed: list[ImageRecord] = []
    for record in read_dataset_records(dataset, report, first_half(progress, total),
                                       skip_difficult=skip_difficult):
        if annotated_only and not record.annotated:
            continue
        placed.append(record)
    targets = [out / ANNOTATIONS_FILE, *(out / "images" / record.relative for record in placed)]
    # annotations.json goes last, when every image is there: killed before, OUT has none (`unfinished`).
    # An earlier one can always be put back on a stop: no image it names is replaced (files.place_image).
    was_unfinished = unfinished.interrupted(out)
    unfinished.begin(out, (ANNOTATIONS_FILE,), (target.parent for target in targets), fmt="coco",
                     keeps=lambda _earlier: True)
    remove_stale_temporaries(targets)
    kept = []
    orientations = Orientations()
    for done, record in enumerate(placed, start=1):
        try:
            _check_nameable(record)
            target = out / "images" / record.relative
            written.folders_for(target)
            written.placing(target, functools.partial(orientations.place, record, target, record.relative, images))
            kept.append(record)
        except SaveError as exc:
            stop_if_target_unwritable(exc)  # a full disk is no image's problem: the export fails
            report.problem(exc.path or record.image_path, f"{exc.reason}; image left out")
            report.skipped_images += 1
        second_half(progress, done, len(placed))
    if not kept:  # no image: an annotations.json of none would stand in for an earlier export's
        unfinished.nothing_written(out, was_unfinished, report.warning)
        return report
    document = coco_document(kept)
    # an earlier export's is aside (`unfinished.begin`); the user's own there is kept, to be put back on a stop
    written.wrote(out / ANNOTATIONS_FILE, lambda: atomic_write_bytes(
        out / ANNOTATIONS_FILE, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")))
    unfinished.finish(out)
    report.images += len(kept)
    report.annotated += sum(1 for record in kept if record.annotated)
    report.prelabels += sum(1 for record in kept if record.annotated and record.prelabel)
    report.objects += len(document["annotations"])
    _warn_about_images_without_boxes(out, kept, report)
    warn_of_variant_classes(kept, report, f"{ANNOTATIONS_FILE} (one category each)")
    orientations.warn(out / "images", report)
    return report


def _warn_about_images_without_boxes(out: Path, kept: list[ImageRecord], report: ConversionReport) -> None:
    """Say how many images went out with no annotations, and what COCO makes of each kind."""
    unannotated = sum(1 for record in kept if not record.annotated)
    checked = sum(1 for record in kept if record.annotated and not record.objects)
    if unannotated:
        were = "was" if unannotated == 1 else "were"
        report.warning(out / ANNOTATIONS_FILE, f"{counted(unannotated, 'image')} without an annotation {were} "
                       "listed with no annotations; detectron2 and MMDetection drop such images by default, "
                       "other trainers train on them as background (no objects). "
                       f"{report.words.remedy(ANNOTATED_ONLY, capital=True)} to leave them out")
    if checked:
        are = "is" if checked == 1 else "are"
        report.warning(out / ANNOTATIONS_FILE, f"{counted(checked, 'image')} annotated as \"checked, nothing "
                       f"there\" {are} listed with no annotations, which COCO cannot tell from \"not annotated "
                       f"yet\": read back ({report.words.name(FROM_COCO)}), they get no VOC file")


def _check_nameable(record: ImageRecord) -> None:
    """Raise SaveError when ``file_name`` (JSON text) cannot name the image's file.

    A name that is not valid UTF-8 reaches Python with its bytes as lone
    surrogates; JSON text cannot hold them, and any replacement would name
    a file that is not there.
    """
    if not name_is_utf8(record.relative):  # its bytes: under a Latin-1 or ASCII locale the text is no guide
        raise SaveError("file name is not valid UTF-8, so a COCO file_name cannot name it; "
                        "rename the file", record.image_path)


# --------------------------------------------------------------------------- import

def find_coco_file(src: Path) -> Path:
    """``src`` itself, or the one COCO JSON file in the folder ``src``; DatasetError when there is none, or
    when that folder holds an export that did not finish (`unfinished.not_readable`)."""
    folder = src if src.is_dir() else src.parent if src.is_file() else None
    # its images are part of the dataset exported; a .json found there is no manifest of them
    unfinished_export = unfinished.not_readable(folder) if folder is not None else None
    if unfinished_export is not None:
        raise DatasetError(unfinished_export, folder)
    if src.is_file():
        return src
    if not src.is_dir():
        kind = not_regular_kind(src)  # a named pipe is no file to `is_file`: not "no such file" of it
        if kind is not None:
            raise DatasetError(f"not a regular file ({kind}): give the COCO .json file or its folder", src)
        raise DatasetError("no such file or folder", src)
    preferred = src / ANNOTATIONS_FILE
    if preferred.is_file():
        return preferred
    candidates = sorted(p for p in list(src.glob("*.json")) + list(src.glob("annotations/*.json")))
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise DatasetError("no COCO .json file found in this folder", src)
    raise DatasetError("several .json files; give the COCO file itself: "
                       + ", ".join(p.name for p in candidates[:5]), src)


def _load(path: Path) -> dict[str, Any]:
    try:
        # a named pipe found in the folder (or swapped in since) is refused, not waited on
        document = json.loads(read_regular_file(path, MAX_JSON_BYTES))
    except FileTooLargeError:
        raise DatasetError("file is larger than 2 GB; not read", path) from None
    except OSError as exc:
        raise DatasetError(f"cannot read: {exc.strerror or exc}", path) from exc
    except (ValueError, RecursionError) as exc:
        raise DatasetError(f"not valid JSON: {exc}", path) from exc
    if not isinstance(document, dict) or not isinstance(document.get("images"), list):
        raise DatasetError("not a COCO file: no `images` list", path)
    return document


def _image_folders(json_path: Path, images_dir: Path | None) -> list[Path]:
    if images_dir is not None:
        return [images_dir]
    base = json_path.parent
    return [base / "images", base, base.parent / "images", base.parent]


def _on_a_drive(part: str) -> bool:
    """Whether a part of a file name names a drive ("C:secret.jpg", "C:") where names have drives (Windows,
    `core.annotation_image.drive_of`): joined to an image folder there, it restarts the path on that drive
    (``D:/coco/images`` / ``C:secret.jpg`` is ``C:secret.jpg``), outside every image folder. Elsewhere
    ``d:1.jpg`` is a file's name like any other, looked for inside the image folders."""
    return bool(drive_of(part))


def _outside(file_name: str) -> str | None:
    """How ``file_name`` points outside the image folders ('..', or a base name on a drive), or None."""
    parts = name_parts(file_name)
    if ".." in parts:
        return "climbs out of the image folders ('..')"
    if parts and _on_a_drive(parts[-1]):
        return f"names a file on drive {drive_of(parts[-1])!r}, outside the image folders"
    return None


def _locate(file_name: str, folders: list[Path]) -> tuple[Path, bool] | None:
    """The image file an entry names, and whether only its base name found it; None if none does."""
    # Only relative names inside the candidate folders: a hostile file must
    # not make us read arbitrary paths.
    parts = name_parts(file_name)
    if not parts or _outside(file_name) is not None:
        return None
    # A part on a drive (the "C:" of C:\data\x.jpg) would restart the path there on Windows: base name only then.
    whole_name_inside = not any(map(_on_a_drive, parts))
    for folder in folders if whole_name_inside else ():
        candidate = folder.joinpath(*parts)
        inside = Path(os.path.normpath(candidate)).is_relative_to(os.path.normpath(folder))
        if inside and candidate.is_file():
            return candidate, False
    # Tools such as Label Studio write server paths (/data/upload/1/x.jpg, C:\data\x.jpg):
    # the base name in the image folders is the best remaining guess.
    for folder in folders if len(parts) > 1 else ():
        candidate = folder / parts[-1]
        if candidate.is_file():
            return candidate, True
    return None


def read_coco(src: str | os.PathLike[str], report: ConversionReport,
              images_dir: str | os.PathLike[str] | None = None,
              progress: Progress | None = None) -> list[ImageRecord]:
    """The images of a COCO file as records; each bad entry is reported and left out.

    Images are looked for in ``images_dir``, else ``images/`` beside the JSON
    file, the JSON's folder, and ``../images``. Entries that are one image
    file become one record (coco_duplicates). Raises DatasetError when
    ``src`` is not a readable COCO file.
    """
    path = find_coco_file(Path(src))
    document = _load(path)
    categories = _categories(document, path, report)
    folders = _image_folders(path, Path(images_dir) if images_dir is not None else None)
    records: dict[Any, ImageRecord | None] = {}
    found: dict[Path, list[ImageEntry]] = {}  # per image file, the entries that found it
    entries = document["images"]
    read_entries = first_half(progress, len(entries))  # then the annotations: `second_half`
    for index, entry in enumerate(entries):
        _read_image(entry, (path, index), folders, records, found, report)
        if read_entries is not None:
            read_entries(index + 1, len(entries))
    annotations = document.get("annotations") or []
    if not isinstance(annotations, list):
        raise DatasetError("`annotations` is not a list", path)
    notes = EntryNotes()
    for index, entry in enumerate(annotations):
        obj, record = read_annotation(entry, (path, index), categories, records, report, notes)
        if obj is not None and record is not None:
            record.objects.append(obj)
            record.annotated = True
        elif obj is None:
            report.skipped_objects += 1
        second_half(progress, index + 1, len(annotations))
    notes.report_to(report, path)
    return merge_same_images(records, found, report)


def _categories(document: dict, path: Path, report: ConversionReport) -> dict[Any, str]:
    categories: dict[Any, str] = {}
    for index, entry in enumerate(document.get("categories") or []):
        if (isinstance(entry, dict) and isinstance(entry.get("id"), (int, str))
                and str(entry.get("name", "")).strip()):
            name = str(entry["name"]).strip()
            first = categories.setdefault(entry["id"], name)  # the first keeps the id
            if first != name:
                report.problem(f"{path}: categories[{index}]", f"category id {entry['id']!r} is "
                               f"used twice ({first!r}, then {name!r}); its boxes are read as "
                               f"{first!r}, this entry is ignored")
        else:
            report.problem(f"{path}: categories[{index}]", "needs an `id` and a `name`; ignored")
    return categories


def _read_image(entry: Any, position: tuple[Path, int], folders: list[Path], records: dict[Any, ImageRecord | None],
                found: dict[Path, list[ImageEntry]], report: ConversionReport) -> None:
    where = f"{position[0]}: images[{position[1]}]"
    if (not isinstance(entry, dict) or not isinstance(entry.get("id"), (int, str))
            or not isinstance(entry.get("file_name"), str)):
        report.problem(where, "needs an `id` and a `file_name`; image left out")
        report.skipped_images += 1
        return
    image_id = entry["id"]
    if image_id in records:
        report.problem(where, f"image id {image_id} is used twice; the second is left out")
        report.skipped_images += 1
        return
    records[image_id] = None  # its annotations are left out unless it reads below
    outside = _outside(entry["file_name"])
    if outside is not None:
        report.problem(where, f"image {entry['file_name']!r} {outside}; "
                       "not read, so a hostile file cannot point anywhere on disk; not converted")
        report.skipped_images += 1
        return
    # the UTF-8 text as the name Python holds for that file: under a Latin-1 locale they differ
    located = _locate(os_file_name(entry["file_name"]), folders)
    if located is None:
        report.problem(where, f"image {entry['file_name']!r} not found (looked in "
                       f"{', '.join(str(f) for f in folders)}); not converted")
        report.skipped_images += 1
        return
    image, by_base_name = located
    try:
        width, height = image_size(image)
    except ImageLoadError as exc:
        report.problem(where, f"image {image}: {exc.reason}; not converted")
        report.skipped_images += 1
        return
    try:
        stated = (_stated_side(entry.get("width")), _stated_side(entry.get("height")))
    except ValueError:
        report.problem(where, f"width and height must be whole numbers, got "
                       f"{entry.get('width')!r} and {entry.get('height')!r}; image not converted")
        report.skipped_images += 1
        return
    if stated != (None, None) and stated != (width, height):
        hint = (" (swapped: the boxes were probably drawn without the photo's EXIF rotation)"
                if stated == (height, width) else "")
        report.problem(where, f"says {stated[0]}x{stated[1]} but {image.name} is {width}x{height} "
                       f"as displayed{hint}; its boxes cannot be trusted, image not converted")
        report.skipped_images += 1
        return
    found.setdefault(image, []).append(ImageEntry(image_id, *position, entry["file_name"], by_base_name))
    root = next(folder for folder in folders if image.is_relative_to(folder))
    records[image_id] = ImageRecord(image, relative_name(image, root), width, height,
                                    annotated=False)


def _stated_side(value: Any) -> int | None:
    """A stated ``width``/``height`` as an int (None when absent); ValueError if not a whole number.

    A numeric string ("75") is taken as its number: some tools write sizes as
    strings, and the check against the image is what matters.
    """
    if value is None:
        return None
    number = float(value) if isinstance(value, str) else value
    # An int is whole as it is: only a float is checked (is_integer() is False
    # for inf and nan), since a huge int ("width": 10**400) overflows a float.
    if (isinstance(number, bool) or not isinstance(number, (int, float))
            or (isinstance(number, float) and not number.is_integer())):
        raise ValueError(value)
    return int(number)

