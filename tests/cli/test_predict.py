"""`petloc predict` with a deterministic tiny bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.voc import read_voc
from petloc_gui.model.bundle import read_meta
from tests.cli.helpers import (
    BLUE,
    RED,
    assert_clean_errors,
    json_lines,
    run_cli,
    tiny_box_pixels,
    use_a_nan_model,
    voc_xml,
    write_annotated,
    write_image,
)

# For a 64x32 image the tiny model's box is [16, 16, 48, 28].
W, H = 64, 32


def test_predict_json_good_corrupt_and_exif_rotated(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    write_image(folder / "good.png", W, H, RED)
    (folder / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    # Stored 64 wide x 32 high; orientation 6 means it is displayed 32 wide x 64 high.
    write_image(folder / "rotated.jpg", W, H, BLUE, exif_orientation=6)
    code, out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--json", "--batch-size", "2")
    assert code == 0, err
    records = {r["image"].rsplit("/", 1)[-1]: r for r in json_lines(out)}
    assert set(records) == {"good.png", "corrupt.jpg", "rotated.jpg"}
    good = records["good.png"]
    assert set(good) == {"image", "label", "confidence", "box"}
    assert good["label"] == "cat" and 0.5 < good["confidence"] <= 1
    assert good["box"] == pytest.approx(tiny_box_pixels(W, H), abs=0.02)
    assert all(round(v, 2) == v for v in good["box"])
    assert records["rotated.jpg"]["label"] == "dog"
    assert records["rotated.jpg"]["box"] == pytest.approx(tiny_box_pixels(H, W), abs=0.02)
    assert set(records["corrupt.jpg"]) == {"image", "error"}
    lines = assert_clean_errors(err)
    progress = [line for line in lines if line.startswith("petloc: predict ")]
    assert progress[-1].startswith("petloc: predict 3/3")  # a folder: progress on stderr
    problems = [line for line in lines if line not in progress]
    assert len(problems) == 1 and "corrupt.jpg" in problems[0]


def test_predict_files_readable_lines_and_bad_path(tmp_path, tiny_bundle, capsys):
    image = write_image(tmp_path / "blue.png", W, H, BLUE)
    code, out, err = run_cli(capsys, "predict", image, tmp_path / "missing.png", "--model", tiny_bundle)
    assert code == 0
    assert out.strip() == f"{image}  dog  {float(out.split()[2]):.2f}  [16, 16, 48, 28]"
    lines = assert_clean_errors(err)
    assert len(lines) == 1 and "missing.png" in lines[0]


def test_predict_write_voc_only_for_missing_annotations(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    write_image(folder / "human.png", W, H, RED)
    human_xml = folder / "human.xml"
    human_xml.write_text(voc_xml("human.png", W, H, [("dog", (1, 2, 30, 20))]), encoding="utf-8")
    human_bytes = human_xml.read_bytes()
    write_image(folder / "new.png", W, H, BLUE)
    (folder / "broken.png").write_bytes(b"nope")

    code, out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    assert human_xml.read_bytes() == human_bytes
    assert not (folder / "broken.xml").exists()
    annotation = read_voc(folder / "new.xml")
    assert [o.name for o in annotation.objects] == ["dog"]
    box = annotation.objects[0].box
    assert [box.xmin, box.ymin, box.xmax, box.ymax] == pytest.approx([16, 16, 48, 28], abs=1)
    assert annotation.size == (W, H) and annotation.filename == "new.png"
    assert annotation.depth == 3
    assert "wrote 1 pre-label" in err and "left 1 existing" in err
    assert len(json_lines(out)) == 3  # stdout stays pure JSON

    new_bytes = (folder / "new.xml").read_bytes()
    code, _, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--write-voc")
    assert code == 0
    assert (folder / "new.xml").read_bytes() == new_bytes
    assert human_xml.read_bytes() == human_bytes
    assert "wrote 0 pre-label" in err


def test_a_pre_label_is_marked_as_the_model_s_and_is_no_ground_truth_until_a_person_saves_it(
        tmp_path, tiny_bundle, capsys):
    from petloc_gui.core.voc import write_voc

    folder = tmp_path / "data"
    folder.mkdir()
    write_image(folder / "human.png", W, H, RED)
    (folder / "human.xml").write_text(voc_xml("human.png", W, H, [("dog", (1, 2, 30, 20))]), encoding="utf-8")
    write_image(folder / "new.png", W, H, BLUE)
    code, _, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    annotation = read_voc(folder / "new.xml")
    version = read_meta(tiny_bundle).get("version_id")
    assert annotation.prelabel == (f"petloc pre-label by petloc predict, model {Path(tiny_bundle).name}"
                                   + (f" ({version})" if version else ""))
    assert read_voc(folder / "human.xml").prelabel is None
    # the model's own boxes would score it perfectly: evaluate leaves them out and says so
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = json_lines(out)[-1]
    assert report["n_images"] == 1 and report["n_skipped"] == 1
    assert "skipped 1 image whose annotation is an unreviewed pre-label" in err
    # marked verified (by a tool that keeps <source>), it is a person's
    annotation.verified = True
    write_voc(annotation, folder / "new.xml")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert json_lines(out)[-1]["n_images"] == 2 and "pre-label" not in err
    # a person's save (the window writes prelabel=None) makes it ground truth
    annotation = read_voc(folder / "new.xml")
    annotation.verified = False
    annotation.prelabel = None
    write_voc(annotation, folder / "new.xml")
    assert "petloc pre-label" not in (folder / "new.xml").read_text(encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert json_lines(out)[-1]["n_images"] == 2 and "pre-label" not in err


def test_predict_nothing_readable_exits_1(tmp_path, tiny_bundle, capsys):
    (tmp_path / "x.png").write_bytes(b"nope")
    code, out, err = run_cli(capsys, "predict", tmp_path / "x.png", "--model", tiny_bundle, "--json")
    assert code == 1
    assert json_lines(out) == [{"image": str(tmp_path / "x.png"), "error": json_lines(out)[0]["error"]}]
    assert len(assert_clean_errors(err)) == 1


def test_predict_with_unknown_model_is_one_line(tmp_path, capsys):
    image = write_image(tmp_path / "a.png", W, H, RED)
    code, out, err = run_cli(capsys, "predict", image, tmp_path / "missing.png", "--model", tmp_path / "nomodel")
    assert code == 1 and out == ""
    lines = assert_clean_errors(err)
    assert len(lines) == 1 and "nomodel" in lines[0]


def test_predict_without_model_on_new_classes_says_no_model_knows_them(tmp_path, capsys):
    import shlex

    folder = tmp_path / "my birds"  # a space: the suggested command must still paste into a shell
    folder.mkdir()
    for i, label in enumerate(["bird", "car"]):
        write_annotated(folder, f"x{i}", 40, 30, [(label, (2, 2, 20, 20))])
    for given in (folder, folder / "x0.png"):  # a folder, or one of its images: train on the folder
        code, out, err = run_cli(capsys, "predict", given, "--json")
        assert code != 0 and out == ""
        (line,) = assert_clean_errors(err)
        assert "no available model knows the classes bird, car" in line and "--model" in line
        command = shlex.split(line.split("train one (", 1)[1].split(") or pass", 1)[0])
        assert command[:5] == ["petloc", "train", str(folder), "--preset", "photo"] and command[5] == "--out"


def test_predict_without_model_uses_the_folders_model_and_shows_progress(tmp_path, tiny_bundle, capsys):
    from petloc_gui.app.model_choice import FolderMemory

    folder = tmp_path / "pets"
    folder.mkdir()
    for i in range(5):
        write_annotated(folder, f"p{i}", 40, 30, [("cat", (2, 2, 20, 20))])
    FolderMemory().remember(folder, str(tiny_bundle))  # as the window does after a choice
    code, out, err = run_cli(capsys, "predict", folder, "--json", "--batch-size", "2")
    assert code == 0
    assert len(json_lines(out)) == 5  # stdout stays one JSON record per image
    assert f"using model {tiny_bundle}" in err and "predict 5/5" in err


def test_predict_write_voc_counts_and_fails_on_annotations_it_could_not_write(tmp_path, tiny_bundle, capsys,
                                                                                monkeypatch):
    from petloc_gui.cli import cmd_predict

    for stem in ("a", "b"):
        write_image(tmp_path / f"{stem}.png", W, H, BLUE)

    def unwritable(image, annotation_path, label, box, mark):  # what a read-only folder does (root ignores chmod)
        raise PermissionError(13, "Permission denied", str(annotation_path))

    monkeypatch.setattr(cmd_predict, "write_prelabel", unwritable)
    code, out, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 1  # a script must not take 0 for "pre-labels written"
    assert len(json_lines(out)) == 2
    assert "wrote 0 pre-label annotations; left 0 existing annotations untouched; 2 could not be written" in err


def test_predict_says_an_image_got_no_prediction_when_the_model_output_is_nan(tmp_path, capsys, monkeypatch):

    from petloc_gui.cli import cmd_predict
    use_a_nan_model(monkeypatch, cmd_predict, tmp_path, (W, H))  # a diverged model: every output NaN
    image = write_image(tmp_path / "a.png", W, H, RED)
    code, out, err = run_cli(capsys, "predict", image, "--model", tmp_path, "--json", "--write-voc")
    assert code == 1  # nothing was predicted
    assert json_lines(out) == [{"image": str(image), "error": cmd_predict.NO_PREDICTION}]
    assert err.splitlines()[0] == f"petloc: {image}: {cmd_predict.NO_PREDICTION}" and "Traceback" not in err
    assert not (tmp_path / "a.xml").exists()  # no pre-label labelled "" or "0"


def test_the_chosen_model_line_names_the_folder_escaped(tmp_path, tiny_bundle, capsys):
    from petloc_gui.app.model_choice import FolderMemory
    from petloc_gui.cli.output import show

    folder = tmp_path / "new\nline\u202e"
    folder.mkdir()
    write_annotated(folder, "p0", 40, 30, [("cat", (2, 2, 20, 20))])
    FolderMemory().remember(folder, str(tiny_bundle))
    code, _out, err = run_cli(capsys, "predict", folder, "--json")
    assert code == 0, err
    line = next(line for line in err.splitlines() if "using model" in line)
    assert f"for {show(folder)} (" in line and "\u202e" not in line, err  # raw, the newline split this line


def test_predict_write_voc_gives_no_pre_label_to_an_image_whose_annotation_file_is_another_images(
        tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "pair"
    folder.mkdir()
    write_image(folder / "photo.jpg", W, H, RED)
    write_image(folder / "photo.png", W, H, BLUE)  # photo.xml would be both: it is photo.jpg's (natural order)
    shared_line = (f"petloc: wrote no pre-label for 1 image whose annotation file is another image's: "
                   f"{folder / 'photo.png'} shares its annotation file photo.xml with photo.jpg (its boxes are that "
                   "image's); rename one of the two images so that each has an annotation file of its own")
    code, out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    assert len(json_lines(out)) == 2  # both are still predicted
    annotation = read_voc(folder / "photo.xml")
    assert annotation.filename == "photo.jpg" and [o.name for o in annotation.objects] == ["cat"]
    # the file just written for photo.jpg is not counted as photo.png's own, left untouched
    assert "wrote 1 pre-label annotation; left 0 existing annotations untouched" in err
    assert shared_line in err.splitlines()

    code, _, err = run_cli(capsys, "predict", folder / "photo.png", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert read_voc(folder / "photo.xml").objects[0].name == "cat"  # never a pre-label of photo.png over it
    assert "wrote 0 pre-label annotations; left 0 existing annotations untouched" in err
    assert shared_line in err.splitlines()
