"""ADR 0010 is amended for two things said this session: the no-model bar's sentence on what Model → Retrain…
trains and the pick that makes it a fine-tune (`ui/models/new_classes_bar.ways_on`), and the Retrain dialog's
note when the end's comparison is on too few images for a verdict (`ui/training/verdict_images`, the bar at
`core.paired_stats.MIN_IMAGES`). Before, its "No model is a state" and "Selection vs report" points said neither."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.ui.models import new_classes_bar
from petloc_gui.ui.training import verdict_images
from petloc_gui.ui.training.verdict_images import too_few_note

ADR = Path(__file__).resolve().parents[1] / "docs" / "adr" / "0010-model-choice-and-honest-retraining.md"


def _amendments() -> list[str]:
    """The ADR's thirty-fourth-session amendments, each up to the next point or amendment, on one line."""
    text = " ".join(ADR.read_text(encoding="utf-8").split())
    parts = text.split("*Amended (thirty-fourth session):*")[1:]
    return [part.split("*Amended (")[0].split(" - ")[0] for part in parts]


def test_the_no_model_bar_s_sentence_is_recorded():
    (bar,) = [a for a in _amendments() if "new_classes_bar.ways_on" in a]
    assert callable(new_classes_bar.ways_on)
    assert "from the shipped ImageNet backbone" in bar and "Model → Bundled: pets" in bar
    assert "fine-tune" in bar and "broken" in bar


def test_the_too_few_for_a_verdict_note_and_its_rule_are_recorded():
    (note,) = [a for a in _amendments() if "too few for a verdict" in a]
    assert "too few for a verdict" in too_few_note(1, 0.2)  # the words the dialog says
    assert f"`core.paired_stats.MIN_IMAGES` ({MIN_IMAGES})" in note
    assert "report part" in note and "did not train on" in note  # which images count
    assert "`ui/training/verdict_images.ComparedImages`" in note and hasattr(verdict_images, "ComparedImages")
    assert "`model.splits.report_members`" in note
