"""Which image of a folder stands for an image a model's meta.json records: the one rule of the window's check
(`held_out_here.held_out_standing`) and `petloc evaluate --split` (`recorded_images.find_recorded`). Each kept its own
copy of it, and two copies can drift: the window and the command would then say two different images were the model's
held-out one (no Qt, no TensorFlow). They did: the window took an image at its recorded path only with the recorded
bytes, the command whatever its bytes, so a validation photo re-saved in place (its metadata stripped) was "not here"
in the window and scored by the command, and with a backup of the original elsewhere the window read the backup's
boxes while the command scored the edited photo.

The rule, in two steps both call in turn: the image at a recorded path stands for that image whatever its bytes
(`at_their_paths`): edited in place it is still the photo the model held out, never trained on, and it is preferred
to a byte copy of the original elsewhere; those with other bytes than recorded are counted (``changed``), for both to
say. Then, for a recorded image not at its path, by its recorded bytes (`found_by_bytes`): an image at a path the
model records is that image, never another's copy; of the others, those of a recorded file name come first (a renamed
folder keeps its file names), then the folder's order (`natural_key`, as the index lists it), whatever order a caller
has them in; each image stands for one recorded image, so two recorded copies of one photo need two here, the recorded
paths taking them in the same order. (The command looks for a path in another case or Unicode form between the two.)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

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


@dataclass(frozen=True)
class AtTheirPaths(Generic[Image]):
    """`at_their_paths`' answer: the image at each recorded path found there (recorded path -> image), and those of
    the recorded paths whose image there has other bytes than meta.json records (in the order asked)."""

    standing: dict[str, Image] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)


def at_their_paths(wanted: Iterable[str], images_at: Mapping[str, Image], digests: Mapping[str, str],
                   sha256_of: Callable[[Image], str | None]) -> AtTheirPaths[Image]:
    """The rule's first step (see the module's note): each of ``wanted`` (recorded paths) with an image at it
    (``images_at``: recorded path -> the image there) stands for it, whatever its bytes; ``changed``: those with a
    recorded sha256 (``digests``) whose image's sha256 (``sha256_of``; None: unreadable, not known to differ; only
    those with a recorded sha256 are asked) is another."""
    answer: AtTheirPaths[Image] = AtTheirPaths()
    for relpath in dict.fromkeys(wanted):
        if relpath not in images_at:
            continue
        image = answer.standing[relpath] = images_at[relpath]
        if relpath in digests:
            now = sha256_of(image)
            if now is not None and now != digests[relpath]:
                answer.changed.append(relpath)
    return answer


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
