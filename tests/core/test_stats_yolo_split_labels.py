"""A folder in Ultralytics' layout (images/train/a.jpg, labels/train/a.txt, data.yaml) read as "0 annotated" and
"problems 0", no way forward: `petloc stats` names its YOLO label files, on the folder `petloc convert --from yolo`
reads them from, with that command (`core.yolo_split_labels`); the command as printed converts the folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import petloc_gui.core.yolo_split_labels as yolo_split_labels
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import YOLO_LABELS, compute_stats
from tests.cli.helpers import last_json, run_cli, write_image

DATA_YAML = "names: [cat, dog]\n"


def _ultralytics(root: Path, labels=None, data_yaml: str | None = DATA_YAML) -> Path:
    """images/train/a.jpg + labels/train/a.txt, images/val/b.jpg + labels/val/b.txt, data.yaml naming the classes."""
    labels = labels or {"train/a": "0 0.5 0.5 0.2 0.2\n", "val/b": "1 0.4 0.4 0.25 0.25\n"}
    for stem, text in labels.items():
        _image(root / "images" / f"{stem}.jpg")
        label = root / "labels" / f"{stem}.txt"
        label.parent.mkdir(parents=True, exist_ok=True)
        label.write_text(text, encoding="utf-8")
    if data_yaml is not None:
        (root / "data.yaml").write_text(data_yaml, encoding="utf-8")
    return root


def _image(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_image(path, 64, 48)


def _yolo_problems(folder: Path) -> list:
    return [problem for problem in compute_stats(open_dataset(folder)).problems if problem.kind == YOLO_LABELS]


def _printed_command(message: str, folder: str, out: Path) -> list[str]:
    """The arguments of the `petloc convert ...` command the message names, FOLDER and OUT filled in."""
    [command] = re.findall(r"`petloc (convert [^`]*)`", message)
    words = {"FOLDER": folder, "OUT": str(out)}
    return [words.get(word, word) for word in command.split()]


def test_ultralytics_folder_is_named_in_json_and_its_command_converts_it(tmp_path, capsys):
    root = _ultralytics(tmp_path / "u")
    code, out, _ = run_cli(capsys, "stats", root, "--json")
    report = last_json(out)
    assert (code, report["n_annotated"], report["problem_counts"]) == (0, 0, {YOLO_LABELS: 1})
    [problem] = report["problems"]
    assert problem["file"] == str(root)
    assert problem["message"].startswith(
        "2 images without annotation have their YOLO label files in labels/ beside images/ (Ultralytics' layout: "
        "labels/train/a.txt, labels/val/b.txt; class names in data.yaml)")
    assert "images/train/a.jpg becomes OUT/train/a.jpg + OUT/train/a.xml" in problem["message"]
    converted = tmp_path / "voc"
    code, _, err = run_cli(capsys, *_printed_command(problem["message"], problem["file"], converted))
    assert (code, err.splitlines()) == (0, [f"converted yolo {root} -> VOC {converted}: 2 images (2 annotated), "
                                            "2 boxes, 0 problems, 0 warnings"])
    code, out, _ = run_cli(capsys, "stats", converted, "--json")
    report = last_json(out)
    assert (report["n_annotated"], report["class_counts"], report["problems"]) == (2, {"cat": 1, "dog": 1}, [])


def test_text_output_names_the_folder_and_the_command(tmp_path, capsys):
    root = _ultralytics(tmp_path / "u")
    code, out, _ = run_cli(capsys, "stats", root)
    assert code == 0
    assert "problems       1" in out
    [line] = [line for line in out.splitlines() if line.startswith("  yolo_labels: ")]
    assert line.startswith(f"  yolo_labels: {root}: 2 images without annotation have their YOLO label files in "
                           "labels/")
    assert "`petloc convert FOLDER --from yolo OUT`, FOLDER this folder and OUT a new folder outside it" in line


def test_roboflow_splits_are_named_once_on_the_folder_with_data_yaml(tmp_path, capsys):
    root = tmp_path / "rf"
    for split, stem, text in (("train", "a", "0 0.5 0.5 0.2 0.2\n"), ("valid", "b", "1 0.5 0.5 0.3 0.3\n")):
        _image(root / split / "images" / f"{stem}.jpg")
        (root / split / "labels").mkdir()
        (root / split / "labels" / f"{stem}.txt").write_text(text, encoding="utf-8")
    _image(root / "test" / "images" / "c.jpg")  # Roboflow's unlabelled test split
    (root / "data.yaml").write_text("train: ../train/images\nnames: ['cat', 'dog']\n", encoding="utf-8")
    [problem] = _yolo_problems(root)
    assert problem.path == str(root)
    assert "(Ultralytics' layout: train/labels/a.txt, valid/labels/b.txt; class names in data.yaml)" in problem.message
    assert "train/images/a.jpg becomes OUT/train/a.jpg" in problem.message
    converted = tmp_path / "voc"
    assert run_cli(capsys, *_printed_command(problem.message, problem.path, converted))[0] == 0
    assert sorted(path.name for path in converted.rglob("*.xml")) == ["a.xml", "b.xml"]


def test_without_class_names_it_says_to_put_them_there_first(tmp_path, capsys):
    root = _ultralytics(tmp_path / "u", data_yaml=None)
    [problem] = _yolo_problems(root)
    assert "class names in" not in problem.message
    assert "this folder has no data.yaml, classes.txt or obj.names naming the classes" in problem.message
    command = _printed_command(problem.message, problem.path, tmp_path / "voc")
    assert run_cli(capsys, *command)[0] == 1  # as the message says: not before the names are there
    (root / "classes.txt").write_text("cat\ndog\n", encoding="utf-8")
    assert run_cli(capsys, *command)[0] == 0
    assert sorted(path.name for path in (tmp_path / "voc").rglob("*.xml")) == ["a.xml", "b.xml"]


def test_stats_of_the_images_folder_names_the_yolo_folder_above_it(tmp_path):
    root = _ultralytics(tmp_path / "u")
    [problem] = _yolo_problems(root / "images")
    assert problem.path == str(root)


@pytest.mark.parametrize("text", ["a photo of my cat\n", "0 0.5 0.5 3.0 0.2\n", ""])
def test_a_labels_folder_without_yolo_lines_says_nothing(tmp_path, text):
    """Notes, a coordinate out of range, or empty files only (Ultralytics' background images): no hint."""
    root = _ultralytics(tmp_path / "u", labels={"train/a": text, "train/b": text})
    assert _yolo_problems(root) == []


def test_empty_label_files_are_passed_over_for_one_with_boxes(tmp_path):
    """An empty label file is Ultralytics' background image: the files read to tell YOLO labels are those with lines."""
    root = _ultralytics(tmp_path / "u", labels={"train/a": "", "train/b": "", "train/c": "0 0.5 0.5 0.2 0.2\n"})
    [problem] = _yolo_problems(root)
    assert "3 images without annotation have their YOLO label files" in problem.message


def test_annotated_images_are_not_looked_at(tmp_path, capsys):
    root = _ultralytics(tmp_path / "u")
    converted = tmp_path / "voc"
    assert run_cli(capsys, "convert", root, "--from", "yolo", converted)[0] == 0
    for xml in converted.rglob("*.xml"):  # VOC files beside the images, as labelImg keeps them
        (root / "images" / xml.relative_to(converted)).write_bytes(xml.read_bytes())
    assert _yolo_problems(root) == []


def test_one_hint_where_a_label_is_both_in_labels_and_beside_the_image(tmp_path):
    """`convert` reads labels/ then and reports the .txt beside: the labelImg hint (convert images/train into
    itself) would have contradicted it."""
    root = _ultralytics(tmp_path / "u")
    (root / "images" / "train" / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n", encoding="utf-8")
    [problem] = _yolo_problems(root)
    assert problem.path == str(root)


def test_label_names_differing_in_case_are_not_labels(tmp_path):
    """Ultralytics and `convert` open labels/train/a.txt exactly: A.TXT is not read as a.jpg's label."""
    root = _ultralytics(tmp_path / "u", labels={"train/a": "0 0.5 0.5 0.2 0.2\n"})
    (root / "labels" / "train" / "a.txt").rename(root / "labels" / "train" / "A.TXT")
    assert _yolo_problems(root) == []


def test_reads_are_capped(tmp_path, monkeypatch):
    for index in range(4):
        _ultralytics(tmp_path / "many" / f"f{index}", labels={f"train/n{n}": "0 0.5 0.5 0.2 0.2\n" for n in range(6)})
    read = []
    has_yolo_lines = yolo_split_labels.has_yolo_lines
    monkeypatch.setattr(yolo_split_labels, "has_yolo_lines", lambda path: read.append(path) or has_yolo_lines(path))
    monkeypatch.setattr(yolo_split_labels, "MOST_FILES_READ", 7)
    named = [Path(problem.path).name for problem in _yolo_problems(tmp_path / "many")]
    assert (len(read), named) == (7, ["f0", "f1", "f2"])  # 3, 3, then 1; f3 unread, unnamed: never the 24 files


def test_folders_listed_are_capped(tmp_path, monkeypatch):
    for index in range(3):
        _ultralytics(tmp_path / "many" / f"f{index}")
    monkeypatch.setattr(yolo_split_labels, "MOST_FOLDERS_LISTED", 3)  # f0's train and val, then f1's train
    assert [Path(problem.path).name for problem in _yolo_problems(tmp_path / "many")] == ["f0", "f1"]
