"""A failed TFLite conversion is said in one line (`model.version_tflite`): the converter's errors run to pages
of MLIR, so only the first line of its reason is said, cut at `REASON_CHARS`, " ..." marking what was left out."""

from __future__ import annotations

from petloc_gui.model.version_tflite import REASON_CHARS, _first_line


def test_the_first_line_alone_is_said_marked_when_more_followed():
    reason = RuntimeError("\n  the converter crashed  \n  at op 'conv2d'\n  (loc: model.keras)")
    assert _first_line(reason) == "the converter crashed ..."


def test_a_one_line_reason_is_said_whole_unmarked():
    assert _first_line(ValueError("tflite-xnnpack differs from Keras by 3.00e-01")) == (
        "tflite-xnnpack differs from Keras by 3.00e-01")
    assert _first_line(ValueError("x" * REASON_CHARS)) == "x" * REASON_CHARS
    assert _first_line(ValueError("")) == ""


def test_a_long_first_line_is_cut_at_reason_chars():
    assert REASON_CHARS == 300
    said = _first_line(RuntimeError("m" * 5000 + "\nloc(fused[...])"))
    assert said == "m" * REASON_CHARS + " ..."
    assert _first_line(RuntimeError("m" * (REASON_CHARS + 1))) == "m" * REASON_CHARS + " ..."
