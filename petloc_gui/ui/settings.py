"""The few things petloc remembers between runs (QSettings, organisation and application "petloc").

On Linux that is ~/.config/petloc/petloc.conf: under petloc's own name, not
Qt's "Unknown Organization" folder that an empty organisation gives.

A damaged file (random bytes, half a file) gave no error: QSettings read the garbage as a bogus key,
kept it, and the last folder and the recent folders were gone unsaid. It is now kept aside as
``petloc.conf.damaged-<time>``, petloc starts from its defaults, and ``damaged_note`` says so, once.

A file that cannot be written (a read-only ~/.config, a file where its folder should be) gave no
error either: every setting was lost at close, unsaid. Each write to disk (``_sync``) checks Qt's
``status()``; the first failure leaves a sentence naming the file that the window takes once
(`take_unsaved_note`) and says on its status line, with the cause a write beside the file meets (a full
disk, a read-only mount, no permission: `core.write_probe`). A path that cannot be reached (a file or a folder
that cannot be entered on its way) holds no file to be damaged: only that note is said, no "damaged" box.

The paths kept here (last folder, recent folders, last model) cross Qt as QStrings, which cannot hold
a name that is not UTF-8 (a folder ``pets\\xff``: Python holds the byte as the surrogate escape
"\\udcff"): "…/pets\\udcff" was kept as "…/pets", another folder or none. Such a path is kept as
`FS_BYTES` and the hex of its file-system bytes (``os.fsencode``), the form the training child's
arguments cross QProcess in; every other path as it is, readable in petloc.conf, so files written
before read as they did.

An empty ``petloc.conf.lock`` (petloc killed between QLockFile's creation of it and its pid's write, or a power cut
before the pid reached the disk) made the next start take about 35 s instead of 3, silently: QSettings' first
write waited out QLockFile's 30 s stale time, the only way Qt tells an empty lock stale. `_remove_stale_lock`
removes it before QSettings writes, once it has stayed empty a moment (not by its mtime alone: a network disk's
clock may run behind), and one naming a process of this machine that has ended (Qt would too, at the write); never
a live process's lock.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, SupportsInt, cast

from PySide6.QtCore import QByteArray, QLockFile, QSettings, QSysInfo

from petloc_gui.core.fs_bytes import FS_BYTES
from petloc_gui.core.kept_aside import keep_aside
from petloc_gui.core.paths import APP_NAME
from petloc_gui.core.stale import process_has_ended
from petloc_gui.core.write_probe import why_not_writable

if TYPE_CHECKING:
    from petloc_gui.ui.review.export_options import ExportOptions

ORGANIZATION = APP_NAME
MAX_RECENT = 10
# File -> Export's options (`ExportOptions` field -> key); the keys stay if a field is renamed.
_EXPORT_KEYS = {"annotated_only": "export/annotated_only", "skip_difficult": "export/skip_difficult",
                "copy_images": "export/copy_images"}
# petloc's settings are a few KB; a file far larger is not one (and is not read whole to find out)
_MAX_SETTINGS_BYTES = 4 * 1024 * 1024
# Why the settings file cannot be written when a file beside it can be (the file itself is in the way)
_UNWRITABLE_GUESSES = "no permission, a read-only folder, a full disk, or a file where a folder should be"
# An empty lock younger than this may be a live process's, between QLockFile's creation of it and its pid's write
# (microseconds apart): kept. One left by a kill is older by the time petloc starts again.
_LOCK_JUST_MADE_S = 2.0
# How long an empty lock is watched before it is called stale: its process, if it has one, writes its pid within
# microseconds of making it (`_remove_stale_lock`)
_LOCK_RECHECK_S = 0.1


class Settings:
    """Typed access to QSettings: autosave, last folder, last model, export options, window geometry/state."""

    def __init__(self, path: str | None = None, *, kept: bool = True) -> None:
        # ``path``: an INI file instead of the user's settings (tests, portable use). Not ``kept`` (--screenshot):
        # no file is read or written, the run starts from the defaults and what it sets goes with it.
        # A damaged settings file found and kept aside: the sentence the window says at start; "" when none.
        self.damaged_note = ""
        self._unsaved_note = ""  # the file cannot be written: said once (`take_unsaved_note`)
        self._unsaved_found = False
        if not kept:
            self._q: QSettings | _KeptNowhere = _KeptNowhere()
            return
        q = _open(path)
        self._q = q
        problem = _damage(q)
        if problem is None:
            return
        file = Path(q.fileName())
        try:
            aside = keep_aside(file)
        except OSError as exc:
            self.damaged_note = (f"The settings file {file} is damaged ({problem}) and could not be kept aside "
                                 f"({exc.strerror or exc}): petloc uses its defaults, and the settings it saves, "
                                 "if it can, replace it.")
            return
        self._q = _open(path)  # the file is gone: defaults (Qt reads the missing file afresh)
        # The kept copy first: the sentence is said once, and what a reader needs is where it went.
        self.damaged_note = (f"Kept as {aside}: the settings file {file.name}, which was damaged ({problem}). "
                             "petloc started from its defaults (last folder, recent folders, window layout).")

    def _bool(self, key: str, default: bool) -> bool:
        value = self._q.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    @property
    def autosave(self) -> bool:
        return self._bool("autosave", False)

    @autosave.setter
    def autosave(self, on: bool) -> None:
        self._q.setValue("autosave", bool(on))

    @property
    def stay_in_draw_mode(self) -> bool:
        return self._bool("stay_in_draw_mode", False)

    @stay_in_draw_mode.setter
    def stay_in_draw_mode(self, on: bool) -> None:
        self._q.setValue("stay_in_draw_mode", bool(on))

    @property
    def last_folder(self) -> str:
        return _path_read(self._q.value("last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, path: str) -> None:
        self._q.setValue("last_folder", _path_kept(str(path)))

    @property
    def recent_folders(self) -> list[str]:
        """Folders opened before, newest first."""
        value = self._q.value("recent_folders", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        elif not isinstance(value, list):  # None, or a hand edit's number (valid INI): it iterated an int
            value = []
        return [folder for folder in (_path_read(v) for v in value) if folder][:MAX_RECENT]

    @recent_folders.setter
    def recent_folders(self, folders: list[str]) -> None:
        self._q.setValue("recent_folders", [_path_kept(str(f)) for f in list(folders)[:MAX_RECENT]])

    def add_recent_folder(self, folder: str) -> None:
        # Read again first: QSettings reads the file only at a sync(), and a list built from the copy read at
        # the start replaced the one another window (another process) had written since, its folders gone.
        self._q.sync()
        self.last_folder = folder
        self.recent_folders = [folder] + [f for f in self.recent_folders if f != folder]
        # Written now, not at close: a folder opened is kept even if petloc is killed, and a file that
        # cannot be written is found while the window can still say so (`take_unsaved_note`).
        self._sync()

    def clear_recent_folders(self) -> None:
        """File → Open recent → Clear the list: written now. Kept until close, the empty list replaced the folders
        another window opened after the clear."""
        self.recent_folders = []
        self._sync()

    def take_unsaved_note(self) -> str:
        """The sentence that the settings cannot be saved, naming the file, the first time it is asked
        for after a write failed; "" otherwise (said once a session, not on every write)."""
        note, self._unsaved_note = self._unsaved_note, ""
        return note

    def _sync(self) -> None:
        """Write the settings to disk; the first write that fails leaves `take_unsaved_note`'s sentence."""
        self._q.sync()
        if self._q.status() == QSettings.Status.AccessError and not self._unsaved_found:
            self._unsaved_found = True
            file = self._q.fileName()
            # Qt says AccessError for a full disk and a read-only mount as for a missing permission: a write
            # beside the file finds which (a list of guesses left out the full disk, the likeliest).
            cause = why_not_writable(file) or _UNWRITABLE_GUESSES
            self._unsaved_note = (f"Settings cannot be saved: {file} cannot be written ({cause}); the last folder, "
                                  "window layout and export options will not be kept.")

    @property
    def last_model(self) -> str:
        return _path_read(self._q.value("last_model", "") or "")

    @last_model.setter
    def last_model(self, spec: str) -> None:
        self._q.setValue("last_model", _path_kept(str(spec)))  # a model folder's path, or a name ("pets")

    def export_options(self) -> ExportOptions:
        """The options of the last File -> Export (the defaults before the first)."""
        from petloc_gui.ui.review.export_options import ExportOptions  # with the exporters, on first use

        return ExportOptions(**{name: self._bool(key, False) for name, key in _EXPORT_KEYS.items()})

    def save_export_options(self, options: ExportOptions) -> None:
        for name, key in _EXPORT_KEYS.items():
            self._q.setValue(key, bool(getattr(options, name)))
        self._sync()

    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def list_width(self) -> int | None:
        """The width the user gave the image list (`dock_share.DockShare.wish`), or None."""
        try:
            # (a value int() cannot take, whatever its type, raises: no width kept)
            value = int(cast("str | SupportsInt", self._q.value("window/list_width", 0) or 0))
        except (TypeError, ValueError):
            return None
        return value if value > 0 else None

    def save_list_width(self, width: int) -> None:
        self._q.setValue("window/list_width", int(width))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)
        self._sync()


class _KeptNowhere:
    """The settings of a run that keeps none (`Settings(kept=False)`: --screenshot's), as QSettings answers them:
    the defaults at first, then what the run set, in memory. A screenshot run (a script's, CI's, the gallery's) kept
    the demo it opened as the last folder, and the user's next plain start opened the demo, not their folder."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:
        self._values[key] = value

    def sync(self) -> None:
        pass  # nowhere to write, and so no write to fail

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError

    def fileName(self) -> str:
        return ""


def _path_kept(path: str) -> str:
    """``path`` as QSettings keeps it whole: as it is when a QString holds it (strict UTF-8 refuses exactly
    what a QString cannot hold), else marked bytes; one that already begins with the mark is marked too,
    so that `_path_read` never decodes a path that was not encoded."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        if not path.startswith(FS_BYTES):
            return path
    return FS_BYTES + os.fsencode(path).hex()


def _path_read(value: object) -> str:
    """The path `_path_kept` kept as ``value``. A marked value whose hex is damaged (a hand edit) is read
    as it is written: no folder has that name, so it shows as a folder that is gone, and nothing is lost."""
    text = str(value)
    if not text.startswith(FS_BYTES):
        return text
    try:
        return os.fsdecode(bytes.fromhex(text[len(FS_BYTES):]))
    except ValueError:
        return text


def _open(path: str | None) -> QSettings:
    settings = QSettings(str(path), QSettings.Format.IniFormat) if path else QSettings(ORGANIZATION, APP_NAME)
    if _is_ini_file(settings):  # made above, not yet written: reading the file takes no lock, writing does
        _remove_stale_lock(settings.fileName() + ".lock")
    return settings


def _is_ini_file(settings: QSettings) -> bool:
    """Whether ``settings`` live in an INI file (not the registry, not a plist)."""
    ini_native = sys.platform not in ("win32", "darwin")
    ini = QSettings.Format.IniFormat
    return settings.format() == ini or (settings.format() == QSettings.Format.NativeFormat and ini_native)


def _remove_stale_lock(lock: str) -> None:
    """Remove the QLockFile ``lock`` QSettings writes under when no live process holds it: it is empty and not just
    made (the same file, still empty, `_LOCK_RECHECK_S` later), or it names a process of this machine that has
    ended. Qt tells an empty lock stale by its age only (30 s): each start within 30 s of a kill waited that out at
    its first write. A lock of another machine (a home folder on a network disk), of a process that runs, or that
    cannot be read is left to Qt."""
    try:
        found = os.lstat(lock)
    except OSError:
        return
    if not stat.S_ISREG(found.st_mode):
        return
    if found.st_size == 0:
        # Its mtime cannot tell alone: on a network disk it is the server's clock, and one running behind made a
        # lock just made look old (removed, its process held a lock no other start could see). It is stale only
        # if it is still empty and the same file a moment later. The mtime rule stays as a further guard: a lock
        # whose mtime says just made is kept at once (the worst that costs is Qt's 30 s wait, never a live lock
        # removed), which also covers a holder whose pid a slow disk shows later than the look again.
        if abs(time.time() - found.st_mtime) < _LOCK_JUST_MADE_S:
            return
        time.sleep(_LOCK_RECHECK_S)
        try:
            again = os.lstat(lock)
        except OSError:
            return
        if _identity(again) != _identity(found):
            return  # its pid written meanwhile, or made again by another start: a live lock
    else:
        pid, host, _ = QLockFile(lock).getLockInfo()  # (0, "", "") when it cannot be read
        if pid <= 0 or host != QSysInfo.machineHostName() or not process_has_ended(pid):
            return
    try:
        # The file looked at still (a process that took the lock meanwhile made another): the look and the
        # removal are two calls, as in Qt's own removal of a stale lock.
        if _identity(os.lstat(lock)) == _identity(found):
            os.remove(lock)
    except OSError:
        pass  # gone already, or not ours to remove: Qt waits it out as before


def _identity(found: os.stat_result) -> tuple[int, int, int, int]:
    """What tells one look at a lock from another: the same file (device and inode), unchanged (size, mtime)."""
    return found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns


def _damage(settings: QSettings) -> str | None:
    """Why ``settings``' INI file cannot be petloc's settings, or None (no file, or not an INI file: the
    registry, a plist). Qt's own check (``status()``) passes random bytes: they read as one bogus key."""
    if not _is_ini_file(settings):
        return None
    file = Path(settings.fileName())
    try:
        with open(file, "rb") as handle:
            data = handle.read(_MAX_SETTINGS_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return None  # no file there (a file where a folder of its path should be): nothing is damaged
    except OSError as exc:
        # A folder on the path that cannot be entered gives PermissionError too: only a file shown to be
        # there is damaged. A path that cannot be reached is no file to keep aside; `_sync` says that
        # nothing can be saved there.
        try:
            os.stat(file)
        except OSError:
            return None
        return f"unreadable: {exc.strerror or exc}"
    if len(data) > _MAX_SETTINGS_BYTES:
        return f"over {_MAX_SETTINGS_BYTES // (1024 * 1024)} MB, far more than petloc's settings"
    problem = _ini_problem(data)
    if problem is None and settings.status() == QSettings.Status.FormatError:
        problem = "Qt cannot parse it"
    return problem


def _ini_problem(data: bytes) -> str | None:
    """What makes ``data`` no INI file as QSettings writes one (UTF-8 lines: blank, ``;`` comment,
    ``[section]``, ``key=value``, a value continued after a trailing backslash), or None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_number = data[:exc.start].count(b"\n") + 1
        return f"not text: byte 0x{data[exc.start]:02x} on line {line_number}"
    continued = False
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 may be in a folder name
        # A CRLF line's "\r" is no damage: QSettings writes CRLF on Windows, and a Windows editor may.
        line = line.removesuffix("\r")
        control = next((ch for ch in line if ord(ch) < 32 and ch not in "\t\f\v"), None)
        if control is not None:
            return f"not text: control character 0x{ord(control):02x} on line {number}"
        stripped = line.strip()
        if not (continued or not stripped or stripped[0] in ";#" or "=" in stripped
                or (stripped.startswith("[") and stripped.endswith("]"))):
            return f"line {number} is neither a [section] nor a key=value"
        continued = stripped.endswith("\\")
    return None
