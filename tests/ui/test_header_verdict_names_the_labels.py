"""At narrow widths the header's verdict lost its qualifier: "IoU 0.41 · agree" (green) read as if the boxes
agreed, when only the labels did (and "DISAGREE" beside a high IoU as if the boxes did not). The verdict keeps
"labels" at every width the header keeps it whole at: "labels agree", "labels DISAGREE" or, in fewer words,
"labels DIFFER" (as short as "DISAGREE" was: the line keeps what it kept)."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.core.boxes import Box

from .test_header_keeps_the_verdict import _at_each_width, _edited, _fits, _panel, _shown_text, differ_said


def test_agree_says_it_is_the_labels_at_every_width(qtbot):
    panel = _panel(qtbot)
    panel.show_annotation(_edited("american_staffordshire_terrier", verified=True))
    # a box apart from the ground truth's (IoU 0.29): the labels agree, the boxes do not
    panel.show_prediction(SimpleNamespace(label="american_staffordshire_terrier", confidence=0.87,
                                          box=Box(20, 20, 50, 50)))
    for width in _at_each_width(qtbot, panel):
        shown = _shown_text(panel)
        assert _fits(panel), (width, shown)
        assert "labels agree" in shown and "✔" in shown and "●" in shown, (width, shown)


def test_disagree_says_it_is_the_labels_at_every_width(qtbot):
    panel = _panel(qtbot)
    panel.show_annotation(_edited("dog"))
    panel.show_prediction(SimpleNamespace(label="cat", confidence=1.0, box=Box(11, 10, 40, 40)))
    for width in _at_each_width(qtbot, panel):
        shown = _shown_text(panel)
        assert _fits(panel), (width, shown)
        assert differ_said(shown) and "●" in shown, (width, shown)
        assert "DISAGREE" not in shown.replace("labels DISAGREE", ""), (width, shown)
