"""Which image of a folder stands for an image a model's meta.json records, found by its recorded bytes at another
path: the one rule of the window's check (`held_out_here.standing_for`) and `petloc evaluate --split`
(`cli.recorded_images.find_recorded`). Each kept its own copy of it, and two copies can drift: the window and the
command would then say two different images were the model's held-out one (no Qt, no TensorFlow).

The rule: an image at a path the model records is that image, never another's copy; of the others, those of a
recorded file name come first (a renamed folder keeps its file names), then the folder's order (`natural_key`, as
the index lists it), whatever order a caller has them in; each image stands for one recorded image, so two recorded
copies of one photo need two here, the recorded paths taking them in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

from petloc_gui.core.annotation_names import folded
from petloc_gui.core.natural_order import natural_key

Image = TypeVar("Image")


def recorded_paths(meta: Mapping[str, Any]) -> set[str]:
    """Every image path meta.json records (``images``, ``splits``): a folder's image at one of them is that
    image, never another taken for it by its bytes, case or Unicode form."""
    images = meta.get("images")
    paths = {str(path) for path in images} if isinstance(images, dict) else set()
    splits = meta.get("splits")
    for listed in (splits.values() if isinstance(splits, dict) else ()):
        if isinstance(listed, list):
            paths.update(str(path) for path in listed)
    return paths


def found_by_bytes(wanted: Mapping[str, str], candidates: Iterable[tuple[Image, str]],
                   sha256_of: Callable[[Image], str | None], recorded: Collection[str],
                   progress: Callable[[int, int], None] | None = None) -> list[tuple[str, Image]]:
    """(recorded path, image) for each of ``wanted`` (recorded path -> its recorded sha256) found among
    ``candidates`` ((image, its path relative to the dataset root) not already taken for a recorded image), by the
    sha256 ``sha256_of`` gives (None: unreadable), in the module's order; those at a path of ``recorded``
    (`recorded_paths`) are left alone. Each image is hashed at most once, and none after every one is found;
    ``progress`` is told (images hashed, images to look at) after each."""
    by_digest: dict[str, list[str]] = {}
    for relpath in sorted(wanted, key=lambda relpath: (natural_key(relpath), relpath)):
        by_digest.setdefault(wanted[relpath], []).append(relpath)
    names = {_file_name(relpath) for relpath in wanted}
    free = sorted(((image, relpath) for image, relpath in candidates if relpath not in recorded),
                  key=lambda each: (_file_name(each[1]) not in names, natural_key(each[1]), each[1]))
    found: list[tuple[str, Image]] = []
    for done, (image, _) in enumerate(free, 1):
        if not by_digest:
            break
        digest = sha256_of(image)
        if digest is not None and digest in by_digest:
            olds = by_digest[digest]
            found.append((olds.pop(0), image))  # copies recorded under two paths: each takes one image
            if not olds:
                del by_digest[digest]
        if progress is not None:
            progress(done, len(free))
    return found


def _file_name(relpath: str) -> str:
    """``relpath``'s file name as names are compared (`folded`: case and Unicode form ignored)."""
    return folded(relpath.rpartition("/")[2])
