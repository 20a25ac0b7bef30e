"""The window's training run splits with the seed its Retrain dialog previews with, and no other.

Before: ``worker_args`` took a ``seed`` no caller passed; one that did would have trained on another split
than the dialog listed as held out.
"""

from __future__ import annotations

import pytest

from petloc_gui.model.retrain_policy import SPLIT_SEED, worker_args


def test_the_run_s_seed_is_the_preview_s():
    args = worker_args("/data", "digits", "/staging", epochs=1)
    assert args[args.index("--seed") + 1] == str(SPLIT_SEED)
    with pytest.raises(TypeError):
        worker_args("/data", "digits", "/staging", epochs=1, seed=SPLIT_SEED + 1)  # type: ignore[call-arg]
