"""A folder whose subfolder ``day`` turns unreadable while open (chmod 000, a network share dropping), for the tests of
what the window asks for and shows meanwhile and once it can be read again."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.boxes import Box

from .conftest import look_now, open_and_wait, write_annotation, write_image
from .unlistable_folder import not_listable

A, C, D = 0, 2, 3  # a.png, day/c.png (annotated "cat"; the fake model says "dog"), day/d.png ("cat")
NIGHT = 4  # night/e.png


def pets(tmp_path: Path) -> Path:
    """pets/: a.png, b.png, day/c.png (annotated), day/d.png, night/e.png."""
    root = tmp_path / "pets"
    (root / "day").mkdir(parents=True)
    (root / "night").mkdir()
    for seed, relative in enumerate(("a.png", "b.png", "day/c.png", "day/d.png", "night/e.png")):
        write_image(root / relative, seed=seed)
    write_annotation(root / "day" / "c.png", [("cat", Box(20, 20, 60, 60))])
    return root


def opened_on_a(qtbot, window, tmp_path: Path) -> Path:
    """``pets`` opened in ``window``, a.png shown (outside the folders that turn unreadable): the folder's root."""
    root = pets(tmp_path)
    open_and_wait(qtbot, window, root)
    window.show_row(A)
    return root


def outage_begins(qtbot, window, folder: Path, outage) -> None:
    """``folder`` cannot be listed nor anything in it looked at, as after ``chmod 000`` (the tests may run as root,
    whom modes do not stop); the window has not looked since."""
    look_now(qtbot, window)  # each folder's change time noted
    os.chmod(folder, 0o700)  # a chmod moves the change time alone
    not_listable(outage, folder)
