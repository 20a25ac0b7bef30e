"""Putting files into a conversion's output folder without losing anything.

Images are hard-linked (no extra disk space; falls back to a copy where the
file system cannot link) or copied, a symlinked image as the file it points
at; an existing different file is never
replaced. A copy is made under a hidden temporary name and gets its final
name only when complete, so a killed export leaves no truncated image.
A new VOC file that must not replace an existing one is written completely
under a temporary name and hard-linked to its final name, which fails if
that name appeared meanwhile (the pattern of ``petloc predict --write-voc``).
A temporary is named before it is made and removed however its write is
left (a Ctrl+C included): one left in a user's folder stayed there. It has a
run's form (``.NAME.XXXXXXXX.PID.petloc-new``: `core.atomic.new_temporary`),
which core.stale sweeps: one a killed run (SIGKILL, a power cut) left must not
stay forever.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from petloc_gui.core.atomic import new_file_mode, new_temporary, remove_temporary, run_temporary_suffix
from petloc_gui.core.dataset import VOC_DEVKIT, Dataset
from petloc_gui.core.disk_same import part_below, same_folder
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop.options import CLI_WORDS, OVERWRITE, OptionWords
from petloc_gui.core.interop.unfinished import earlier_format, interrupted
from petloc_gui.core.interop.written import Written, naming, run_placed
from petloc_gui.core.stale import remove_stale_in

LINK = "link"
COPY = "copy"
IMAGE_MODES = (LINK, COPY)

# EINVAL: what CPython makes of Windows' "not supported" for a hard link on FAT32/exFAT or some shares
_NO_LINK_ERRNOS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK,
                   errno.EACCES, errno.EINVAL)


def check_outside_dataset(out: str | os.PathLike[str], dataset: Dataset) -> None:
    """Refuse (SaveError) an export folder that would be read as part of ``dataset``.

    An export inside the dataset becomes part of it, and the next export
    copies it again into itself (``out/images/out/images/...``). A sidecar
    dataset is read recursively, so all of its folder is refused; an Oxford,
    VOC devkit or images + Annotations (Label Studio) dataset only from its own
    folders, so an export beside them (``pets/exports/yolo``) is fine and only
    those and the root are refused.
    """
    out = Path(out)
    real_out, root = Path(os.path.realpath(out)), Path(os.path.realpath(dataset.root))
    folders = [root / name for name in _folders_read(dataset)]
    # the root by any spelling the disk holds as it: macOS' realpath keeps the one typed, and SIDE/yolo of a
    # dataset in side/ was let in, to be counted as new images the next time the dataset was read
    below = part_below(real_out, root)
    if below == Path(".") or (not folders and below is not None):
        # One sentence after the "OUT: " SaveError puts first (the CLI and the window show str()):
        # a second colon in it read as another "FILE: message" prefix.
        where = ("is the folder of the dataset being exported" if below == Path(".")
                 else f"is inside the dataset being exported ({dataset.root})")
        raise SaveError(f"{where}, so the export would become part of the dataset; choose a folder "
                        "outside it", out)
    # the folder under the root the export goes into: one the dataset is read from as spelled on disk (a labelImg
    # annotations/ beside images/ is read on Linux too), or that same folder by another spelling on a
    # case-insensitive macOS or Windows disk ("annotations/out" of an Annotations/ dataset passed the check)
    first = below.parts[0] if below is not None and below.parts else None
    for folder in folders:
        if first is not None and (first == folder.name or same_folder(root / first, folder)):
            raise SaveError(f"is inside {first}/ of the dataset being exported ({dataset.root}), "
                            "a folder the dataset is read from; choose a folder outside it", out)


def _folders_read(dataset: Dataset) -> list[str]:
    """The folders under its root a dataset that keeps images and annotations apart is read from, as spelled on
    disk (`Dataset.folder_names`): nothing else in its root is (Oxford's list files are in annotations/, a
    devkit's split lists in ImageSets/); none for a sidecar dataset (all of its folder is)."""
    if dataset.annotations_folder is None:
        return []
    tops = [folder.relative_to(dataset.root).parts[0] for folder in (dataset.images_folder, dataset.annotations_folder)]
    return tops + (["ImageSets"] if dataset.layout == VOC_DEVKIT else [])


def prepare_output(out: str | os.PathLike[str], *, overwrite: bool, dataset: Dataset,
                   manifest: str = "its last file", fmt: str = "",
                   words: OptionWords = CLI_WORDS, written: Written | None = None) -> Path:
    """Create ``out``; refuse a non-empty one unless ``overwrite`` (export side; ``words`` name that
    option in the refusal), saying so when it holds an export that did not finish (`unfinished`;
    ``manifest``: the file an export of ``fmt``, the format asked for, writes last). The format and
    manifest the unfinished export's mark names are quoted when they are another's. The folders it
    creates are recorded in ``written`` (`Written.make_output`).

    ``out`` must not be read as part of ``dataset`` (`check_outside_dataset`).
    """
    out = Path(out)
    check_outside_dataset(out, dataset)
    if out.exists() and not out.is_dir():
        raise SaveError("exists and is not a folder", out)
    if out.is_dir() and interrupted(out) and not overwrite:
        earlier, earlier_manifest = earlier_format(out) or (fmt, manifest)
        if fmt and earlier != fmt:
            # Written over by this export, its images and label files would stay beside this one.
            raise SaveError(f"holds a {earlier.upper()} export that did not finish: one into this folder was "
                            f"stopped before it wrote {earlier_manifest} (or is running now). Export "
                            f"{earlier.upper()} into it again ({words.remedy(OVERWRITE)}) to finish it, or "
                            f"choose another folder for this {fmt.upper()} export, or delete the folder", out)
        raise SaveError(f"holds an export that did not finish: one into this folder was stopped before it wrote "
                        f"{manifest} (or is running now). {words.remedy(OVERWRITE, capital=True)} to finish it "
                        "(the export is written again over its files), or delete the folder", out)
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise SaveError(f"folder is not empty; choose a new or empty folder, or {words.remedy(OVERWRITE)} "
                        "to replace the files the export writes", out)
    try:
        (written if written is not None else Written()).make_output(out)
    except OSError as exc:
        raise SaveError(f"cannot create the folder: {exc.strerror or exc}", out) from exc
    return out


def remove_stale_temporaries(targets: Iterable[Path]) -> None:
    """Remove petloc's day-old temporaries (core.stale) from the folders ``targets`` go in.

    A conversion killed half-way leaves its partial copy or label file under
    a hidden temporary name; nothing else would ever remove it from an
    output folder, so the next conversion into the same folders does.
    """
    remove_stale_in({target.parent for target in targets})


def place_image(source: Path, target: Path, mode: str) -> str:
    """Put ``source`` at ``target``: "linked", "copied" or "present" (same file/content).

    Raises SaveError when a different file is already there (never replaced).
    """
    if mode not in IMAGE_MODES:
        raise ValueError(f"unknown image mode {mode!r}")
    # The file a symlink points at, not the link: link(2) (os.link on Linux) links the symlink
    # itself, and its copy in OUT points at nothing when relative, or at an image left out.
    linked_from, source = source, Path(os.path.realpath(source))
    if linked_from.is_symlink() and not source.exists():
        raise SaveError(f"image {linked_from} is a symbolic link to {source}, which does not exist; "
                        "nothing placed", target)
    if target.exists() or target.is_symlink():
        if _same(source, target):
            return "present"
        raise SaveError(f"a different file already exists here (image {linked_from} not placed; "
                        "nothing replaced)", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == LINK:
            try:
                naming(target, source)  # the link shares its inode: told before, for a stop landing after it
                os.link(source, target)
                return "linked"
            except FileExistsError:
                raise
            except OSError as exc:
                if exc.errno not in _NO_LINK_ERRNOS:
                    raise
        _copy_exclusive(source, target)
        return "copied"
    except FileExistsError as exc:
        raise SaveError("a file appeared here meanwhile; nothing replaced", target) from exc
    except OSError as exc:
        raise SaveError(f"cannot place image {linked_from}: {exc.strerror or exc}", target) from exc


def place_data(data: bytes, target: Path, holds_it: Callable[[Path], bool]) -> str:
    """Put ``data`` at ``target`` as a new file: "copied", or "present" when the file there
    ``holds_it`` (an earlier export's). Raises SaveError when a different file is there (never
    replaced). Written under a temporary name first, as `place_image` copies."""
    if target.exists() or target.is_symlink():
        if holds_it(target):
            return "present"
        raise SaveError("a different file already exists here (nothing replaced)", target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with new_temporary(target, run_temporary_suffix()) as (tmp, out):
            out.write(data)
            out.close()
            with contextlib.suppress(OSError):
                os.chmod(tmp, new_file_mode())  # not 0600: trainers may run as another user
            _name_exclusive(tmp, target)
    except FileExistsError as exc:
        raise SaveError("a file appeared here meanwhile; nothing replaced", target) from exc
    except OSError as exc:
        raise SaveError(f"cannot write: {exc.strerror or exc}", target) from exc
    return "copied"


def _same(source: Path, target: Path) -> bool:
    try:
        return os.path.samefile(source, target) or filecmp.cmp(source, target, shallow=False)
    except OSError:
        return False


def unplace_image(target: Path, placed: str | None) -> None:
    """Take back what `place_image` put at ``target`` (its annotation or label could not be
    written: an image left without one would read as unannotated, or train as background); an
    image that was already there ("present": the user's own) stays."""
    if run_placed(placed):
        with contextlib.suppress(OSError):
            target.unlink()


def _copy_exclusive(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` unless ``target`` exists (FileExistsError).

    The copy is made under a hidden temporary name in the target's folder and
    only complete gets its final name: a copy killed half-way must not leave
    a truncated image that a rerun then refuses to replace as "different".
    """
    with new_temporary(target, run_temporary_suffix()) as (tmp, out):
        with open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
        out.close()
        # The temporary is made 0600, which a web server or trainer running as
        # another user cannot read: a new file's usual mode first, then the
        # source's, as a hard link would share it. Either may fail on file
        # systems without permission bits.
        with contextlib.suppress(OSError):
            os.chmod(tmp, new_file_mode())
        with contextlib.suppress(OSError):
            shutil.copymode(source, tmp)
        _name_exclusive(tmp, target)
        # The source's times only once named: a temporary with a photo's old time looked a
        # day-old leftover to the sweep of another export into the same folder (and went).
        with contextlib.suppress(OSError):
            shutil.copystat(source, target)


def _name_exclusive(complete: Path, target: Path) -> None:
    """Give the finished file ``complete`` the name ``target`` unless that exists. Which file it names is said
    first (`written.naming`), so that a stop landing once it is named takes back that file, and only that."""
    naming(target, complete)
    try:
        os.link(complete, target)  # atomic, and never replaces
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINK_ERRNOS:
            raise
    # No hard links on this file system: claim the name exclusively, then move
    # the complete file over our own empty claim (os.replace would replace
    # anything; only the claim makes it exclusive).
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError:
        raise  # nothing made (FileExistsError: another's file there)
    except BaseException:
        # A stop landing as the claim was made (raised as the call returned): exclusive, a file there now is the
        # claim, the run's; unsaid, it stayed under the image's name (a rerun's "a different file") and kept OUT.
        naming(target, target)
        raise
    try:
        naming(target, fd)  # the claim is the run's too, until the copy replaces it
        claim = os.fstat(fd)
    finally:
        os.close(fd)
    try:
        os.replace(complete, target)
    except OSError:
        # An empty file left under the image's name would be "a different file"
        # to every rerun. Only our own claim is removed, never what replaced it.
        with contextlib.suppress(OSError):
            now = os.stat(target)
            if (now.st_dev, now.st_ino, now.st_size) == (claim.st_dev, claim.st_ino, 0):
                os.unlink(target)
        raise


def temporary_beside(target: Path) -> Path:
    """The name a file is written under before it takes ``target``'s: hidden, in the same folder,
    in core.stale's form (swept when a killed run leaves it), and short whatever ``target``'s
    length (a 245-byte image name made it too long for the file system). A stopped run knows it as its own by
    that form (`core.atomic.own_temporary`)."""
    return target.with_name(f".{target.name[:32]}{run_temporary_suffix()}")


def write_derived(path: Path, data: bytes) -> None:
    """Replace ``path`` atomically (temporary file + rename) without an fsync per file.

    For the many small files of an export (YOLO labels): a reader sees the old
    file or the new one, never half; they are derived copies, re-made by
    running the export again, and an fsync each makes 10,000 of them take
    minutes instead of seconds. Annotations (VOC) always go through
    ``core.voc.write_voc``, which fsyncs.
    """
    tmp = temporary_beside(path)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        naming(path, tmp)  # for `Written.wrote(..., tells_identity=True)`: a stop after the rename is the run's file
        os.replace(tmp, path)
    except BaseException as exc:
        # a Ctrl+C too: the temporary stayed in the user's folder, which no later run swept
        remove_temporary(tmp)
        if isinstance(exc, OSError):
            raise SaveError(f"cannot write: {exc.strerror or exc}", path) from exc
        raise


def link_exclusive(staging: Path, target: Path) -> bool:
    """Give ``staging``'s content the name ``target`` unless ``target`` exists (the file it names said first:
    `written.naming`)."""
    try:
        naming(target, staging)
        os.link(staging, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINK_ERRNOS:
            raise SaveError(f"cannot write: {exc.strerror or exc}", target) from exc
    try:
        _copy_exclusive(staging, target)
    except FileExistsError:
        return False
    except OSError as exc:
        raise SaveError(f"cannot write: {exc.strerror or exc}", target) from exc
    return True
