"""The Dataset panel says, beside a retrained version's own figures, how many of their images hold boxes accepted
from a model, gives the figures on those whose boxes a person drew in `petloc train`'s words, and the whole warning
in its tooltip (meta.json ``metrics_accepted_boxes``, ADR 0013). Before, it showed the figures alone."""

from __future__ import annotations

from petloc_gui.app.model_metrics import headline_metrics
from petloc_gui.cli.train_report import person_lines
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.review.dataset_panel import DatasetPanel
from tests.app.test_accepted_boxes_beside_figures import META, RECORD


def _panel(qtbot, meta) -> DatasetPanel:
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    metrics, split = headline_metrics(meta)
    panel.set_model(ModelInfo(spec="m", name="digits d-2", path=None, version_id="m@1", metrics=metrics, split=split))
    return panel


def test_the_panel_marks_the_figures_and_gives_the_person_drawn_ones(qtbot):
    panel = _panel(qtbot, META)
    lines = panel.model_label.text().split("<br>")
    assert lines[1] == ("acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold boxes accepted from a model; "
                        "too few images to tell models apart)")
    # in the panel's words and layout, as the lines above (not the CLI's keys, their double spaces collapsed)
    assert lines[-5:] == ["on the 1 of these 16 images whose boxes a person drew:", "class accuracy: 1.000",
                          "mean IoU: 0.855", "boxes with IoU ≥ 0.5: 1.000", "boxes with IoU ≥ 0.75: 1.000"]
    assert person_lines(RECORD)[0].startswith(lines[-5][:-1])  # on which images: `petloc train`'s words
    assert "which the new model was fine-tuned from" in panel.model_label.toolTip()


def test_every_box_and_label_a_model_s_is_said(qtbot):
    panel = _panel(qtbot, {**META, "metrics_accepted_boxes": {**RECORD, "n_images": 16, "person_drawn": None}})
    assert panel.model_label.text().split("<br>")[-1] == "none of them has a box or label a person gave"


def test_relabelled_model_boxes_only_give_the_accuracy_on_the_labels_a_person_gave(qtbot):
    person = {"n_images": 0, "n_labelled": 2, "accuracy": 0.5}
    panel = _panel(qtbot, {**META, "metrics_accepted_boxes": {**RECORD, "person_drawn": person}})
    assert panel.model_label.text().split("<br>")[-2:] == [
        "on the 2 of these 16 images whose labels a person gave (none with boxes a person drew):",
        "class accuracy: 0.500"]


def test_no_record_no_line_and_no_tooltip(qtbot):
    panel = _panel(qtbot, {**META, "metrics_accepted_boxes": None})
    assert "accepted" not in panel.model_label.text() and "person" not in panel.model_label.text()
    assert panel.model_label.toolTip() == ""


def test_the_status_line_names_them_for_a_version_petloc_train_stored(_isolated_user_data):
    """The status line's "Model: …" is `ModelInfo.summary`, read from the bundle's meta.json (and the store's
    record of it, whose figures are those same ones)."""
    import json

    from petloc_gui.ui.models.model_handle import model_info
    from tests.model_files import add_model_file

    folder = _isolated_user_data / "models" / "digits" / "d-2"
    folder.mkdir(parents=True)
    meta = {**META, "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32]}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    add_model_file(folder)
    assert model_info(str(folder)).summary == (
        "digits d-2 (acc 0.938 · IoU 0.839 on 16 validation images (15 of 16 hold boxes accepted from a model; "
        "too few images to tell models apart))")
