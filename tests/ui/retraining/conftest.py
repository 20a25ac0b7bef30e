"""The stand-in window and the retrain controller on it, and the real window (``main_window``), for the tests here."""

from __future__ import annotations

import pytest

from ..conftest import main_window_for_a_test
from .retrain_host_standin import standin_controller, standin_window


@pytest.fixture
def window(qtbot, tmp_path):
    return standin_window(qtbot, tmp_path)


@pytest.fixture
def controller(window, _isolated_user_data):
    ctl = standin_controller(window)
    yield ctl
    ctl.shutdown()


@pytest.fixture
def main_window(qtbot, factory, tmp_path):
    """The window of the UI tests (tests/ui/conftest.py's ``window``; here that name is the stand-in's)."""
    yield from main_window_for_a_test(qtbot, factory, tmp_path)
