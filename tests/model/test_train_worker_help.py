"""`python -m petloc_gui.model.train_worker --help` names every preset the worker trains."""

from __future__ import annotations

import pytest


def test_the_help_names_every_preset(capsys):
    from petloc_gui.model.presets import PRESETS
    from petloc_gui.model.train_worker import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "photo" in PRESETS  # the one it left out ("model preset: pets or digits")
    for name in PRESETS:
        assert name in text.split("--preset PRESET", 2)[-1].split("--out", 1)[0], name
