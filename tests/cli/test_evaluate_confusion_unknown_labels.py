"""`petloc evaluate` on images of a label the model does not know (a class renamed since it trained, ruddy ->
abyssinian, or one it never learned): each such label gets a confusion row of its own, what the model took
those images for, in the table and in --json (``confusion_unknown_labels``); the columns stay the model's
classes. Before, the matrix had rows for the model's classes only: "9 evaluated" over entries summing to 5,
and the class table's "abyssinian 4 ... (unknown to the model)" had no row below."""

from __future__ import annotations

from tests.cli.helpers import BLUE, RED, last_json, run_cli, voc_xml, write_image

W, H = 64, 32  # the tiny model: red images are cat, blue ones dog, its box [16, 16, 48, 28]
BOX = (16, 16, 48, 28)


def _folder(tmp_path):
    folder = tmp_path / "renamed"
    folder.mkdir()
    images = {"cat1": (RED, [("cat", BOX)]),
              "lion_red": (RED, [("lion", BOX)]), "lion_blue": (BLUE, [("lion", BOX)]),
              "lion_blue2": (BLUE, [("lion", BOX)]),
              # its prediction (cat) is matched to the cat: the image is cat's row, zebra's row keeps a 0
              "cat_and_zebra": (RED, [("zebra", (0, 0, 8, 8)), ("cat", BOX)])}
    for stem, (colour, objects) in images.items():
        write_image(folder / f"{stem}.png", W, H, colour)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")
    return folder


def test_a_label_the_model_does_not_know_has_its_own_confusion_row(tmp_path, tiny_bundle, capsys):
    folder = _folder(tmp_path)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["confusion"] == {"labels": ["cat", "dog"], "matrix": [[2, 0], [0, 0]]}  # the model's classes
    assert report["confusion_unknown_labels"] == {"lion": [1, 2], "zebra": [0, 0]}
    rows = report["confusion"]["matrix"] + list(report["confusion_unknown_labels"].values())
    assert sum(map(sum, rows)) == report["n_images"] == 5  # every image evaluated is in one row

    code, out, _ = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle)
    assert code == 0
    lines = out.splitlines()
    at = lines.index("confusion (rows: truth, columns: predicted)")
    assert [line.split() for line in lines[at + 1:]] == [
        ["cat", "dog"], ["cat", "2", "0"], ["dog", "0", "0"],
        ["lion", "1", "2", "(unknown", "to", "the", "model)"], ["zebra", "0", "0", "(unknown", "to", "the", "model)"]]


def test_a_folder_of_known_labels_has_no_row_of_unknown_ones(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "known"
    folder.mkdir()
    write_image(folder / "a.png", W, H, RED)
    (folder / "a.xml").write_text(voc_xml("a.png", W, H, [("cat", BOX)]), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert last_json(out)["confusion_unknown_labels"] == {}
