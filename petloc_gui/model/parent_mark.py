"""The model version a training run fine-tunes from, marked in its folder for the run's life (no Qt, no
TensorFlow).

Deleting that version during the run (`petloc models --delete`, the window's Delete versions…) lost the whole
run: it loads its parent once at its start, but a two-stage parent's refiner is copied into the new bundle by
its path at the very end (`carried_refiner`, `bundle_write.save_bundle`), and the copy failed. `petloc train
--init-from` and the window's training child (`train_worker`) hold the parent's folder marked as a running
window marks the version it has loaded (`core.in_use_marks`, a run's mark), so Discard, which looks for marks
again once the folder is renamed away, keeps it and names the run. A parent that is no version of the store (a
bundled model, a bundle elsewhere) is not marked. Marked rather than its files copied at the start: nothing more
is written per run, and the parent the new version's record names stays there for its lineage.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from petloc_gui.core import in_use_marks
from petloc_gui.core.errors import PetlocError
from petloc_gui.model.bundle import resolve_model
from petloc_gui.model.versions import BUNDLED_NAMES, VersionStore

_log = logging.getLogger(__name__)


@contextlib.contextmanager
def parent_marked(init_from: str | None, store: VersionStore | None = None) -> Iterator[Path | None]:
    """Hold the store version ``init_from`` names (as --init-from and the child's --base take it) marked as a
    training run's parent while the block runs; yields its folder, or None when it is no version of the store or
    cannot be marked (a read-only store: said in the log only, the run goes on; a parent deleted before the mark
    fails the run as it loads it). The mark of a run killed is ignored, and removed, by the next look."""
    folder = _version_folder(init_from, store) if init_from else None
    mark = None
    if folder is not None:
        try:
            mark = in_use_marks.mark(folder, run=True)
        except OSError:
            _log.info("the model version %s a run fine-tunes from is not marked as in use", folder, exc_info=True)
            folder = None
    try:
        yield folder
    finally:
        if mark is not None:
            in_use_marks.unmark(mark)


def _version_folder(spec: str, store: VersionStore | None) -> Path | None:
    """The folder of the store version ``spec`` names (a name `petloc models` lists, a folder, its model.keras or
    meta.json), or None."""
    if spec in BUNDLED_NAMES:
        return None
    try:
        store = store if store is not None else VersionStore()
        version = store.find_by_path(resolve_model(spec))
    except (OSError, ValueError, PetlocError):
        return None  # the run's own checks say why
    return None if version is None else version.path
