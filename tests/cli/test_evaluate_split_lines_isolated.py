"""`petloc evaluate`'s lines on the model's recorded images (`cli.evaluate_split`: those of its --split not in
the folder, and, under --split all, its test images among those scored) named the folder raw: a Hebrew or Arabic
folder name took the line's direction and moved the words around it in a terminal that lays out bidi text. It is
set apart now (`core.text.isolated`), the isolates kept on stderr (`error(..., names_isolated=True)`); an isolate
the name holds itself is still an escape, and an English name is as it was."""

from __future__ import annotations

from petloc_gui.cli.evaluate_split import say_test_images_among, select_items
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import RED, voc_xml, write_image

FOLDER = "תמונות"  # "photos"
AMONG = ("are the model's test images (meta.json splits.test), scored here with the others: --split test scores "
         "them alone")


def _folder(tmp_path, name: str):
    folder = tmp_path / name
    folder.mkdir()
    for stem in ("t1", "t2", "a"):
        write_image(folder / f"{stem}.png", 64, 32, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", 64, 32, [("cat", (16, 16, 48, 28))]),
                                            encoding="utf-8")
    return folder


def _meta(folder, test):
    return {"splits": {"train": ["a.png"], "validation": [], "test": list(test)},
            "images": {path: {"sha256": file_sha256(folder / path)} for path in test if (folder / path).exists()}}


def _said(capsys, folder, test, split) -> list[str]:
    capsys.readouterr()
    dataset, meta = open_dataset(folder), _meta(folder, test)
    items, _ = select_items(dataset, meta, split)
    if split == "all":  # said once they are scored (here: every one)
        say_test_images_among(dataset, meta, [item.image_path for item in items], [])
    return capsys.readouterr().err.splitlines()


def test_the_folder_the_model_s_images_are_not_in_is_set_apart(tmp_path, capsys):
    folder = _folder(tmp_path, FOLDER)
    assert _said(capsys, folder, ["t1.png", "gone.png"], "test") == [
        f"petloc: 1 of the model's test images is not in {FSI}{folder}{PDI}"]


def test_the_folder_its_test_images_are_scored_in_is_set_apart(tmp_path, capsys):
    folder = _folder(tmp_path, FOLDER)
    assert _said(capsys, folder, ["t1.png", "t2.png"], "all") == [
        f"petloc: 2 of the images in {FSI}{folder}{PDI} {AMONG}"]


def test_a_folder_names_own_isolate_stays_an_escape_and_english_names_are_as_they_were(tmp_path, capsys):
    stray = _folder(tmp_path, f"{FOLDER}\u2069")
    assert _said(capsys, stray, ["t1.png", "gone.png"], "test") == [
        f"petloc: 1 of the model's test images is not in {FSI}{tmp_path}/{FOLDER}\\u2069{PDI}"]
    english = _folder(tmp_path, "photos")
    assert _said(capsys, english, ["t1.png", "t2.png"], "all") == [f"petloc: 2 of the images in {english} {AMONG}"]
