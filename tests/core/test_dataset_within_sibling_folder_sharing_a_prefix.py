"""`petloc predict DEVKIT/JPEGImages/day` works on the images of ``day/`` alone: ``day2/``, whose name begins
with ``day``, is a folder beside it, not inside it (`Dataset.within`)."""

from __future__ import annotations

from petloc_gui.cli.prelabel import annotation_targets
from tests.cli.helpers import BLUE, write_image


def test_a_folder_whose_name_begins_with_the_given_ones_is_left_out(tmp_path):
    voc = tmp_path / "voc"
    for folder in ("Annotations", "JPEGImages/day", "JPEGImages/day2"):
        (voc / folder).mkdir(parents=True)
    write_image(voc / "JPEGImages" / "day" / "a.jpg", 32, 24, BLUE)
    write_image(voc / "JPEGImages" / "day2" / "b.jpg", 32, 24, BLUE)

    targets = annotation_targets([voc / "JPEGImages" / "day"])

    assert targets.images == {voc / "JPEGImages" / "day" / "a.jpg": voc / "Annotations" / "day" / "a.xml"}
    assert targets.problems == []
