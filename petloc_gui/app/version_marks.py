"""The model version of the store a window has loaded, marked in its folder while the window has it (no Qt, no
TensorFlow).

Discard in one window deleted the version another window was predicting with, once no folder's memory named
it any more: that window's Versions menu lost it, its Retrain dialog greyed out fine-tuning ("The current model
cannot be read"). The window's prediction service tells `LoadedVersionMark` each model it is given (`loaded`),
None when it has none or closes; the version's folder holds a mark (`core.in_use_marks`) meanwhile, and
`app.version_users.discard_unused` keeps a version with a live mark. A model that is no version of the store
(a bundled one, a bundle elsewhere) is not marked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from petloc_gui.app.version_users import store_name
from petloc_gui.core import in_use_marks
from petloc_gui.model.versions import BUNDLED_NAMES, VersionStore

_log = logging.getLogger(__name__)


class LoadedVersionMark:
    """The mark of the one store version a window has loaded (one window, one model at a time)."""

    def __init__(self, store: Callable[[], VersionStore] = VersionStore) -> None:
        self._store = store  # a store of now: the data folder's, as the window's other looks take it
        self._folder: Path | None = None
        self._mark: Path | None = None

    @property
    def folder(self) -> Path | None:
        """The version's folder marked now, or None."""
        return self._folder

    def loaded(self, spec: str | None) -> None:
        """The window has the model ``spec`` now (None: none, or it closes): its version marked, the one it
        had before unmarked. A mark that cannot be made (a read-only store) is said in the log only: the
        window works as before, and a Discard elsewhere may then delete the version."""
        folder = self._version_folder(spec) if spec else None
        if folder is not None and folder == self._folder and self._mark is not None and self._mark.exists():
            return
        old, self._folder, self._mark = self._mark, None, None
        if folder is not None:
            try:
                self._mark = in_use_marks.mark(folder)
                self._folder = folder
            except OSError:
                _log.info("model version %s not marked as in use", folder, exc_info=True)
        if old is not None:  # after the new one: a version loaded again is never unmarked in between
            in_use_marks.unmark(old)

    def release(self) -> None:
        """The window closes: no version is marked any more."""
        self.loaded(None)

    def _version_folder(self, spec: str) -> Path | None:
        try:
            store = self._store()
            name = store_name(store, spec)
        except (OSError, ValueError):
            return None
        return None if name is None or name in BUNDLED_NAMES else store.root / name
