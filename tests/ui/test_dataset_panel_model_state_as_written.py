"""The Dataset panel's model line while no model's figures are the folder's named a model folder "Bob's pets" as
"Loading model Bob&#x27;s pets…" and "cats & dogs" as "cats &amp; dogs…": the state went in escaped, and with no
tag in it Qt took it for plain text. It is shown as written, markup ("Model failed: /m/<b>x</b>") included."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from petloc_gui.ui.review.dataset_panel import DatasetPanel

from .shown_text import label_shown


@pytest.mark.parametrize("state", ["Loading model Bob's pets…", "Loading model cats & dogs…",
                                   'Loading model "pets" <v2>…', "Model failed: /m/<b>x</b>",
                                   "Model failed: /m/<img src='/etc/x.png'>"])
def test_the_model_state_is_shown_as_written(qtbot, state):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = DatasetPanel(window)
    panel.say_model_state(state)
    assert label_shown(panel.model_label) == state
