"""The few things petloc remembers between runs (QSettings, organisation and application "petloc").

On Linux that is ~/.config/petloc/petloc.conf: under petloc's own name, not
Qt's "Unknown Organization" folder that an empty organisation gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from petloc_gui.core.paths import APP_NAME

if TYPE_CHECKING:
    from petloc_gui.ui.review.export_options import ExportOptions

ORGANIZATION = APP_NAME
MAX_RECENT = 10
# File -> Export's options (`ExportOptions` field -> key); the keys stay if a field is renamed.
_EXPORT_KEYS = {"annotated_only": "export/annotated_only", "skip_difficult": "export/skip_difficult",
                "copy_images": "export/copy_images"}


class Settings:
    """Typed access to QSettings: autosave, last folder, last model, export options, window geometry/state."""

    def __init__(self, path: str | None = None) -> None:
        # ``path``: an INI file instead of the user's settings (tests, portable use).
        self._q = QSettings(str(path), QSettings.IniFormat) if path else QSettings(ORGANIZATION, APP_NAME)

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
        return str(self._q.value("last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, path: str) -> None:
        self._q.setValue("last_folder", str(path))

    @property
    def recent_folders(self) -> list[str]:
        """Folders opened before, newest first."""
        value = self._q.value("recent_folders", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    @recent_folders.setter
    def recent_folders(self, folders: list[str]) -> None:
        self._q.setValue("recent_folders", list(folders)[:MAX_RECENT])

    def add_recent_folder(self, folder: str) -> None:
        self.last_folder = folder
        self.recent_folders = [folder] + [f for f in self.recent_folders if f != folder]

    @property
    def last_model(self) -> str:
        return str(self._q.value("last_model", "") or "")

    @last_model.setter
    def last_model(self, spec: str) -> None:
        self._q.setValue("last_model", str(spec))

    def export_options(self) -> ExportOptions:
        """The options of the last File -> Export (the defaults before the first)."""
        from petloc_gui.ui.review.export_options import ExportOptions  # with the exporters, on first use

        return ExportOptions(**{name: self._bool(key, False) for name, key in _EXPORT_KEYS.items()})

    def save_export_options(self, options: ExportOptions) -> None:
        for name, key in _EXPORT_KEYS.items():
            self._q.setValue(key, bool(getattr(options, name)))
        self._q.sync()

    def geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def state(self) -> QByteArray | None:
        value = self._q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def list_width(self) -> int | None:
        """The width the user gave the image list (`dock_share.DockShare.wish`), or None."""
        try:
            value = int(self._q.value("window/list_width", 0) or 0)
        except (TypeError, ValueError):
            return None
        return value if value > 0 else None

    def save_list_width(self, width: int) -> None:
        self._q.setValue("window/list_width", int(width))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)
        self._q.sync()
