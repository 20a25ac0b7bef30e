"""Model → Versions listed the figures of the model in use as recorded once a box of an image they were measured on
was corrected since its run, where the window's model label says "1 re-boxed since" (`TrainedHereWatch.found`,
`app.trained_here_said`). The entry of the model in use now carries that caution too (short in the entry, whole in its
tooltip); the other entries, whose figures the open folder's check did not look at, do not."""

from __future__ import annotations

import json

from petloc_gui.model.trained_here import TrainedHere
from tests.model_files import add_model_file

FIGURES = {"n_images": 20, "accuracy": 0.9, "mean_iou": 0.7, "split": "validation (report part: did not choose the "
           "epoch)"}
LONG = ("1 of the 20 validation images they were measured on was re-boxed since: petloc evaluate --split validation "
        "re-scores it")


def _stored(store, name: str):
    folder = store.root / "digits" / name
    folder.mkdir(parents=True)
    meta = {"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32],
            "created": "2026-11-23T12:00:00+00:00", "parent": None, "metrics": FIGURES}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return add_model_file(folder)


def _entries(controller) -> dict[str, tuple[str, str]]:
    menu = controller.versions_menu
    menu.rebuild()
    return {a.data(): (a.text(), a.toolTip()) for a in menu.version_actions() + menu.bundled_actions()}


def test_the_entry_of_the_model_in_use_says_its_measured_images_were_re_boxed(qtbot, window, controller):
    used = _stored(controller.store, "in-use")
    _stored(controller.store, "other")
    window.spec = str(used)
    entries = _entries(controller)
    assert "re-boxed" not in entries["in-use"][0] + entries["in-use"][1]  # no check answered yet
    window.trained_here.found = TrainedHere(7, count=0, measured_here=20, reboxed=1)
    entries = _entries(controller)
    text, tip = entries["in-use"]
    assert "1 re-boxed since" in text and LONG in tip
    assert "re-boxed" not in entries["other"][0] + entries["other"][1]
    assert "re-boxed" not in entries["bundled:digits"][0] + entries["bundled:digits"][1]


def test_none_re_boxed_or_a_check_still_reading_says_nothing(qtbot, window, controller):
    used = _stored(controller.store, "in-use")
    window.spec = str(used)
    window.trained_here.found = TrainedHere(7, count=0, measured_here=20, reboxed=0)
    assert "re-boxed" not in "".join(_entries(controller)["in-use"])
    window.trained_here.found = TrainedHere(7, pending=True)
    assert "re-boxed" not in "".join(_entries(controller)["in-use"])


def test_a_bundled_model_in_use_says_it_too(qtbot, window, controller):
    window.spec = "digits"
    window.trained_here.found = TrainedHere(7, count=0, measured_here=3, reboxed=3)
    text, tip = _entries(controller)["bundled:digits"]
    assert "3 re-boxed since" in text and "all 3 test images they were measured on were re-boxed since" in tip
    assert "re-boxed" not in "".join(_entries(controller)["bundled:pets"])
