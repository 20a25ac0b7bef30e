"""`petloc stats` and core.stats on folders with known content."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import compute_stats, summarize
from tests.cli.helpers import assert_clean_errors, last_json, run_cli


def _problems(report: dict) -> dict[str, set[str]]:
    by_kind: dict[str, set[str]] = {}
    for problem in report["problems"]:
        by_kind.setdefault(problem["kind"], set()).add(problem["file"].rsplit("/", 1)[-1])
    return by_kind


def test_stats_json_counts_balance_and_problems(messy_dataset, capsys):
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--json")
    assert code == 0
    report = last_json(out)
    assert report["layout"] == "sidecar"
    assert report["n_images"] == 7
    assert report["n_annotated"] == 6  # a, b, d, e, f, g have an XML file
    assert report["n_unannotated"] == 1  # c
    # e and g do not parse, so only a, b, d, f contribute objects.
    assert report["class_counts"] == {"cat": 3, "dog": 1}
    assert report["first_object_class_counts"] == {"cat": 3, "dog": 1}
    assert report["objects_per_annotation"] == {"1": 4}
    problems = _problems(report)
    assert problems["box_outside_image"] == {"b.xml"}
    assert problems["inverted_box"] == {"f.xml"}
    assert problems["unreadable_image"] == {"d.jpg"}
    assert problems["broken_xml"] == {"e.xml", "g.xml"}
    assert report["problem_counts"]["broken_xml"] == 2
    # Image sizes come from the 6 readable images, all 40x30.
    assert report["image_size"]["width"]["count"] == 6
    assert report["image_size"]["width"]["min"] == report["image_size"]["width"]["max"] == 40
    assert report["image_size"]["height"]["median"] == 30
    # Box a is 15x15 in a 40x30 image.
    assert report["box"]["width"]["max"] == 15  # b is clamped to 10 wide, f sorted to 10
    assert report["box"]["rel_area"]["count"] == 4
    assert "Traceback" not in err


def test_stats_table_lists_problem_files(messy_dataset, capsys):
    code, out, _ = run_cli(capsys, "stats", messy_dataset)
    assert code == 0
    assert "images         7" in out
    for name in ("b.xml", "d.jpg", "e.xml", "f.xml", "g.xml"):
        assert name in out


def test_compute_stats_box_geometry(tmp_path):
    from tests.cli.helpers import write_annotated

    write_annotated(tmp_path, "one", 100, 50, [("a", (0, 0, 50, 25))])
    write_annotated(tmp_path, "two", 100, 50, [("b", (50, 25, 100, 50)), ("a", (0, 0, 10, 10))])
    stats = compute_stats(open_dataset(tmp_path))
    assert stats.n_objects == 3
    assert stats.objects_per_annotation == {1: 1, 2: 1}
    assert stats.class_counts == {"a": 2, "b": 1}
    assert stats.first_object_class_counts == {"a": 1, "b": 1}
    assert sorted(stats.values["box_rel_area"]) == pytest.approx([0.02, 0.25, 0.25])
    assert sorted(stats.values["box_center_x"]) == pytest.approx([0.05, 0.25, 0.75])
    assert stats.problems == []
    assert json.loads(json.dumps(stats.to_dict()))["n_objects"] == 3


def test_stats_count_unreviewed_pre_labels(tmp_path):
    from petloc_gui.core.voc import read_voc, write_voc
    from tests.cli.helpers import write_annotated

    for name in ("one", "two"):
        write_annotated(tmp_path, name, 100, 50, [("a", (0, 0, 50, 25))])
    annotation = read_voc(tmp_path / "two.xml")
    annotation.prelabel = "petloc pre-label by petloc predict, model m"
    write_voc(annotation, tmp_path / "two.xml")
    stats = compute_stats(open_dataset(tmp_path))
    assert (stats.n_annotated, stats.n_prelabels) == (2, 1) and stats.to_dict()["n_prelabels"] == 1
    assert "annotated      2 (1 of them unreviewed pre-labels)" in stats.summary_lines()


def test_compute_stats_without_image_check_uses_xml_sizes(messy_dataset):
    stats = compute_stats(open_dataset(messy_dataset), check_images=False)
    kinds = {p.kind for p in stats.problems}
    assert "unreadable_image" not in kinds  # images were not opened
    assert stats.values["image_width"] and set(stats.values["image_width"]) == {40.0}


def test_summarize():
    assert summarize([]) is None
    s = summarize([1, 2, 3, 4])
    assert s["count"] == 4 and s["mean"] == 2.5 and s["median"] == 2.5 and s["min"] == 1 and s["max"] == 4


def test_stats_plot_writes_png(messy_dataset, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    out_png = tmp_path / "stats.png"
    code, out, _ = run_cli(capsys, "stats", messy_dataset, "--plot", out_png, "--json")
    assert code == 0
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert last_json(out)["n_images"] == 7


def test_stats_on_missing_folder_is_one_line(tmp_path, capsys):
    code, out, err = run_cli(capsys, "stats", tmp_path / "nope")
    assert code == 1
    assert out == ""
    lines = assert_clean_errors(err)
    assert len(lines) == 1 and "nope" in lines[0]


def test_stats_on_real_oxford_subset(oxford_dir, capsys):
    code, out, _ = run_cli(capsys, "stats", oxford_dir, "--json")
    assert code == 0
    report = last_json(out)
    assert report["layout"] == "oxford"
    assert report["n_images"] == len(list((oxford_dir / "images").iterdir()))
    assert report["n_annotated"] == len(list((oxford_dir / "annotations" / "xmls").glob("*.xml")))
    assert report["n_annotated"] + report["n_unannotated"] == report["n_images"]
    assert set(report["meta_counts"]["breed"]) == {"Abyssinian", "Bengal", "american_bulldog"}


@pytest.mark.slow
def test_stats_and_digits_do_not_import_tensorflow(messy_dataset, tmp_path):
    code = (
        "import sys\n"
        "from petloc_gui.cli.main import main\n"
        f"a = main(['stats', {str(messy_dataset)!r}, '--json'])\n"
        f"b = main(['digits', {str(tmp_path / 'd')!r}, '--split', 'test', '--count', '3'])\n"
        "heavy = sorted(m for m in ('tensorflow', 'keras', 'PySide6') if m in sys.modules)\n"
        "print('RESULT', a, b, ','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = [line for line in proc.stdout.splitlines() if line.startswith("RESULT")][-1].split(" ")
    assert result[1:3] == ["0", "0"]
    assert result[3:] == [""], f"heavy modules imported: {result[3:]}"


def test_stats_still_prints_when_the_plot_cannot_be_written(messy_dataset, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    (tmp_path / "no").write_text("a file")  # in the way of the folder (a missing one is made)
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", tmp_path / "no" / "stats.png", "--json")
    assert code == 1 and "plot not written" in err
    assert last_json(out)["n_images"] == 7  # the statistics are not lost with the plot


def test_stats_plot_never_replaces_a_file_without_asking_nor_a_dataset_file(messy_dataset, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    image = next(p for p in messy_dataset.iterdir() if p.suffix == ".png")
    before = image.read_bytes()
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", image, "--overwrite", "--json")
    assert code == 2 and "inside the dataset folder" in err and image.read_bytes() == before  # as any plot there
    linked = tmp_path / "linked.png"
    os.link(image, linked)  # the same file by another name, outside the dataset's folder
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", linked, "--overwrite", "--json")
    assert code == 1 and "is a file of the dataset" in err and image.read_bytes() == before
    assert last_json(out)["n_images"] == 7  # the statistics still print
    notes = tmp_path / "notes.png"
    notes.write_bytes(b"keep")
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", notes)
    assert (code, out) == (2, "") and "--overwrite" in err and notes.read_bytes() == b"keep"  # nothing read
    code, _, _ = run_cli(capsys, "stats", messy_dataset, "--plot", notes, "--overwrite")
    assert code == 0 and notes.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"  # replaced, as asked


def test_stats_plot_must_be_a_png_name(messy_dataset, capsys):
    xml = next(p for p in messy_dataset.iterdir() if p.suffix == ".xml")
    before = xml.read_bytes()
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", xml)
    assert code == 2 and out == "" and ".png" in err and xml.read_bytes() == before


def test_stats_plot_onto_a_folder_says_so(messy_dataset, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    folder = tmp_path / "plots.png"
    folder.mkdir()
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", folder, "--overwrite")
    assert (code, out) == (2, "") and "is a folder" in err and folder.is_dir()  # nothing read
