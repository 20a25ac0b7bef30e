"""The Retrain split is said in the same plain words wherever it is explained: the dialog's text shown before its
preview arrives, README.md's Retrain section and docs/cli.md's --val-fraction row.

Before: retrain_summary.py had been rewritten, but these still said "a class the hash left on one side", which
readers could not parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainDialog

ROOT = Path(__file__).resolve().parents[3]
HARD_WORDS = "hash left on one side"
PLAIN = "a class whose images all fell on one side has one of them moved across"


def test_the_dialog_says_the_split_plainly_before_its_preview_arrives(qtbot):
    dialog = RetrainDialog(None, model_name="pets", data_name="/data", n_annotated=None, has_unsaved=False,
                           holdout_loader=lambda: None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "listed when training starts" in dialog.holdout_label.text(), timeout=5000)
    text = dialog.holdout_label.text()
    assert text == (
        "About 20% of the annotated images are held out for validation (each image's side is chosen from its path, "
        "so adding images leaves the others where they are, except that " + PLAIN + "); they are listed when "
        "training starts."), text


@pytest.mark.parametrize("doc", ["README.md", "docs/cli.md"])
def test_the_docs_say_the_split_plainly(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert HARD_WORDS not in text
    assert PLAIN in " ".join(text.split())


def test_no_module_says_the_hard_words():
    said = [path.relative_to(ROOT) for path in (ROOT / "petloc_gui").rglob("*.py")
            if HARD_WORDS in path.read_text(encoding="utf-8")]
    assert said == []
