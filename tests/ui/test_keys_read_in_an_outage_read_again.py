"""An image's file key read while its folder could not be looked at (chmod 000, a network share dropping) says "no
file", and it was kept for the rest of the open: a model loaded in the outage, before the window noticed it, read
the folder's keys again, the images there failed to predict, and the failure was kept under "no file"; once the
folder could be read the rows were looked up by that key, found the failure, read "error" until the folder was
opened again, and the model's walk skipped them. Now a key that says no file answers the ask it was read for and is
read again at the next."""

from __future__ import annotations

from petloc_gui.app.file_key import NO_FILE
from petloc_gui.ui.review.image_keys import ImageKeys

from .conftest import look_now, write_image
from .outage_folder import C, D, opened_on_a, outage_begins
from .unreadable_paths import unreadable


def test_a_row_not_shown_is_predicted_again_once_the_folder_can_be_read(qtbot, window, tmp_path, monkeypatch):
    root = opened_on_a(qtbot, window, tmp_path)
    model = window.session.model
    with monkeypatch.context() as outage:
        outage_begins(qtbot, window, root / "day", outage)
        window.set_model("other")  # its keys read again in the outage (another model: the files may have changed)
        qtbot.waitUntil(lambda: model.pred_errors[C] is not None and model.pred_errors[D] is not None, timeout=10_000)
        look_now(qtbot, window)
        assert window.statusBar().currentMessage().startswith("Cannot read the folder")
    look_now(qtbot, window)  # readable again
    qtbot.waitUntil(lambda: model.pred_errors[C] is None and model.pred_errors[D] is None, timeout=10_000)
    assert model.pred_label[C] == "dog" and model.pred_label[D] == "cat"


def test_a_key_read_while_its_file_cannot_be_looked_at_is_read_again(qtbot, tmp_path, monkeypatch):
    image = tmp_path / "a.png"
    write_image(image)
    keys = ImageKeys()
    answers: list = []
    with monkeypatch.context() as outage:
        unreadable(outage, image)
        keys.when_known([image], answers.append)
        qtbot.waitUntil(lambda: len(answers) == 1, timeout=5000)
    assert answers[0] == [(str(image), NO_FILE)]  # answered all the same (the walk predicts it: it fails)
    keys.when_known([image], answers.append)
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5000)
    assert answers[1][0][1] != NO_FILE and answers[1][0][1].size == image.stat().st_size
