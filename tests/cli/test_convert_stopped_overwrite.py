"""`petloc convert --to yolo|coco OUT --overwrite` over a complete export, stopped (Ctrl+C, SIGTERM) or failing
part way. The run removed the earlier export's data.yaml and classes.txt (or annotations.json) first and left
OUT without them, while the help said an OUT that held files "is left as it is": the user got only
"petloc: interrupted" and an export no trainer could read. The earlier manifest is put back now when it still
holds (COCO; YOLO with the same classes), and otherwise the stop says OUT holds an export that did not finish."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli, stop_at_placing

MANIFEST = {"yolo": ("data.yaml", "classes.txt"), "coco": ("annotations.json",)}


def _stop_at_the_fifth_image(monkeypatch) -> None:
    stop_at_placing(monkeypatch, 4)


def _export(capsys, small_voc: Path, fmt: str, out: Path) -> dict[str, bytes]:
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out)
    assert code == 0, err
    return {name: (out / name).read_bytes() for name in MANIFEST[fmt]}


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_stopped_overwrite_puts_the_earlier_manifest_back(small_voc, tmp_path, monkeypatch, capsys, fmt):
    out = tmp_path / "out"
    before = _export(capsys, small_voc, fmt, out)
    _stop_at_the_fifth_image(monkeypatch)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--overwrite")
    assert code == 130
    assert f"{out}: the earlier export is usable again" in err
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()


def test_a_stopped_overwrite_with_other_classes_says_out_did_not_finish(small_voc, tmp_path, monkeypatch, capsys):
    """The label files written give the classes new ids: the earlier classes.txt would read them wrong."""
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    xml = small_voc / "a.xml"
    xml.write_text(xml.read_text().replace("<name>cat</name>", "<name>bird</name>", 1))
    _stop_at_the_fifth_image(monkeypatch)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 130
    assert err.splitlines()[-2:] == [
        f"petloc: {out}: now holds an export that did not finish (the earlier export's data.yaml and classes.txt "
        "could not be kept: the label files this run wrote give its classes other ids): run the command again "
        "with --overwrite to finish it", "petloc: interrupted"]
    assert not (out / "data.yaml").exists() and unfinished.interrupted(out)

    monkeypatch.undo()
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert "bird" in (out / "classes.txt").read_text()
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()


def test_a_complete_overwrite_leaves_nothing_aside(small_voc, tmp_path, capsys):
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert sorted(path.name for path in out.iterdir()) == ["classes.txt", "data.yaml", "images", "labels"]
