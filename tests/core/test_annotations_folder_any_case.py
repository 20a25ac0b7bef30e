"""``images/`` + ``annotations/`` (labelImg's "Change Save Dir" folder, many tools' exports) reads as the
images + Annotations layout on every system: on macOS and Windows ``annotations/`` is ``Annotations/``, and
on Linux the same folder read as a sidecar folder, 0 annotated and every XML "annotation file with no image"
(``stats sd``), or 0 annotated and "problems 0" (``stats sd/images``). The evidence rule stands, and
Oxford's ``annotations/xmls`` still makes an Oxford folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, OXFORD, SIDECAR, open_dataset
from petloc_gui.core.stats import NO_IMAGE, compute_stats
from tests.cli.helpers import last_json, oxford_layout, run_cli, voc_xml, write_image

STEMS = ("p0", "p1", "p2", "p3")


def _saved_apart(root: Path, images: str = "images", annotations: str = "annotations") -> Path:
    """Four images in ``root/images``, each one's XML in ``root/annotations`` (as spelled)."""
    (root / images).mkdir(parents=True)
    (root / annotations).mkdir()
    for stem in STEMS:
        write_image(root / images / f"{stem}.jpg", 32, 24)
        (root / annotations / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 32, 24, [("cat", (2, 2, 20, 20))]),
                                                        encoding="utf-8")
    return root


@pytest.mark.parametrize(("images", "annotations"), [("images", "annotations"), ("Images", "ANNOTATIONS")])
@pytest.mark.parametrize("opened", ["", "images"])
def test_the_folders_match_ignoring_case(tmp_path, images, annotations, opened):
    root = _saved_apart(tmp_path / "sd", images, annotations)
    dataset = open_dataset(root / (images if opened else ""))
    assert (dataset.root, dataset.layout) == (root, IMAGES_ANNOTATIONS)
    assert (dataset.images_folder, dataset.annotations_folder) == (root / images, root / annotations)
    stats = compute_stats(dataset)
    assert (stats.n_annotated, stats.n_unannotated, stats.problems) == (4, 0, [])
    # a new image's annotation goes where the others are, not to a second Annotations/ (Linux)
    assert dataset.annotation_path_for(root / images / "new.jpg") == root / annotations / "new.xml"


def test_stats_of_the_folder_and_of_its_images_folder(tmp_path, capsys):
    root = _saved_apart(tmp_path / "sd")
    for opened in (root, root / "images"):
        code, out, _ = run_cli(capsys, "stats", opened, "--json")
        report = last_json(out)
        assert (code, report["layout"], report["n_annotated"], report["problems"]) == (0, IMAGES_ANNOTATIONS, 4, [])


def test_taken_only_on_evidence(tmp_path):
    root = _saved_apart(tmp_path / "sd")
    write_image(root / "top.jpg", 32, 24)  # a photo at the top, which the layout would leave out
    dataset = open_dataset(root)
    assert dataset.layout == SIDECAR
    said = [problem for problem in dataset.problems if "looks like Label Studio" in problem.what]
    assert [problem.path for problem in said] == [str(root / "annotations")]
    assert "(images/ + annotations/)" in said[0].what and "top.jpg at its top" in said[0].what
    assert {problem.kind for problem in compute_stats(dataset).problems} >= {NO_IMAGE}


def test_oxford_still_wins(tmp_path):
    root = oxford_layout(tmp_path / "pets", ["Bengal_1", "boxer_2"], 64, 48)
    dataset = open_dataset(root)
    assert (dataset.layout, dataset.annotated_count) == (OXFORD, 2)
    assert dataset.annotations_folder == root / "annotations" / "xmls"


def test_annotations_beside_another_spelling_are_not_left_out(tmp_path):
    root = _saved_apart(tmp_path / "sd", annotations="Annotations")
    other = root / "annotations"
    try:
        other.mkdir()
    except FileExistsError:
        pytest.skip("a disk that ignores case holds one of the two")
    (other / "p0.xml").write_text(voc_xml("p0.jpg", 32, 24, []), encoding="utf-8")
    dataset = open_dataset(root)
    assert dataset.layout == SIDECAR
    said = [problem.what for problem in dataset.problems if "looks like Label Studio" in problem.what]
    assert len(said) == 1 and "annotations/p0.xml beside them would be left out" in said[0]
