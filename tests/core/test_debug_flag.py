"""PETLOC_DEBUG has one reading (`core.debug_flag`) that the CLI, the window's training log and the model
layer's parking of TensorFlow's stderr all use: the model layer, which may not import app, had a copy."""

from __future__ import annotations

import inspect
import os

import pytest

from petloc_gui.core.debug_flag import debug_enabled

SETTINGS = [(None, False), ("", False), ("0", False), ("false", False), ("no", False), (" FALSE ", False),
            ("No", False), ("1", True), ("yes", True), ("true", True), ("2", True)]


@pytest.mark.parametrize(("setting", "on"), SETTINGS)
def test_set_and_not_a_word_for_off_is_on(monkeypatch, setting, on):
    if setting is None:
        monkeypatch.delenv("PETLOC_DEBUG", raising=False)
    else:
        monkeypatch.setenv("PETLOC_DEBUG", setting)
    assert debug_enabled() is on


def test_every_layer_reads_it_through_core():
    from petloc_gui.app import tf_log_filter
    from petloc_gui.cli import main, output
    from petloc_gui.model import quiet_import

    for module in (tf_log_filter, output, quiet_import):
        assert module.debug_enabled is debug_enabled, module.__name__
    # cli.main imports it where it reads it (nothing of petloc's with the module: see its docstring)
    assert "from petloc_gui.core.debug_flag import debug_enabled" in inspect.getsource(main)


@pytest.mark.parametrize(("setting", "on"), SETTINGS)
def test_the_model_layer_shows_parked_chatter_by_the_same_reading(capfd, monkeypatch, setting, on):
    from petloc_gui.model.quiet_import import native_stderr_parked

    if setting is None:
        monkeypatch.delenv("PETLOC_DEBUG", raising=False)
    else:
        monkeypatch.setenv("PETLOC_DEBUG", setting)
    with native_stderr_parked():
        os.write(2, b"Could not find cuda drivers\n")
    assert ("Could not find cuda drivers" in capfd.readouterr().err) is on
