"""The benchmark drivers' one way to train a variant of a preset.

Training looks its preset up by name (`presets.get_preset`), so a driver that
trains a variant (another box head, input side, weight average) replaces the
named entry of `presets.PRESETS`: for the rest of the process (`use_variant`,
the experiment drivers) or while a block runs (`variant`: the bundled pets
recipe's teacher).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from petloc_gui.model.presets import Preset


def use_variant(name: str, **changes: Any) -> Preset:
    """From now on in this process, preset ``name`` is itself with ``changes`` (a change given as
    None leaves its field as it is: no field can be set to None this way)."""
    from petloc_gui.model import presets

    changed = dataclasses.replace(presets.get_preset(name), **{k: v for k, v in changes.items() if v is not None})
    presets.PRESETS[name] = changed
    return changed


@contextlib.contextmanager
def variant(name: str, **changes: Any) -> Iterator[Preset]:
    """Preset ``name`` with ``changes`` (as `use_variant`) while the block runs, then as it was."""
    from petloc_gui.model import presets

    before = presets.get_preset(name)
    try:
        yield use_variant(name, **changes)
    finally:
        presets.PRESETS[name] = before
