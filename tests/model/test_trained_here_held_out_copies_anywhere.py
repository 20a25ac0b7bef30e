"""The window's check finds the held-out images a model's figures were measured on by their recorded bytes wherever
they sit, as it finds its training images (`model.held_out_here`). Before, it looked for each only at its recorded
path: a flat folder (labelImg's images and XML side by side) holding byte copies of 6 of the bundled pets model's 48
test photos ("images/Abyssinian_13.jpg" as "Abyssinian_13.jpg") was said to be 'measured on test images held out of
its training folder "data", not this one', while the Retrain dialog said its annotated ones were the current model's
test images."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.app.trained_here_said import cautions
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model import bundle as bundle_module
from petloc_gui.model import trained_here
from petloc_gui.model.trained_here import TrainedHere, check_trained_here, reboxed_again

TRAIN = [f"images/cat_{n}.png" for n in range(4)]
TEST = [f"images/cat_{n}.png" for n in range(4, 7)]


def _source(tmp_path: Path) -> Path:
    """The model's training folder "cvat": photos under images/, each with its VOC annotation beside it; the test
    photos wider than the training photos (of other sizes in bytes)."""
    from petloc_gui.core.voc import VocObject, new_annotation

    root = tmp_path / "cvat"
    (root / "images").mkdir(parents=True)
    for seed, relpath in enumerate(TRAIN + TEST):
        image, width = root / relpath, 60 if relpath in TEST else 50
        rng = np.random.default_rng(seed)
        Image.fromarray(rng.integers(0, 255, (40, width, 3), dtype=np.uint8)).save(image)
        annotation = new_annotation(image, width, 40)
        annotation.objects.append(VocObject(name="cat", box=Box(5, 5, 30, 30)))
        write_voc(annotation, image.with_suffix(".xml"))
    return root


def _model(tmp_path: Path, source: Path, sizes: bool = True) -> Path:
    """A bundle that trained on ``TRAIN`` and holds ``TEST`` out as its test images (meta.json ``splits.test``),
    each image's sha256 and scored objects' hash recorded; ``sizes``: each image's size too, as a run now records
    it (False: an older record)."""
    model = tmp_path / "model"
    model.mkdir()
    images = {relpath: {"sha256": bundle_module.sha256_or_none(source / relpath), "annotation_sha256": None,
                        "objects_sha256": _objects(source / relpath),
                        **({"size": (source / relpath).stat().st_size} if sizes else {})}
              for relpath in TRAIN + TEST}
    meta = {"class_names": ["cat", "dog"], "splits": {"train": TRAIN, "validation": [], "test": TEST},
            "images": images, "training_data": {"root_name": source.name, "n_test": len(TEST)},
            "metrics": {"accuracy": 0.5, "mean_iou": 0.4, "n_images": len(TEST)}}
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return model


def _objects(image: Path) -> str | None:
    from petloc_gui.core.scored_objects import objects_sha256

    return objects_sha256(image.with_suffix(".xml"), image)


def _flat(tmp_path: Path, source: Path, relpaths: list[str], name: str = "flat") -> Path:
    """A flat folder: copies of ``relpaths`` (and their annotations) side by side under their file names alone."""
    root = tmp_path / name
    root.mkdir()
    for relpath in relpaths:
        shutil.copy(source / relpath, root / Path(relpath).name)
        shutil.copy((source / relpath).with_suffix(".xml"), root / Path(relpath).with_suffix(".xml").name)
    return root


def _check(model: Path, root: Path, memo=None) -> TrainedHere:
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.rglob("*.png"))]
    answer = list(check_trained_here(model, root, images, memo or {}, "test"))[-1]
    assert isinstance(answer, TrainedHere)
    return answer


def _where(answer: TrainedHere) -> list[tuple[str, str]]:
    return [(caution.long, caution.short) for caution in cautions(answer, "test") if "measured on" in caution.long]


def test_byte_copies_of_some_test_images_in_a_flat_folder_are_found_here(tmp_path):
    source = _source(tmp_path)
    model = _model(tmp_path, source)
    flat = _flat(tmp_path, source, [TRAIN[0], TEST[0], TEST[1]])
    answer = _check(model, flat)
    # the training photo's copy is found by its bytes (as before), and now the test photos' copies too
    assert (answer.count, answer.measured, answer.measured_found, answer.training_folder) == (1, 3, 2, "cvat")
    assert _where(answer) == [('measured on test images held out of its training folder "cvat": 2 of the 3 test '
                               "images are here", "2/3 of them here")]
    every = _flat(tmp_path, source, TEST, "every")
    answer = _check(model, every)
    assert (answer.measured_found, answer.training_folder, _where(answer)) == (3, "", [])


def test_only_images_of_a_test_image_s_size_are_read(tmp_path, monkeypatch):
    source = _source(tmp_path)
    model = _model(tmp_path, source)
    flat = _flat(tmp_path, source, [TEST[0]])
    for n in range(20):  # photos of no recorded image's size: never read
        (flat / f"phone_{n}.png").write_bytes(bytes([n]) * (60_000 + n))
    reads: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: reads.append(Path(path).name) or real(path))
    answer = _check(model, flat)
    assert answer.measured_found == 1 and reads == ["cat_4.png"]


def test_a_copy_re_boxed_since_is_said_and_a_save_s_check_reads_its_annotation(tmp_path):
    source = _source(tmp_path)
    model = _model(tmp_path, source)
    flat = _flat(tmp_path, source, TEST)
    last = _check(model, flat)
    assert (last.measured_here, last.reboxed) == (3, 0)
    annotation = read_voc(flat / "cat_5.xml")
    annotation.objects[0].box = Box(6, 6, 31, 31)
    write_voc(annotation, flat / "cat_5.xml")
    (again,) = reboxed_again(model, flat, last)  # a save: the annotation of the copy standing for it is read
    assert (again.measured_here, again.reboxed, again.measured_found) == (3, 1, 3)
    assert (_check(model, flat, last.memo).reboxed, _check(model, flat).reboxed) == (1, 1)


def test_an_image_at_a_path_the_model_records_is_that_image_not_a_copy(tmp_path):
    """`petloc evaluate --split test`'s rule (`cli.recorded_images`): the test photo's bytes under a training
    photo's recorded path are that training photo's path, never taken for the test photo."""
    source = _source(tmp_path)
    model = _model(tmp_path, source)
    folder = tmp_path / "folder"
    (folder / "images").mkdir(parents=True)
    shutil.copy(source / TEST[0], folder / TRAIN[0])
    shutil.copy(source / TEST[1], folder / "elsewhere.png")
    assert _check(model, folder).measured_found == 1  # elsewhere.png alone


def test_two_recorded_copies_need_two_images_here(tmp_path):
    source = _source(tmp_path)
    shutil.copy(source / TEST[0], source / TEST[1])  # recorded twice, under two paths, one photo
    model = _model(tmp_path, source)
    flat = _flat(tmp_path, source, [TEST[0]])
    assert _check(model, flat).measured_found == 1  # one photo here stands for one of them, as evaluate takes it
    shutil.copy(flat / "cat_4.png", flat / "again.png")
    assert _check(model, flat).measured_found == 2


def test_a_record_without_sizes_finds_copies_within_the_read_budget_a_lower_bound(tmp_path, monkeypatch):
    source = _source(tmp_path)
    model = _model(tmp_path, source, sizes=False)
    flat = _flat(tmp_path, source, [TEST[0], TEST[1]])
    (flat / "a_new.png").write_bytes(b"a photo the model never saw")
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 2)  # a_new.png and cat_4.png read; cat_5.png not
    answer = _check(model, flat)
    assert (answer.measured_found, answer.measured_unchecked, answer.unchecked) == (1, 1, 1)
    assert _where(answer) == [('measured on test images held out of its training folder "cvat": at least 1 of the '
                               "3 test images is here (checked 2 of 3 images; the rest were not checked)",
                               "1+/3 of them here")]
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 1)
    answer = _check(model, flat)
    assert (answer.measured_found, answer.measured_unchecked, answer.training_folder) == (0, 2, "cvat")
    assert _where(answer) == [('measured on test images held out of its training folder "cvat": none of the 3 test '
                               "images is among the 1 of this folder's 3 images checked; the rest were not checked",
                               "0/3 of them in 1 checked")]
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 2000)
    assert (_check(model, flat).measured_found, _check(model, flat).measured_unchecked) == (2, 0)


def test_test_images_without_sizes_beside_sized_training_images_leave_the_training_count_whole(tmp_path,
                                                                                                 monkeypatch):
    """Copies of test images whose sizes the record lacks are looked for within the budget; an image left unread
    for it is of no training image's size, so the training count stays whole and only the test images' is a
    lower bound."""
    source = _source(tmp_path)
    model = _model(tmp_path, source)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    for relpath in TEST:
        del meta["images"][relpath]["size"]
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    flat = _flat(tmp_path, source, [TRAIN[0], TEST[0], TEST[1]])
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 2)  # cat_0.png (a training photo's size) and cat_4.png
    answer = _check(model, flat)
    assert (answer.count, answer.complete, answer.unchecked) == (1, True, 0)
    assert (answer.measured_found, answer.measured_unchecked) == (1, 1)


def test_a_copy_without_its_annotation_is_said_apart_never_re_boxed(tmp_path):
    """A test photo's copy with no XML beside it was counted "re-boxed since" (its hash of no objects differs from the
    recorded one): its boxes were never changed, there are none here to re-score it on. It is said apart."""
    source = _source(tmp_path)
    model = _model(tmp_path, source)
    flat = _flat(tmp_path, source, TEST)
    (flat / "cat_4.xml").unlink()
    (flat / "cat_5.xml").unlink()
    last = _check(model, flat)
    assert (last.measured_here, last.reboxed, last.measured_unannotated) == (3, 0, 2)
    assert [(caution.long, caution.short) for caution in cautions(last, "test")] == [
        ("2 of the 3 test images they were measured on have no annotation here: the figures cannot be re-scored on "
         "them here", "2 unannotated here")]
    annotation = read_voc(flat / "cat_6.xml")
    annotation.objects[0].box = Box(6, 6, 31, 31)
    write_voc(annotation, flat / "cat_6.xml")
    shutil.copy(source / "images" / "cat_4.xml", flat / "cat_4.xml")  # its annotation given back, as it was
    (again,) = reboxed_again(model, flat, last)
    assert (again.measured_here, again.reboxed, again.measured_unannotated) == (3, 1, 1)
    assert [caution.short for caution in cautions(again, "test")] == ["1 re-boxed since", "1 unannotated here"]
