"""A label of nothing but characters drawn as nothing ("\u200b") is no class (`core.scored_objects.labelled`):
training passes over it, its boxes count for no class. On a later box of one image, the window still took it for
one of the folder's classes: the bar said "does not know the class \u200b ... (still needed: \u200b (3 more))" for
good (its boxes never counted) and greyed out fine-tuning, or named it among the classes no model knows, where
`petloc train` runs on the same folder (a review's find). The model choice and the bar now ask only for classes a
run learns (`core.scored_objects.learned`); Edit → Classes still lists it, to rename it."""

from __future__ import annotations

import pytest

from tests.cli.helpers import voc_xml

from .conftest import write_image


@pytest.mark.parametrize("classes", [("cat", "dog"), ("hare", "rabbit")])
def test_a_label_drawn_as_nothing_is_never_asked_for(qtbot, window, tmp_path, classes):
    folder = tmp_path / "mine"
    folder.mkdir()
    for i in range(8):
        write_image(folder / f"p{i}.png", seed=i)
        objects = [(classes[i % 2], (10, 10, 60, 60))]
        if i == 0:
            objects.append(("\u200b", (70, 20, 100, 80)))
        (folder / f"p{i}.xml").write_text(voc_xml(f"p{i}.png", 120, 90, objects), encoding="utf-8")
    assert window.open_folder(folder, model=None)
    qtbot.waitUntil(window.session.watchers.scanner.scan_done, timeout=10_000)
    bar = window.models.new_classes
    qtbot.wait(1500)  # (the choice, the model's load and the bar's look)
    assert "\u200b" in window.session.classes.used  # still a label to rename in Edit → Classes
    assert "u200b" not in ascii(bar.message.text()), ascii(bar.message.text())  # (said as "\\u200b")
    if classes == ("hare", "rabbit"):  # no model knows them: the bar names those two and no third
        assert bar.isVisible() and "hare" in bar.message.text() and "rabbit" in bar.message.text()
