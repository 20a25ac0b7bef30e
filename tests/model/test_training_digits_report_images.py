"""A fine-tune's closing figures (meta.json metrics_learned_digits) are on its report images, which are its
parent's report images (a fine-tune keeps its parent's validation images, and the parts' rule keys each image
alike): no model of its line read them. Before, `TrainingData.inherited_canvases` held every validation image of
the parent, so fine-tuning version 2 from version 1 on a `petloc digits --split train` folder recorded that its
figures' canvases hold digits its parent's line "learned, or chose its epoch with, on these very canvases"; the
bundled model they descend from learned them on other canvases. Records written here, no training."""

from __future__ import annotations

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_data import TrainingData
from petloc_gui.model.training_digits import learned_digits_record
from tests.model.fine_tune_records import fine_tune_meta, store_version

PARENT = "the model it was fine-tuned from, or one that model descends from,"


def test_a_second_fine_tunes_figures_are_on_other_canvases(tmp_path):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "train", count=30, seed=3)  # other canvases than the bundled model's (seed 0)
    v1 = fine_tune_meta(folder, "digits", "digits-v1")
    store_version(v1)
    v2 = fine_tune_meta(folder, "digits-v1", "digits-v2", parent_meta=v1)
    report = v2["validation_parts"]["report"]
    assert report and report == v1["validation_parts"]["report"]
    v2["metrics"] = {"split": "validation", "n_images": len(report), "accuracy": 0.5}
    data = TrainingData.collect(folder, "default", [], 0.5, 0, parent_meta=v1)
    record = learned_digits_record(v2, folder, data.inherited_digits, data.inherited_canvases)
    n = len(report)
    assert record and record["hedges"] == [
        f"{n} of these {n} images hold MNIST digits that {PARENT} learned, or chose its epoch with, on other canvases "
        "(the digits of petloc digits --split train), so these figures on them are optimistic."]
    # the images that chose version 1's epoch are its very canvases (they choose version 2's too)
    selection = v2["validation_parts"]["selection"]
    v2["metrics"] = {"split": "selection", "n_images": len(selection), "accuracy": 0.5}
    v2["validation_parts"] = {"selection": selection, "report": []}
    on_selection = learned_digits_record(v2, folder, data.inherited_digits, data.inherited_canvases)
    assert on_selection and "on these very canvases" in on_selection["hedges"][0]
