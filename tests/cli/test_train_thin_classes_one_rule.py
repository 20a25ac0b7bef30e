"""`petloc train`'s warning of classes too thin to measure kept its own copy of the rule the Retrain dialog says it by
(`app.thin_classes`): a change to one left the window and the CLI naming different classes. The CLI now asks
`app.thin_classes.thin_classes` which classes are thin; its words are its own, as before."""

from __future__ import annotations

from petloc_gui.app import thin_classes as rule
from tests.cli.thin_class_samples import samples_of, warning_lines


def test_the_classes_warned_of_are_the_retrain_dialog_s(capsys):
    samples = samples_of({"cat": 3, "dog": 2, "cow": 1}) + samples_of({"owl": 2}, prelabel=True)
    warned = warning_lines(capsys, samples)
    named = [line.split()[2] for line in warned]
    assert named == list(rule.thin_classes({"cat": 3, "dog": 2, "cow": 1}, {"owl": 2})) == ["cow", "dog", "owl"]


def test_the_rule_is_asked_of_app_thin_classes(capsys, monkeypatch):
    """One place: where the rule draws its line, the CLI's warning follows (a cat of 3 images thin at 4)."""
    monkeypatch.setattr(rule, "MIN_BOXES_PER_CLASS", 4)
    warned = warning_lines(capsys, samples_of({"cat": 3, "dog": 5}))
    assert len(warned) == 1 and warned[0].startswith("petloc: class cat has only 3 person-reviewed images")
