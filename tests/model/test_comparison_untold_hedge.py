"""The retrain comparison's hedge on canvases whose `petloc digits` record cannot tell their digit names each
record once, in the order met, with its first reason, the first three and the rest counted: the summary
`model.canvas_digits.untold_by_record` builds for training and `petloc evaluate`, in the comparison's words."""

from __future__ import annotations

from petloc_gui.model.comparison_digits import COMPARISON, _untold_hedge


def test_each_record_once_in_the_order_met_with_its_first_reason_the_rest_counted():
    untold = {"z/1.png": ("z/r.json", "entry 1 names no digit"), "a/1.png": ("a/r.json", "not JSON"),
              "z/2.png": ("z/r.json", "entry 2 names no digit"), "m/1.png": ("m/r.json", "cannot be read"),
              "b/1.png": ("b/r.json", "entry 9 names no digit"), "c/1.png": ("c/r.json", "not JSON")}
    assert _untold_hedge(untold, "the new model", "the new model's figures", COMPARISON.which) == (
        "6 of them are canvases whose MNIST digit their folder's petloc digits record cannot tell "
        "(z/r.json: entry 1 names no digit; a/r.json: not JSON; m/r.json: cannot be read; and 2 more records): "
        "whether the new model learned their digits cannot be told, so the new model's figures on them may be "
        "optimistic.")


def test_one_canvas_in_words_for_one_and_a_record_s_control_characters_shown_escaped():
    said = _untold_hedge({"d/1.png": ("d\x1b/r.json", "not JSON")}, "the current model", "both models' figures",
                         COMPARISON.which, shown=1)
    assert said == ("1 of them is a canvas whose MNIST digit its folder's petloc digits record cannot tell "
                    "(d\\x1b/r.json: not JSON): whether the current model learned its digit cannot be told, so "
                    "both models' figures on it may be optimistic.")
