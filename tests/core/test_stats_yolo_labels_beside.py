"""A folder labelImg saved in YOLO mode (``classes.txt`` and one ``.txt`` per image) read as images without
annotation and "problems 0": `petloc stats` names the YOLO label files, on their folder, with the command
that converts them (`core.yolo_beside`), reading no more than a few ``.txt`` files."""

from __future__ import annotations

from pathlib import Path

import petloc_gui.core.yolo_beside as yolo_beside
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import YOLO_LABELS, compute_stats
from tests.cli.helpers import last_json, run_cli, voc_xml, write_image

YOLO_LINE = "0 0.5 0.5 0.25 0.3\n"


def _yolo_folder(folder: Path, stems=("y0", "y1"), classes: bool = True, text: str = YOLO_LINE) -> Path:
    folder.mkdir(parents=True)
    for stem in stems:
        write_image(folder / f"{stem}.jpg", 32, 24)
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    if classes:
        (folder / "classes.txt").write_text("cat\n", encoding="utf-8")
    return folder


def _yolo_problems(folder: Path) -> list:
    return [problem for problem in compute_stats(open_dataset(folder)).problems if problem.kind == YOLO_LABELS]


def test_labelimg_yolo_folder_is_named_with_the_command(tmp_path, capsys):
    folder = _yolo_folder(tmp_path / "yl")
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    report = last_json(out)
    assert (code, report["n_annotated"], report["problem_counts"]) == (0, 0, {YOLO_LABELS: 1})
    [problem] = report["problems"]
    assert problem["file"] == str(folder)
    assert "2 images without annotation have YOLO label files beside them (y0.txt, y1.txt; classes.txt)" \
        in problem["message"]
    assert "petloc convert FOLDER --from yolo FOLDER" in problem["message"]


def test_yolo_lines_without_classes_txt_are_enough(tmp_path):
    folder = _yolo_folder(tmp_path / "yl", stems=("a",), classes=False, text="3 0.1 0.2 0.3 0.4\n1 0.5 0.5 1 1\n")
    [problem] = _yolo_problems(folder)
    assert problem.message.startswith("1 image without annotation has a YOLO label file beside it (a.txt)")


def test_text_files_that_are_not_yolo_labels_say_nothing(tmp_path):
    folder = _yolo_folder(tmp_path / "notes", classes=False, text="a photo of my cat, taken in 2024\n")
    (folder / "z.txt").write_text(YOLO_LINE, encoding="utf-8")  # no image of that name
    assert _yolo_problems(folder) == []


def test_annotated_images_are_not_looked_at(tmp_path):
    folder = _yolo_folder(tmp_path / "both")
    for stem in ("y0", "y1"):  # converted already: VOC beside the YOLO labels
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 32, 24, [("cat", (2, 2, 20, 20))]),
                                            encoding="utf-8")
    assert _yolo_problems(folder) == []


def test_reads_are_capped(tmp_path, monkeypatch):
    for index in range(4):  # no classes.txt, and text that is no label: each folder would read every file
        _yolo_folder(tmp_path / "many" / f"f{index}", stems=[f"n{n}" for n in range(6)], classes=False, text="x\n")
    read = []
    has_yolo_lines = yolo_beside.has_yolo_lines
    monkeypatch.setattr(yolo_beside, "has_yolo_lines", lambda path: read.append(path) or has_yolo_lines(path))
    monkeypatch.setattr(yolo_beside, "MOST_FILES_READ", 7)
    assert _yolo_problems(tmp_path / "many") == []
    assert len(read) == 7  # 3, 3, then 1: never the 24 files


def test_folders_listed_are_capped(tmp_path, monkeypatch):
    for index in range(3):
        _yolo_folder(tmp_path / "many" / f"f{index}")
    monkeypatch.setattr(yolo_beside, "MOST_FOLDERS_LISTED", 2)
    assert [Path(problem.path).name for problem in _yolo_problems(tmp_path / "many")] == ["f0", "f1"]


def test_in_a_layout_with_an_annotations_folder_the_advice_is_a_sidecar_copy(tmp_path):
    """In images/ + Annotations/ the advised `convert FOLDER --from yolo FOLDER` wrote VOC files beside the images,
    which turned the dataset sidecar and orphaned its own XML files (a devkit: "not read", and the same advice):
    the advice there is a copy into a new folder."""
    root = tmp_path / "ls"
    _yolo_folder(root / "images", stems=("y0", "y1", "y2"))
    (root / "Annotations").mkdir()
    (root / "Annotations" / "y2.xml").write_text(voc_xml("y2.jpg", 32, 24, [("cat", (2, 2, 20, 20))]),
                                                 encoding="utf-8")
    dataset = open_dataset(root)
    assert dataset.annotations_folder is not None  # read as images + Annotations
    [problem] = _yolo_problems(root)
    assert "--from yolo OUT" in problem.message and "a new folder outside the dataset" in problem.message
    assert "--from yolo FOLDER`" not in problem.message
