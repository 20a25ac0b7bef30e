"""A test.txt line that names two images differing only in case (``CAT``: cat.jpg and Cat.jpg) holds both
out, as `petloc train` and the window's Retrain do: `petloc stats` counts both as test images."""

from __future__ import annotations

from tests.cli.helpers import BLUE, last_json, run_cli, voc_xml, write_image


def test_both_spellings_a_test_line_names_are_counted_as_test(tmp_path, capsys):
    voc = tmp_path / "voc"
    for folder in ("JPEGImages", "Annotations", "ImageSets/Main"):
        (voc / folder).mkdir(parents=True)
    for stem in ("cat", "Cat", "dog"):
        write_image(voc / "JPEGImages" / f"{stem}.jpg", 32, 24, BLUE)
        (voc / "Annotations" / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 32, 24, [("pet", (1, 2, 20, 20))]),
                                                        encoding="utf-8")
    (voc / "ImageSets" / "Main" / "trainval.txt").write_text("cat\nCat\ndog\n", encoding="utf-8")
    (voc / "ImageSets" / "Main" / "test.txt").write_text("CAT\n", encoding="utf-8")

    code, out, _ = run_cli(capsys, "stats", "--json", "--no-image-check", voc)

    assert code == 0
    assert last_json(out)["split_counts"] == {"test": 2, "trainval": 1}
