"""The mark of an export that has not finished, so that a killed one never looks complete.

A trainer reads an export through its manifest (YOLO's data.yaml and
classes.txt, COCO's annotations.json) and trusts it to stand for every image.
So an export writes its manifest last, after every image and label file, and
for as long as it runs OUT holds `MARK`: a run killed outright (SIGKILL, a
power cut: no chance to clean up) leaves images and labels with no manifest
and the mark, which the next export into OUT recognises (`interrupted`).
An export with ``--overwrite`` first removes the manifest an earlier one left:
its old ``names`` beside half of the new label files would read them with the
wrong classes.

The mark names the process and machine that wrote it: a rerun on the same
machine, once that process has ended, removes the copies it was making
(``.NAME.PID.petloc-new``), which the day-old sweep (core.stale) would keep a day.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterable
from pathlib import Path

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.stale import process_has_ended, remove_left_by_ended_runs

MARK = ".petloc-export-unfinished"


def interrupted(out: Path) -> bool:
    """Whether ``out`` holds an export that did not finish (or is running now)."""
    return (out / MARK).is_file()


def begin(out: Path, manifest: Iterable[str], folders: Iterable[Path]) -> None:
    """Mark ``out`` unfinished and remove the ``manifest`` files of an earlier export there. When the
    mark was there already (an earlier run interrupted) and its process, of this machine, has ended,
    remove the partial copies that run left in ``folders`` (the export's image and label folders).

    Raises SaveError when the mark cannot be written (then nothing else can be either).
    """
    earlier = _writer(out)
    atomic_write_bytes(out / MARK, f"{os.getpid()} {socket.gethostname()}\n{_EXPLANATION}".encode())
    for name in manifest:
        with contextlib.suppress(FileNotFoundError):
            (out / name).unlink()
    if earlier is not None and earlier[1] == socket.gethostname() and process_has_ended(earlier[0]):
        for folder in dict.fromkeys(folders):
            remove_left_by_ended_runs(folder)


def finish(out: Path) -> None:
    """Remove the mark: the manifest is written, the export complete."""
    with contextlib.suppress(FileNotFoundError):
        (out / MARK).unlink()


_EXPLANATION = ("petloc is writing an export into this folder, or one was stopped before it finished: "
                "its data.yaml / classes.txt / annotations.json is written last, when every image is. "
                "Export into it again, writing over its files (petloc convert --overwrite), to finish it.\n")


def _writer(out: Path) -> tuple[int, str] | None:
    """(PID, machine) of the run that wrote the mark in ``out``; None when there is none (or unreadable)."""
    try:
        first = (out / MARK).read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        pid, host = first.split(" ", 1)
        return int(pid), host
    except (OSError, ValueError):
        return None
