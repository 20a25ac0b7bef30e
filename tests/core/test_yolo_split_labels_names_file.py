"""`petloc stats`' YOLO hint said "class names in data.yaml" of a data.yaml that names none (empty, an unterminated
``names: [a, b``), and printed the convert command, which then refused the folder: the names file is read by the
converter's own reader (`core.interop.yolo_names.find_class_names`) and the hint says what the converter would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop.yolo_names import find_class_names
from petloc_gui.core.stats import YOLO_LABELS, compute_stats
from tests.cli.helpers import run_cli, write_image


def _ultralytics(root: Path) -> Path:
    for stem, line in (("train/a", "0 0.5 0.5 0.2 0.2\n"), ("val/b", "1 0.4 0.4 0.25 0.25\n")):
        image = root / "images" / f"{stem}.jpg"
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, 64, 48)
        label = root / "labels" / f"{stem}.txt"
        label.parent.mkdir(parents=True, exist_ok=True)
        label.write_text(line, encoding="utf-8")
    return root


def _hint(folder: Path):
    [problem] = [problem for problem in compute_stats(open_dataset(folder)).problems if problem.kind == YOLO_LABELS]
    return problem


def _printed_command(message: str, folder: str, out: Path) -> list[str]:
    """The arguments of the `petloc convert ...` command the message names, FOLDER and OUT filled in."""
    [command] = re.findall(r"`petloc (convert [^`]*)`", message)
    words = {"FOLDER": folder, "OUT": str(out)}
    return [words.get(word, word) for word in command.split()]


def _converters_reason(folder: Path) -> str:
    with pytest.raises(DatasetError) as refused:
        find_class_names(folder)
    return refused.value.reason


@pytest.mark.parametrize(("name", "text"), [
    ("data.yaml", ""),
    ("data.yaml", "train: images/train\n"),
    ("data.yaml", "names: [cat, dog\n"),
    ("data.yaml", "names: [cat, cat]\n"),
    ("labels/classes.txt", "cat\n\ndog\n"),
])
def test_a_names_file_the_converter_cannot_use_is_named_with_its_reason(tmp_path, capsys, name, text):
    root = _ultralytics(tmp_path / "u")
    (root / name).write_text(text, encoding="utf-8")
    problem = _hint(root)
    assert "class names in" not in problem.message
    assert (f"(Ultralytics' layout: labels/train/a.txt, labels/val/b.txt), which petloc does not read (it reads "
            f"Pascal VOC XML): {name} gives no class names `petloc convert` can use "
            f"({_converters_reason(root)}): fix it first, then `petloc convert FOLDER --from yolo OUT`") \
        in problem.message
    command = _printed_command(problem.message, problem.path, tmp_path / "voc")
    assert run_cli(capsys, *command)[0] == 1  # as the hint says: not before the names are fixed
    (root / name).write_text("names: [cat, dog]\n" if name.endswith(".yaml") else "cat\ndog\n", encoding="utf-8")
    assert "; class names in " + name in _hint(root).message
    assert run_cli(capsys, *command)[0] == 0


def test_a_broken_data_yaml_above_the_splits_is_the_one_named(tmp_path):
    """Roboflow's data.yaml above train/ and valid/: the folder converted is still the one holding it, and its
    problem is said there."""
    root = tmp_path / "rf"
    _ultralytics(root / "train")
    (root / "data.yaml").write_text("names: [cat, dog\n", encoding="utf-8")
    problem = _hint(root)
    assert problem.path == str(root)
    assert "data.yaml gives no class names `petloc convert` can use (unterminated `names:` list)" in problem.message
