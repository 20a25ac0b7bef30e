"""`petloc --help` and `petloc evaluate --help` say what the commands do now (docs/cli.md says the same)."""

from __future__ import annotations

from tests.cli.helpers import run_cli


def _help(capsys, *command) -> str:
    code, out, _ = run_cli(capsys, *command, "--help")
    assert code == 0
    return " ".join(out.split())  # argparse wraps lines where it likes


def test_the_top_level_help_names_every_form_of_model(capsys):
    """Before: it named `pets`, `digits` and a bundle folder, not the store name every --model help gives."""
    text = _help(capsys)
    assert "MODEL is `pets` or `digits` (the bundled models), a version of the model store as `petloc models` " \
           "names it (`digits/<id>`), or the path to a trained bundle folder" in text


def test_evaluate_help_says_split_validation_keeps_the_images_that_did_not_choose_the_epoch(capsys):
    """Before: "only the validation images the model's meta.json lists", which it no longer evaluates: only
    those that did not choose the epoch (validation_parts.report), or all of them said to be a selection set."""
    text = _help(capsys, "evaluate")
    assert "only the validation images the model's meta.json lists" not in text
    assert "or only the validation images that chose neither its epoch nor its second stage's" in " ".join(text.split())


def test_evaluate_help_says_the_bundled_pets_model_is_scored_on_its_report_part(capsys):
    """Before: "where none are left (the bundled pets model) ... it is scored on all its validation images",
    but `petloc evaluate DATA --model pets --split validation` scores the 20 of its report part, every one of
    which chose its second stage (cli.evaluate_split: "never every image"), and says so on stderr; only a
    model that records no report part (one validation image, or older than the parts: digits) is scored on
    all of them."""
    text = _help(capsys, "evaluate")
    assert "where none are left (the bundled pets model)" not in text
    assert ("where its second stage chose on every one of them (the bundled pets model: 20 of its 41), those all "
            "the same, as stderr says") in text
    assert ("where the model records no such part (one validation image, or a model older than the parts: the "
            "bundled digits), all its validation images") in text
