"""An image whose file name is not UTF-8 (Python holds the bytes as surrogate escapes, "bad\\udcff\\udcfename.png").

Such a path lost its escapes crossing a Qt signal declared with ``str`` (a QString holds no lone
surrogate): the decode arrived as "badname.png", was not the one awaited, and the image stayed on
"Loading…" for ever; its prediction went to the row of a file really named "badname.png", or
nowhere. The paths cross the signals as Python objects now.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.boxes import Box
from tests.ui.conftest import PRED, FakeFactory, FakePrediction, main_window_for_a_test, write_image

BAD_NAME = os.fsdecode(b"bad\xff\xfename.png")
# what is left of BAD_NAME once its surrogates are dropped: a real file too, so a prediction that
# lost them lands on a row, the wrong one
STRIPPED_NAME = "badname.png"
BAD_SIZE = (100, 70)
BAD_PREDICTION = FakePrediction("dog", 0.77, Box(5, 6, 55, 44))
STRIPPED_PREDICTION = FakePrediction("cat", 0.31, Box(40, 30, 90, 80))


@pytest.fixture
def factory() -> FakeFactory:
    return FakeFactory({**PRED, BAD_NAME: BAD_PREDICTION, STRIPPED_NAME: STRIPPED_PREDICTION})


@pytest.fixture
def window(qtbot, factory, tmp_path):
    yield from main_window_for_a_test(qtbot, factory, tmp_path)


@pytest.fixture
def bad_folder(folder):
    try:
        write_image(folder / BAD_NAME, size=BAD_SIZE, seed=8)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a file name that is not UTF-8")
    write_image(folder / STRIPPED_NAME, seed=9)
    # as the hunt reproduced it: the image's annotation copied from another image's
    shutil.copyfile(folder / "a.xml", folder / f"{BAD_NAME[:-4]}.xml")
    return folder


def _row(window, name: str) -> int:
    return next(r for r, item in enumerate(window.dataset.items) if item.image_path.name == name)


def test_an_image_named_in_bytes_that_are_not_utf8_is_shown_and_predicted(qtbot, window, factory, bad_folder):
    # each prediction as the window's receivers get it: a lost escape gave BAD_NAME's to STRIPPED_NAME's
    # row, and none to BAD_NAME's (the rows are checked too, but a refill from the cache, `request_all`,
    # may mend them when it comes after the predictions, as it does with this instant fake model)
    delivered: list[tuple[str, object]] = []
    window.predictions.predicted.connect(lambda path, _version, result: delivered.append((path, result)))
    window.images.max_items = 1  # no prefetch: the image is decoded when shown, its path through the signal
    assert window.open_folder(bad_folder, model="fake")
    session = window.session
    bad, stripped = _row(window, BAD_NAME), _row(window, STRIPPED_NAME)
    qtbot.waitUntil(window.images.is_idle, timeout=10_000)
    assert window.images.cached(window.dataset.items[bad].image_path) is None
    session.show(bad)
    # the fixture's show_row would wait too; here the failure says what is wrong
    qtbot.waitUntil(lambda: session.loading is None, timeout=10_000)
    doc = window.edits.doc
    assert doc is not None and doc.image_path.name == BAD_NAME
    assert doc.image_size == BAD_SIZE  # the decoded picture's, not an error's (0, 0)
    model = session.model
    qtbot.waitUntil(lambda: model.count_predicted_or_failed() == len(model.names), timeout=10_000)
    assert model.pred_label[bad] == BAD_PREDICTION.label
    assert model.pred_label[stripped] == STRIPPED_PREDICTION.label
    assert model.pred_box[bad] == BAD_PREDICTION.box
    assert (str(bad_folder / BAD_NAME), BAD_PREDICTION) in delivered
    assert all(factory.table[Path(path).name] == result
               for path, result in delivered if Path(path).name in factory.table)


# A model given as a folder whose name is not UTF-8 (`petloc-gui FOLDER --model DIR`): the fake's
# version id holds its spec, as a real bundle's holds its path (`model_handle`).
BAD_MODEL = os.fsdecode(b"/models/m\xff")


def test_a_model_folder_named_in_bytes_that_are_not_utf8_predicts(qtbot, window, folder):
    statuses: list[str] = []
    switched: list[str] = []
    versions: list[str] = []
    window.models.status.connect(statuses.append)
    window.models.switched.connect(switched.append)
    window.predictions.predicted.connect(lambda _path, version, _result: versions.append(version))
    assert window.open_folder(folder, model=BAD_MODEL)
    model = window.session.model
    qtbot.waitUntil(lambda: window.models.info is not None, timeout=10_000)
    info = window.models.info
    assert info.spec == BAD_MODEL
    qtbot.waitUntil(lambda: model.count_predicted_or_failed() == len(model.names), timeout=10_000)
    assert model.pred_label[model.names.index("b.png")] == PRED["b.png"].label
    # its predictions were taken for another model's and dropped (`PredictionsShown._predicted`): the rows
    # filled only where a refill from the cache (`request_all`) came after them, as here with a fake model
    assert versions and set(versions) == {info.version_id}
    assert switched == [BAD_MODEL]
    # its start was taken for another model's: the status line never said it was loading
    assert any(line.startswith("Loading model") for line in statuses)


def test_a_model_folder_named_in_bytes_that_are_not_utf8_says_it_failed(qtbot, window, factory, folder,
                                                                         monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "show", lambda self: None)  # the non-modal error box
    factory.fail.add(BAD_MODEL)
    assert window.open_folder(folder, model=BAD_MODEL)
    # its failure was taken for another model's: the window said nothing and stayed on "Loading model…"
    qtbot.waitUntil(lambda: window.models.problem is not None, timeout=10_000)
    assert "cannot load /models/m" in window.models.problem  # (a message: said as Qt shows it)
