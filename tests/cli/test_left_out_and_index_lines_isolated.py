"""The lines of `petloc evaluate`, `predict` and `train` naming the images left out as their annotation file is
another image's, and evaluate's and predict's lines on a folder the index could not follow, set a Hebrew name
apart (U+2068 … U+2069), as the commands' other lines do.

Before: each put the path in raw (its isolates escaped), and in a terminal that lays out bidi text a Hebrew
folder took the line's direction and moved the reason, the count and the colon around it.
"""

from __future__ import annotations

from petloc_gui.cli.train_report import TrainReporter
from tests.cli.helpers import BLUE, RED, run_cli, voc_xml, write_annotated, write_image

FSI, PDI = "\u2068", "\u2069"
W, H = 64, 32
ADVICE = ("(its boxes are that image's); rename one of the two images so that each has an annotation file of its "
           "own")


def _pair(folder):
    """photo.jpg annotated, photo.png beside it: photo.xml would be both (it is photo.jpg's)."""
    folder.mkdir(parents=True)
    write_image(folder / "photo.jpg", W, H, RED)
    write_image(folder / "photo.png", W, H, BLUE)
    (folder / "photo.xml").write_text(voc_xml("photo.jpg", W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
    return folder


def _unfollowed(folder, tmp_path):
    """An annotated image and a symbolic link to a folder (not followed: an index problem) in ``folder``."""
    folder.mkdir(parents=True)
    write_annotated(folder, "p0", W, H, [("cat", (2, 2, 20, 20))])
    (tmp_path / "elsewhere").mkdir()
    (folder / "קישור").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return folder / "קישור"


def test_evaluate_s_left_out_line_sets_the_image_apart(tmp_path, tiny_bundle, capsys):
    folder = _pair(tmp_path / "תמונות")
    code, _out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle)
    assert code == 0, err
    assert (f"petloc: skipped 1 image whose annotation file is another image's: {FSI}{folder / 'photo.png'}{PDI} "
            f"shares its annotation file photo.xml with photo.jpg {ADVICE}\n") in err, err


def test_evaluate_s_index_problem_line_sets_the_folder_apart(tmp_path, tiny_bundle, capsys):
    link = _unfollowed(tmp_path / "תמונות", tmp_path)
    code, _out, err = run_cli(capsys, "evaluate", link.parent, "--model", tiny_bundle)
    assert code == 0, err
    assert f"petloc: {FSI}{link}{PDI}: symbolic link to a folder not followed" in err, err


def test_predict_s_left_out_line_sets_the_image_apart(tmp_path, tiny_bundle, capsys):
    folder = _pair(tmp_path / "תמונות")
    code, _out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert (f"petloc: wrote no pre-label for 1 image whose annotation file is another image's: "
            f"{FSI}{folder / 'photo.png'}{PDI} shares its annotation file photo.xml with photo.jpg {ADVICE}\n"
            ) in err, err


def test_predict_s_index_problem_line_sets_the_folder_apart(tmp_path, tiny_bundle, capsys):
    link = _unfollowed(tmp_path / "תמונות", tmp_path)
    code, _out, err = run_cli(capsys, "predict", link.parent, "--model", tiny_bundle)
    assert code == 0, err
    assert f"petloc: {FSI}{link}{PDI}: symbolic link to a folder not followed" in err, err


def test_train_s_left_out_line_sets_the_image_apart(capsys):
    TrainReporter()({"event": "start", "n_train": 9, "n_val": 1, "epochs": 5, "class_names": ["a"],
                     "skipped": [["/ד/a.png", "shares its annotation file a.xml with a.jpg"]]})
    assert [line for line in capsys.readouterr().err.splitlines() if line.startswith("petloc: ")] == [
        f"petloc: left out 1 image whose annotation file is another image's: {FSI}/ד/a.png{PDI} shares its "
        f"annotation file a.xml with a.jpg {ADVICE}"]


def test_an_english_left_out_line_is_as_it_was(capsys):
    TrainReporter()({"event": "start", "n_train": 9, "n_val": 1, "epochs": 5, "class_names": ["a"],
                     "skipped": [["/d/a.png", "shares its annotation file a.xml with a.jpg"]]})
    assert [line for line in capsys.readouterr().err.splitlines() if line.startswith("petloc: ")] == [
        "petloc: left out 1 image whose annotation file is another image's: /d/a.png shares its "
        f"annotation file a.xml with a.jpg {ADVICE}"]
