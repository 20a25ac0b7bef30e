"""Errors of an export's output folder, not of one image: a full disk, a read-only file system, a used-up quota.

The exporters leave out an image they cannot place and go on with the next: one unreadable photo must not
cost the rest of the export. But "No space left on device" is no image's problem: every image after it
fails the same way, and those that made it were exported, annotations.json (or data.yaml) was written for
them, and `petloc convert` exited 0 with an export short of images that looked complete to a trainer.
`stop_if_target_unwritable` tells such an error (by its errno, on the error or the OSError it was raised
from) and raises it as the export's own failure: `petloc convert` then takes back what it wrote, or puts an
earlier export's manifest back (--overwrite), and exits 1; the window says "Export failed".
"""

from __future__ import annotations

import errno

from petloc_gui.core.errors import SaveError

# errno -> what it says of the folder and what to do; EDQUOT is not defined everywhere (Windows)
_UNWRITABLE: dict[int, str] = {
    errno.ENOSPC: "the disk is full, so no image after it can be written either: the {run} stopped. "
                  "Free space on that disk (or choose a folder on another) and {again}",
    errno.EROFS: "the output folder is on a read-only file system, so nothing more can be written there: "
                 "the {run} stopped. Choose a folder you can write to and {again}",
}
if hasattr(errno, "EDQUOT"):
    _UNWRITABLE[errno.EDQUOT] = ("the disk quota there is used up, so no image after it can be written either: "
                                 "the {run} stopped. Free space (or choose a folder elsewhere) and {again}")


def unwritable_errno(exc: BaseException) -> int | None:
    """The errno that says the output cannot take more files (full, read-only, over quota), found on ``exc``
    or the errors it was raised from (files.place_image raises SaveError from the OSError); None otherwise."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _UNWRITABLE:
            return current.errno
        current = current.__cause__ or current.__context__
    return None


def stop_if_target_unwritable(exc: BaseException, run: str = "export") -> None:
    """Raise SaveError (naming the file ``exc`` names) when ``exc``, caught placing one image or writing its
    label file, says the output folder cannot take more files; return when it is that image's own problem.
    ``run``: what stopped, in the words the message says it with ("export"; "conversion" for --from)."""
    number = unwritable_errno(exc)
    if number is None:
        return
    reason = getattr(exc, "reason", None) or (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    path = getattr(exc, "path", None) or getattr(exc, "filename", None)
    again = "export again" if run == "export" else "run it again"
    raise SaveError(f"{reason}; {_UNWRITABLE[number].format(run=run, again=again)}", path) from exc
