"""Where the command reference (docs/cli.md) and the README are, for the texts that send the reader to them.

A wheel carries the repository's docs/ (the Markdown files) and README.md inside
the package, as `petloc_gui/_docs` (setup.py), so a wheel user has the reference
and the manual offline; a checkout or an editable install reads the top-level
docs/ and README.md in place.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def docs_dir() -> Path:
    """The installed copy of docs/ (`petloc_gui/_docs`), else the checkout's docs/."""
    installed = _PACKAGE / "_docs"
    return installed if installed.is_dir() else _PACKAGE.parent / "docs"


def readme_path() -> Path:
    """The installed copy of README.md (`petloc_gui/_docs/README.md`), else the checkout's README.md.
    (A checkout's docs/ has no README.md, so the two cannot be mistaken for each other.)"""
    installed = _PACKAGE / "_docs" / "README.md"
    return installed if installed.is_file() else _PACKAGE.parent / "README.md"


# Absolute, so `--help` and the messages name a file that opens from any folder.
CLI_REFERENCE = docs_dir() / "cli.md"
README = readme_path()  # the manual: the window, retraining, several machines, the models


def readme_section(title: str) -> str:
    """`README "title", /full/path/README.md`: a section of the README named where it can be opened."""
    return f'README "{title}", {README}'
