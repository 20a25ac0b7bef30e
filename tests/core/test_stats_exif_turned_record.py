"""core/stats: the images with an EXIF orientation other than 1 are a figure of the `DatasetStats` record
(``exif_turned``, filled when `compute_stats` is asked), written by its `to_dict` and `summary_lines` as
`petloc stats` printed them: the command kept the list outside the record, added its count to the JSON by
hand and put its line into the text before the first line starting "problems "."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import DatasetStats, Problem, compute_stats
from tests.cli.helpers import write_image


def _folder(root):
    (root / "day").mkdir(parents=True)
    write_image(root / "upright.jpg", 40, 30, exif_orientation=1)
    write_image(root / "turned.jpg", 40, 30, exif_orientation=3)
    write_image(root / "day" / "side.jpg", 40, 30, exif_orientation=6)
    return open_dataset(root)


def test_asked_the_record_names_them_inside_the_folder(tmp_path):
    stats = compute_stats(_folder(tmp_path / "data"), find_exif_turned=True)
    assert sorted(stats.exif_turned) == ["day/side.jpg", "turned.jpg"]
    assert stats.to_dict()["n_exif_turned"] == 2


def test_not_asked_or_no_image_opened_it_is_not_known(tmp_path):
    dataset = _folder(tmp_path / "data")
    for stats in (compute_stats(dataset), compute_stats(dataset, check_images=False, find_exif_turned=True)):
        assert stats.exif_turned is None and stats.to_dict()["n_exif_turned"] is None
        assert not any(line.startswith("exif turned") for line in stats.summary_lines())


def test_its_line_comes_just_before_the_problems_line():
    stats = DatasetStats(root="ROOT", layout="sidecar", exif_turned=["a.jpg", "b.jpg", "c.jpg", "d.jpg"],
                         problems=[Problem("missing_label", "x.xml", "object 1 has no <name>")])
    lines = stats.summary_lines()
    at = lines.index(next(line for line in lines if line.startswith("problems ")))
    assert lines[at - 1].startswith("exif turned    4 images (a.jpg, b.jpg, c.jpg and 1 more) with an EXIF")
    assert list(stats.to_dict())[-1] == "n_exif_turned"  # where `petloc stats --json` has always had it
