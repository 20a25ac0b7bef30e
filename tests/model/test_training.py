"""Training end to end on a few dozen images: events, loss, bundle round trip, cancel."""

from __future__ import annotations

import dataclasses
import shutil

import numpy as np
import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.metrics import evaluate
from petloc_gui.core.scored_objects import OBJECTS_KEY, objects_sha256
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.bundle import file_sha256, load_bundle, read_meta
from petloc_gui.model.inference import Predictor
from petloc_gui.model.training import TrainConfig, TrainingCancelled, train

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path_factory.mktemp("digits")
    write_digits_dataset(folder, "train", count=40, seed=0)
    (folder / "unlabelled.png").write_bytes((folder / "train_00000_digit0.png").read_bytes())
    (folder / "broken.png").write_bytes(b"not a png")
    shutil.copy(folder / "train_00001_digit0.xml", folder / "broken.xml")
    return folder


@pytest.fixture(scope="module")
def digits_run(digits_folder, tmp_path_factory):
    """One short digits training (under MirroredStrategy), shared by the tests below."""
    events = []
    out = tmp_path_factory.mktemp("run") / "bundle"
    config = TrainConfig(preset="digits", epochs=3, batch_size=16, val_fraction=0.25, out_dir=str(out),
                         distribute="mirrored")
    path = train(digits_folder, config, on_event=events.append)
    assert path == out
    return path, events


def test_digits_training_learns_and_the_bundle_round_trips(digits_folder, digits_run):
    path, events = digits_run
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and kinds[-1] == "done" and "batch" in kinds
    start = events[0]
    assert start["n_train"] + start["n_val"] == 40 and 4 <= start["n_val"] <= 16
    skipped = dict(start["skipped"])
    assert "no annotation" in skipped[str(digits_folder / "unlabelled.png")]
    assert "unreadable image" in skipped[str(digits_folder / "broken.png")]
    epochs = [e for e in events if e["event"] == "epoch"]
    assert [e["epoch"] for e in epochs] == [1, 2, 3]
    assert epochs[-1]["loss"] < epochs[0]["loss"]
    # every class (4 images each) keeps at least one image on each side
    meta = read_meta(path)
    val_images = meta["splits"]["validation"]
    assert val_images == start["val_images"] == meta["validation_split"]["images"]
    assert sorted({name.split("digit")[1][0] for name in val_images}) == [str(d) for d in range(10)]
    assert sorted({name.split("digit")[1][0] for name in meta["splits"]["train"]}) == [str(d) for d in range(10)]
    assert sorted(meta["splits"]["train"] + val_images) == sorted(p.name for p in digits_folder.glob("train_*.png"))
    assert meta["splits"]["test"] == []
    assert meta["class_names"] == [str(d) for d in range(10)]
    assert meta["training_data"]["size"] == 40 and len(meta["training_data"]["fingerprint"]) == 64
    # half of validation chose the epoch, the other half only reports the figures shown (issue 10)
    parts = meta["validation_parts"]
    assert sorted(parts["selection"] + parts["report"]) == sorted(val_images)
    assert parts["selection"] and parts["report"] and not set(parts["selection"]) & set(parts["report"])
    assert (start["selection_images"], start["report_images"]) == (parts["selection"], parts["report"])
    assert meta["selection_metrics"]["split"] == "validation (selection: chose the best epoch)"
    assert meta["selection_metrics"]["n_images"] == len(parts["selection"])
    assert meta["metrics"]["split"] == "validation (report part: did not choose the epoch)"
    assert meta["metrics"]["n_images"] == len(parts["report"])
    # file hashes of every image in a split (and of its scored objects: a Verified mark is then told from a re-box,
    # `trained_here.reboxed_since`), and no path of this machine anywhere
    image = digits_folder / val_images[0]
    assert meta["images"][val_images[0]] == {"sha256": file_sha256(image),
                                             "annotation_sha256": file_sha256(image.with_suffix(".xml")),
                                             OBJECTS_KEY: objects_sha256(image.with_suffix(".xml"), image),
                                             "size": image.stat().st_size}
    assert all(isinstance(entry[OBJECTS_KEY], str) for entry in meta["images"].values())
    assert set(meta["images"]) == set(meta["splits"]["train"] + val_images)
    text = (path / "meta.json").read_text()
    assert str(digits_folder) not in text and str(path) not in text and "/tmp" not in text
    # the reloaded bundle reproduces the report-part metrics recorded at training time
    predictor = Predictor(path)
    files = [digits_folder / name for name in parts["report"]]
    predictions = predictor.predict_paths(files)
    truth = [read_voc(f.with_suffix(".xml")).objects[0] for f in files]
    again = evaluate([t.name for t in truth], [t.box for t in truth], [p.label for p in predictions],
                     [p.box for p in predictions], predictor.class_names)
    assert again["accuracy"] == pytest.approx(meta["metrics"]["accuracy"])
    assert again["mean_iou"] == pytest.approx(meta["metrics"]["mean_iou"], abs=1e-3)


def test_cancel_stops_promptly_and_writes_no_bundle(digits_folder, tmp_path):
    batches = []

    def on_event(event):
        if event["event"] == "batch":
            batches.append(event)

    out = tmp_path / "never"
    with pytest.raises(TrainingCancelled):
        train(digits_folder, TrainConfig(preset="digits", epochs=5, batch_size=4, out_dir=str(out)),
              on_event=on_event, should_stop=lambda: len(batches) >= 2)
    assert not out.exists()
    assert len(batches) <= 3
    assert not list(tmp_path.iterdir())


def test_fine_tuning_keeps_the_parent_classes_and_adds_new_ones(digits_folder, digits_run, tmp_path):
    first, _ = digits_run
    relabelled = tmp_path / "relabelled"
    shutil.copytree(digits_folder, relabelled)
    xml = relabelled / "train_00000_digit0.xml"
    xml.write_text(xml.read_text().replace("<name>0</name>", "<name>zero</name>"))
    second = train(relabelled, TrainConfig(preset="digits", epochs=1, batch_size=16, init_from=str(first),
                                           out_dir=str(tmp_path / "b")))
    meta = read_meta(second)
    assert meta["class_names"] == [str(d) for d in range(10)] + ["zero"]  # parent's order kept
    assert meta["parent"] == read_meta(first)["version_id"] and meta["config"]["init_from"] == meta["parent"]
    # the parent's validation images stay in validation
    assert set(read_meta(first)["splits"]["validation"]) <= set(meta["splits"]["validation"])
    child = load_bundle(second).model
    assert child.outputs[0].shape[-1] == 11
    parent = load_bundle(first).model
    # everything but the class layer starts from the parent; shared class rows are copied
    np.testing.assert_allclose(parent.get_layer("class").get_weights()[1],
                               child.get_layer("class").get_weights()[1][:10], atol=0.05)


def test_an_image_that_cannot_be_decoded_is_named_once_and_recorded(digits_folder, tmp_path):
    """(The same run also checks that an unreviewed pre-label is counted and that a petloc digits record
    that cannot be read is said in the log: one training run for all three.)"""
    from petloc_gui.core.digits_record import RECORD_NAME
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "data"
    shutil.copytree(digits_folder, folder)
    data = TrainingData.collect(folder, val_fraction=0.25, seed=0)
    broken = {"training": data.train[0].relpath, "validation": data.validation[0].relpath}
    for relpath in broken.values():  # the header still reads: collecting keeps them
        image = folder / relpath
        image.write_bytes(image.read_bytes()[:60])
    # and one training image is a model's unreviewed pre-label: trained on, never validated on, counted
    prelabel_xml = (folder / data.train[1].relpath).with_suffix(".xml")
    marked = read_voc(prelabel_xml)
    marked.prelabel = "petloc pre-label by petloc predict, model digits"
    write_voc(marked, prelabel_xml)
    (folder / RECORD_NAME).write_text("{ broken")  # which digit each canvas holds: untold
    events = []
    path = train(folder, TrainConfig(preset="digits", epochs=3, batch_size=16, val_fraction=0.25,
                                     out_dir=str(tmp_path / "b")), on_event=events.append)
    assert events[0]["n_prelabels"] == 1
    # the untold digits are said before training, as meta.json records them: any digit may be learned
    assert events[1]["event"] == "notice" and events[1]["message"].startswith(f"{RECORD_NAME}: cannot be read")
    assert set(read_meta(path)["training_data"]["mnist_digits"].values()) == {"all"}
    notices = [e["message"] for e in events[2:] if e["event"] == "notice"]
    assert len(notices) == 2  # once each, not at every batch or validation that meets them
    # said when found: a training image in the first epoch (every image is read), a validation image at
    # the first validation that reads it (each epoch for the part that chooses it, else the final report)
    kinds = [e["event"] for e in events]
    said = {role: next(i for i, e in enumerate(events) if e["event"] == "notice" and e["message"].startswith(role))
            for role in broken}
    assert said["training"] < kinds.index("epoch")
    chooses = broken["validation"] in read_meta(path)["validation_parts"]["selection"]
    assert said["validation"] < (kinds.index("epoch") if chooses else kinds.index("done"))
    assert chooses or said["validation"] > kinds.index("epoch")
    for role, relpath in broken.items():
        assert sum(m.startswith(f"{role} image {relpath} could not be read (") for m in notices) == 1
    # the figures leave the broken image out, and meta.json says so
    meta = read_meta(path)
    assert meta["training_data"]["n_prelabels"] == 1 and data.train[1].relpath in meta["splits"]["train"]
    assert [(u["image"], u["role"]) for u in meta["training_data"]["unreadable"]] == \
        sorted((relpath, role) for role, relpath in broken.items())
    parts = meta["validation_parts"]
    scored = {"selection": meta["selection_metrics"]["n_images"], "report": meta["metrics"]["n_images"]}
    for part in ("selection", "report"):
        assert scored[part] == len(parts[part]) - (broken["validation"] in parts[part])


@pytest.fixture(scope="module")
def pets_run(oxford_dir, mobilenet_weights, tmp_path_factory):
    """(photo folder, one-epoch pets bundle) on 9 real photos."""
    tmp_path = tmp_path_factory.mktemp("pets")
    folder = tmp_path / "pets"
    folder.mkdir()
    for name in ["Abyssinian_1", "Abyssinian_10", "Abyssinian_13", "Bengal_10", "Bengal_11", "Bengal_12",
                 "american_bulldog_10", "american_bulldog_11", "american_bulldog_12"]:
        shutil.copy(oxford_dir / "images" / f"{name}.jpg", folder)
        shutil.copy(oxford_dir / "annotations" / "xmls" / f"{name}.xml", folder)
    config = TrainConfig(preset="pets", epochs=1, warmup_epochs=0, batch_size=8, val_fraction=0.3,
                         backbone_weights=str(mobilenet_weights), out_dir=str(tmp_path / "bundle"))
    return folder, train(folder, config)


@pytest.mark.shared
def test_pets_training_with_shared_weights(pets_run, mobilenet_weights):
    _, path = pets_run
    meta = read_meta(path)
    assert meta["class_names"] == ["cat", "dog"]
    assert meta["backbone"]["initial_weights"]["file"] == "mobilenet_2_5_224_tf_no_top.h5"
    assert meta["backbone"]["initial_weights"]["sha256"] == (
        "dbdb03ee2a22fd895301636cd328b234bb3a9952358f436d82f46b81e0d5b0bf")
    assert meta["epochs_run"] == 1
    # the stem is below the fine-tuned blocks: it must still hold the ImageNet weights
    import keras

    reference = keras.applications.MobileNet(input_shape=(224, 224, 3), alpha=0.25, include_top=False,
                                             weights=str(mobilenet_weights))
    saved = load_bundle(path, expected_preset="pets").model.get_layer("backbone")
    np.testing.assert_array_equal(saved.get_layer("conv1").get_weights()[0],
                                  reference.get_layer("conv1").get_weights()[0])


@pytest.mark.shared
def test_a_refiner_without_its_first_stages_selection_photos_chooses_on_the_validation_photos_left(pets_run):
    # the selection photos left out (exclude=, deleted, renamed) and report photos present: nothing chose
    # (the refiner's epoch and variant were chosen on no photo at all)
    from petloc_gui.core.epoch_choice import REFINER_ALL_VALIDATION
    from petloc_gui.model.refine_training import RefineConfig, train_refiner

    folder, path = pets_run
    parts = read_meta(path)["validation_parts"]
    assert parts["selection"] and parts["report"]
    config = RefineConfig(input_size=(64, 64), epochs=1, warmup_epochs=1, crops_per_photo=1, batch_size=4,
                          max_side=256)
    result = train_refiner(path, folder, config, exclude=parts["selection"])
    assert result["selection"] == {"part": REFINER_ALL_VALIDATION, "images": sorted(parts["report"])}
    assert all(v["n_images"] == len(parts["report"]) for v in result["validation_variants"].values())
    assert result["report_variants"] == {}


@pytest.mark.shared
def test_a_refiner_is_trained_scored_by_variant_and_written_into_the_bundle(pets_run):
    from petloc_gui.model.refine_training import RefineConfig, train_refiner, write_refiner
    from petloc_gui.model.refiner_variants import REPASS_BELOW

    folder, path = pets_run
    config = RefineConfig(input_size=(64, 64), epochs=2, warmup_epochs=1, crops_per_photo=2, batch_size=4,
                          max_side=256)
    with pytest.raises(DatasetError, match="no training photo has a real first-stage box"):
        train_refiner(path, folder, dataclasses.replace(config, real_first_share=0.5), real_first_boxes={"x": [0] * 4})
    result = train_refiner(path, folder, config)
    assert result["real_first_boxes"] == 0
    variants = result["validation_variants"]
    assert {"first_stage_only", "cascade", "cascade_flip", "cascade_twice", "cascade_repass"} <= set(variants)
    assert 0.0 <= variants["cascade_repass"]["repass_share"] <= 1.0
    # the refiner's epoch and variant are chosen on the first stage's selection part only: its report part
    # stays one for the cascade (the bundled pets refiner chose on all 41 validation photos)
    parts = read_meta(path)["validation_parts"]
    assert parts["selection"] and parts["report"]  # the run below holds both
    assert result["selection"] == {"part": "selection part", "images": sorted(parts["selection"])}
    assert all(v["n_images"] == len(parts["selection"]) for v in variants.values())
    assert all(v["n_images"] == len(parts["report"]) for v in result["report_variants"].values())
    write_refiner(path, result)
    written = read_meta(path)
    assert "refine.tflite" in written["tflite"]  # checked against refine.keras: the window runs it without TF
    refine = written["refine"]
    assert refine["selection"] == result["selection"]
    variant = refine["chosen_variant"].split()[0]
    assert written["metrics"]["n_images"] == len(parts["report"])
    assert written["metrics"]["mean_iou"] == result["report_variants"][variant]["mean_iou"]
    assert written["metrics"]["split"].startswith("validation (report part: chose neither stage's epoch")
    from petloc_gui.core.epoch_choice import validation_parts

    assert validation_parts(written).report == parts["report"]
    assert refine["passes"] in (1, 2) and refine["input_size"] == [64, 64]
    assert refine["repass_below"] == (REPASS_BELOW if refine["chosen_variant"].startswith("cascade_repass") else 1.0)
    predictor = Predictor(path)
    assert predictor.refine is not None and predictor.refine.repass_below == refine["repass_below"]
    (prediction,) = predictor.predict_paths([folder / "Bengal_10.jpg"])
    assert prediction.label in ("cat", "dog")
