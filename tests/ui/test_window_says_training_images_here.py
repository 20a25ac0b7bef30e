"""The window said nothing when the model in use trained on images of the open folder: a folder holding its
training photos under other names (another tool's export) listed training-set IoU and confidence as any image's, and
the model label's figures did not say they were another folder's. Now, as `petloc evaluate` does: a caution on the
model label and the Dataset panel's model line, and a status message once; read off the UI thread, following the
model and the folder. A real window, real folders of copied photos (tests/model/trained_here_folders.py)."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.model import bundle as bundle_module
from tests.model.trained_here_folders import bundle, training_folder
from tests.ui import trained_here_window
from tests.ui.conftest import open_and_wait

pytestmark = pytest.mark.slow  # a real window, folders opened twice


window = trained_here_window.window  # the fixture, for the tests below


def _answer(qtbot, window):
    qtbot.waitUntil(lambda: window.trained_here.found is not None and not window.trained_here.found.pending,
                    timeout=10_000)
    return window.trained_here.found


def test_the_window_says_which_images_the_model_trained_on(qtbot, window, tmp_path, monkeypatch):
    source, copies, model = trained_here_window.trained_and_copied(tmp_path)
    threads: set[str] = set()
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none",
                        lambda path: threads.add(threading.current_thread().name) or real(path))
    messages: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and messages.append(text))

    open_and_wait(qtbot, window, copies, model=str(model))
    found = _answer(qtbot, window)
    assert (found.count, found.images) == (4, 7)
    assert threads and threading.main_thread().name not in threads  # every image hashed off the UI thread
    label = window.model_status.text()
    assert "acc 0.900 · IoU 0.800" in label
    assert "4 of this folder's 7 images are training images of it or of a model it was fine-tuned from" in label
    # the validation photo's copy (task_4.png) is here, found by its bytes: the figures are on this folder's image
    assert "measured on its" not in label
    # a status line with little room keeps their short forms (`model_label_fit`)
    assert window.model_status.line().figured.said.least().endswith(' · 4/7 trained on')
    panel = window.dataset_panel.model_label.text()
    assert "pets-cvat" in panel
    assert "4 of this folder&#x27;s 7 images are training images of it or of a model it was fine-tuned from" in panel
    said = [m for m in messages if "training images of pets-cvat" in m]
    assert said == ["4 of this folder's 7 images are training images of pets-cvat or of a model it was fine-tuned "
                    "from (4 by identical bytes): the list's IoU and Conf on them and the review queue are "
                    "training-set figures (held-out figures: petloc evaluate --split validation on its training "
                    "folder, or a folder it never trained on)."]

    window.set_model("fake")  # a model without a record: nothing said of it, the caution goes
    qtbot.waitUntil(lambda: "fake" in window.model_status.text() and "acc" in window.model_status.text())
    assert window.trained_here.found is None and "training images" not in window.model_status.text()

    window.set_model(str(model))  # back: the folder's images are not read again (their hashes are kept)
    threads.clear()
    assert _answer(qtbot, window).count == 4
    assert not threads

    open_and_wait(qtbot, window, source, model=str(model))  # its own training folder: no "another folder"
    found = _answer(qtbot, window)
    assert (found.count, found.images) == (4, 5)
    label = window.model_status.text()
    assert "4 of this folder's 5 images are training images of it or of a model it was fine-tuned from" in label
    assert "measured on its" not in label


@pytest.mark.parametrize("leave", ["another model", "another folder"])
def test_a_check_of_what_is_no_longer_shown_is_stopped_and_dropped(qtbot, window, tmp_path, monkeypatch, leave):
    worker, go_on, source = trained_here_window.check_held_at_its_first_image(qtbot, window, tmp_path, monkeypatch)
    watch = window.trained_here
    if leave == "another model":
        window.set_model("fake")
    else:
        assert window.open_folder(source, model="fake")
    qtbot.waitUntil(lambda: worker.aborted, timeout=10_000)
    go_on.set()
    qtbot.waitUntil(worker.is_finished, timeout=10_000)
    qtbot.wait(50)  # anything it had sent is handled by now
    assert watch.found is None  # the fake model has no record: nothing of the check stands
    assert "of this folder's 7 images" not in window.model_status.text()


def test_a_box_corrected_on_an_image_the_figures_are_on_is_said_once_saved(qtbot, window, tmp_path):
    """Reshaping the box of a validation image and saving left the label's figures as they were, with nothing said
    (they are on the box the run read)."""
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    open_and_wait(qtbot, window, source, model=str(model))
    assert _answer(qtbot, window).reboxed == 0
    assert "re-boxed" not in window.model_status.text()
    names = [item.image_path.name for item in window.session.dataset.items]

    window.show_row(names.index("cvat_0.png"))  # a training image: not one the figures are on
    window.accept_prediction()
    assert window.save_current()
    qtbot.wait(800)  # the check after a save waits for a burst of them to end
    qtbot.waitUntil(lambda: not window.trained_here.busy(), timeout=10_000)
    assert "re-boxed" not in window.model_status.text()

    window.show_row(names.index("cvat_4.png"))  # its validation image, boxed again as the model predicts
    window.accept_prediction()
    assert window.save_current()
    qtbot.waitUntil(lambda: "re-boxed" in window.model_status.text(), timeout=10_000)
    label = window.model_status.text()
    assert ("the validation image they were measured on was re-boxed since: petloc evaluate --split validation "
            "re-scores it") in label
    # the other cautions stay
    assert "4 of this folder's 5 images are training images of it or of a model it was fine-tuned from" in label
    assert "re-boxed since" in window.dataset_panel.model_label.text()
