"""What a command takes back when it is stopped (Ctrl+C, SIGTERM) or fails part way, so that the same
command, run again, is not refused by what the first run left.

`petloc convert`, `petloc export` and `petloc train` each found out which folders of an output's path were
missing before the run (all in them is the run's, and may go) in a loop of its own; convert and export
each removed what they had written, a stop held meanwhile, and said so in words of their own.
`missing_folders` lives in core (`core.interop.written`), where `unfinished.OutputBefore` finds a new
OUT's folders with it too; the commands take it from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from petloc_gui.cli.output import error, show
from petloc_gui.cli.stop_signals import held
from petloc_gui.core.interop.written import missing_folders

__all__ = ["missing_folders", "remove_empty", "take_back"]  # missing_folders: core's, for the commands


def remove_empty(folders: Iterable[Path]) -> None:
    """Remove ``folders`` (innermost first) as long as they are empty: only an empty folder goes, never
    a bundle, nor anything put there meanwhile. One gone already (an output removed whole) is passed."""
    for folder in folders:
        try:
            folder.rmdir()
        except FileNotFoundError:
            continue
        except OSError:
            return


def take_back(work: str, verb: str, remove: Callable[[], list[Path]]) -> None:
    """Run ``remove`` (it removes what the run had written and returns what it removed) with a stop
    held, so a second Ctrl+C does not leave half of it, then say what was removed: "removed what the
    ``work`` had written (...): run the command again to ``verb``"."""
    with held():
        removed = remove()
    if removed:
        error(f"removed what the {work} had written ({', '.join(map(show, removed))}): run the command again "
              f"to {verb}")
