"""A new user's first retrain showed "Matplotlib is building the font cache; this may take a moment." in the
Retraining window's log: Keras imports matplotlib in the training child, whose first import builds the cache
and says so on stderr. It is start-up noise like TensorFlow's notices: hidden from the log, and counted."""

from __future__ import annotations

from petloc_gui.app.tf_log_filter import TensorFlowNoiseFilter

FONT_CACHE_NOTE = "Matplotlib is building the font cache; this may take a moment."


def test_the_font_cache_note_is_hidden_and_counted():
    noise = TensorFlowNoiseFilter()
    assert not noise.keep(FONT_CACHE_NOTE)
    assert noise.hidden == 1


def test_other_matplotlib_lines_and_ours_are_kept():
    noise = TensorFlowNoiseFilter()
    assert noise.keep("Matplotlib is building the font cache; this may take a moment. (and something else)")
    assert noise.keep("[petloc] Matplotlib is building the font cache; this may take a moment.")
    assert noise.hidden == 0
