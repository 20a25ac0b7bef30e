"""The stand-in window and the retrain controller on it, for every test here."""

from __future__ import annotations

import pytest

from .retrain_host_standin import standin_controller, standin_window


@pytest.fixture
def window(qtbot, tmp_path):
    return standin_window(qtbot, tmp_path)


@pytest.fixture
def controller(window, _isolated_user_data):
    ctl = standin_controller(window)
    yield ctl
    ctl.shutdown()
