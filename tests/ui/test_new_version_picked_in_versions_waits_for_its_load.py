"""The new model of a run, waiting for Use / Discard, picked in Model → Versions: the choice is made once it has
loaded, as a pick of any version is kept then (`ui.models.picked_version`). Before, the pick made it at once: the
Retraining window said "Now using the new model" and forgot the version, though its load might fail (the window
back to the model used before, the version still undecided, Use / Discard gone and quitting asking nothing) or the
window might be quit before it loaded (nothing asked: the next start warned of a model the user had picked)."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.training import retrain_quit
from petloc_gui.ui.training.retrain_controller import install_retraining
from tests.model_files import fake_bundle

from .conftest import PRED, FakeFactory, open_and_wait, write_annotation, write_image
from .test_pick_keeps_an_undecided_version import _loaded, _undecided, _undecided_version


class GatedFactory(FakeFactory):
    """The models of the test, a spec in ``gates`` loading only once its event is set (a pick still loading)."""

    def __init__(self, table) -> None:
        super().__init__(table)
        self.gates: dict[str, threading.Event] = {}

    def __call__(self, spec: str):
        gate = self.gates.get(spec)
        if gate is not None:
            gate.wait(20)
        return super().__call__(spec)


@pytest.fixture
def factory() -> GatedFactory:
    return GatedFactory(dict(PRED))


def _waiting_new_version(qtbot, window, folder, version=None):
    """Retraining on ``window``, ``folder`` open with pets, and a run's new model (``version``, else one knowing
    cat and dog) waiting for Use / Discard."""
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder, model="pets")
    version = version or _undecided_version()
    controller.new_version, controller.run_folder = version, folder  # as a finished run leaves them
    controller._run_spec = "pets"
    controller._progress_window().show_result({}, {}, "", old_name="pets")  # Use / Discard offered
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


def test_stale_pick_then_auto_choice(qtbot, window, folder, factory, tmp_path):
    """A pick of the new model that failed with no model to go back to (the one in use had failed too) is over:
    the version loaded later for another folder's zebras was not the user's Use. Before, the failed pick was
    remembered until some load: that one said "Now using the new model" and took Use / Discard away."""
    staging = VersionStore().new_staging_dir("pets")
    fake_bundle(staging, ["zebra", "okapi"], preset="pets")
    controller, version = _waiting_new_version(qtbot, window, folder, VersionStore().commit(staging, decided=False))
    factory.fail.add("pets")
    window.models.set_model("pets")  # the model in use fails: none to go back to
    qtbot.waitUntil(lambda: window.models.problem is not None, timeout=10_000)
    factory.fail.add(str(version.path))
    controller.roll_back(version)
    qtbot.waitUntil(lambda: window.models.error_box is not None
                    and str(version.path) in window.models.error_box.text(), timeout=10_000)
    factory.fail.discard(str(version.path))
    zebras = tmp_path / "zebras"
    zebras.mkdir()
    write_image(zebras / "a.png", seed=1)
    write_annotation(zebras / "a.png", [("zebra", Box(10, 10, 50, 50))])
    window.guard.confirm_leave = lambda reload=False: True

    open_and_wait(qtbot, window, zebras, model=None)  # the version loads, chosen for the folder's zebras

    qtbot.waitUntil(lambda: _loaded(window, str(version.path)), timeout=10_000)
    assert controller.new_version is version and _undecided(version) and controller.awaits_choice()
    assert "Now using" not in controller._progress_window().status.text()
    controller.new_version = None  # (the window closes unasked at the test's end)


def test_other_pick_fails_back_to_new(qtbot, window, folder, factory):
    """The new model picked, then another version before it loaded, which fails: back to the model used before
    the new one (pets), the new one still waiting for Use / Discard. Before, the window went "back" to the new
    model, never used: it loaded as a plain switch, neither remembered for the folder nor decided."""
    controller, version = _waiting_new_version(qtbot, window, folder)
    other = _undecided_version()
    gate = factory.gates[str(version.path)] = threading.Event()
    controller.roll_back(version)
    factory.fail.add(str(other.path))

    controller.roll_back(other)  # picked while the new model loads: it fails to load
    gate.set()

    try:
        qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
        text = window.models.error_box.text()
        assert "Back to pets, the model used before" in text and f"Back to {version.path.name}" not in text
        qtbot.waitUntil(lambda: _loaded(window, "pets"), timeout=10_000)
        assert controller.new_version is version and _undecided(version) and controller.awaits_choice()
        assert "Now using" not in controller._progress_window().status.text()
    finally:
        controller.new_version = None  # (the window closes unasked at the test's end, even on a failure)
