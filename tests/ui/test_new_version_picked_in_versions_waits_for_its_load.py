"""The new model of a run, waiting for Use / Discard, picked in Model → Versions: the choice is made once it has
loaded, as a pick of any version is kept then (`ui.models.picked_version`). Before, the pick made it at once: the
Retraining window said "Now using the new model" and forgot the version, though its load might fail (the window
back to the model used before, the version still undecided, Use / Discard gone and quitting asking nothing) or the
window might be quit before it loaded (nothing asked: the next start warned of a model the user had picked)."""

from __future__ import annotations

from petloc_gui.ui.training import retrain_quit
from petloc_gui.ui.training.retrain_controller import install_retraining

from .conftest import open_and_wait
from .test_pick_keeps_an_undecided_version import _loaded, _undecided, _undecided_version


def _waiting_new_version(qtbot, window, folder):
    """Retraining on ``window``, ``folder`` open with pets, and a run's new model waiting for Use / Discard."""
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model="pets")
    version = _undecided_version()
    controller.new_version, controller.run_folder = version, folder  # as a finished run leaves them
    return controller, version


def _quit_asks(controller, monkeypatch) -> bool:
    """Whether quitting now asks Keep / Discard / Cancel of the new model (answered Cancel)."""
    asked: list[str] = []
    monkeypatch.setattr(retrain_quit, "ask_undecided", lambda *_: asked.append("asked") or retrain_quit.CANCEL)
    assert not retrain_quit.confirm_quit(controller) or not asked
    return bool(asked)


def test_the_new_version_picked_is_used_once_loaded(qtbot, window, folder):
    controller, version = _waiting_new_version(qtbot, window, folder)

    controller.roll_back(version)  # Model → Versions → the new one

    qtbot.waitUntil(lambda: controller.new_version is None, timeout=10_000)
    assert _loaded(window, str(version.path)) and not _undecided(version)
    assert controller._progress_window().status.text() == f"Now using the new model ({version.id})."


def test_the_new_version_picked_that_fails_to_load_still_waits_for_use_or_discard(qtbot, window, folder, factory,
                                                                                  monkeypatch):
    controller, version = _waiting_new_version(qtbot, window, folder)
    factory.fail.add(str(version.path))

    controller.roll_back(version)

    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    qtbot.waitUntil(lambda: _loaded(window, "pets"), timeout=10_000)  # back to the model used before
    assert controller.new_version is version and _undecided(version)
    assert "Now using" not in controller._progress_window().status.text()
    assert _quit_asks(controller, monkeypatch)
    controller.new_version = None  # (the window closes unasked at the test's end)


def test_the_new_version_picked_then_quit_before_it_loads_is_asked_about(qtbot, window, folder, monkeypatch):
    controller, version = _waiting_new_version(qtbot, window, folder)

    controller.roll_back(version)

    assert controller.new_version is version and _undecided(version)  # not loaded yet
    assert _quit_asks(controller, monkeypatch)
    qtbot.waitUntil(lambda: controller.new_version is None, timeout=10_000)  # loaded since: the choice made
    assert not _undecided(version)
