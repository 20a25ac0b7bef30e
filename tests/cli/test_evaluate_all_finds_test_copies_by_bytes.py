"""`petloc evaluate --split all` names the model's test images found by their bytes at another path, as
--split test and the window find them.

A flat folder holding byte copies of 6 of the bundled pets model's test photos ("images/Abyssinian_13.jpg"
recorded, "Abyssinian_13.jpg" here) was scored with no line saying any were its test images, while
--split test on the same folder scored 6 of them and the window said "6 of the 48 test images are here":
--split all looked for them by path alone. It reads only the images of a test image's recorded size.
"""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.evaluate_split import say_test_images_among, select_items
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model import bundle as bundle_module
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import BLUE, RED, bundle_with_meta, run_cli, voc_xml, write_image

# recorded under images/ as the run saw them; here flat, as labelImg keeps a folder, and t3 not here: every
# image not yet looked at could be it
TRAIN, VALIDATION, TEST = ["images/a.png"], ["images/b.png"], ["images/t1.png", "images/t2.png", "images/t3.png"]
GREEN = (20, 200, 20)


def _flat_folder(tmp_path: Path, unannotated: int = 0) -> Path:
    """a, b, t1, t2 (annotated, each its own size) side by side with their XML, and ``unannotated`` images of
    other sizes: a large folder the test images are a few of."""
    folder = tmp_path / "flat"
    folder.mkdir()
    for stem, width, color, label in (("a", 64, BLUE, "dog"), ("b", 72, RED, "cat"), ("t1", 80, RED, "cat"),
                                      ("t2", 88, GREEN, "dog")):
        write_image(folder / f"{stem}.png", width, 32, color)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", width, 32, [(label, (16, 16, 48, 28))]),
                                            encoding="utf-8")
    for n in range(unannotated):
        write_image(folder / f"other{n}.png", 200 + 16 * n, 48, (n * 20 % 256, 90, 140))
    (tmp_path / "gone").mkdir()
    write_image(tmp_path / "gone" / "t3.png", 96, 32, BLUE)
    return folder


def _record(folder: Path, sizes: bool = True) -> dict:
    """meta.json as the run wrote it: each image's sha256 (and size) under its path then, under images/."""
    images = {}
    for relpath in TRAIN + VALIDATION + TEST:
        here = folder / Path(relpath).name
        here = here if here.exists() else folder.parent / "gone" / here.name
        images[relpath] = {"sha256": file_sha256(here), **({"size": here.stat().st_size} if sizes else {})}
    return {"splits": {"train": TRAIN, "validation": VALIDATION, "test": TEST}, "images": images}


def _says(folder: Path, n: int) -> str:
    return (f"petloc: {n} of the images in {folder} are the model's test images (meta.json splits.test), "
            "scored here with the others: --split test scores them alone\n")


def test_split_all_names_as_many_test_images_as_split_test_scores(tmp_path, capsys):
    folder = _flat_folder(tmp_path)
    meta = _record(folder)
    test_items, _ = select_items(open_dataset(folder), meta, "test")
    assert sorted(item.image_path.name for item in test_items) == ["t1.png", "t2.png"]
    capsys.readouterr()
    items, _ = select_items(open_dataset(folder), meta, "all")
    say_test_images_among(open_dataset(folder), meta, [item.image_path for item in items], [])
    assert capsys.readouterr().err == _says(folder, 2)


def test_only_images_of_a_test_image_s_recorded_size_are_read(tmp_path, capsys, monkeypatch):
    folder = _flat_folder(tmp_path, unannotated=12)
    meta = _record(folder)
    test_sizes = {meta["images"][relpath]["size"] for relpath in TEST}
    dataset = open_dataset(folder)
    same_size = {item.image_path.name for item in dataset.items if item.image_path.stat().st_size in test_sizes}
    assert same_size == {"t1.png", "t2.png"}  # the folder as meant: no other image of a test image's size
    read: list[str] = []
    real = bundle_module.sha256_or_none
    monkeypatch.setattr(bundle_module, "sha256_or_none", lambda path: read.append(Path(path).name) or real(path))
    say_test_images_among(dataset, meta, [item.image_path for item in dataset.items if item.annotation_path], [])
    assert capsys.readouterr().err == _says(folder, 2)
    assert sorted(read) == ["t1.png", "t2.png"]  # not the 14 others, looked through for t3


def test_a_record_without_sizes_reads_the_images_to_find_them(tmp_path, capsys):
    folder = _flat_folder(tmp_path, unannotated=2)
    meta = _record(folder, sizes=False)
    dataset = open_dataset(folder)
    say_test_images_among(dataset, meta, [item.image_path for item in dataset.items if item.annotation_path], [])
    assert capsys.readouterr().err == _says(folder, 2)


def test_evaluate_split_all_and_split_test_say_the_same_count(tiny_bundle, tmp_path, capsys):
    folder = _flat_folder(tmp_path)
    bundle = bundle_with_meta(tiny_bundle, tmp_path, **_record(folder))
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", bundle, "--split", "test")
    assert code == 0, err
    assert ("petloc: 2 of the model's test images found at another path by their bytes (the sha256 meta.json "
            "records) (e.g. 'images/t1.png' is now 't1.png')\n") in err
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", bundle)
    assert code == 0, err
    assert _says(folder, 2) in err
