"""Where petloc keeps its bundled resources and the user's own data."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

APP_NAME = "petloc"
DISTRIBUTION = "petloc"  # pyproject.toml's [project] name


def checkout_root() -> Path | None:
    """The repository this code runs from, when it is a petloc checkout (an editable install's too): the
    folder above the package with a pyproject.toml naming the petloc project. None in an installed copy,
    whose folder above the package is site-packages, where another project's files must not be taken
    for petloc's (its LICENSE, a `shared` folder beside it)."""
    root = Path(__file__).resolve().parents[2]
    try:
        project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return root if isinstance(project, dict) and project.get("name") == DISTRIBUTION else None


def resources_dir() -> Path:
    """The bundled resources (models, backbone weights): `PETLOC_RESOURCES_DIR` if set,
    else the copy a wheel installs inside the package (`petloc_gui/_resources`, see
    setup.py), else the repository's top-level `resources/` (checkouts, editable installs).
    """
    override = os.environ.get("PETLOC_RESOURCES_DIR")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parents[1]
    installed = package / "_resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def user_data_dir() -> Path:
    """The per-user data folder (demo dataset, trained model versions).

    `PETLOC_DATA_DIR` overrides it (tests use a temporary folder; `folder_from_environment` reads it).
    The GUI and the CLI both take it from here, so they agree. The default is where Qt's
    `QStandardPaths.AppLocalDataLocation` puts an application named "petloc" without an organisation:
    the same folder as `AppDataLocation` on Linux and macOS, but on Windows %LOCALAPPDATA%\\petloc, not
    `AppDataLocation`'s AppData\\Roaming\\petloc. Local on purpose: model versions and the demo dataset are
    large, and folder_models.json names this machine's folders; a roaming profile copies all of Roaming to a
    server at every sign-out and back at every sign-in (Windows' advice: large or machine-specific data in
    Local).
    """
    override = folder_from_environment("PETLOC_DATA_DIR")
    if override is not None:
        return override
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _xdg_home("XDG_DATA_HOME", Path.home() / ".local" / "share")
    return base / APP_NAME


def folder_from_environment(variable: str) -> Path | None:
    """The folder environment ``variable`` names, or None when it is unset or empty: `~` expanded, and a
    relative one made absolute from the current folder when read. Taken as given, "~/x" quoted (as
    systemd's Environment= and cron pass it) made a folder literally named `~`, and a relative one was
    printed relative (`petloc models --store`) though it named a folder of the current one."""
    value = os.environ.get(variable)
    if not value:
        return None
    return Path(os.path.expanduser(value)).absolute()


def _xdg_home(variable: str, default: Path) -> Path:
    """An XDG base folder: ``variable``'s value when it is an absolute path, else ``default``. The XDG Base
    Directory spec makes a relative one invalid, to be ignored (`XDG_DATA_HOME=relx` put the store in
    ./relx/petloc, a different one from each folder a command ran in)."""
    value = os.environ.get(variable) or ""
    return Path(value) if os.path.isabs(value) else default


def shared_dir() -> Path | None:
    """The project's `../shared` folder (data and ImageNet weights), if present: `PETLOC_SHARED_DIR` if set,
    else `shared` beside a checkout (`checkout_root`). An installed copy has no such neighbour: the same
    place beside it is its Python's lib/python3.X/shared, nothing of petloc's, so only the variable
    names one there."""
    override = os.environ.get("PETLOC_SHARED_DIR")
    if override:
        candidate = Path(override)
    else:
        root = checkout_root()
        if root is None:
            return None
        candidate = root.parent / "shared"
    return candidate if candidate.is_dir() else None


def user_cache_dir() -> Path:
    """The per-user cache folder (decoded training images); `PETLOC_CACHE_DIR` overrides it
    (`folder_from_environment`)."""
    override = folder_from_environment("PETLOC_CACHE_DIR")
    if override is not None:
        return override
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / APP_NAME / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    return _xdg_home("XDG_CACHE_HOME", Path.home() / ".cache") / APP_NAME
