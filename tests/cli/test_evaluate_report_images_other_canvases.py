"""`petloc evaluate --split validation` of a fine-tune scores its report images (meta.json
``validation_parts.report``): no model of its line read them. Before, its learned-digits line said they hold digits
"this model, or one it was fine-tuned from, learned, or chose its epoch with, on these very canvases" (and
trained_on_record likewise); the bundled digits model it descends from learned them on other canvases. Records
written here (the run's own split rule), no model loaded, no TensorFlow."""

from __future__ import annotations

from petloc_gui.cli.evaluate_digits import learned_digit_count, learned_digits_record
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_record import lineage_of
from tests.model.fine_tune_records import fine_tune_meta, store_version

MODEL = "this model, or one it was fine-tuned from,"


def test_a_fine_tunes_report_images_are_other_canvases_its_selection_images_its_very_own(tmp_path, capsys):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "train", count=30, seed=3)  # other canvases than the bundled model's (seed 0)
    v1 = fine_tune_meta(folder, "digits", "digits-v1")
    v1_folder = store_version(v1)
    report, selection = v1["validation_parts"]["report"], v1["validation_parts"]["selection"]
    assert report and selection
    lineage = lineage_of(v1, located=v1_folder)

    learned = learned_digit_count([folder / r for r in report], lineage, (), {})
    line = capsys.readouterr().err.strip()
    n = len(report)
    assert line.startswith(f"petloc: {n} of these {n} evaluated images hold MNIST digits that {MODEL} learned, or "
                           "chose its epoch with, on other canvases (the digits of petloc digits --split train)")
    assert learned_digits_record("complete", learned) == (
        f"incomplete: {n} evaluated images hold MNIST digits the model learned, or chose its epoch with, on other "
        "canvases (n_learned_digits), not counted in n_trained_on")

    learned_digit_count([folder / s for s in selection], lineage, (), {})
    assert "on these very canvases (the digits" in capsys.readouterr().err  # those chose its epoch
