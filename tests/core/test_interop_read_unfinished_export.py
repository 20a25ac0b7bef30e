"""petloc's own export, killed part way, was read as a dataset: `petloc stats` on it advised putting a data.yaml
or classes.txt there and converting it, and `convert --from yolo` then converted the part that was there without
a word (358 images of 2,000). The mark it leaves (`unfinished`) is read now: `convert --from yolo|coco` refuses
the folder and `stats` says it holds an export that did not finish, with the command that finishes it."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop import ConversionReport, export_coco, export_yolo, read_coco, read_yolo, unfinished
from petloc_gui.core.interop import upright as upright_module
from petloc_gui.core.interop.coco import find_coco_file
from petloc_gui.core.stats import YOLO_LABELS, compute_stats
from tests.cli.helpers import run_cli

EXPORTS = {"yolo": export_yolo, "coco": export_coco}


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no except clause of the export catches it)."""


def _killed_export(small_voc, out, monkeypatch, fmt: str) -> None:
    """``out`` as an export of ``fmt`` killed at its third image leaves it: two images (and labels), the mark."""
    real = upright_module.Orientations.place
    placed: list = []

    def place(self, record, *args, **kwargs):
        if len(placed) == 2:
            raise Killed
        placed.append(record)
        return real(self, record, *args, **kwargs)

    monkeypatch.setattr(upright_module.Orientations, "place", place)
    with pytest.raises(Killed):
        EXPORTS[fmt](open_dataset(small_voc), out, images="copy")
    monkeypatch.undo()
    assert unfinished.interrupted(out)


def _said(fmt: str, out, files: str) -> str:
    return (f"{out}: this folder holds a petloc {fmt.upper()} export that did not finish (stopped before it wrote "
            f"{'data.yaml' if fmt == 'yolo' else 'annotations.json'}, which is written last, or still running: "
            f".petloc-export-unfinished says so), so its {files} are only part of the dataset exported; run the "
            f"export again (petloc convert SOURCE --to {fmt} {out} --overwrite, SOURCE the dataset exported) "
            "to finish it")


def test_convert_from_yolo_refuses_a_killed_export_even_with_class_names_put_there(small_voc, tmp_path,
                                                                                    monkeypatch, capsys):
    out = tmp_path / "kc"
    _killed_export(small_voc, out, monkeypatch, "yolo")
    (out / "classes.txt").write_text("cat\ndog\n")  # as the names-file advice said to
    with pytest.raises(DatasetError) as refused:
        read_yolo(out, ConversionReport())
    assert str(refused.value) == _said("yolo", out, "images and label files")
    code, _, err = run_cli(capsys, "convert", out, "--from", "yolo", tmp_path / "out-voc")
    assert code == 1 and err.strip() == f"petloc: {_said('yolo', out, 'images and label files')}"
    assert not (tmp_path / "out-voc").exists()


def test_convert_from_coco_refuses_a_killed_export_and_a_json_put_there(small_voc, tmp_path, monkeypatch, capsys):
    out = tmp_path / "kc"
    _killed_export(small_voc, out, monkeypatch, "coco")
    with pytest.raises(DatasetError) as refused:
        find_coco_file(out)
    assert str(refused.value) == _said("coco", out, "images")
    (out / "instances.json").write_text('{"images": [], "annotations": [], "categories": []}')
    for given in (out, out / "instances.json"):
        with pytest.raises(DatasetError, match="holds a petloc COCO export that did not finish"):
            read_coco(given, ConversionReport())
    code, _, err = run_cli(capsys, "convert", out / "instances.json", "--from", "coco", tmp_path / "out-voc")
    assert code == 1 and err.strip() == f"petloc: {_said('coco', out, 'images')}"


def test_stats_says_the_folder_holds_an_unfinished_export_not_to_add_class_names(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "kc"
    _killed_export(small_voc, out, monkeypatch, "yolo")
    [problem] = [problem for problem in compute_stats(open_dataset(out)).problems if problem.kind == YOLO_LABELS]
    assert problem.path == str(out)
    assert problem.message.endswith(f", but {_said('yolo', out, 'images and label files').split(': ', 1)[1]}")
    assert "put one there" not in problem.message and "--from yolo" not in problem.message


def test_the_finished_export_reads_as_ever(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "kc"
    _killed_export(small_voc, out, monkeypatch, "yolo")
    export_yolo(open_dataset(small_voc), out, images="copy", overwrite=True)
    assert len(read_yolo(out, ConversionReport())) == 5
