"""The mark of an export that has not finished, so that a killed one never looks complete.

A trainer reads an export through its manifest (YOLO's data.yaml and
classes.txt, COCO's annotations.json) and trusts it to stand for every image.
So an export writes its manifest last, after every image and label file, and
for as long as it runs OUT holds `MARK`: a run killed outright (SIGKILL, a
power cut: no chance to clean up) leaves images and labels with no manifest
and the mark, which the next export into OUT recognises (`interrupted`).
An export with ``--overwrite`` first moves the manifest an earlier petloc export left (all of
it, written by petloc: `holds_manifest`) aside (`EARLIER`, a hidden folder in OUT), so that half of the new
label files are never read with the old ``names``; a user's own (an Ultralytics project's data.yaml, a
labelImg classes.txt, another tool's annotations.json) stays where it is, as their other files do. A run
stopped or failing part way takes back the files it wrote and puts back those it replaced, and then the
earlier manifest (`put_back`): OUT is the earlier export again, as it was. Kept aside, it stays true of OUT
until the run writes a label file its classes read wrong (YOLO: other classes, `outdate_earlier_unless`): a run
killed after that (no take-back) leaves it marked outdated, and the next export removes it; one stopped whose
files cannot all be taken back leaves it aside too, and OUT holds an export that did not finish until one is
run again into it. One that finishes removes the mark, then the manifest aside (`finish`). An export that wrote no
image writes no manifest (one of no image would stand in for the earlier export's) and leaves OUT as it was
(`nothing_written`). What a run stopped or failing part way takes back, and what it says it did, is
`output_before.OutputBefore`'s, for the CLI and the window alike: into a new or empty OUT nothing of it is left
behind, and from an OUT that held files a conversion to VOC, or an export that has no earlier export to put back,
removes exactly the files it wrote (`written.Written`).

The mark also names the format being written and its manifest, so that an
export of another format into the same folder says what is really there.

The mark names the process and machine that wrote it: a rerun on the same
machine, once that process has ended, removes the copies it was making
(``.NAME.PID.petloc-new``), which the day-old sweep (core.stale) would keep a day.

A conversion to VOC (`petloc convert --from`) writes the same mark while it runs, naming `VOC` and no
manifest (`unfinished_conversion`), so that a second run into its OUT is refused: started a moment later
into the same new OUT, it found the first run's images "present" and its VOC files "existing", and the
first, stopped, took them back while the second said it had converted them. That mark marks no export:
each file a conversion writes is whole, so the folder reads as it is (`interrupted`, `not_readable`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.interop.taken_back import TakenBack as TakenBack
from petloc_gui.core.interop.written import Written
from petloc_gui.core.regular_file import read_regular_head
from petloc_gui.core.stale import process_has_ended, remove_left_by_ended_runs

if TYPE_CHECKING:
    from petloc_gui.core.interop.output_before import OutputBefore as OutputBefore

MARK = ".petloc-export-unfinished"
VOC = "voc"  # the format a conversion to VOC names in its mark, with no manifest (`NO_MANIFEST`)
NO_MANIFEST = "-"
EARLIER = ".petloc-earlier-manifest"  # the earlier export's manifest, while one that may put it back runs
# in EARLIER: the manifest there no longer reads OUT's label files right (a run killed left it so)
OUTDATED = ".outdated"
EARLIER_OUTDATED = EARLIER + OUTDATED  # EARLIER renamed so, where no room was left for `OUTDATED` in it


def __getattr__(name: str) -> Any:
    """`OutputBefore`, which its callers name here (`TakenBack` too, imported above): its module, `output_before`,
    imports this one, so it is loaded on first use (PEP 562)."""
    if name != "OutputBefore":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from petloc_gui.core.interop.output_before import OutputBefore

    return OutputBefore


def interrupted(out: Path) -> bool:
    """Whether ``out`` holds an export that did not finish (or is running now). A conversion to VOC's mark
    (`unfinished_conversion`) is none: each file it writes is whole, and it writes no manifest to wait for."""
    return (out / MARK).is_file() and (earlier_format(out) or ("",))[0] != VOC


def not_readable(folder: Path) -> str | None:
    """Why ``folder`` is not read as a dataset when it holds an export that did not finish (`petloc convert
    --from`, `petloc stats`): its manifest is missing, its images and label files are part of the dataset
    exported, and a names file put there by hand would convert that part as if it were all. None when
    ``folder`` holds no such export."""
    if not interrupted(folder):
        return None
    fmt, manifest = earlier_format(folder) or ("yolo|coco", "data.yaml / annotations.json")
    what, files = {"yolo": ("a petloc YOLO export", "images and label files"),
                   "coco": ("a petloc COCO export", "images")}.get(fmt, ("a petloc export", "files"))
    return (f"this folder holds {what} that did not finish (stopped before it wrote {manifest}, which is "
            f"written last, or still running: {MARK} says so), so its {files} are only part of the dataset "
            f"exported; run the export again (petloc convert SOURCE --to {fmt} {folder} "
            "--overwrite, SOURCE the dataset exported) to finish it")


def unfinished_exports(files: Iterable[str], root: Path, said: Collection[str] = ()) -> list[tuple[Path, str]]:
    """(folder, `not_readable`'s why) of each folder holding an export that did not finish, in name order:
    ``root`` and each folder inside it above one of ``files`` (paths inside ``root``, as a dataset lists its
    images), each looked at once, less those of ``said`` (normalised paths another message looked at already,
    whatever it found: their marks are not read again). `petloc stats` names each: its images count as without
    annotation, and without this nothing says that their labels or annotations.json are only partly written,
    or not yet."""
    top = os.path.normpath(root)
    inside = top.rstrip(os.sep) + os.sep
    folders = {top}
    for path in files:
        folder = os.path.dirname(os.path.normpath(path))
        while folder.startswith(inside) and folder not in folders:  # the folders above it were added with it
            folders.add(folder)
            folder = os.path.dirname(folder)
    found = ((Path(folder), not_readable(Path(folder))) for folder in sorted(folders - set(said)))
    return [(folder, why) for folder, why in found if why is not None]


def begin(out: Path, manifest: Iterable[str], folders: Iterable[Path], *, fmt: str,
          keeps: Callable[[Path], bool] = lambda _earlier: False) -> None:
    """Mark ``out`` unfinished (writing ``fmt``, whose manifest is the first of ``manifest``) and move
    the ``manifest`` files of an earlier export there aside, into `EARLIER`. They stay there, for
    `put_back`, when ``keeps`` (given that folder) says the files this export writes leave them true;
    otherwise they are removed. When the mark was there already (an earlier run interrupted) and its
    process, of this machine, has ended, remove the partial copies that run left in ``folders`` (the
    export's image and label folders).

    Raises SaveError when the mark cannot be written (then nothing else can be either).
    """
    manifest = list(manifest)
    earlier, marked = writer(out), interrupted(out)
    atomic_write_bytes(out / MARK, mark_text(fmt, manifest[0]))
    aside, complete = out / EARLIER, holds_manifest(out, manifest)
    shutil.rmtree(out / EARLIER_OUTDATED, ignore_errors=True)  # a killed run's, outdated: never to be put back
    if complete or not marked:
        # A complete earlier export: its manifest, not one an earlier stopped run left aside. With no mark, one
        # aside is a leftover of an export that finished (stopped in `finish`), never to be put back.
        shutil.rmtree(aside, ignore_errors=True)
    if complete:
        aside.mkdir()
        for name in manifest:
            os.replace(out / name, aside / name)
    # Another format's manifest (left aside by a stopped export of it), or one a killed run outdated (`OUTDATED`),
    # is not this export's to put back.
    if aside.is_dir() and (set(os.listdir(aside)) - set(manifest) or not _keeps(keeps, aside)):
        shutil.rmtree(aside, ignore_errors=True)
    if earlier is not None and earlier[1] == socket.gethostname() and process_has_ended(earlier[0]):
        for folder in dict.fromkeys(folders):
            remove_left_by_ended_runs(folder)


def holds_manifest(out: Path, manifest: Sequence[str]) -> bool:
    """Whether ``out`` holds the whole ``manifest`` of an earlier petloc export: every file of it (YOLO's data.yaml
    and classes.txt, COCO's annotations.json), the first written by petloc (`written_by_petloc`). The user's own
    (an Ultralytics project's data.yaml, with a labelImg classes.txt or alone; another tool's annotations.json)
    are never set aside or dropped: a run stopped leaves them as they were."""
    return (bool(manifest) and all(os.path.lexists(out / name) for name in manifest)
            and written_by_petloc(out / manifest[0]))


def written_by_petloc(path: Path) -> bool:
    """Whether the manifest file at ``path`` says petloc wrote it, in its writer's words at its start: data.yaml's
    first line (`yolo_names.PETLOC_HEADER`), annotations.json's info description (`coco.EXPORTED_BY`). Only
    its first bytes are read; one that cannot be read is no export's."""
    # Imported here: coco imports this module.
    from petloc_gui.core.interop.coco import ANNOTATIONS_FILE, EXPORTED_BY
    from petloc_gui.core.interop.yolo_names import PETLOC_HEADER

    try:
        head = read_regular_head(path, 256)
    except OSError:
        return False
    if path.name == ANNOTATIONS_FILE:
        return f'"description": "{EXPORTED_BY}'.encode() in head
    return head.startswith(PETLOC_HEADER.encode())


def put_back(out: Path, *, outdated_too: bool = False, outdated: bool = False) -> list[str]:
    """After an export that `begin` marked was stopped or failed part way: put the earlier export's
    manifest it kept aside back, and remove the mark, so OUT is usable as the earlier export again.
    One outdated (`outdate_earlier_unless`: on disk, or ``outdated`` as the run knows) only when ``outdated_too``:
    every file of the run's was taken back. The names of the files put back; [] when there were none (then OUT
    holds an export that did not finish, and the mark says so)."""
    aside, outdated = kept_aside(out, outdated)
    try:
        if aside is None or (outdated and not outdated_too):
            return []
        with contextlib.suppress(FileNotFoundError):
            (aside / OUTDATED).unlink()
        names = sorted(path.name for path in aside.iterdir())
        for name in names:
            os.replace(aside / name, out / name)
        aside.rmdir()
    except OSError:
        return []
    if names:
        finish(out)
    return names


def kept_aside(out: Path, outdated: bool) -> tuple[Path | None, bool]:
    """The folder the earlier manifest is kept aside in (None: none), and whether it is outdated (there, or
    ``outdated``: the run knows it is)."""
    for aside in (out / EARLIER, out / EARLIER_OUTDATED):
        if aside.is_dir():
            return aside, outdated or aside.name == EARLIER_OUTDATED or (aside / OUTDATED).exists()
    return None, outdated


def outdate_earlier_unless(out: Path, keeps: Callable[[Path], bool], written: Written) -> None:
    """Mark the earlier export's manifest `begin` kept aside outdated unless ``keeps`` (given its folder) says it
    stays true of the file this export writes next: YOLO asks before the first label file with a box, whose class
    ids only the same classes.txt reads right. Kept aside all the same: a run stopped takes back that file with the
    others, and puts it back (`OutputBefore.take_back`, which knows it outdated from ``written``); one killed
    leaves it marked (`OUTDATED` in it, or, no room left for that, the folder renamed `EARLIER_OUTDATED`, which
    needs no new inode), and the next export into OUT removes it (`begin`), the label files it would read wrong
    being there."""
    aside = out / EARLIER
    if aside.is_dir() and not _keeps(keeps, aside):
        written.earlier_outdated = True
        try:
            (aside / OUTDATED).touch()
        except OSError:  # a full disk, a used-up quota
            try:
                os.replace(aside, out / EARLIER_OUTDATED)
            except OSError:  # neither: it goes, so that no run killed leaves it to be put back over label files
                shutil.rmtree(aside, ignore_errors=True)


def nothing_written(out: Path, was_unfinished: bool, warn: Callable[[Path, str], None]) -> list[str]:
    """An export that `begin` marked wrote no image (none could be read or placed): it writes no manifest,
    whose list of no image (or empty classes.txt) would replace an earlier export's for good, and leaves
    OUT as it was. The earlier export's manifest kept aside is put back (`put_back`, said through
    ``warn``); with none, the mark goes too, unless OUT held an export that did not finish before this
    one began (``was_unfinished``: it still does). The names of the files put back."""
    names = put_back(out)
    if names:
        warn(out, f"no image exported, so no manifest written: the earlier export's {' and '.join(names)} "
                  f"{'were' if len(names) > 1 else 'was'} put back, and this folder holds that export as it was")
    elif not was_unfinished:
        finish(out)
    return names


def ours(out: Path) -> bool:
    """Whether the mark in ``out`` is this process's (an export it runs began writing there)."""
    run = writer(out)
    return run is not None and run[0] == os.getpid() and run[1] == socket.gethostname()


def earlier_format(out: Path) -> tuple[str, str] | None:
    """(format, manifest) of the export that did not finish in ``out``, as its mark says; None when the
    mark does not say (one an older petloc wrote) or there is none."""
    try:
        first = (out / MARK).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    except OSError:
        return None
    parts = first.split(" ")
    return (parts[2], parts[3]) if len(parts) == 4 else None


def finish(out: Path) -> None:
    """Remove the mark, then the earlier manifest kept aside: the manifest is written, the export complete. The
    mark first: a stop before it takes the run back whole, the earlier manifest there to put back; from then on
    the export is complete (`OutputBefore.take_back` leaves it), and one left aside the next export removes."""
    with contextlib.suppress(FileNotFoundError):
        (out / MARK).unlink()
    for aside in (EARLIER, EARLIER_OUTDATED):
        shutil.rmtree(out / aside, ignore_errors=True)


def mark_text(fmt: str, manifest: str, explanation: str = "") -> bytes:
    """The mark of this process's run writing ``fmt`` (whose manifest is ``manifest``), with ``explanation`` for a
    person who finds it (an export's by default)."""
    return f"{os.getpid()} {socket.gethostname()} {fmt} {manifest}\n{explanation or _EXPLANATION}".encode()


def _keeps(keeps: Callable[[Path], bool], aside: Path) -> bool:
    try:
        return keeps(aside)
    except OSError:
        return False


_EXPLANATION = ("petloc is writing an export into this folder, or one was stopped before it finished: "
                "its data.yaml / classes.txt / annotations.json is written last, when every image is. "
                "Export into it again, writing over its files (petloc convert --overwrite), to finish it. "
                f"The first line names the process, its machine, the format and its manifest; {EARLIER}/, "
                "when there, holds the manifest of the export that was here before.\n")


def writer(out: Path) -> tuple[int, str] | None:
    """(PID, machine) of the run that wrote the mark in ``out``; None when there is none (or unreadable)."""
    try:
        first = (out / MARK).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        pid, host = first.split(" ")[:2]
        return int(pid), host
    except (OSError, ValueError):
        return None
