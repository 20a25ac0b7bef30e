"""The refusal of a class typed two ways counts the boxes a run trains on: not those of the pre-labels it
leaves out as their model did not know a class of the run (review 3, finding 3). `petloc train` and the
Retrain dialog's preview refused a run for a "Circle" pre-label of a model that did not know star, which
the run never trains on."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import run_cli
from tests.cli.test_train_unaware_prelabels import _train_without_tensorflow
from tests.model.test_unaware_prelabels import _mark, _prelabel, _store_model, shapes4  # noqa: F401 - a fixture


def _circle_of_a_model_without_star(folder) -> None:
    _store_model("photo-caps", ["Circle", "square", "triangle"])
    _prelabel(folder, "star_c", "Circle", _mark("photo-caps"))  # a star, as the model did not know star


def test_petloc_train_does_not_refuse_a_spelling_only_a_pre_label_it_leaves_out_has(shapes4, tmp_path,  # noqa: F811
                                                                                    capsys, monkeypatch):
    _circle_of_a_model_without_star(shapes4)
    _train_without_tensorflow(monkeypatch)
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, stderr
    assert "differ only in case" not in stderr
    assert "leaving out 1 unreviewed pre-label of model photo-caps (star_c.png)" in stderr


def test_a_spelling_on_a_pre_label_the_run_keeps_is_still_refused(shapes4, tmp_path, capsys,  # noqa: F811
                                                                  monkeypatch):
    _prelabel(shapes4, "circle_e", "Circle", _mark("photo-gone"))  # a model nowhere: trained on
    _train_without_tensorflow(monkeypatch)
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1
    assert '"circle" (' in stderr and '"Circle" (1 box)' in stderr


def test_the_retrain_preview_does_not_refuse_it_either(shapes4):  # noqa: F811
    _circle_of_a_model_without_star(shapes4)
    holdout = holdout_preview_for(shapes4)(0.2, False)
    assert "Circle" not in holdout.prelabel_box_counts
    assert holdout.case_variants() == ""


def test_nor_the_fine_tune_preview(shapes4, tmp_path):  # noqa: F811
    import json

    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["circle", "square", "triangle", "star"],
                                                  "version_id": "photo-parent", "preset": "photo"}))
    _circle_of_a_model_without_star(shapes4)
    holdout = holdout_preview_for(shapes4, parent_spec=str(parent))(0.2, True)
    assert "Circle" not in holdout.prelabel_box_counts
    assert holdout.case_variants() == ""


def test_nor_the_training_child_s_own_guard(shapes4):  # noqa: F811
    """The training child refuses a class typed two ways itself (model.run_case_variants, a last guard),
    counting every pre-label's boxes: it refused the run petloc train and the Retrain dialog let start."""
    from petloc_gui.model.run_case_variants import run_case_variants

    _circle_of_a_model_without_star(shapes4)
    assert run_case_variants(shapes4) == ""
    _prelabel(shapes4, "circle_e", "Circle", _mark("photo-gone"))  # a model nowhere: trained on, refused
    assert "differ only in case" in run_case_variants(shapes4)
