"""What a run made in its output, so that one stopped or failing part way can take back exactly that.

Into a new OUT all is the run's: `missing_folders` finds the folders of its path the run creates (for
`unfinished.OutputBefore`, and the commands through `cli.taken_back`), the outermost of which is removed
with all in it.
"""

from __future__ import annotations

from pathlib import Path


def missing_folders(path: Path) -> list[Path]:
    """``path`` and those of its parents that do not exist yet, innermost first: the folders a run that
    makes ``path`` creates. [] when ``path`` is there (a dangling link too: not the run's to remove)."""
    missing = []
    while not path.exists() and not path.is_symlink() and path.parent != path:
        missing.append(path)
        path = path.parent
    return missing
