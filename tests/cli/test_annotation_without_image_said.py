"""An XML whose image was renamed or deleted was named by `petloc stats` alone ("its boxes are in no figure,
training or export"): `petloc convert --to yolo/coco` said "0 problems, 0 warnings" while its box was not
exported, `evaluate` said nothing, and `train` only counted an image without an annotation (another file). Each
now says, in one warning line naming an example, how many annotation files have no image (`convert --json`
lists it in its warnings), found as stats finds them (`core.orphan_annotations`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_evaluate, cmd_train
from tests.cli.helpers import run_cli, use_a_nan_model, voc_xml, write_annotated, write_image


def _folder(tmp_path: Path, orphans: int = 1) -> Path:
    """Three annotated images, one image without an annotation, and ``orphans`` XML files whose image went."""
    folder = tmp_path / "pets"
    folder.mkdir()
    for n, label in enumerate(("cat", "dog", "cat")):
        write_annotated(folder, f"img{n}", 64, 32, [(label, (4, 4, 30, 20))])
    write_image(folder / "no_xml.png", 64, 32)
    for n in range(orphans):
        name = "no_image" if n == 0 else f"no_image{n}"
        (folder / f"{name}.xml").write_text(voc_xml(f"{name}.png", 64, 32, [("dog", (4, 4, 30, 20))]),
                                            encoding="utf-8")
    return folder


def _said(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "with no image" in line]


@pytest.mark.parametrize("to", ["yolo", "coco"])
def test_convert_says_the_annotation_without_image_and_lists_it_in_its_json_warnings(tmp_path, capsys, to):
    folder = _folder(tmp_path)
    code, out, err = run_cli(capsys, "convert", folder, "--to", to, tmp_path / "out", "--json")
    assert code == 0, err
    assert _said(err) == [f"petloc: warning: {folder}: 1 annotation file with no image (no_image.xml): no image "
                          "of that name where this layout looks (renamed, moved or deleted?); its boxes are not "
                          "exported (`petloc stats` lists each)"]
    summary = json.loads(out.splitlines()[-1])
    assert [warning for warning in summary["warnings"] if "with no image" in warning] == [
        _said(err)[0].removeprefix("petloc: warning: ")]
    assert "0 problems, 2 warnings" in err  # no_xml.png without an annotation, and no_image.xml


def test_convert_counts_several_and_names_the_first(tmp_path, capsys):
    folder = _folder(tmp_path, orphans=3)
    code, _, err = run_cli(capsys, "convert", folder, "--to", "yolo", tmp_path / "out")
    assert code == 0, err
    assert _said(err) == [f"petloc: warning: {folder}: 3 annotation files with no image (e.g. no_image.xml): no "
                          "image of that name where this layout looks (renamed, moved or deleted?); their boxes "
                          "are not exported (`petloc stats` lists each)"]


def test_convert_of_a_folder_without_one_says_nothing_of_it(tmp_path, capsys):
    folder = _folder(tmp_path, orphans=0)
    code, _, err = run_cli(capsys, "convert", folder, "--to", "yolo", tmp_path / "out")
    assert code == 0 and _said(err) == [] and "0 problems, 1 warning\n" in err  # no_xml.png's


def test_evaluate_says_the_annotation_without_image(tmp_path, capsys, monkeypatch):
    folder = _folder(tmp_path)
    use_a_nan_model(monkeypatch, cmd_evaluate, folder, (64, 32))
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", folder)
    assert code == 0, err
    assert _said(err) == [f"petloc: warning: {folder}: 1 annotation file with no image (no_image.xml): no image "
                          "of that name where this layout looks (renamed, moved or deleted?); its boxes are not "
                          "scored (`petloc stats` lists each)"]


def test_train_says_the_annotation_without_image_apart_from_the_image_without_one(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):  # no TensorFlow
        on_event({"event": "start", "skipped": [[str(folder_path / "no_xml.png"), "no annotation"]]})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    folder_path = _folder(tmp_path)
    code, _, err = run_cli(capsys, "train", folder_path, "--preset", "digits", "--out", tmp_path / "m")
    assert code == 0, err
    assert _said(err) == [f"petloc: warning: {folder_path}: 1 annotation file with no image (no_image.xml): no "
                          "image of that name where this layout looks (renamed, moved or deleted?); its boxes are "
                          "not trained on (`petloc stats` lists each)"]
    assert "1 image without an annotation not used" in err  # no_xml.png, the image: another file
