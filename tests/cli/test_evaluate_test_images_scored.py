"""`petloc evaluate --split all`: the line on the model's test images among DATA's counts those scored. It
counted them among all of DATA's images: "3 of the images in e1 are the model's test images (meta.json
splits.test), scored here with the others" when one had no annotation and was skipped (audit H14, D3)."""

from __future__ import annotations

from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import BLUE, RED, bundle_with_meta, run_cli, voc_xml, write_image

W, H = 64, 32
BOX = (16, 16, 48, 28)
AMONG = "are the model's test images (meta.json splits.test)"


def _folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for stem, colour in (("a", BLUE), ("t1", RED), ("t2", BLUE), ("t3", RED), ("t4", RED)):
        write_image(folder / f"{stem}.png", W, H, colour)
    for stem in ("a", "t1", "t2", "t4"):  # t3: no annotation
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [("cat", BOX)]), encoding="utf-8")
    (folder / "t4.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)  # annotated, fails to predict
    return folder


def _model(tiny_bundle, tmp_path, folder, test):
    return bundle_with_meta(tiny_bundle, tmp_path / "model", splits={"train": ["a.png"], "validation": [],
                                                                     "test": list(test)},
                            images={"a.png": {"sha256": file_sha256(folder / "a.png")}})


def _line(err: str) -> list[str]:
    return [line for line in err.splitlines() if "(meta.json splits.test)" in line]


def test_the_test_images_not_scored_are_counted_apart(tmp_path, tiny_bundle, capsys):
    folder = _folder(tmp_path)
    model = _model(tiny_bundle, tmp_path, folder, ["t1.png", "t2.png", "t3.png", "t4.png"])
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", model)
    assert code == 0, err
    assert _line(err) == [f"petloc: 4 of the images in {folder} {AMONG}, scored here with the others (2 scored; "
                          "1 has no annotation; 1 skipped, as said above): --split test scores them alone"]


def test_all_scored_is_said_as_before_and_none_scored_says_so(tmp_path, tiny_bundle, capsys):
    folder = _folder(tmp_path)
    code, _, err = run_cli(capsys, "evaluate", folder, "--model",
                           _model(tiny_bundle, tmp_path / "scored", folder, ["t1.png", "t2.png"]))
    assert code == 0, err
    assert _line(err) == [f"petloc: 2 of the images in {folder} {AMONG}, scored here with the others: --split test "
                          "scores them alone"]
    code, _, err = run_cli(capsys, "evaluate", folder, "--model",
                           _model(tiny_bundle, tmp_path / "none", folder, ["t3.png"]))
    assert code == 0, err
    assert _line(err) == [f"petloc: 1 of the images in {folder} is the model's test image (meta.json splits.test), "
                          "not scored here (1 has no annotation)"]
