"""An image replaced on disk in the seconds between a folder's open and its model's load showed, in its list
row, the prediction its model had made in an earlier run of the old picture: the window looked the folder's
predictions up, once the model had loaded, by the file keys read as the folder opened (`ImageKeys`), which
still found the old file's kept prediction; and the model's walk over the folder, by the same keys, skipped
the image as predicted. Only showing the image predicted it anew. Now the keys the kept predictions were
served by are read again once the model has loaded: a row whose image changed meanwhile shows no prediction
until the model's of the new picture arrives."""

from __future__ import annotations

import threading

from petloc_gui.core.boxes import Box

from .conftest import FakePrediction, wait_predictions, write_image
from .test_predictions_shown_while_loading import BundleFactory, _first_run, _reopen
from .test_predictions_shown_while_loading import bundle as bundle

MORE = [f"p{i}.png" for i in range(8)]  # so that the last is not one of the shown image's prefetched neighbours
CHANGED = MORE[-1]
NEW = FakePrediction("dog", 0.42, Box(5, 5, 25, 25))  # the model's prediction of its new picture
OLD = FakePrediction("cat", 0.5, Box(10, 10, 50, 50))  # of its old one (`FakeHandle`'s for a name it lacks)


class HeldOnNew(BundleFactory):
    """Its model predicts the changed image's new picture (`NEW`), and waits for ``e_release`` before it says so."""

    def __init__(self, bundle) -> None:
        super().__init__(bundle, hold=True)
        self.table[CHANGED] = NEW
        self.e_release = threading.Event()
        self.e_asked = threading.Event()

    def __call__(self, spec: str):
        handle = super().__call__(spec)
        predict = handle.predict_paths

        def predict_paths(paths):
            if any(path.name == CHANGED for path in paths):
                self.e_asked.set()
                self.e_release.wait(20)
            return predict(paths)

        handle.predict_paths = predict_paths
        return handle


def test_an_image_changed_while_the_model_loads_shows_no_prediction_of_its_old_picture(
        qtbot, tmp_path, folder, bundle):
    for seed, name in enumerate(MORE, start=10):
        write_image(folder / name, seed=seed)
    _first_run(qtbot, tmp_path, folder, bundle)
    factory = HeldOnNew(bundle)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        wait_predictions(qtbot, window)  # kept ones, served while the model loads
        model = window.session.model
        row = model.names.index(CHANGED)
        assert (model.pred_label[row], model.pred_box[row]) == (OLD.label, OLD.box)
        write_image(folder / CHANGED, size=(100, 80), seed=99)  # another picture, copied in meanwhile
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)
        qtbot.waitUntil(factory.e_asked.is_set, timeout=5000)  # the model predicts the new picture
        qtbot.wait(100)
        assert model.pred_label[row] is None and model.pred_box[row] is None  # not the old picture's
        factory.e_release.set()
        qtbot.waitUntil(lambda: model.pred_box[row] == NEW.box, timeout=5000)
        assert model.pred_label[row] == NEW.label
        assert [name for call in factory.handles[0].calls for name in call] == [CHANGED]  # the others kept
        assert all(model.pred_box[r] is not None for r in range(len(model.names)))
    finally:
        factory.release.set()
        factory.e_release.set()
        next(runs, None)
