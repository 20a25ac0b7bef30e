"""Model → Versions: every trained model, newest first; picking one rolls back to it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from petloc_gui.model.versions import Version, VersionStore


class VersionsMenu(QMenu):
    """Rebuilt each time it opens, so it always shows what is on disk."""

    version_chosen = Signal(object)  # Version

    def __init__(
        self,
        store: VersionStore,
        current_spec: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Versions", parent)
        self._store = store
        self._current_spec = current_spec
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """List the stored versions (name, date, metrics); check the current one."""
        self.clear()
        versions = list(reversed(self._store.list()))
        current = _resolved(self._current_spec())
        if not versions:
            empty = self.addAction("No trained versions yet (Model → Retrain…)")
            empty.setEnabled(False)
        for version in versions:
            action = QAction(f"{version.preset}: {version.label}", self)
            action.setCheckable(True)
            action.setChecked(current is not None and _resolved(version.path) == current)
            action.setToolTip(_tooltip(version))
            action.setData(version.id)
            action.triggered.connect(lambda _checked=False, v=version: self.version_chosen.emit(v))
            self.addAction(action)
        self.addSeparator()
        open_folder = self.addAction("Open the versions folder")
        open_folder.triggered.connect(self._open_folder)

    def version_actions(self) -> list[QAction]:
        """The actions that stand for versions (tests, accessibility)."""
        return [a for a in self.actions() if a.data()]

    def _open_folder(self) -> None:
        self._store.root.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._store.root)))


def _resolved(spec: str | Path | None) -> Path | None:
    if not spec:
        return None
    try:
        path = Path(spec)
        return path.resolve() if path.exists() else None
    except OSError:
        return None


def _tooltip(version: Version) -> str:
    lines = [f"{version.path}", f"created {version.created}"]
    if version.parent:
        lines.append(f"trained from {version.parent}")
    if version.data_fingerprint:
        lines.append(f"data fingerprint {version.data_fingerprint}")
    for key, value in sorted(version.metrics.items()):
        if isinstance(value, (int, float)):
            lines.append(f"{key}: {value:.4g}")
    return "\n".join(lines)
