"""Fixtures for the GUI tests: a generated folder, a fake model, a window."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from petloc_gui.core.boxes import Box


@pytest.fixture(scope="package", autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As the app does (`ui.main_thread_gc`): no cyclic collection in worker threads, where it
    can deadlock against the UI thread (it hung a CI dry run in test_external_changes.py)."""
    from petloc_gui.ui.main_thread_gc import MainThreadCollector

    collector = MainThreadCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_between_tests(_collect_on_the_ui_thread):
    yield
    _collect_on_the_ui_thread.check()  # whatever is due, on the UI thread


@dataclass(frozen=True)
class FakePrediction:
    label: str
    confidence: float
    box: Box
    probabilities: tuple = ()


class FakeHandle:
    """Predicts from a table (image name -> FakePrediction); raises for unreadable images."""

    def __init__(self, spec: str, table: dict, version: str = "v1") -> None:
        from petloc_gui.ui.model_info import ModelInfo

        self.info = ModelInfo(spec=spec, name=f"fake-{spec}", path=None, version_id=f"{spec}-{version}",
                              class_names=("cat", "dog"), metrics={"accuracy": 0.9, "mean_iou": 0.8})
        self.table = table
        self.calls: list[list[str]] = []

    def predict_paths(self, paths):
        from petloc_gui.core.errors import ImageLoadError
        from petloc_gui.core.images import load_image

        self.calls.append([p.name for p in paths])
        out = []
        for path in paths:
            try:
                load_image(path)
            except ImageLoadError as exc:
                out.append(exc)
                continue
            out.append(self.table.get(path.name, FakePrediction("cat", 0.5, Box(10, 10, 50, 50))))
        return out


@dataclass
class FakeFactory:
    table: dict
    fail: set = dataclasses.field(default_factory=set)
    handles: list = dataclasses.field(default_factory=list)

    def __call__(self, spec: str):
        if spec in self.fail:
            raise RuntimeError(f"cannot load {spec}")
        handle = FakeHandle(spec, self.table)
        self.handles.append(handle)
        return handle


def write_image(path: Path, size=(120, 90), seed=0) -> None:
    from PIL import Image

    rng = np.random.default_rng(seed)
    array = rng.integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    Image.fromarray(array).save(path)


def write_annotation(image: Path, objects: list[tuple[str, Box]], size=(120, 90)) -> Path:
    from petloc_gui.core.voc import VocObject, new_annotation, write_voc

    annotation = new_annotation(image, *size)
    for name, box in objects:
        annotation.objects.append(VocObject(name=name, box=box))
    xml = image.with_suffix(".xml")
    write_voc(annotation, xml)
    return xml


# Ground truth and predictions with known disagreements (review-queue order is checkable):
#   a: agree, IoU 1             -> late
#   b: box far off (IoU 0)      -> first
#   c: label wrong, IoU ~0.8    -> after the bad boxes
#   d: no GT, prediction 0.6    -> pre-label
#   e: box somewhat off (IoU ~0.33) -> second
GT = {
    "a.png": [("cat", Box(10, 10, 50, 50))],
    "b.png": [("dog", Box(10, 10, 40, 40))],
    "c.png": [("cat", Box(20, 20, 60, 60))],
    "e.png": [("dog", Box(10, 10, 50, 50))],
}
PRED = {
    "a.png": FakePrediction("cat", 0.95, Box(10, 10, 50, 50)),
    "b.png": FakePrediction("dog", 0.90, Box(70, 50, 110, 85)),
    "c.png": FakePrediction("dog", 0.80, Box(22, 22, 62, 62)),
    "d.png": FakePrediction("cat", 0.60, Box(30, 30, 70, 70)),
    "e.png": FakePrediction("dog", 0.70, Box(30, 10, 70, 50)),
}


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "pets"
    root.mkdir()
    for i, name in enumerate(["a.png", "b.png", "c.png", "d.png", "e.png"]):
        write_image(root / name, seed=i)
        if name in GT:
            write_annotation(root / name, GT[name])
    return root


@pytest.fixture
def answers(monkeypatch):
    """Record message boxes; question() answers from ``record["queue"]``."""
    from PySide6.QtWidgets import QMessageBox

    record = {"questions": [], "warnings": [], "queue": []}

    def question(parent, title, text, *args, **kwargs):
        record["questions"].append(text)
        return record["queue"].pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: record["warnings"].append(text))
    return record


def edit_b(window) -> None:
    """Leave an unsaved edit: b's box moves to its prediction (dog at 70,50,110,85)."""
    window.show_row(1)
    window.accept_prediction()
    assert window.has_unsaved()


@pytest.fixture
def factory() -> FakeFactory:
    return FakeFactory(dict(PRED))


@pytest.fixture
def window(qtbot, factory, tmp_path):
    yield from main_window_for_a_test(qtbot, factory, tmp_path)


def main_window_for_a_test(qtbot, factory, tmp_path):
    """The real window of the UI tests (a generator for a fixture: shown, then closed and deleted)."""
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    # Its own settings file: a window closed by one test must not lay out the next one, nor one
    # test's export options change the next one's export.
    win = MainWindow(model_factory=factory, settings=Settings(str(tmp_path / "settings.ini")))
    win.resize(1200, 800)
    win.show()
    _wait_for_images_shown(qtbot, win)
    yield win
    vars(win).pop("show_row", None)  # `_wait_for_images_shown`'s closure over the window: a cycle through it
    destroy_window(win)


def destroy_window(win) -> None:
    """Close a test's main window, shut it down and delete it now, without asking about the edits it keeps
    (tests leave some behind on purpose).

    Not ``deleteLater()``: until the event loop ran it, the closed window's C++ side lived on while the
    collector between tests (`_collect_between_tests`, the `MainThreadCollector`'s timer) freed its Python
    wrappers caught in cycles, and a freed wrapper deleted the widget it owned (PySide's ownership handed back
    to Python while a cycle is cleared): headers, the Dataset panel's summary, deleted inside a window whose
    timers still ran (a use-after-free that could reach the next test). Deleted here, whole, while Python still
    holds every wrapper, the window leaves the collector only dead ones."""
    import shiboken6

    win.guard.confirm_leave = lambda reload=False: True
    win.close()
    win.shutdown()
    shiboken6.delete(win)


def _wait_for_images_shown(qtbot, win) -> None:
    """Make ``win.show_row`` return once the image is on screen.

    The window decodes an image it has not cached in a pool thread and shows
    "Loading…" meanwhile (tests/ui/test_image_loading.py checks exactly that,
    through ``session.show``); the other tests read the shown image, its
    document and its status right after showing it, so they wait for it here.
    Keys and actions that show an image go through ``show_row`` too.
    """
    show_row = win.show_row

    def show_row_and_wait(row: int) -> None:
        show_row(row)
        wait_image_shown(qtbot, win)

    win.show_row = show_row_and_wait


def wait_image_shown(qtbot, window, timeout=10_000) -> None:
    """Wait until the current image's decode has arrived (no "Loading…" pane)."""
    session = window.session
    if session is not None:
        qtbot.waitUntil(lambda: session.loading is None, timeout=timeout)


def wait_predictions(qtbot, window, count: int | None = None, timeout=10_000) -> None:
    """Wait until every row (or ``count`` rows) has a prediction or an error."""
    model = window.session.model
    target = count if count is not None else len(model.names)

    def done():
        assert model.count_predicted_or_failed() >= target

    qtbot.waitUntil(done, timeout=timeout)


def open_and_wait(qtbot, window, folder, model="fake") -> None:
    assert window.open_folder(folder, model=model)
    wait_predictions(qtbot, window)
    scanner = window.session.watchers.scanner
    qtbot.waitUntil(scanner.scan_done, timeout=10_000)
    window.session.model.update_ranks()


def folder_notice(window) -> str:
    """The line under the image list that says images were added or removed ("" while hidden)."""
    dock = window.file_dock
    return dock.folder_notice_text.text() if dock.folder_notice.isVisibleTo(dock) else ""


def look_now(qtbot, window) -> None:
    """One look of the image-set watch finished (not waiting for its folder event or its poll)."""
    watch = window.session.watchers.image_watch
    watch.look()
    qtbot.waitUntil(lambda: not watch.looks.busy, timeout=5000)


def names_in_view_order(window) -> list[str]:
    """The image list's names as shown (its sort and filters)."""
    model = window.session.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def class_list_dialog(qtbot, window):
    """Edit → Classes… as the window builds it: the folder's classes and the current model's."""
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
    from petloc_gui.ui.review.class_editor import ClassEditor

    info = window.current_model_info
    dialog = ClassListDialog(ClassEditor(window.session, window.edits, lambda: info().class_names if info() else (),
                                         host=window), window)
    qtbot.addWidget(dialog)
    return dialog
