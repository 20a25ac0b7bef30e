"""`petloc predict --model . --write-voc`, run inside a bundle folder, marked its pre-labels "petloc
pre-label by petloc predict, an unnamed model": the mark named the model by ``Path(model).name``, ""
for ``.``. `petloc train` then found no model for them, so the pre-labels of a model that did not
know a class of the run were trained on (trained 4, left out 0 instead of 1 and 3), and a box of
theirs accepted in the window was another model's to that same model, not its own. The mark names the
bundle folder the model was loaded from, resolved, with its version id."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from petloc_gui.cli.prelabel import prelabel_mark
from petloc_gui.core.accepted_boxes import OWN, relation
from petloc_gui.core.paths import user_data_dir
from petloc_gui.core.voc import PRELABEL_PREFIX
from petloc_gui.core.voc_provenance import UNNAMED_MODEL, model_of_prelabel
from petloc_gui.model.data import Sample
from petloc_gui.model.prelabel_models import prelabel_models
from tests.cli.helpers import BLUE, RED, run_cli, write_annotated, write_image

VERSION = "digits-20261205T055912Z-385ab1"
CLASSES = ["cat", "dog"]


def _stored(meta: dict | None = None) -> Path:
    """A version of the model store, ``digits/<VERSION>`` (a meta.json is all a mark's name needs)."""
    folder = user_data_dir() / "models" / "digits" / VERSION
    folder.mkdir(parents=True)
    meta = {"class_names": CLASSES, "version_id": VERSION, "preset": "digits"} if meta is None else meta
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (folder / "inner").mkdir()
    return folder


def _found(mark: str):
    """The model `petloc train` finds for a pre-label of ``mark`` (`model.prelabel_models`)."""
    sample = Sample(Path("a.png"), "a.png", Path("a.xml"), (1, 1, 5, 5), "cat", prelabel=True, prelabel_mark=mark)
    return prelabel_models([sample]).get("a.png")


def _given(how: str, folder: Path, tmp_path: Path, monkeypatch) -> str:
    """``--model`` as the user typed it, from the folder they typed it in."""
    if how == "symlink":
        link = tmp_path / "latest"
        link.symlink_to(folder, target_is_directory=True)
        monkeypatch.chdir(tmp_path)
        return "latest"
    if how == "store name":
        monkeypatch.chdir(tmp_path)  # no digits/ folder here: the store's version
        return f"digits/{VERSION}"
    if how == "..":
        monkeypatch.chdir(folder / "inner")
        return ".."
    if how == "meta.json":
        monkeypatch.chdir(folder)
        return "./meta.json"
    monkeypatch.chdir(folder)
    return how  # ".", "./"


@pytest.mark.parametrize("how", [".", "./", "..", "symlink", "store name", "meta.json"])
def test_the_mark_names_the_model_however_its_folder_was_given(how, tmp_path, monkeypatch):
    folder = _stored()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    given = _given(how, folder, tmp_path, monkeypatch)
    mark = prelabel_mark(given, meta)
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model {VERSION}"  # the folder is its version: once
    phrase = model_of_prelabel(mark)
    assert phrase != UNNAMED_MODEL
    assert relation(phrase, meta, given) == OWN  # a box of it accepted in the window is that model's own
    model = _found(mark)
    assert model is not None and model.classes == frozenset(CLASSES)  # a run knows which classes it knew


def test_a_bundle_outside_the_store_is_named_by_its_folder_and_version(tmp_path, monkeypatch):
    bundle = tmp_path / "my model"
    bundle.mkdir()
    meta = {"class_names": CLASSES, "version_id": VERSION}
    (bundle / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.chdir(bundle)
    mark = prelabel_mark(".", meta)
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model my model ({VERSION})"
    assert relation(model_of_prelabel(mark), meta, ".") == OWN


def test_an_older_bundle_without_a_version_id_is_found_by_its_folder_s_name(tmp_path, monkeypatch):
    folder = _stored({"class_names": CLASSES, "preset": "digits"})  # meta.json before version ids
    monkeypatch.chdir(folder)
    mark = prelabel_mark(".", {"class_names": CLASSES})
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model {VERSION}"
    model = _found(mark)
    assert model is not None and model.classes == frozenset(CLASSES)


def test_a_bundled_model_keeps_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert prelabel_mark("digits", {}) == f"{PRELABEL_PREFIX} by petloc predict, model digits"


def test_predict_inside_the_bundle_then_train_leaves_out_what_it_could_not_know(tmp_path, tiny_bundle, capsys,
                                                                               monkeypatch):
    """The hunt's case end to end: pre-labels written with ``--model .`` from inside a stored version
    whose model knows cat and dog, in a folder that boxes star too, are left out of a run."""
    from petloc_gui.core.voc import read_voc
    from petloc_gui.model.collected_folder import collect_folder
    from petloc_gui.model.run_case_variants import run_boxes

    meta = json.loads((tiny_bundle / "meta.json").read_text(encoding="utf-8"))
    version = meta["version_id"]
    stored = user_data_dir() / "models" / "digits" / version
    shutil.copytree(tiny_bundle, stored)
    folder = tmp_path / "shapes"
    folder.mkdir()
    write_annotated(folder, "boxed_cat", 64, 32, [("cat", (16, 16, 48, 28))])
    write_annotated(folder, "boxed_star", 64, 32, [("star", (16, 16, 48, 28))])
    for name, colour in (("new1", RED), ("new2", BLUE), ("new3", RED)):
        write_image(folder / f"{name}.png", 64, 32, colour)
    monkeypatch.chdir(stored)
    code, _, err = run_cli(capsys, "predict", os.fspath(folder), "--model", ".", "--write-voc")
    assert code == 0, err
    mark = read_voc(folder / "new1.xml").prelabel
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model {version}"
    assert relation(model_of_prelabel(mark), meta, ".") == OWN
    boxes = run_boxes(collect_folder(folder, labels_only=True))
    assert (len(boxes.trained), len(boxes.left_out)) == (2, 3)


def test_a_folder_with_no_name_of_its_own_is_named_by_its_version(monkeypatch):
    """A bundle at the file system's root (``Path("/").name`` is ""): its version id names it, not
    "an unnamed model", which no run finds."""
    from petloc_gui.cli import prelabel

    monkeypatch.setattr(prelabel, "model_name", lambda model: "")
    mark = prelabel.prelabel_mark("/", {"version_id": VERSION})
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model {VERSION}"
