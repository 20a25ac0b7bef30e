"""`petloc train`'s line on the folder's test list and `petloc evaluate`'s on a digits record that cannot tell its
canvases' digits set a Hebrew folder name apart (U+2068 … U+2069), as the commands' other lines do.

Before: both put the path in raw (the test list's in its --exclude-list option, the record's at the start of the
line), and in a terminal that lays out bidi text a Hebrew folder took the line's direction and moved the words
around it; the line on the record starts with the name, so the whole line was read right to left.
"""

from __future__ import annotations

import shlex

from petloc_gui.cli.evaluate_digits import learned_digit_count
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.model.training_record import lineage_of
from tests.cli.test_evaluate_learned_digits import _canvases
from tests.cli.test_train_layout_test_split_said import IDS, _devkit, _said

FSI, PDI = "\u2068", "\u2069"


def test_the_test_list_warning_sets_the_list_s_path_apart(tmp_path, capsys):
    (tmp_path / "תמונות").mkdir()
    root = _devkit(tmp_path / "תמונות" / "voc", IDS, ["c", "day/g"])
    _said(root)
    listing = shlex.quote(str(root / "ImageSets" / "Main" / "test.txt"))
    assert capsys.readouterr().err == (
        "petloc: the folder's ImageSets/Main/test.txt lists 2 test images; this run trains or validates on them: "
        f"hold them out with --exclude-list {FSI}{listing}{PDI} to keep them for testing\n")


def test_an_english_folder_s_test_list_warning_is_as_it_was(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c"])
    _said(root)
    assert capsys.readouterr().err == (
        "petloc: the folder's ImageSets/Main/test.txt lists 1 test image; this run trains or validates on it: "
        f"hold it out with --exclude-list {root / 'ImageSets' / 'Main' / 'test.txt'} to keep it for testing\n")


def test_the_untold_digits_line_sets_the_record_apart(tmp_path, capsys):
    folder = _canvases(tmp_path / "ספרות", [("train", 3), ("train", 7)])
    record = folder / RECORD_NAME
    record.write_text('{"images": {', encoding="utf-8")  # damaged: which digit each canvas holds cannot be told
    learned = learned_digit_count(sorted(folder.glob("*.png")), lineage_of({"training_data": {"mnist_digits": {
        "train": [3, 7]}}}))
    assert learned.n_unknown == 2
    err = capsys.readouterr().err
    assert err.startswith(f"petloc: warning: {FSI}{record}{PDI}: cannot be read: not JSON (Expecting property "
                          "name enclosed in double quotes, line 1 column 13): which MNIST digit the 2 evaluated "
                          "images in its folder hold cannot be told, so these figures may include digits"), err
    assert err.count("\n") == 1


def test_a_test_list_entry_matching_no_image_sets_the_folder_apart(tmp_path, capsys):
    # the lines on the folder's test list's entries were printed raw (no isolate kept), unlike --exclude-list's
    (tmp_path / "תמונות").mkdir()
    root = _devkit(tmp_path / "תמונות" / "voc", IDS, ["c"])
    with (root / "ImageSets" / "Main" / "test.txt").open("a", encoding="utf-8") as listing:
        listing.write("nope\n")
    _said(root)
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if "'nope' matches no image" in line)
    assert f"{FSI}{root}{PDI}" in line and "\\u2068" not in line, line
