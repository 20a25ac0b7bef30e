"""The bundle `petloc train --init-from` was given is known to that command's walks only.

Before, it stayed known (`parent_chain.remember`) to every command run after it in the same process (the
test suite's, a host running several): a later walk of a child naming its version id found it there.
"""

from __future__ import annotations

from petloc_gui.model.parent_chain import parent_chain
from tests.cli.helpers import run_cli
from tests.model.test_parent_chain_walks_kept_apart import CHILD, W, _project


def test_the_bundle_one_train_command_was_given_is_not_known_to_the_next(tmp_path, capsys):
    _project(tmp_path / "runs")
    (tmp_path / "data").mkdir()
    # refused after --init-from was read (its class "9" is none of W's): no TensorFlow, nothing trained
    code, _, err = run_cli(capsys, "train", tmp_path / "data", "--preset", "digits", "--init-from",
                           tmp_path / "runs" / W, "--renamed", "nine=9", "--out", tmp_path / "out")
    assert code != 0 and "--renamed" in err
    assert parent_chain(CHILD).broken_at == W
