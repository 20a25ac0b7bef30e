"""The stand-in window and the retrain controller on it, and the real window (``main_window``), for the tests here."""

from __future__ import annotations

import pytest

from ..conftest import _wait_for_images_shown
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
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    win = MainWindow(model_factory=factory, settings=Settings(str(tmp_path / "settings.ini")))
    win.show()
    _wait_for_images_shown(qtbot, win)
    yield win
    win.guard.confirm_leave = lambda reload=False: True
    win.close()
    win.shutdown()
    win.deleteLater()
