"""`petloc evaluate --split all` reads no test image found at its recorded path to name the model's test images
among DATA's (`say_test_images_among`): its line never says which of them changed since recorded, so hashing each
of them for `find_recorded`'s changed count (48 full reads of the pets bundle's test photos per run, on top of the
predictions' own) was for nothing. Only a test image not at its path is looked for by its bytes."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.evaluate_split import say_test_images_among
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model import bundle as bundle_module
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import BLUE, RED, voc_xml, write_image

TRAIN, TEST = ["images/a.png"], ["images/t1.png", "images/t2.png"]


def test_test_images_at_their_recorded_path_are_not_read(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "data"
    (folder / "images").mkdir(parents=True)
    for relpath, width, color in (("images/a.png", 64, BLUE), ("images/t1.png", 80, RED), ("images/t2.png", 88, BLUE)):
        write_image(folder / relpath, width, 32, color)
        (folder / relpath).with_suffix(".xml").write_text(voc_xml(Path(relpath).name, width, 32,
                                                                  [("cat", (16, 16, 48, 28))]), encoding="utf-8")
    images = {relpath: {"sha256": file_sha256(folder / relpath), "size": (folder / relpath).stat().st_size}
              for relpath in TRAIN + TEST}
    meta = {"splits": {"train": TRAIN, "validation": [], "test": TEST}, "images": images}
    write_image(folder / "images" / "t2.png", 88, 32, RED)  # edited in place, its size kept: still the test image
    assert (folder / "images" / "t2.png").stat().st_size == images["images/t2.png"]["size"]
    dataset = open_dataset(folder)
    read: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: read.append(Path(path).name) or real(path))
    say_test_images_among(dataset, meta, [item.image_path for item in dataset.items], [])
    assert capsys.readouterr().err == (f"petloc: 2 of the images in {folder} are the model's test images (meta.json "
                                       "splits.test), scored here with the others: --split test scores them alone\n")
    assert read == []
