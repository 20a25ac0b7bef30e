"""Where petloc keeps its bundled resources and the user's own data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "petloc"


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
    """The project's `../shared` folder (data and ImageNet weights), if present."""
    override = os.environ.get("PETLOC_SHARED_DIR")
    candidate = Path(override) if override else Path(__file__).resolve().parents[3] / "shared"
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
