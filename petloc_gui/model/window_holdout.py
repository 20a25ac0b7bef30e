"""What the window's training child holds out as test images, and what it says of them before TensorFlow
loads, as `petloc train` says it (`cli.train_checks`): the folder's test list held out
(--hold-out-layout-test, `layout_test_split.layout_test_holdout`) or, without it, the warning that the run
trains on it. No Qt, no TensorFlow.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WindowHoldout:
    """The run's test holdout: ``exclude`` (`TrainConfig.exclude`), the notices to send, and the hashes an
    earlier read took (`TrainConfig.known_hashes`: not hashed again by the run)."""

    exclude: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    known_hashes: dict[str, str | None] = field(default_factory=dict)


def window_holdout(data_dir: str | os.PathLike[str], label: str = "default", base: str | None = None,
                   renamed: Mapping[str, str] | None = None, skip_prelabels: bool = False,
                   hold_out_layout_test: bool = False, stopped: Callable[[], bool] | None = None) -> WindowHoldout:
    """The holdout of a run with the child's arguments (``base``: the model a fine-tune starts from;
    ``stopped``: asked while a read of the folder goes on)."""
    from petloc_gui.model.layout_test_split import layout_test_holdout, layout_test_notices

    if hold_out_layout_test:
        held = layout_test_holdout(data_dir)
        exclude, notices = list(held.images), [held.notice()] if held.images else []
    else:
        exclude, notices = [], layout_test_notices(data_dir, label, base, renamed, skip_prelabels)
    return WindowHoldout(exclude, notices)
