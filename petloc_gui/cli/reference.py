"""Where the command reference (docs/cli.md) is, for the help texts that send the reader to it.

A wheel carries the repository's docs/ (the Markdown files) inside the package,
as `petloc_gui/_docs` (setup.py), so a wheel user has the reference offline;
a checkout or an editable install reads the top-level docs/ in place.
"""

from __future__ import annotations

from pathlib import Path


def docs_dir() -> Path:
    """The installed copy of docs/ (`petloc_gui/_docs`), else the checkout's docs/."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "_docs"
    return installed if installed.is_dir() else package.parent / "docs"


# Absolute, so `--help` names a file that opens from any folder.
CLI_REFERENCE = docs_dir() / "cli.md"
