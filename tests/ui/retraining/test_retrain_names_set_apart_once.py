"""The Retraining window sets a right-to-left model name apart where it shows the run's and the comparison's
sentences, which its records hold plain (`model.comparison_accepted.told`): the comparison's note under the
figures, and the run's warning on its accepted boxes (in `petloc train`'s words). Once: a record kept before,
holding the isolates, is not set apart twice."""

from __future__ import annotations

import pytest

from petloc_gui.core.text import isolated
from petloc_gui.ui.training.model_comparison import ModelComparison
from petloc_gui.ui.training.run_log import accepted_lines

FSI, PDI = "\u2068", "\u2069"
HEBREW = "\u05de\u05d5\u05d3\u05dc"
NAME = f"model {HEBREW} (v-7)"
FIGURES = {"accuracy": 0.9, "mean_iou": 0.7, "iou_ge_50": 0.8, "n_images": 10}
SENTENCE = f"All 4 validation images have boxes accepted unchanged from {NAME}: figures on them measure agreement."


def _once(shown: str, name: str) -> None:
    assert shown.count(FSI) == shown.count(PDI) == 1, shown
    assert isolated(name) in shown, shown
    assert "\\u2068" not in shown and "\\u2069" not in shown


@pytest.mark.parametrize(("note", "set_apart"), [(SENTENCE, HEBREW), (SENTENCE.replace(NAME, isolated(NAME)), NAME)],
                         ids=["plain", "older"])
def test_the_comparison_s_note_sets_the_name_apart_once(qtbot, note, set_apart):
    widget = ModelComparison()
    qtbot.addWidget(widget)
    widget.set_metrics(FIGURES, FIGURES, note)
    # the note names no model to the widget: its right-to-left run is set apart, or the name an older one did
    _once(widget.summary.text(), set_apart)


@pytest.mark.parametrize("warning", [SENTENCE, SENTENCE.replace(NAME, isolated(NAME))], ids=["plain", "older"])
def test_the_run_s_warning_sets_the_whole_name_apart_once(qtbot, warning):
    record = {"n_scored": 4, "n_images": 4, "from": {NAME: 4}, "relation": {NAME: "other"}, "warning": warning,
              "person_drawn": None}
    (line,) = accepted_lines({"metrics_accepted_boxes": record})
    _once(line, NAME)
    widget = ModelComparison()
    qtbot.addWidget(widget)
    widget.set_run_accepted([line])
    _once(widget.run_accepted.text(), NAME)
