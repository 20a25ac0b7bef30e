"""`petloc train`'s warning on images whose boxes were accepted unchanged from a model sets a right-to-left model
name apart once, whether its record holds the name plain (`model.comparison_accepted.told`, as a record should) or
between the isolates an older record stored."""

from __future__ import annotations

import pytest

from petloc_gui.cli.train_report import TrainReporter
from petloc_gui.core.text import isolated
from petloc_gui.model.training_accepted import KEY

NAME = "model \u05d3\u05d2\u05dd (other-7)"
PLAIN = (f"all 4 scored validation images have boxes accepted unchanged from {NAME}: figures on them measure "
         "agreement with that model's boxes, not a person's")


@pytest.mark.parametrize("warning", [PLAIN, PLAIN.replace(NAME, isolated(NAME))], ids=["plain", "older"])
def test_the_train_warning_sets_the_model_apart_once(capsys, warning):
    reporter = TrainReporter()
    reporter({"event": "start", "n_train": 8, "n_val": 4, "epochs": 1, "class_names": ["a"], "skipped": []})
    reporter({"event": "done", "bundle": "/x/b", KEY: {"n_scored": 4, "n_images": 4, "from": {NAME: 4},
                                                       "warning": warning, "person_drawn": None},
              "metrics": {"split": "validation", "n_images": 4, "accuracy": 1.0, "mean_iou": 0.9}})
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("petloc: warning: ")]
    assert warnings == [f"petloc: warning: {PLAIN.replace(NAME, isolated(NAME))}"]
