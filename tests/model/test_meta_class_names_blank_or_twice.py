"""A stranger's meta.json whose class_names were ["", " "] loaded, and `petloc predict` said "the model gave no
prediction (its output is not a number)" of a good output: `inference.NO_LABEL` is "", so a class named ""
read as no class. ["cat", "cat"] loaded too, two outputs under one name. meta_required.meta_problem (the
loader's check and the store listing's) refuses a name that shows nothing and a name given twice, in one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle import BundleError, load_bundle
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.lite_bundle import load_lite_predictor
from petloc_gui.model.meta_required import meta_problem

GOOD = {"format_version": 1, "preset": "pets", "class_names": ["cat", "dog"], "input_size": [224, 224]}


@pytest.mark.parametrize("names, why", [
    (["", " "], "meta.json's class_names hold a name that shows nothing (class 0: '')"),
    (["cat", " "], "meta.json's class_names hold a name that shows nothing (class 1: ' ')"),
    (["cat", "\u200b"], "meta.json's class_names hold a name that shows nothing (class 1: '\\u200b')"),
    (["cat", "cat"], "meta.json's class_names name 'cat' twice (classes 0 and 1)"),
    (["cat", "dog", "cat"], "meta.json's class_names name 'cat' twice (classes 0 and 2)"),
])
def test_a_name_that_shows_nothing_or_comes_twice_is_refused(names, why):
    assert meta_problem({**GOOD, "class_names": names}) == why


def test_names_petloc_writes_are_taken():
    for names in (["cat", "dog"], [str(digit) for digit in range(10)], ["Cat", "cat"], ["été", "chat noir"]):
        assert meta_problem({**GOOD, "class_names": names}) is None, names


def test_a_bundle_with_them_is_refused_by_the_loader_and_the_listing(tmp_path):
    folder = Path(shutil.copytree(resources_dir() / "models" / "pets", tmp_path / "pets"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["class_names"] = ["", " "]
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    why = "meta.json's class_names hold a name that shows nothing (class 0: '')"
    assert load_lite_predictor(folder) is None  # the Keras load says why
    with pytest.raises(BundleError, match=r"class_names hold a name that shows nothing \(class 0: ''\)"):
        load_bundle(folder)
    assert model_file_problem(folder) == why
