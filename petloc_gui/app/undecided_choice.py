"""A trained version nobody kept or discarded yet, chosen for a folder: the choice says so.

A version's version.json says ``"decided": false`` from its commit until the user chooses Use or Discard for it
(`model.versions.UNDECIDED_NOTE`); a window killed meanwhile leaves it so. `model_choice.candidates` ranks such a
version after the kept ones, so it is chosen only where no kept model fits as well; then it may be the very model
the user would have discarded, and its choice's note says so (the window's status line, `petloc predict`) instead
of using it unsaid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

UNDECIDED_CHOSEN = "is not kept or discarded yet: picking it in Model → Versions keeps it"


def undecided_said(spec: str | None, store: Any = None) -> list[str]:
    """``[sentence]`` when ``spec`` (a choice's model) is a version of the store not kept or discarded yet, as
    Model → Versions and `petloc models` name it; else ``[]`` (a bundled model, a folder outside the store)."""
    from petloc_gui.app.model_choice import listed_name  # (it imports this module)
    from petloc_gui.model.versions import BUNDLED_NAMES, VersionStore

    if not spec or spec in BUNDLED_NAMES:
        return []
    store = store if store is not None else VersionStore()
    try:
        version = store.find_by_path(Path(spec))
    except Exception:  # noqa: BLE001 - a record that cannot be read must not stop predict or opening a folder
        return []
    if version is None or not version.undecided:
        return []
    return [f"the model {listed_name(spec, store)} {UNDECIDED_CHOSEN}"]
