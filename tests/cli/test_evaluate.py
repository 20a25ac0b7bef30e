"""`petloc evaluate` with a deterministic tiny bundle (`petloc predict`: test_predict.py)."""

from __future__ import annotations

import re

import pytest

from petloc_gui.cli.evaluate_split import UNSPLIT_DESCRIPTION
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import (
    BILLION_LAUGHS,
    BLUE,
    RED,
    assert_clean_errors,
    bundle_with_meta,
    last_json,
    oxford_layout,
    run_cli,
    use_a_nan_model,
    voc_xml,
    write_image,
)

# For a 64x32 image the tiny model's box is [16, 16, 48, 28].
W, H = 64, 32


@pytest.fixture
def eval_folder(tmp_path):
    folder = tmp_path / "eval"
    folder.mkdir()

    def annotated(stem, color, label, box):
        write_image(folder / f"{stem}.png", W, H, color)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [(label, box)]), encoding="utf-8")

    annotated("r1", RED, "cat", (16, 16, 48, 28))  # right class, IoU 1
    annotated("r2", RED, "dog", (16, 16, 48, 28))  # wrong class (predicted cat): IoU 0 (best-gt rule)
    annotated("b1", BLUE, "dog", (16, 16, 36, 28))  # right class, IoU 20/32 = 0.625
    annotated("b2", BLUE, "bird", (0, 0, 8, 8))  # label unknown to the model, IoU 0
    write_image(folder / "c.png", W, H, RED)  # no annotation
    (folder / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")  # unreadable image
    (folder / "d.xml").write_text(voc_xml("d.png", W, H, [("cat", (1, 1, 5, 5))]), encoding="utf-8")
    write_image(folder / "e.png", W, H, RED)
    (folder / "e.xml").write_text(BILLION_LAUGHS, encoding="utf-8")  # hostile XML
    return folder


def test_evaluate_json_schema_and_values(eval_folder, tiny_bundle, capsys):
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 4
    assert report["n_skipped"] == 3
    assert report["accuracy"] == pytest.approx(0.5)
    assert report["matching"] == "best-gt"
    assert report["mean_iou"] == pytest.approx((1 + 0 + 0.625 + 0) / 4, abs=1e-3)
    assert report["iou_ge_50"] == pytest.approx(0.5)
    assert report["iou_ge_75"] == pytest.approx(0.25)
    assert report["per_class"]["cat"] == {"count": 1, "accuracy": 1.0, "mean_iou": pytest.approx(1.0, abs=1e-3)}
    assert report["per_class"]["dog"]["count"] == 2
    assert report["per_class"]["dog"]["accuracy"] == pytest.approx(0.5)
    assert report["per_class"]["dog"]["mean_iou"] == pytest.approx(0.3125, abs=1e-3)
    assert report["confusion"] == {"labels": ["cat", "dog"], "matrix": [[1, 0], [1, 1]]}
    assert report["unknown_labels"] == {"bird": 1}
    assert report["model"] == str(tiny_bundle)
    assert report["data"] == str(eval_folder)
    assert report["split"] == "all annotated images in DATA"
    lines = assert_clean_errors(err)
    skipped = [line for line in lines if "skipped" in line]
    assert len(skipped) == 3
    assert any("c.png" in line and "no annotation" in line for line in skipped)
    assert any("d.png" in line for line in skipped)
    assert any("e.png" in line and "e.xml" in line for line in skipped)
    assert any("bird" in line for line in lines)


def test_evaluate_scores_two_animals_against_the_best_matching_one(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "two"
    folder.mkdir()
    # The tiny model predicts "cat" at [16, 16, 48, 28] on red 64x32 images.
    objects = {"first_far": [("cat", (0, 0, 8, 8)), ("cat", (16, 16, 48, 28))],  # second cat: IoU 1
               "dog_and_cat": [("dog", (16, 16, 48, 28)), ("cat", (16, 16, 32, 28))],  # the cat: IoU 0.5
               "dogs_only": [("dog", (16, 16, 48, 28)), ("dog", (0, 0, 8, 8))]}  # no cat: IoU 0, wrong
    for stem, objs in objects.items():
        write_image(folder / f"{stem}.png", W, H, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objs), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["matching"] == "best-gt"
    assert report["n_images"] == 3
    assert report["mean_iou"] == pytest.approx((1 + 0.5 + 0) / 3, abs=1e-3)
    assert report["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["confusion"] == {"labels": ["cat", "dog"], "matrix": [[2, 0], [1, 0]]}


def test_evaluate_label_breed_takes_the_class_from_the_oxford_list(tmp_path, tiny_bundle, capsys):
    # Oxford layout: the breed comes from the file name ("cat_1" -> breed "cat"); the VOC name is "animal".
    root = oxford_layout(tmp_path / "oxford", ("cat_1", "cat_2"), W, H)
    code, out, err = run_cli(capsys, "evaluate", root, "--model", tiny_bundle, "--json", "--label", "breed")
    assert code == 0, err
    report = last_json(out)
    assert report["accuracy"] == pytest.approx(1.0) and report["mean_iou"] == pytest.approx(1.0, abs=1e-3)
    code, out, err = run_cli(capsys, "evaluate", root, "--model", tiny_bundle, "--json")
    report = last_json(out)
    assert report["accuracy"] == 0.0 and report["unknown_labels"] == {"animal": 2}


def test_evaluate_validation_split_and_training_folder_warning(eval_folder, tiny_bundle, tmp_path, capsys):
    bundle = bundle_with_meta(
        tiny_bundle, tmp_path,
        validation_split={"images": ["r1.png", "b1.png", "gone.png"]},
        # trained on b1 under another name: found by its content, wherever it is now
        splits={"train": ["elsewhere/blue.png"], "validation": ["r1.png"], "test": []},
        images={"elsewhere/blue.png": {"sha256": file_sha256(eval_folder / "b1.png")}},
    )
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", bundle, "--json", "--split", "validation")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 2 and report["n_skipped"] == 0
    assert report["accuracy"] == 1.0
    # it records no validation parts: every listed image chose its epoch, and the split says so
    assert report["split"] == UNSPLIT_DESCRIPTION
    # b1 is listed in validation but is the bytes of a training image: said under --split validation too
    assert report["n_trained_on"] == 1 and report["trained_on_record"] == "complete"
    assert assert_clean_errors(err) == [
        "petloc: this model's meta.json records no validation parts: every validation image it lists chose its "
        "epoch, so its figures on them are somewhat optimistic",
        f"petloc: 1 of the model's validation images is not in {eval_folder}",
        "petloc: 1 of these 2 evaluated images is a training image of this model or of one it was fine-tuned "
        "from (1 by identical bytes): these figures include training images (evaluate on a folder none of its "
        "models trained on, for held-out figures)"]

    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", bundle, "--json")
    assert code == 0
    report = last_json(out)
    # b1 and b2 are the same blue picture (the same bytes): the model has seen both, whatever their names
    assert report["n_images"] == 4 and report["n_trained_on"] == 2 and report["trained_on_record"] == "complete"
    assert any("2 of these 4 evaluated images are training images of this model or of one it was fine-tuned "
               "from (2 by identical bytes)" in line for line in assert_clean_errors(err))

    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", tiny_bundle, "--split", "validation")
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == ["petloc: this model's meta.json lists no validation images; use --split all"]


def _bundle_at(tiny_bundle, target, **meta_changes):
    import json
    import shutil

    shutil.copytree(tiny_bundle, target)
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta.update(meta_changes)
    (target / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return target


def test_evaluate_counts_the_training_images_of_the_models_it_was_fine_tuned_from(
        eval_folder, tiny_bundle, tmp_path, capsys, _isolated_user_data):
    red, blue = file_sha256(eval_folder / "r1.png"), file_sha256(eval_folder / "b1.png")
    # the parent, a version in the model store, trained on the red picture (r1 and r2 are its copies)
    _bundle_at(tiny_bundle, _isolated_user_data / "models" / "digits" / "digits-parent-1", version_id="digits-parent-1",
               parent=None, splits={"train": ["red.png"], "validation": [], "test": []},
               images={"red.png": {"sha256": red}})  # (its version id: the walk checks the folder holds that version)
    child = _bundle_at(tiny_bundle, tmp_path / "child", parent="digits-parent-1",
                       splits={"train": ["blue.png"], "validation": [], "test": []},
                       images={"blue.png": {"sha256": blue}})
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", child, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_trained_on"] == 4 and report["trained_on_record"] == "complete"  # 2 its own, 2 its parent's

    orphan = _bundle_at(tiny_bundle, tmp_path / "orphan", parent="gone-7",
                        splits={"train": ["blue.png"], "validation": [], "test": []},
                        images={"blue.png": {"sha256": blue}})
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", orphan, "--json")
    report = last_json(out)
    assert report["n_trained_on"] == 2 and report["trained_on_record"].startswith("incomplete: ")
    lines = assert_clean_errors(err)
    assert any(line.startswith("petloc: at least 2 of these 4") for line in lines)
    assert any("its parent model gone-7 is not found" in line and "lower bound" in line for line in lines)


def test_evaluate_with_no_record_of_training_images_says_it_cannot_tell(eval_folder, tiny_bundle, tmp_path,
                                                                        capsys):
    legacy = _bundle_at(tiny_bundle, tmp_path / "legacy", splits=None, training_data={"root": str(eval_folder)})
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", legacy, "--json")
    assert code == 0 and last_json(out)["n_trained_on"] is None
    assert any("DATA is the folder this model was trained on" in line for line in assert_clean_errors(err))
    unknown = _bundle_at(tiny_bundle, tmp_path / "unknown", splits=None, training_data={})
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", unknown)
    assert code == 0 and "training images unknown" in out
    assert any("cannot tell which of these images the model trained on" in line for line in assert_clean_errors(err))


def test_evaluate_table(eval_folder, tiny_bundle, capsys):
    code, out, _ = run_cli(capsys, "evaluate", eval_folder, "--model", tiny_bundle)
    assert code == 0
    assert re.search(r"images     4 evaluated(, [^;]*)?; 3 skipped", out)
    assert "accuracy   0.500" in out
    assert "bird" in out and "confusion" in out


def test_evaluate_with_nothing_to_evaluate(tmp_path, tiny_bundle, capsys):
    write_image(tmp_path / "a.png", W, H, RED)
    code, out, err = run_cli(capsys, "evaluate", tmp_path, "--model", tiny_bundle, "--json")
    assert code == 1 and out == ""
    lines = assert_clean_errors(err)
    assert any("no annotated image" in line for line in lines)


def test_evaluate_skips_objects_training_would_skip(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "odd"
    folder.mkdir()
    for stem, objects in (("noname", [("", (16, 16, 48, 28))]), ("flat", [("cat", (10, 10, 10, 20))]),
                          ("mixed", [("", (0, 0, 8, 8)), ("cat", (16, 16, 48, 28))]),
                          ("ok", [("cat", (16, 16, 48, 28))])):
        write_image(folder / f"{stem}.png", W, H, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 2 and report["n_skipped"] == 2  # mixed keeps its labelled object
    assert "" not in report["unknown_labels"] and "" not in report["per_class"]
    skipped = [line for line in assert_clean_errors(err) if "skipped" in line]
    assert len(skipped) == 2 and all("no object with a label" in line for line in skipped)
    assert {line.split("skipped ", 1)[1].split(":", 1)[0].rsplit("/", 1)[-1] for line in skipped} == {
        "noname.png", "flat.png"}


def test_evaluate_validation_split_on_a_folder_of_symbolic_links(eval_folder, tiny_bundle, tmp_path, capsys):
    links = tmp_path / "links"  # a dataset of links to a shared folder: its paths are the links' own
    links.mkdir()
    for name in ("r1.png", "r1.xml", "b1.png", "b1.xml"):
        (links / name).symlink_to(eval_folder / name)
    bundle = _bundle_at(tiny_bundle, tmp_path / "b", validation_split={"images": ["r1.png", "b1.png"]})
    code, out, err = run_cli(capsys, "evaluate", links, "--model", bundle, "--json", "--split", "validation")
    assert code == 0, err
    assert last_json(out)["n_images"] == 2


def test_evaluate_warns_about_annotations_drawn_on_another_image_size(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "resized"
    folder.mkdir()
    for i in range(5):  # the XML says 128x64: the images were halved since the boxes were drawn
        write_image(folder / f"s{i}.png", W, H, RED)
        (folder / f"s{i}.xml").write_text(voc_xml(f"s{i}.png", 2 * W, 2 * H, [("cat", (8, 4, 60, 28))]),
                                          encoding="utf-8")
    write_image(folder / "ok.png", W, H, RED)
    (folder / "ok.xml").write_text(voc_xml("ok.png", W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0 and last_json(out)["n_images"] == 6
    warnings = [line for line in assert_clean_errors(err) if line.startswith("petloc: warning: ")]
    assert warnings[:3] == [f"petloc: warning: {folder / f's{i}.xml'}: size in file 128x64 differs from the image "
                            "64x32; the image's size is used; its boxes are used as written (if its image was "
                            "resized since, they do not fit it)" for i in range(3)]
    assert "and 2 more annotations" in warnings[3] and "used as written too" in warnings[3]
    assert len(warnings) == 4  # every line names its file (or counts the rest)


def test_evaluate_counts_an_image_without_prediction_wrong_and_says_so(eval_folder, capsys, monkeypatch):
    from petloc_gui.cli import cmd_evaluate
    use_a_nan_model(monkeypatch, cmd_evaluate, eval_folder, (W, H))  # a diverged model: every output NaN
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", eval_folder, "--json")
    report = last_json(out)
    assert code == 0 and report["n_images"] == 5  # the fake reads no image: d.png is predicted too
    assert report["accuracy"] == 0.0 and report["mean_iou"] == 0.0  # wrong, IoU 0: not class 0, not NaN
    assert report["per_class"]["cat"]["accuracy"] == 0.0 and report["confusion"]["matrix"] == [[0, 0], [0, 0]]
    assert any(line.startswith("petloc: 5 images got no prediction") for line in assert_clean_errors(err))


def test_evaluate_leaves_out_an_image_whose_annotation_file_is_another_images(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "pair"
    folder.mkdir()
    write_image(folder / "photo.jpg", W, H, RED)
    write_image(folder / "photo.png", W, H, BLUE)  # same stem: labelImg would save it to photo.xml too
    (folder / "photo.xml").write_text(voc_xml("photo.jpg", W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    # photo.png is not scored against photo.jpg's cat: it has no annotation of its own
    assert report["n_images"] == 1 and report["n_skipped"] == 1 and report["accuracy"] == 1.0
    assert assert_clean_errors(err)[0] == (
        f"petloc: skipped 1 image whose annotation file is another image's: {folder / 'photo.png'} shares its "
        "annotation file photo.xml with photo.jpg (its boxes are that image's); rename one of the two images so "
        "that each has an annotation file of its own")

    # a validation split listing photo.png alone: the file is still photo.jpg's
    bundle = _bundle_at(tiny_bundle, tmp_path / "b", validation_split={"images": ["photo.png"]})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", bundle, "--json", "--split", "validation")
    assert code == 1 and "skipped 1 image whose annotation file is another image's" in err


def test_evaluate_progress_lines_start_with_petloc_as_predict_s_do(eval_folder, tiny_bundle, capsys):
    """More images than one batch: a progress line on stderr ('evaluate 2/3 ETA ...' had no prefix,
    where `petloc predict`'s reads 'petloc: predict N/TOTAL ETA m:ss')."""
    for stem in ("d", "e", "b2"):  # only readable ground truth the model knows: no skipped/unknown lines
        for path in eval_folder.glob(f"{stem}.*"):
            path.unlink()
    code, _, err = run_cli(capsys, "evaluate", eval_folder, "--model", tiny_bundle, "--batch-size", "1")
    assert code == 0
    lines = assert_clean_errors(err)  # every stderr line a `petloc: ` line
    progress = [line for line in lines if line.startswith("petloc: evaluate ")]
    assert progress and progress[-1].startswith("petloc: evaluate 3/3 ETA ")


def test_evaluate_says_a_boxed_photo_of_a_format_it_does_not_read_is_left_out(eval_folder, tiny_bundle, capsys):
    (eval_folder / "IMG_1.heic").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    (eval_folder / "IMG_1.xml").write_text(voc_xml("IMG_1.heic", W, H, [("cat", (1, 1, 9, 9))]), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", eval_folder, "--model", tiny_bundle, "--json")
    assert code == 0 and last_json(out)["n_images"] == 4  # as before: the HEIC is not scored
    line = next(line for line in assert_clean_errors(err) if "IMG_1.heic" in line)
    assert "HEIC is not supported" in line and "it has an annotation" in line
