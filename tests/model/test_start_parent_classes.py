"""A fine-tune's start event names its parent's classes, so that `petloc train`'s closing lines can mark the
classes the parent lacks "(new)", as the Retraining window's comparison does (cli.train_report)."""

from __future__ import annotations

import re

import pytest

from petloc_gui.model.bundle import read_meta
from petloc_gui.model.training import TrainConfig, TrainingCancelled, train

pytestmark = pytest.mark.slow


def _start(folder, tmp_path, **config):
    events: list[dict] = []
    with pytest.raises(TrainingCancelled):  # stopped before its first batch: the start event is what counts
        train(folder, TrainConfig(preset="digits", epochs=1, batch_size=8, out_dir=str(tmp_path / "b"), **config),
              on_event=events.append, should_stop=lambda: True)
    return next(e for e in events if e["event"] == "start")


def test_the_start_event_names_the_parent_s_classes_and_the_renames(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "data"
    write_digits_dataset(folder, "train", count=12, seed=0)
    for xml in list(folder.glob("*.xml"))[:2]:
        xml.write_text(re.sub(r"<name>[^<]*</name>", "<name>star</name>", xml.read_text()))
    start = _start(folder, tmp_path, init_from="digits")
    assert start["parent_class_names"] == read_meta("digits")["class_names"]
    assert "star" in start["class_names"] and "star" not in start["parent_class_names"]
    assert start["renamed_from_parent"] == {}
    scratch = _start(folder, tmp_path)
    assert scratch["parent_class_names"] is None  # from scratch: no class is new to anything
