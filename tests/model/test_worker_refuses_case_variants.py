"""The training child refuses a run whose classes include one typed two ways ("Bengal" and "bengal"), as
`petloc train` and the Retrain dialog refuse it and in their words (`core.case_variant_refusal`): the dialog
reads the saved files only, so edits saved as the run started could bring a second spelling in, and the
child trained the two as two classes. It refuses before TensorFlow loads, with an error event."""

from __future__ import annotations

import json

from petloc_gui.model.run_case_variants import run_case_variants
from petloc_gui.model.train_worker import EXIT_ERROR
from tests.cli.helpers import one_box_each, write_annotated
from tests.model.test_train_worker import WORKER, _events, _finish, _popen
from tests.ui.test_retrain_unaware_prelabels import _prelabel

REFUSAL = ('labels that differ only in case would train as separate classes: "bengal" (2 boxes) and '
           '"Bengal" (1 box). Give each class one name: the window\'s Edit → Classes… (Ctrl+L) renames a class on '
           "every box of the folder, and renaming one spelling to the other merges them")


def _folder(tmp_path, labels):
    return one_box_each(tmp_path / "photos", labels)


def test_the_worker_refuses_a_class_typed_two_ways_before_tensorflow(tmp_path):
    folder = _folder(tmp_path, ["bengal", "Bengal", "bengal", "dog", "dog"])
    out = tmp_path / "out"
    proc = _popen([*WORKER, "--data", str(folder), "--preset", "pets", "--out", str(out), "--nice", "0",
                   "--label", "default"])
    stdout, stderr = _finish(proc, 60)
    assert proc.returncode == EXIT_ERROR, stderr
    [error] = _events(stdout)
    assert error["event"] == "error" and error["message"] == f"{folder}: {REFUSAL}"
    assert "tensorflow" not in stderr.lower()  # refused before it loads: no start-up lines of it
    assert not list(out.iterdir())  # nothing written


def test_the_rule_is_the_commands(tmp_path):
    folder = _folder(tmp_path, ["bengal", "bengal", "bengal", "dog", "dog"])
    assert run_case_variants(folder) == ""
    _prelabel(folder, "pre", "Bengal", "petloc pre-label by petloc predict, model digits")  # a model nowhere
    assert run_case_variants(folder).startswith('labels that differ only in case would train as '
                                                'separate classes: "bengal" (3 boxes) and "Bengal" (1 box)')
    assert run_case_variants(folder, skip_prelabels=True) == ""  # the pre-label left out: one spelling


def test_a_class_of_the_model_spelled_otherwise_is_refused_unless_renamed(tmp_path):
    folder = _folder(tmp_path, ["Cat", "Cat", "dog", "dog"])
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"],
                                                  "splits": {"train": [], "validation": [], "test": []}}))
    refusal = run_case_variants(folder, base=str(parent))
    assert '"Cat" (2 boxes) and "cat" (the model\'s class, on no box)' in refusal
    assert run_case_variants(folder, base=str(parent), renamed={"Cat": "cat"}) == ""
    assert run_case_variants(folder) == ""  # from scratch: the model's classes are not the run's


def test_a_spelling_only_on_the_parent_s_test_images_is_not_refused(tmp_path):
    folder = _folder(tmp_path, ["bengal", "bengal", "dog", "dog"])
    write_annotated(folder, "held", 40, 30, [("Bengal", (5, 5, 20, 20))])  # never trained on: no class of the run
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["bengal", "dog"],
                                                  "splits": {"train": [], "validation": [], "test": ["held.png"]}}))
    assert run_case_variants(folder, base=str(parent)) == ""
    assert run_case_variants(folder) != ""  # from scratch the run trains on it
