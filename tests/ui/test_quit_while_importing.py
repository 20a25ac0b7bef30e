"""Ctrl+Q while the model still loaded left the window on screen, frozen, for up to 6 s and the process
ran 6-14 s more: closing waited (up to 30 s) for the prediction worker, which was importing TensorFlow,
an import that cannot be interrupted, and would load the model after it. The window hides at once now,
the worker is not waited for while it imports and loads no model after the import, and the process
ends without waiting for the import, its state saved first."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from .conftest import FakeFactory, write_image


class ImportingFactory(FakeFactory):
    """A factory whose ``prepare()`` (TensorFlow's import in the window's) waits to be let go."""

    def __init__(self, table) -> None:
        super().__init__(table)
        self.importing = threading.Event()
        self.imported = threading.Event()

    def prepare(self) -> None:
        self.importing.set()
        self.imported.wait(10)


@pytest.fixture
def importing_factory():
    factory = ImportingFactory({})
    yield factory
    factory.imported.set()


def test_shutdown_does_not_wait_for_the_import_and_no_model_loads_after_it(qtbot, importing_factory):
    from petloc_gui.ui.models.prediction_service import PredictionService

    service = PredictionService(importing_factory)
    service.set_model("digits")
    qtbot.waitUntil(importing_factory.importing.is_set, timeout=5000)
    assert service.importing()
    service.shutdown()  # returns with the import still going (it waited up to 30 s)
    assert service.importing() and importing_factory.handles == []
    importing_factory.imported.set()
    assert service._worker.wait(5)  # the worker ends as the import returns...
    assert importing_factory.handles == []  # ...without loading the model
    assert not service.importing()


def test_the_import_is_done_once_and_the_model_loads_after_it(qtbot, importing_factory):
    from petloc_gui.ui.models.prediction_service import PredictionService

    importing_factory.imported.set()
    service = PredictionService(importing_factory)
    with qtbot.waitSignal(service.model_loaded, timeout=5000):
        service.set_model("digits")
    with qtbot.waitSignal(service.model_loaded, timeout=5000):
        service.set_model("pets")
    assert [handle.info.spec for handle in importing_factory.handles] == ["digits", "pets"]
    service.shutdown()


def test_closing_hides_the_window_before_stopping_its_workers(qtbot, window, monkeypatch):
    shown_when_stopping = []
    real_shutdown = window.predictions.shutdown

    def shutdown():
        shown_when_stopping.append(window.isVisible())
        real_shutdown()

    monkeypatch.setattr(window.predictions, "shutdown", shutdown)
    window.guard.confirm_leave = lambda reload=False: True
    window.close()
    assert shown_when_stopping[:1] == [False]


def keras_only_digits(into: Path) -> Path:
    """The bundled digits model without the record of its .tflite file (`model.tflite_provenance`): a model
    the window loads through TensorFlow, importing it first (the bundled ones run without it)."""
    import json
    import shutil

    from petloc_gui.core.paths import resources_dir

    folder = into / "digits-keras"
    folder.mkdir()
    shutil.copy(resources_dir() / "models" / "digits" / "model.keras", folder / "model.keras")
    meta = json.loads((resources_dir() / "models" / "digits" / "meta.json").read_text(encoding="utf-8"))
    meta.pop("tflite")
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_the_process_ends_at_once_when_closed_during_the_import(tmp_path):
    """The real entry point, its factory's import made endless: closing the window ends the process."""
    folder = tmp_path / "images"
    folder.mkdir()
    write_image(folder / "a.png")
    model = keras_only_digits(tmp_path)
    code = textwrap.dedent(f"""
        import sys, threading, time
        from PySide6.QtCore import QTimer
        from petloc_gui.ui import app
        from petloc_gui.ui.models import tensorflow_import

        importing = threading.Event()

        def import_tensorflow():
            importing.set()
            time.sleep(120)  # an import that cannot be interrupted

        tensorflow_import.import_tensorflow = import_tensorflow
        start = app._startup

        def startup(window, args, screenshot_mode):
            start(window, args, screenshot_mode)

            def close_once_importing():
                if importing.is_set():
                    print("closing", flush=True)
                    window.close()
                else:
                    QTimer.singleShot(50, close_once_importing)

            close_once_importing()

        app._startup = startup
        sys.exit(app.main([{str(folder)!r}, "--model", {str(model)!r}]))
        """)
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=110)
    took = time.monotonic() - started
    assert out.returncode == 0, out.stderr
    assert "closing" in out.stdout
    assert took < 25, f"the process ran {took:.0f} s"
    from petloc_gui.ui.settings import Settings

    # saved before the process ended (read from its file: this process's QSettings keeps the folder it
    # found first, another test's)
    written = Path(os.environ["XDG_CONFIG_HOME"]) / "petloc" / "petloc.conf"
    assert Settings(str(written)).last_folder == str(folder)
