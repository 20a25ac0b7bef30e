"""petloc's application icon, for the window, the task bar and the window switcher.

The files are in the bundled resources (`core.paths.resources_dir`: the repository's `resources/`
in a checkout, `petloc_gui/_resources/` in a wheel): `icons/petloc.svg`, and `icons/petloc-256.png`
rendered from it, which Qt uses where its SVG plugin is missing and at sizes the SVG is not asked
for. `resources/petloc-gui.desktop` names the same icon for desktop menus (README).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from petloc_gui.core.paths import resources_dir

ICON_FILES = ("petloc-256.png", "petloc.svg")


def app_icon() -> QIcon:
    """petloc's icon, from the packaged files found; null (Qt's default icon) when none is there."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for name in ICON_FILES:
        path = folder / name
        if path.is_file():
            icon.addFile(str(path))
    return icon
