"""A petloc COCO export killed part way, or a YOLO one killed before it wrote a label file, showed in `petloc stats`
(and the window's Dataset panel) as "N images, 0 annotated" with no problem: only the YOLO label hint said that a
folder held an export that did not finish, and it needs label files. Each such folder, the dataset's or one inside
it, is now an `unfinished_export` problem with the command that finishes it; said once where the hint says it."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_coco, export_yolo, unfinished
from petloc_gui.core.interop import upright as upright_module
from petloc_gui.core.interop import yolo as yolo_module
from petloc_gui.core.stats import UNFINISHED_EXPORT, YOLO_LABELS, compute_stats
from tests.cli.helpers import run_cli

EXPORTS = {"yolo": export_yolo, "coco": export_coco}


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no except clause of the export catches it)."""


def _killed(small_voc, out, monkeypatch, fmt: str, *, module, name: str, after: int) -> None:
    """``out`` as an export of ``fmt`` leaves it when killed at call ``after + 1`` of ``module.name``."""
    real = getattr(module, name)
    calls: list = []

    def stopped(*args, **kwargs):
        if len(calls) == after:
            raise Killed
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, stopped)
    with pytest.raises(Killed):
        EXPORTS[fmt](open_dataset(small_voc), out, images="copy")
    monkeypatch.undo()
    assert unfinished.interrupted(out)


def _killed_at_third_image(small_voc, out, monkeypatch, fmt: str) -> None:
    _killed(small_voc, out, monkeypatch, fmt, module=upright_module.Orientations, name="place", after=2)


def _killed_before_any_label_file(small_voc, out, monkeypatch) -> None:
    _killed(small_voc, out, monkeypatch, "yolo", module=yolo_module, name="write_derived", after=0)
    assert list((out / "images").rglob("*.*")) and not list((out / "labels").rglob("*.txt"))


def _said(fmt: str, out) -> str:
    files = "images and label files" if fmt == "yolo" else "images"
    return (f"this folder holds a petloc {fmt.upper()} export that did not finish (stopped before it wrote "
            f"{'data.yaml' if fmt == 'yolo' else 'annotations.json'}, which is written last, or still running: "
            f".petloc-export-unfinished says so), so its {files} are only part of the dataset exported; run the "
            f"export again (petloc convert SOURCE --to {fmt} {out} --overwrite, SOURCE the dataset exported) "
            "to finish it")


def _unfinished(stats) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in stats.problems if problem.kind == UNFINISHED_EXPORT]


def test_a_killed_coco_export_is_named_with_the_command_that_finishes_it(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "kc"
    _killed_at_third_image(small_voc, out, monkeypatch, "coco")
    stats = compute_stats(open_dataset(out))
    assert stats.n_images == 2 and stats.n_annotated == 0
    assert _unfinished(stats) == [(str(out), _said("coco", out))]
    assert len(stats.problems) == 1


def test_a_yolo_export_killed_before_any_label_file_is_named(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "ky"
    _killed_before_any_label_file(small_voc, out, monkeypatch)
    stats = compute_stats(open_dataset(out))
    assert stats.n_images == 1 and stats.n_annotated == 0
    assert _unfinished(stats) == [(str(out), _said("yolo", out))]
    assert len(stats.problems) == 1


def test_said_once_where_the_yolo_hint_says_it(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "ky"
    _killed_at_third_image(small_voc, out, monkeypatch, "yolo")  # label files there: the hint names the folder
    stats = compute_stats(open_dataset(out))
    [problem] = stats.problems
    assert problem.kind == YOLO_LABELS and problem.path == str(out)
    assert problem.message.endswith(f", but {_said('yolo', out)}")


def test_each_unfinished_export_inside_the_dataset_folder_is_named(small_voc, tmp_path, monkeypatch):
    exports = tmp_path / "exports"
    _killed_at_third_image(small_voc, exports / "coco", monkeypatch, "coco")
    _killed_before_any_label_file(small_voc, exports / "nested" / "yolo", monkeypatch)
    export_yolo(open_dataset(small_voc), exports / "done", images="copy")  # finished: nothing to say of it
    stats = compute_stats(open_dataset(exports))
    assert _unfinished(stats) == [(str(exports / "coco"), _said("coco", exports / "coco")),
                                  (str(exports / "nested" / "yolo"), _said("yolo", exports / "nested" / "yolo"))]


def test_a_finished_export_is_no_problem(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "kc"
    _killed_at_third_image(small_voc, out, monkeypatch, "coco")
    export_coco(open_dataset(small_voc), out, images="copy", overwrite=True)
    assert _unfinished(compute_stats(open_dataset(out))) == []


def test_petloc_stats_says_it(small_voc, tmp_path, monkeypatch, capsys):
    out = tmp_path / "kc"
    _killed_at_third_image(small_voc, out, monkeypatch, "coco")
    code, stdout, err = run_cli(capsys, "stats", out)
    assert code == 0, err
    assert f"  unfinished_export: {out}: {_said('coco', out)}" in stdout.splitlines()
