"""The retrain comparison: "trained on" is a lookup in the current model's record, never a guess."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.model import comparison
from petloc_gui.model.training_record import record_from_meta, record_of

VOC = """<annotation><filename>{name}</filename><size><width>40</width><height>30</height><depth>3</depth></size>
<object><name>{label}</name><bndbox><xmin>2</xmin><ymin>3</ymin><xmax>30</xmax><ymax>25</ymax></bndbox></object>
</annotation>"""


def _image(path: Path, seed: int) -> Path:
    from PIL import Image

    Image.new("RGB", (40, 30), (seed * 37 % 256, seed * 91 % 256, seed * 13 % 256)).save(path)
    return path


def _annotate(image: Path, label: str = "cat") -> None:
    image.with_suffix(".xml").write_text(VOC.format(name=image.name, label=label))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _parent(tmp_path: Path, train: list[Path], validation: list[Path], root: Path) -> Path:
    """A bundle folder whose meta.json records its splits in the current format."""
    bundle = tmp_path / "parent"
    bundle.mkdir()
    rel = lambda p: p.relative_to(root).as_posix()  # noqa: E731
    meta = {"preset": "pets", "class_names": ["cat"],
            "splits": {"train": [rel(p) for p in train], "validation": [rel(p) for p in validation], "test": []},
            "images": {rel(p): {"sha256": _sha(p), "annotation_sha256": None} for p in train + validation}}
    (bundle / "meta.json").write_text(json.dumps(meta))
    return bundle


def _current_and_fresh(tmp_path: Path, folder: str = "new", copy: bool = False) -> tuple[Path, list[Path], Path, dict]:
    """The current model (a bundle that trained on three images of tmp/old) and a folder of four fresh
    annotated images (v0..v3.jpg; with ``copy``, also copy.jpg, the bytes of t0.jpg: one the current model
    trained on, listed last). Returns the folder, its images, the bundle and its meta.json to adjust."""
    old_root = tmp_path / "old"
    old_root.mkdir()
    trained = [_image(old_root / f"t{i}.jpg", i) for i in range(3)]
    new = tmp_path / folder
    new.mkdir()
    images = [_image(new / f"v{i}.jpg", 100 + i) for i in range(4)] + ([_image(new / "copy.jpg", 0)] if copy else [])
    for image in images:
        _annotate(image)
    parent = _parent(tmp_path, trained, [], old_root)
    return new, images, parent, json.loads((parent / "meta.json").read_text())


@pytest.fixture
def scored(monkeypatch):
    """Stand-in scores (the real scoring is the inference path, tested elsewhere); records what was scored."""
    calls = []

    def score(spec, chosen, subset=None, renamed=None):
        calls.append((str(spec), sorted(s.relpath for s in chosen), None if subset is None else sorted(subset)))
        figures = {"accuracy": 0.5, "mean_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.5}
        out = {"n_images": len(chosen), **figures}
        if subset is not None:
            out["subset"] = {"n_images": len(subset), **figures}
        return out

    monkeypatch.setattr(comparison, "score_model", score)
    return calls


def test_photos_the_parent_never_saw_give_a_fair_comparison_without_warning(tmp_path, scored):
    old_root = tmp_path / "old"
    old_root.mkdir()
    trained = [_image(old_root / f"t{i}.jpg", i) for i in range(5)]
    parent = _parent(tmp_path, trained, [], old_root)
    new = tmp_path / "new"
    new.mkdir()
    fresh = [_image(new / f"t{i}.jpg", 100 + i) for i in range(4)]  # same names, photos it never saw
    for image in fresh:
        _annotate(image)
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in fresh],
                                       old_model=str(parent), fine_tuned=True)
    assert result["old_trained_on"] == 0 and result["n_images"] == 4
    assert "A fair comparison" in result["note"] and "optimistic" not in result["note"]
    assert result["basis"] == "images neither model trained on"


def test_a_renamed_copy_of_a_training_photo_is_recognised(tmp_path, scored):
    old_root = tmp_path / "old"
    old_root.mkdir()
    trained = [_image(old_root / f"t{i}.jpg", i) for i in range(5)]
    parent = _parent(tmp_path, trained, [], old_root)
    new = tmp_path / "new"
    new.mkdir()
    copies = [Path(shutil.copy(trained[i], new / f"renamed_{i}.jpg")) for i in range(3)]
    unseen = [_image(new / f"u{i}.jpg", 200 + i) for i in range(2)]
    for image in copies + unseen:
        _annotate(image)
    val = [p.name for p in copies + unseen]
    result = comparison.compare_models(new, "default", tmp_path / "nb", val, old_model=str(parent), fine_tuned=False)
    assert result["old_trained_on"] == 3
    assert result["n_images"] == 2 and result["n_validation"] == 5
    assert "the 2 of the 5 validation images that neither trained on" in result["note"]
    # both models predicted once on all five, and scored apart on the two neither trained on
    assert [c[2] for c in scored] == [["u0.jpg", "u1.jpg"]] * 2
    assert all(len(c[1]) == 5 for c in scored)
    assert result["all"]["n_images"] == 5


def test_an_unknown_record_is_said_not_guessed(tmp_path, scored):
    # Like the bundled digits model: trained in a folder that no longer exists, no list of its images.
    bundle = tmp_path / "digits-like"
    bundle.mkdir()
    meta = {"preset": "digits", "training_data": {"root": str(tmp_path / "gone"), "fingerprint": "ab", "excluded": []},
            "validation_split": {"images": ["train_00018_digit0.png"]}}
    (bundle / "meta.json").write_text(json.dumps(meta))
    demo = tmp_path / "demo"
    demo.mkdir()
    images = [_image(demo / f"test_{i:05d}_digit{i % 10}.png", i) for i in range(6)]
    for image in images:
        _annotate(image, str(int(image.stem[-1])))
    result = comparison.compare_models(demo, "default", tmp_path / "nb", [p.name for p in images],
                                       old_model=str(bundle), fine_tuned=False)
    assert result["old_trained_on"] is None
    assert "6 of 6" not in result["note"] and "cannot be said" in result["note"]
    assert record_of(str(bundle)).trained_on("test_00001_digit1.png", None) is None


def test_the_same_name_with_other_bytes_is_another_image():
    meta = {"splits": {"train": ["a.jpg"], "validation": [], "test": []},
            "images": {"a.jpg": {"sha256": "1" * 64, "annotation_sha256": None}}}
    record = record_from_meta(meta)
    assert record.trained_on("a.jpg", "1" * 64) is True
    assert record.trained_on("b.jpg", "1" * 64) is True  # renamed copy
    assert record.trained_on("a.jpg", "2" * 64) is False  # same name, another photo
    assert record.trained_on("c.jpg", "3" * 64) is False


def test_the_bundled_pets_record_recognises_photos_it_never_saw_and_renamed_ones_it_did(oxford_dir, tmp_path, scored):
    """The 60-photo case on real photos: copies of photos the bundled model never saw -> fair comparison."""
    record = record_of("pets")
    if not record.known:
        pytest.skip(f"the bundled pets record is not available here: {record.source}")
    boxed = {p.stem for p in (oxford_dir / "annotations" / "xmls").glob("*.xml")}
    # photos without boxes that the bundle did not train on either (it trains on the ones its
    # teacher pseudo-labelled, meta.json "self_training")
    unseen = sorted(p for p in (oxford_dir / "images").glob("*.jpg")
                    if p.stem not in boxed and f"images/{p.name}" not in record.train)[:6]
    trained = sorted(record.train)[:4]
    assert len(unseen) == 6 and trained
    folder = tmp_path / "copy"
    folder.mkdir()
    for image in unseen:
        _annotate(Path(shutil.copy(image, folder / image.name)))
    fair = comparison.compare_models(folder, "default", tmp_path / "nb", [p.name for p in unseen],
                                     old_model="pets", fine_tuned=True)
    assert fair["old_trained_on"] == 0 and "A fair comparison" in fair["note"]
    for i, rel in enumerate(trained):  # the photos it trained on, renamed
        _annotate(Path(shutil.copy(oxford_dir / rel, folder / f"mine_{i}.jpg")))
    val = [p.name for p in unseen] + [f"mine_{i}.jpg" for i in range(len(trained))]
    mixed = comparison.compare_models(folder, "default", tmp_path / "nb", val, old_model="pets", fine_tuned=True)
    assert mixed["old_trained_on"] == len(trained) and mixed["n_images"] == 6


def test_the_demo_folder_is_not_reported_as_the_digits_models_training_data(tmp_path, scored):
    # The demo holds held-out test digits: the bundled digits model never saw them.
    from petloc_gui.app.demo_folder import write_demo

    demo = tmp_path / "demo"
    write_demo(demo, count=20)
    images = sorted(p.name for p in demo.glob("*.png"))
    result = comparison.compare_models(demo, "default", tmp_path / "nb", images, old_model="digits", fine_tuned=True)
    assert result["old_trained_on"] in (0, None)  # 0 from a recorded list, None (said so) from an older record
    assert f"{len(images)} of these {len(images)}" not in result["note"]
    assert "probably" not in result["note"]


def test_photos_a_grandparent_learned_are_left_out_of_the_comparison(tmp_path, scored, _isolated_user_data):
    old_root = tmp_path / "old"
    old_root.mkdir()
    learned = [_image(old_root / f"g{i}.jpg", 300 + i) for i in range(2)]
    grandparent = _parent(tmp_path, learned, [], old_root)  # in the model store, as the app keeps versions
    stored = _isolated_user_data / "models" / "pets" / "pets-grand-1"
    stored.parent.mkdir(parents=True)
    shutil.move(str(grandparent), stored)
    current = tmp_path / "current"
    current.mkdir()
    (current / "meta.json").write_text(json.dumps(  # fine-tuned from it, on other photos
        {"preset": "pets", "class_names": ["cat"], "parent": "pets-grand-1",
         "splits": {"train": [], "validation": [], "test": []}, "images": {}}))
    new = tmp_path / "new"
    new.mkdir()
    copies = [Path(shutil.copy(p, new / f"c{i}.jpg")) for i, p in enumerate(learned)]
    unseen = [_image(new / f"u{i}.jpg", 400 + i) for i in range(3)]
    for image in copies + unseen:
        _annotate(image)
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in copies + unseen],
                                       old_model=str(current), fine_tuned=False)
    assert result["old_trained_on"] == 2 and result["n_images"] == 3  # its weights learned those two


def test_image_hashes_reads_every_file_and_reports_progress(tmp_path):
    from petloc_gui.model.training_record import image_hashes

    (tmp_path / "a.png").write_bytes(b"a")
    (tmp_path / "b.png").write_bytes(b"b")
    done = []
    hashes = image_hashes({"a.png": tmp_path / "a.png", "gone.png": tmp_path / "gone.png",
                           "b.png": tmp_path / "b.png"}, done.append)
    assert hashes == {"a.png": hashlib.sha256(b"a").hexdigest(), "gone.png": None,
                      "b.png": hashlib.sha256(b"b").hexdigest()}
    assert done == [1, 2, 3]


def _orphan_comparison(tmp_path, monkeypatch, fine_tuned: bool) -> dict:
    """The comparison of a model whose parent version was deleted with a new one, on photos neither saw."""
    monkeypatch.setenv("PETLOC_DATA_DIR", str(tmp_path / "store"))
    old_root = tmp_path / "old"
    old_root.mkdir()
    parent = _parent(tmp_path, [_image(old_root / f"t{i}.jpg", i) for i in range(5)], [], old_root)
    meta = json.loads((parent / "meta.json").read_text())
    meta["parent"] = "digits-20260101T000000Z-gone00"  # a version id no longer in the store
    (parent / "meta.json").write_text(json.dumps(meta))
    new = tmp_path / "new"
    new.mkdir()
    fresh = [_image(new / f"n{i}.jpg", 100 + i) for i in range(4)]
    for image in fresh:
        _annotate(image)
    return comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in fresh],
                                     old_model=str(parent), fine_tuned=fine_tuned)


def test_a_missing_ancestor_is_said_and_the_comparison_not_called_fair(tmp_path, scored, monkeypatch):
    # A version fine-tuned from one since deleted: images the deleted one trained on cannot be recognised,
    # and the note still said "A fair comparison ... neither trained on any of them".
    result = _orphan_comparison(tmp_path, monkeypatch, fine_tuned=True)
    note = result["note"]
    assert "A fair comparison" not in note
    assert "incomplete" in note and "both models' figures may be optimistic" in note
    # the new model learned from the current one's weights: the version it becomes keeps the note too
    assert len(result["new_hedges"]) == 1 and result["new_hedges"][0].startswith("The records of the models")
    assert result["new_hedges"][0] in note


def test_images_that_chose_the_current_models_epoch_are_said(tmp_path, scored):
    # A fine-tune keeps its parent's validation images: those that chose the parent's epoch flatter it.
    new, fresh, parent, meta = _current_and_fresh(tmp_path)
    meta["validation_parts"] = {"selection": ["v0.jpg", "v1.jpg"], "report": ["v2.jpg"]}
    (parent / "meta.json").write_text(json.dumps(meta))
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in fresh],
                                       old_model=str(parent), fine_tuned=True)
    assert "2 of them chose the current model's epoch" in result["note"]
    assert "A fair comparison" not in result["note"]


def test_the_same_names_as_its_selection_images_with_other_bytes_did_not_choose_its_epoch(tmp_path, scored):
    old_root = tmp_path / "old"
    old_root.mkdir()
    trained = [_image(old_root / f"t{i}.jpg", i) for i in range(3)]
    own = [_image(old_root / f"v{i}.jpg", 50 + i) for i in range(2)]  # its selection photos
    parent = _parent(tmp_path, trained, own, old_root)
    meta = json.loads((parent / "meta.json").read_text())
    meta["validation_parts"] = {"selection": ["v0.jpg", "v1.jpg"], "report": []}
    (parent / "meta.json").write_text(json.dumps(meta))
    new = tmp_path / "new"
    new.mkdir()
    fresh = [_image(new / f"v{i}.jpg", 100 + i) for i in range(4)]  # the same names, other photos
    for image in fresh:
        _annotate(image)
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in fresh],
                                       old_model=str(parent), fine_tuned=False)
    assert "chose the current model's epoch" not in result["note"] and "A fair comparison" in result["note"]


def test_a_missing_ancestor_of_a_model_not_fine_tuned_from_hedges_the_current_models_figures(
        tmp_path, scored, monkeypatch):
    result = _orphan_comparison(tmp_path, monkeypatch, fine_tuned=False)
    note = result["note"]
    assert "so the current model's figures may be optimistic" in note and "both models'" not in note
    assert "neither is known to have trained on" in note
    assert result["hedges"] and result["new_hedges"] == []  # trained from scratch: about the current model alone


def _old_fails(monkeypatch):
    """The new model (bundle "nb") scores; the current one raises."""
    real = comparison.score_model

    def score(spec, chosen, subset=None, renamed=None):
        if not str(spec).endswith("nb"):
            raise RuntimeError("cannot load it")
        return real(spec, chosen, subset, renamed)

    monkeypatch.setattr(comparison, "score_model", score)


def test_a_current_model_that_cannot_be_scored_leaves_only_the_new_models_hedges(tmp_path, scored, monkeypatch):
    # a note about the current model's figures alone has no figures to hedge when it has none
    _old_fails(monkeypatch)
    result = _orphan_comparison(tmp_path, monkeypatch, fine_tuned=False)
    assert result["old"] is None and result["note"].startswith("The current model could not be scored")
    assert result["hedges"] == result["new_hedges"] == [] and "incomplete" not in result["note"]


def test_a_fine_tune_s_notes_hedge_the_new_model_alone_when_the_current_one_cannot_be_scored(
        tmp_path, scored, monkeypatch):
    # Before: "... so both models' figures may be optimistic" in a note that gives the current model no figures.
    _old_fails(monkeypatch)
    result = _orphan_comparison(tmp_path, monkeypatch, fine_tuned=True)
    assert result["note"].startswith("The current model could not be scored on these images (cannot load it). ")
    assert "both models'" not in result["note"] and "so the new model's figures may be optimistic" in result["note"]
    assert result["hedges"] == result["new_hedges"] and len(result["new_hedges"]) == 1
    assert result["new_hedges"][0] in result["note"]  # the version it becomes keeps what the note says
