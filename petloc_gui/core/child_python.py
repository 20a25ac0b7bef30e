"""How petloc starts a Python child of its own code (the training worker): the command and its PYTHONPATH.

``python -m`` puts the current folder first on the child's ``sys.path``. A window started from a
folder holding a ``petloc_gui/`` (a source checkout, older or with local changes) ran the installed
code while its training child ran that folder's, and any ``numpy.py`` or ``cv2.py`` lying there.
``-P`` (Python 3.11+) leaves the current folder out, and the folder this process's own
``petloc_gui`` came from leads the child's PYTHONPATH, so a window run from a checkout that is not
installed (``python -m petloc_gui.ui.app``) starts that checkout's worker too.

That folder is left off PYTHONPATH when it is one of this Python's site-packages folders (a wheel
install): the child searches it anyway, after the same PYTHONPATH and user site the starting process
searched without finding another ``petloc_gui``, and first on PYTHONPATH it would put before the
standard library whatever was installed there under a standard module's name (the old ``pathlib``
backport, say).
"""

from __future__ import annotations

import os
import site
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import petloc_gui

PACKAGE_ROOT = Path(petloc_gui.__file__).resolve().parents[1]
# The variables `child_environment` decides; it passes every other one through as it is, so a caller
# holding the environment in another form (the window's QProcessEnvironment) need carry only these.
CHILD_VARIABLES = ("PYTHONPATH",)


def python_command(module: str, args: Sequence[str]) -> list[str]:
    """``python -P -u -m <module> <args>`` with this Python; run it with `python_path` as its PYTHONPATH."""
    return [sys.executable, "-P", "-u", "-m", module, *args]


def site_folders() -> list[Path]:
    """The site-packages folders a child of this Python searches (the user's one where it is enabled)."""
    folders = list(site.getsitepackages())
    if site.ENABLE_USER_SITE:
        folders.append(site.getusersitepackages())
    return [Path(folder).resolve() for folder in folders]


def python_path(current: str | None, root: Path = PACKAGE_ROOT,
                site_dirs: Iterable[Path] | None = None) -> str | None:
    """The child's PYTHONPATH, given the one it would get (``current``; None or "" for none): ``root``
    first, unless it is a site-packages folder; None for none.

    Empty entries go: Python reads one as the current folder ("/opt/lib:", from
    ``PYTHONPATH=/opt/lib:$PYTHONPATH`` with none set, searched the child's current folder).
    """
    entries = [entry for entry in (current or "").split(os.pathsep) if entry]
    if root not in (site_folders() if site_dirs is None else site_dirs):
        entries.insert(0, str(root))
    return os.pathsep.join(entries) or None


def child_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """``environment`` (a child's whole environment) with `python_path` as its PYTHONPATH."""
    child = {name: value for name, value in environment.items() if name not in CHILD_VARIABLES}
    led = python_path(environment.get("PYTHONPATH"))
    if led is not None:
        child["PYTHONPATH"] = led
    return child
