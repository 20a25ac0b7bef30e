"""What the window's training child holds out as test images, and what it says of them before TensorFlow
loads, as `petloc train` says it (`cli.train_checks`): the folder's test list, always held out
(`layout_test_split.layout_test_holdout`); and the byte copies of a test image held out under another name
(the list's, or the model a fine-tune starts from: `collected_folder.held_out_copies_line`), which the
window's runs held out with no word said. No Qt, no TensorFlow.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from petloc_gui.model.collected_folder import CollectedFolder


@dataclass(frozen=True)
class WindowHoldout:
    """The run's test holdout: ``exclude`` (`TrainConfig.exclude`), the notices to send, the hashes the read
    that found the copies took (`TrainConfig.known_hashes`), and that read (``folder``: None when the folder
    was not read), as `training.train_run` reads the folder with the run's arguments: it trains on it as read,
    not reading every annotation and image header, nor hashing every image, a second time."""

    exclude: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    known_hashes: dict[str, str | None] = field(default_factory=dict)
    folder: CollectedFolder | None = None


def window_holdout(data_dir: str | os.PathLike[str], label: str = "default", base: str | None = None,
                   stopped: Callable[[], bool] | None = None) -> WindowHoldout:
    """The holdout of a run with the child's arguments (``base``: the model a fine-tune starts from). With a
    test image to hold out (the list's, or ``base``'s), the folder is read as the run reads it
    (`collect_folder`, every image hashed, ``stopped`` asked before each) to find their byte copies, and
    those of the list the model ``base`` trained on."""
    from petloc_gui.model.collected_folder import collect_folder, held_out_copies_line
    from petloc_gui.model.layout_test_split import layout_test_holdout, readable_meta

    held = layout_test_holdout(data_dir)
    exclude = list(held.images)
    parent_meta = readable_meta(base) if base else None
    if not exclude and parent_meta is None:  # no test image, so no copy of one: nothing read twice
        return WindowHoldout(exclude, held.notices())
    folder = collect_folder(data_dir, label, exclude, parent_meta, parent_path=_located(base), stopped=stopped)
    # those of the list the model it starts from learned: its figures on them are no test figures
    images = set(held.images)
    listed = {relpath for image, relpath, _ in folder.excluded if os.path.abspath(image) in images}
    notices = replace(held, learned=len(listed & folder.learned_tests)).notices()
    if folder.test_copies:
        notices.append(held_out_copies_line(folder.test_copies))
    return WindowHoldout(exclude, notices, folder.known_hashes, folder)


def _located(base: str | None) -> Path | None:
    """The folder of ``base``'s bundle, where its own parents may be (as training is given it); None when it
    cannot be told (training then says why it cannot start from it)."""
    if not base:
        return None
    from petloc_gui.model.bundle import resolve_model

    try:
        return resolve_model(base)
    except Exception:  # noqa: BLE001 - any failure: the run itself names it
        return None
