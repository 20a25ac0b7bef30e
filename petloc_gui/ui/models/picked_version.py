"""A trained version the user picked is kept, once it has loaded: its record stops saying "not kept or discarded
yet" (version.json ``"decided": false``, left by a window closed while its new model waited for Use / Discard).

A pick is the choice made for it, wherever it came from: Model → Versions, a version folder opened from the
model dialog, ``petloc-gui --model digits/<id>``. Marked when its load succeeds (`ModelController.pick_loaded`),
not when it is asked for: a pick that fails to load goes back to the model used before, and the version was
then recorded decided though nothing used it. The Retraining window's Use, Keep on quitting and a Discard that
keeps the version record the choice themselves (`RetrainController`).
"""

from __future__ import annotations

from collections.abc import Callable

SAID_FOR_MS = 8000


def keep_picked(spec: str, say: Callable[[str, int], None]) -> None:
    """``spec`` (a picked model that has loaded) kept when it is a version of the store not kept or discarded yet;
    ``say`` (the status line) tells when that cannot be written (a read-only store: the model is used all the same,
    and listed undecided still). Nothing for a bundled model or a folder outside the store."""
    from petloc_gui.core.errors import PetlocError
    from petloc_gui.model.bundle import resolve_model
    from petloc_gui.model.versions import VersionError, VersionStore

    try:
        store = VersionStore()
        version = store.find_by_path(resolve_model(spec))  # "digits/<id>" (--model) as the window loaded it
    except (OSError, ValueError, PetlocError):
        return
    if version is None or not version.undecided:
        return
    try:
        store.mark_decided(version)
    except VersionError as exc:
        say(str(exc), SAID_FOR_MS)
