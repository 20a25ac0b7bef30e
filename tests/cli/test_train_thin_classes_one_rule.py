"""`petloc train`'s warning of classes too thin to measure kept its own copy of the rule the Retrain dialog says it by
(`app.thin_classes`): a change to one left the window and the CLI naming different classes. The CLI now asks
`app.thin_classes.thin_classes` which classes are thin; its words are its own, as before."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.app import thin_classes as rule
from petloc_gui.cli.train_checks import warn_thin_classes


def _samples(counts: dict[str, int], prelabel: bool = False) -> list[SimpleNamespace]:
    return [SimpleNamespace(label=name, prelabel=prelabel, image_path=f"/data/{name}{i}.png")
            for name, n in counts.items() for i in range(n)]


def _warned(capsys, samples) -> list[str]:
    warn_thin_classes(samples)
    return capsys.readouterr().err.splitlines()


def test_the_classes_warned_of_are_the_retrain_dialog_s(capsys):
    samples = _samples({"cat": 3, "dog": 2, "cow": 1}) + _samples({"owl": 2}, prelabel=True)
    warned = _warned(capsys, samples)
    named = [line.split()[2] for line in warned]
    assert named == list(rule.thin_classes({"cat": 3, "dog": 2, "cow": 1}, {"owl": 2})) == ["cow", "dog", "owl"]


def test_the_rule_is_asked_of_app_thin_classes(capsys, monkeypatch):
    """One place: where the rule draws its line, the CLI's warning follows (a cat of 3 images thin at 4)."""
    monkeypatch.setattr(rule, "MIN_BOXES_PER_CLASS", 4)
    warned = _warned(capsys, _samples({"cat": 3, "dog": 5}))
    assert len(warned) == 1 and warned[0].startswith("petloc: class cat has only 3 person-reviewed images")
