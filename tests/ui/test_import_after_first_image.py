"""TensorFlow's import started with the window and, holding the GIL up to a second at a time, kept the
first image from the screen about a second longer. The import is held back now until the image pane has
been drawn with an image (`first_image.ImportAfterFirstImage`), or a few seconds have passed."""

from __future__ import annotations

import pytest

from .conftest import PRED, open_and_wait
from .test_quit_while_importing import ImportingFactory


@pytest.fixture
def factory():
    made = ImportingFactory(dict(PRED))
    made.imported.set()  # an import that returns at once
    return made


def test_a_held_import_waits_to_be_released(qtbot, factory):
    from petloc_gui.ui.models.prediction_service import PredictionService

    service = PredictionService(factory)
    service.hold_prepare()
    service.set_model("fake")
    assert not factory.importing.wait(0.3)  # the worker waits for the release
    with qtbot.waitSignal(service.model_loaded, timeout=5000):
        service.release_prepare()
    assert factory.importing.is_set()
    service.shutdown()


def test_a_held_import_never_starts_after_shutdown(qtbot, factory):
    from petloc_gui.ui.models.prediction_service import PredictionService

    service = PredictionService(factory)
    service.hold_prepare()
    service.set_model("fake")
    service.shutdown()  # the held worker ends: nothing to wait for
    assert service._worker.wait(5)
    assert not factory.importing.is_set() and factory.handles == []


def test_the_import_starts_once_the_first_image_is_drawn(qtbot, window, factory, folder):
    from petloc_gui.ui.first_image import ImportAfterFirstImage

    presented_at_release = []
    release = window.predictions.release_prepare

    def released():
        session = window.session
        presented_at_release.append(session is not None and session.loading is None and session.current is not None)
        release()

    window.predictions.release_prepare = released
    ImportAfterFirstImage(window, wait_ms=60_000)
    window.panel.gt_pane.viewport().repaint()  # drawn with no image: not yet
    open_and_wait(qtbot, window, folder)  # the predictions come once the import has run
    assert factory.importing.is_set()
    assert presented_at_release == [True]


def test_the_import_starts_anyway_when_no_image_comes(qtbot, window, factory):
    from petloc_gui.ui.first_image import ImportAfterFirstImage

    ImportAfterFirstImage(window, wait_ms=50)
    window.predictions.set_model("fake")  # no folder: no image to wait for
    qtbot.waitUntil(factory.importing.is_set, timeout=5000)
