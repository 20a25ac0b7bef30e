"""The status line's model label took a name for markup: a model trained on a folder named "<b>cvat</b> export"
read 'measured on its training folder "cvat export"', bold and its tags gone (a model named "<i>x</i> run" too, and
"Model failed: /home/u/<b>runs</b>/v2"; an "<img src=…>" name would have Qt load a local file), and once rich the
label was no longer fitted (compact form, "…"), so its end was cut. It is plain text, fitted as any other."""

from __future__ import annotations

import json

from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import loaded_line
from petloc_gui.ui.status_line import ModelLabel, StatusLine, label_elided, label_is_plain, label_shown_text
from tests.model.trained_here_folders import bundle, copied_folder, training_folder
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait
from tests.ui.shown_text import label_shown

window = trained_here_window.window
FIGURES = {"accuracy": 0.9, "mean_iou": 0.8, "n_images": 5}


def test_a_training_folder_named_like_markup_is_named_as_it_is(qtbot, window, tmp_path):
    source = training_folder(tmp_path)
    copies = copied_folder(tmp_path, source)
    (copies / "task_4.png").unlink()  # the validation photo's copy: its figures then measured elsewhere
    model = bundle(tmp_path, source)
    meta = json.loads((model / "meta.json").read_text())
    meta["training_data"]["root_name"] = "<b>cvat</b> export"
    (model / "meta.json").write_text(json.dumps(meta))
    open_and_wait(qtbot, window, copies, model=str(model))
    qtbot.waitUntil(lambda: window.trained_here.found is not None and not window.trained_here.found.pending,
                    timeout=10_000)
    assert 'its training folder "<b>cvat</b> export"' in window.model_status.text()  # else the test says nothing
    assert label_shown(window.model_status) == window.model_status.text()


def test_failed_and_named_like_markup_are_drawn_as_written(qapp):
    label = ModelLabel("No model")
    for text in ("Model failed: /home/u/<b>runs</b>/v2", "<img src='/etc/x.png'> Model",
                 loaded_line(ModelInfo(spec="/m/x", name="<i>x</i> run", path=None, version_id="v",
                                       metrics=FIGURES))):
        label.setText(text)
        assert label_shown(label) == text


def test_a_name_like_markup_is_fitted_as_any_other(qtbot):
    bar = StatusLine()
    qtbot.addWidget(bar)
    line = loaded_line(ModelInfo(spec="/m/x", name="<i>pets</i> 20261205T090000Z-abcdef", path=None,
                                 version_id="v", metrics=FIGURES))
    label = ModelLabel(line)
    bar.addPermanentWidget(label)
    bar.resize(450, 30)  # narrower than its whole text (a long message: the label gives way whole to it)
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: label_elided(label))  # laid out
    assert label_is_plain(label)
    assert "acc 0.900 · IoU 0.800" in label_shown_text(label)  # the compact form: the figures kept
