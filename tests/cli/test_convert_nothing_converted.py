"""`petloc convert` that converts nothing (no image it can read) exits 1 as a failure: it left an export of
no image in OUT (an annotations.json with `"images": []`, an empty classes.txt and a data.yaml; with
--from an empty OUT), and the same command, run again once the images were fixed, refused OUT as not
empty. OUT is taken back as on every other failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_cli, write_annotated


def _unreadable_images(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"not a jpeg")
    (folder / "b.png").write_bytes(b"not a png")
    return folder


@pytest.mark.parametrize("fmt", ["coco", "yolo"])
def test_an_export_of_no_image_leaves_no_out_and_the_command_runs_again(fmt, tmp_path, capsys):
    src = _unreadable_images(tmp_path / "src")
    out = tmp_path / "runs" / "export"  # runs/ too is the conversion's
    code, _, err = run_cli(capsys, "convert", src, "--to", fmt, out)
    assert code == 1 and err.splitlines()[-2:] == [
        f"petloc: removed what the conversion had written ({out}): run the command again to convert",
        "petloc: nothing converted"]
    assert not (tmp_path / "runs").exists()

    for name in ("a.jpg", "b.png"):
        (src / name).unlink()
    write_annotated(src, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    code, _, err = run_cli(capsys, "convert", src, "--to", fmt, out)
    assert code == 0, err


def test_an_empty_out_given_stays_empty(tmp_path, capsys):
    src = _unreadable_images(tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    code, _, _ = run_cli(capsys, "convert", src, "--to", "coco", out)
    assert code == 1 and out.is_dir() and list(out.iterdir()) == []


def test_an_import_of_no_image_leaves_no_out(tmp_path, capsys):
    src = tmp_path / "yolo"
    (src / "images").mkdir(parents=True)
    (src / "labels").mkdir()
    (src / "classes.txt").write_text("cat\n", encoding="utf-8")
    (src / "images" / "a.jpg").write_bytes(b"not a jpeg")
    (src / "labels" / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", tmp_path / "voc")
    assert code == 1 and err.splitlines()[-1] == "petloc: nothing converted"
    assert not (tmp_path / "voc").exists()


MANIFEST = {"yolo": ("classes.txt", "data.yaml"), "coco": ("annotations.json",)}


def _earlier_export(capsys, tmp_path, fmt: str) -> tuple[Path, dict[str, bytes]]:
    src = tmp_path / "pets"
    src.mkdir()
    write_annotated(src, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    out = tmp_path / "export"
    code, _, err = run_cli(capsys, "convert", src, "--to", fmt, out)
    assert code == 0, err
    return out, {name: (out / name).read_bytes() for name in MANIFEST[fmt]}


@pytest.mark.parametrize("fmt", MANIFEST)
def test_nothing_converted_over_an_earlier_export_leaves_it_as_it_was(fmt, tmp_path, capsys):
    """The export of no image replaced the earlier manifest with one of no image (an empty classes.txt, an
    annotations.json of none) and called itself finished, so the take-back had nothing to put back."""
    from petloc_gui.core.interop import unfinished

    out, before = _earlier_export(capsys, tmp_path, fmt)
    src = _unreadable_images(tmp_path / "broken")
    code, _, err = run_cli(capsys, "convert", src, "--to", fmt, out, "--overwrite")
    assert code == 1 and err.splitlines()[-1] == "petloc: nothing converted"
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()
    put = " and ".join(MANIFEST[fmt])
    assert (f"petloc: warning: {out}: no image exported, so no manifest written: the earlier export's {put} "
            f"{'were' if fmt == 'yolo' else 'was'} put back, and this folder holds that export as it was"
            in err.splitlines())


@pytest.mark.parametrize("fmt", MANIFEST)
def test_other_classes_none_placed_the_earlier_export_stays(fmt, tmp_path, capsys):
    """Every image of the new run meets a different file of the same name in OUT (never replaced), so none is
    exported; its classes (dog) are not the earlier export's (cat): the earlier classes.txt was dropped as
    the run began, though no label file of the run ever needed it gone."""
    out, before = _earlier_export(capsys, tmp_path, fmt)
    other = tmp_path / "other"
    other.mkdir()
    write_annotated(other, "a", 50, 30, [("dog", (5, 5, 20, 20))])  # a.png, other pixels
    code, _, err = run_cli(capsys, "convert", other, "--to", fmt, out, "--overwrite")
    assert code == 1 and "a different file already exists here" in err
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before


@pytest.mark.parametrize("fmt", MANIFEST)
def test_the_exporter_of_no_image_leaves_a_new_folder_unmarked(fmt, tmp_path):
    """The window calls the exporter with no take-back of its own: a folder it chose stays without a manifest
    or a mark that says an export did not finish; one that held an unfinished export keeps its mark."""
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.interop import export_coco, export_yolo, unfinished

    export = export_yolo if fmt == "yolo" else export_coco
    dataset = open_dataset(_unreadable_images(tmp_path / "src"))
    out = tmp_path / "chosen"
    out.mkdir()
    report = export(dataset, out)
    assert report.images == 0 and not report.warnings
    assert not unfinished.interrupted(out) and not any((out / name).exists() for name in MANIFEST[fmt])

    (out / unfinished.MARK).write_text("1 elsewhere yolo data.yaml\n", encoding="utf-8")
    export(dataset, out, overwrite=True)
    assert unfinished.interrupted(out)
