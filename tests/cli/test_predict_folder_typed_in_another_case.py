"""`petloc predict DEVKIT/JPEGImages/DAY` on macOS or Windows, whose folder is ``day``: the images it holds are
predicted and their pre-labels go to ``Annotations/day/`` (`cli.prelabel.annotation_targets`, which predict works
on before it loads a model). The index spells the folder ``day`` and the typed one was compared with it as text:
"no image found in this folder"."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.prelabel import annotation_targets
from tests.cli.helpers import BLUE, run_cli, voc_xml, write_image
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture

W, H = 64, 48


def _devkit(root: Path) -> Path:
    for folder in (root / "JPEGImages" / "day", root / "Annotations" / "day"):
        folder.mkdir(parents=True)
    for stem in ("a", "b"):
        write_image(root / "JPEGImages" / "day" / f"{stem}.jpg", W, H, BLUE)
    (root / "Annotations" / "day" / "a.xml").write_text(voc_xml("a.jpg", W, H, [("dog", (1, 2, 30, 20))]),
                                                        encoding="utf-8")
    return root


def _expected(voc: Path) -> dict[Path, Path]:
    return {voc / "JPEGImages" / "day" / f"{stem}.jpg": voc / "Annotations" / "day" / f"{stem}.xml"
            for stem in ("a", "b")}


def test_a_subfolder_typed_in_another_case(tmp_path):
    voc = _devkit(tmp_path / "voc")
    typed = alias(voc / "JPEGImages" / "day", "DAY")  # the folder by another spelling, as macOS holds it
    targets = annotation_targets([typed])
    assert (targets.images, targets.problems) == (_expected(voc), [])


def test_on_a_case_insensitive_disk(caseless_dir):  # noqa: F811 - the fixture
    voc = _devkit(caseless_dir / "voc")
    for typed in (voc / "JPEGImages" / "DAY", voc / "jpegimages" / "day"):
        targets = annotation_targets([typed])
        assert (targets.images, targets.problems) == (_expected(voc), []), typed


def _pre_labelled(voc: Path, typed: Path, tiny_bundle: Path, capsys) -> None:
    """`predict TYPED --write-voc` writes the one pre-label into ``Annotations/day/`` and none beside the images."""
    code, _, err = run_cli(capsys, "predict", typed, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 0, err
    assert "wrote 1 pre-label annotation; left 1 existing annotation untouched" in err
    assert sorted(path.name for path in (voc / "Annotations" / "day").iterdir()) == ["a.xml", "b.xml"]
    assert sorted(path.name for path in (voc / "JPEGImages" / "day").iterdir()) == ["a.jpg", "b.jpg"]


def test_predict_write_voc_of_the_images_folder_typed_in_another_case(tmp_path, tiny_bundle, capsys):
    """`predict voc/jpegimages/day --write-voc` read the folder as a sidecar folder, 0 annotated, and wrote a
    pre-label beside each image, though Annotations/day/ held their annotations."""
    voc = _devkit(tmp_path / "voc")
    _pre_labelled(voc, alias(voc / "JPEGImages", "jpegimages") / "day", tiny_bundle, capsys)


def test_predict_write_voc_on_a_case_insensitive_disk(caseless_dir, tiny_bundle, capsys):  # noqa: F811 - the fixture
    voc = _devkit(caseless_dir / "voc")
    _pre_labelled(voc, voc / "jpegimages" / "DAY", tiny_bundle, capsys)
