"""A folder under a devkit's ``JPEGImages/`` that holds annotations beside its images (labelImg's
default, and where petloc's predict and window saved before a subfolder stood for its dataset) is a
dataset of its own: taken into the devkit, its person-made XMLs were "not read" problems, `petloc stats`
gave the devkit's figures, and `predict --write-voc` wrote model pre-labels to ``Annotations/extra/``
for the three images a person had labelled ("left 0 existing annotations untouched"). And `predict` of
many files of one folder finds their dataset once (a Label Studio export's look walks its folders:
3,000 files took 24 s before the model loaded)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import SIDECAR, dataset_root, open_dataset
from tests.cli.helpers import BLUE, run_cli, voc_xml, write_image

W, H = 64, 48


def _devkit_with_an_annotated_subfolder(root: Path) -> Path:
    for folder in (root / "JPEGImages" / "extra", root / "Annotations"):
        folder.mkdir(parents=True)
    for i in range(2):
        write_image(root / "JPEGImages" / f"d{i}.jpg", W, H, BLUE)
        (root / "Annotations" / f"d{i}.xml").write_text(voc_xml(f"d{i}.jpg", W, H, [("dog", (1, 2, 30, 20))]),
                                                        encoding="utf-8")
    extra = root / "JPEGImages" / "extra"
    for i in range(3):
        write_image(extra / f"b{i}.jpg", W, H, BLUE)
        (extra / f"b{i}.xml").write_text(voc_xml(f"b{i}.jpg", W, H, [("cat", (3, 4, 40, 30))]), encoding="utf-8")
    return extra


def test_a_subfolder_with_its_own_annotations_is_its_own_dataset(tmp_path):
    extra = _devkit_with_an_annotated_subfolder(tmp_path)
    assert dataset_root(extra) == extra
    dataset = open_dataset(extra)
    assert dataset.layout == SIDECAR
    assert [item.has_annotation for item in dataset.items] == [True, True, True]


def test_predict_writes_no_pre_label_over_a_persons_annotations(tmp_path, capsys):
    extra = _devkit_with_an_annotated_subfolder(tmp_path)
    code, _out, err = run_cli(capsys, "predict", extra, "--model", "digits", "--write-voc")
    assert code == 0, err
    assert not (tmp_path / "Annotations" / "extra").exists()
    assert all("petloc pre-label" not in path.read_text(encoding="utf-8") for path in extra.glob("*.xml"))


def test_files_of_one_folder_find_their_dataset_once(tmp_path, monkeypatch):
    from petloc_gui.cli import prelabel
    from petloc_gui.core import dataset as dataset_module

    images = tmp_path / "images"
    images.mkdir()
    for i in range(6):
        write_image(images / f"x{i}.jpg", W, H, BLUE)
    calls = []
    real = dataset_module.dataset_root
    monkeypatch.setattr(dataset_module, "dataset_root", lambda path: calls.append(path) or real(path))
    targets = prelabel.annotation_targets(sorted(images.glob("*.jpg")))
    assert len(targets.images) == 6
    assert calls == [images.resolve()]
