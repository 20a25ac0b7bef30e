"""The mark of a conversion to VOC running into OUT (`petloc convert --from`), so that a second run into it is refused.

Two runs into one new OUT, the second started a moment after the first: the second found the first's images "present"
(the same bytes) and its VOC files "existing, left untouched", and the first, stopped by Ctrl+C, took back the files it
had written, those with them, while the second said it had converted them (exit 0 over VOC files with no image). An
export marks the folder it writes while it runs (`unfinished.begin`); a conversion writes that same mark, naming
`unfinished.VOC` and no manifest, before its first file (`begin_conversion`), made exclusively (a hard link that fails
when the name is taken): a run that finds the mark of another run is refused before it writes anything, and so has
nothing to take back. The mark of a run of this machine that has ended (killed outright: no take-back ran; or before the
machine was last started, a power cut) is taken over, and the copies that run was making removed, as an export's rerun
removes them (`unfinished.begin`): each file it wrote is whole, and the new run keeps them ("present", "exists"). Its
writer is told by more than its PID, which a process started since may have been given (`unfinished_writer`). One of
another machine, or one that cannot be read, cannot be told ended: refused, saying how to go on, as is one whose process
runs (delete the mark when no petloc convert does). A run removes its own mark only (`end_conversion`), once it has
finished or its files are taken back (`output_before.OutputBefore`), never before: a run started meanwhile would find
those files and lose them to the take-back.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterable
from pathlib import Path

from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import unfinished
from petloc_gui.core.interop.unfinished_writer import has_ended, writer_line
from petloc_gui.core.interop.written import Written
from petloc_gui.core.stale import remove_left_by_ended_runs

# How often a run tries again after setting an ended run's mark aside: each try that finds another's mark is
# refused, so more are needed only when runs keep ending as this one looks.
_TRIES = 3

_EXPLANATION = ("petloc convert --from is writing VOC files and images into this folder, or one was killed before "
                "it finished: a second conversion into it is refused while it runs. The next one run on this "
                "machine after that process has ended removes this file. The first line names the process, its "
                "machine and the format; the second names the process again, with this machine's boot and when "
                "the process started, so that one given its number later is not taken for it.\n")


def begin_conversion(out: Path, folders: Iterable[Path], written: Written) -> None:
    """Mark ``out`` as written by this conversion to VOC, ``written`` noting the mark as the run's (`end_conversion`).
    The mark of an ended run of this machine is taken over, and the partial copies that run left in ``folders`` (the
    folders the conversion writes in) removed.

    Raises SaveError when the mark of another run is there (one running, or not known to have ended; an export's,
    running or left unfinished), or the mark cannot be written: nothing else written then."""
    from petloc_gui.core.interop.files import link_exclusive, temporary_beside  # files imports unfinished

    mark, folders = out / unfinished.MARK, list(folders)
    staging = temporary_beside(mark)
    try:
        # the writer named again after the first line, which `unfinished` reads
        staging.write_bytes(unfinished.mark_text(unfinished.VOC, unfinished.NO_MANIFEST, writer_line() + _EXPLANATION))
        for _ in range(_TRIES):
            if link_exclusive(staging, mark):
                written.marked = True
                return
            _take_over_if_ended(out, folders)
    except OSError as exc:
        raise SaveError(f"cannot write {unfinished.MARK}: {exc.strerror or exc}", out) from exc
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
    raise SaveError(f"other runs keep writing {unfinished.MARK} into this folder; run this one once they have "
                    "finished, or choose another folder", out)


def end_conversion(out: Path, written: Written) -> None:
    """Remove the mark `begin_conversion` wrote for the run ``written`` records, when it is still the run's (an
    export run with --overwrite meanwhile puts its own there). The look and the unlink are two calls: a mark put
    there between them by an export (`unfinished.begin` replaces whatever is there) would go; a conversion's
    never would, as it is refused while this one's is there."""
    if written.marked and unfinished.ours(out):
        with contextlib.suppress(FileNotFoundError):
            (out / unfinished.MARK).unlink()
    written.marked = False


def _take_over_if_ended(out: Path, folders: list[Path]) -> None:
    """The mark in ``out`` is another run's: set it aside when that run was a conversion of this machine that has ended
    (`unfinished_writer.has_ended`), and remove the copies it left in ``folders``; raise SaveError otherwise
    (`_refusal`). Nothing is set aside when the mark went meanwhile (its run finished): the caller tries again."""
    from petloc_gui.core.interop.files import temporary_beside

    mark = out / unfinished.MARK
    try:
        seen = mark.read_bytes()
    except FileNotFoundError:
        return
    text = seen.decode("utf-8", errors="replace")
    first = text.split("\n", 1)[0].split(" ")
    pid = int(first[0]) if first[0].isdigit() else None
    host, fmt = (first[1] if len(first) > 1 else None), (first[2] if len(first) > 2 else None)
    if not (pid is not None and fmt == unfinished.VOC and has_ended(text)):
        raise SaveError(_refusal(pid, host, fmt), out)
    aside = temporary_beside(out / f"{unfinished.MARK}.ended")
    try:
        os.replace(mark, aside)
    except FileNotFoundError:
        return
    try:
        if aside.read_bytes() != seen:
            # Another run's, which took the ended run's mark over between the read above and the rename: back it
            # goes, and the next try refuses. (A third run could take the name in that moment: both would run.)
            with contextlib.suppress(OSError):
                os.link(aside, mark)
            return
    finally:
        aside.unlink()
    for folder in dict.fromkeys(folders):
        remove_left_by_ended_runs(folder)


def _refusal(pid: int | None, host: str | None, fmt: str | None) -> str:
    """Why a conversion is refused by another run's mark, and what to do."""
    if pid is None or host is None:
        return (f"holds the mark of a petloc run writing into it ({unfinished.MARK}) that cannot be read; if no "
                f"petloc run is writing into this folder, delete {unfinished.MARK}, or choose another folder")
    here = host == socket.gethostname()
    who = f"process {pid}{'' if here else f' on {host}'}"
    if fmt != unfinished.VOC:  # an export's (an older petloc's names no format: only exports wrote one)
        what, to = (f"a {fmt.upper()} export", fmt) if fmt else ("a petloc export", "yolo|coco")
        return (f"holds {what} that did not finish, or one running now ({who}; {unfinished.MARK} says so); "
                f"finish it (petloc convert SOURCE --to {to} THIS_FOLDER --overwrite), or choose another folder")
    if here:
        # its process runs, or cannot be told from one that does (another pid namespace: a container)
        return (f"another petloc convert --from ({who}) is writing into this folder ({unfinished.MARK} says so); "
                "run this one once it has finished, or choose another folder, or, if no petloc convert runs on this "
                f"machine, delete {unfinished.MARK}")
    return (f"a petloc convert --from ({who}) is writing into this folder, or was killed there before it finished "
            f"({unfinished.MARK} says so); run this one once it has finished, or, if none runs on {host}, delete "
            f"{unfinished.MARK}")
