"""The Retrain dialog (Ctrl+T) takes a label of nothing but characters drawn as nothing ("\\u200b") for no label,
as `petloc train` does (`core.scored_objects.labelled`): its box is passed over, and the run is not refused for it.

Before, such a label on a box after an image's first refused the run ("a label of nothing but characters drawn as
nothing would train as a class with no name to see"): validation scored it as a class then."""

from __future__ import annotations

from tests.cli.helpers import one_box_each, write_annotated
from tests.ui.test_retrain_case_variants import _dialog


def test_a_label_drawn_as_nothing_refuses_no_run(qtbot, tmp_path):
    folder = one_box_each(tmp_path / "photos", ["cat", "cat", "dog", "dog", "dog"])
    write_annotated(folder, "img2", 40, 30, [("dog", (5, 5, 20, 20)), ("\u200b", (1, 1, 9, 9))])
    dialog = _dialog(qtbot, folder)
    assert not dialog.variants_note.isVisibleTo(dialog)
    assert dialog.start_button.isEnabled()
