"""`predict --help`, `evaluate --help` and docs/cli.md say the decoded-pixel bound a batch keeps
(`model.inference.MAX_BATCH_PIXELS`), as `Predictor.predict_paths` keeps it."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.model.inference import MAX_BATCH_PIXELS
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
SAID = f"at most {MAX_BATCH_PIXELS // 1_000_000} M decoded pixels"


@pytest.mark.parametrize("command", ["predict", "evaluate"])
def test_the_help_says_the_pixel_bound_of_a_batch(capsys, command):
    code, out, _ = run_cli(capsys, command, "--help")
    assert code == 0
    text = " ".join(out.split())  # argparse wraps lines where it likes
    assert f"images per batch (default 32); a batch holds {SAID} (5 photos of 12 MP)" in text


def test_the_reference_says_it_for_both_commands():
    text = " ".join((ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split())
    assert text.count(SAID) == 2
