"""`petloc train --exclude-list`: entries named as the files are, '#' and spaces and all.

A line cut at its '#' ("cat #1.jpg" -> "cat") or at its first space ("dog 2.JPG" -> "dog") held out
another image (cat.jpg, dog.jpg) and trained on the listed one, with no word said; meta.json's test
split named the wrong image.
"""

from __future__ import annotations

import unicodedata

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.cli.output import CommandError
from petloc_gui.core.list_lines import entry_forms, read_list_lines
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import voc_xml, write_image


def _boxed(folder, *names):
    for i, name in enumerate(names):
        write_image(folder / name, 40, 30, color=(10 * i, 40, 40))
        stem = name.rsplit(".", 1)[0]
        (folder / f"{stem}.xml").write_text(voc_xml(name, 40, 30, [("cat", (1, 1, 20, 20))]), encoding="utf-8")


def test_names_with_a_hash_or_a_space_hold_out_the_image_listed(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    _boxed(data, "cat #1.jpg", "cat.jpg", "dog 2.jpg", "dog.jpg", "e.jpg", "f.jpg")
    listing = tmp_path / "exclude.txt"
    listing.write_bytes(b"cat #1.jpg\r\ndog 2.JPG\n")  # saved on Windows; its case is the camera's
    resolved = resolve_exclude_list(data, listing)
    assert resolved == [str((data / "cat #1.jpg").resolve()), str((data / "dog 2.jpg").resolve())]
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # the entry matched ignoring case is named, nothing else
    assert "line 2: 'dog 2.JPG' taken as 'dog 2.jpg', the name it differs from only in case" in err
    # what meta.json's splits.test records
    data_split = TrainingData.collect(data, exclude=resolved, val_fraction=0.25)
    assert data_split.splits_record()["test"] == ["cat #1.jpg", "dog 2.jpg"]


def test_a_comment_starts_a_line_or_follows_whitespace_and_never_cuts_a_name_that_exists(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("cat #1.jpg", "cat.jpg", "b.png", "#3.png", "c.png"):
        write_image(data / name, 8, 8)
    listing = tmp_path / "exclude.txt"
    listing.write_text("# held out\ncat #1.jpg  # the first cat\nb.png # trailing\n#3.png\ncat#2.jpg\n",
                       encoding="utf-8")
    resolved = resolve_exclude_list(data, listing)
    assert resolved == [str((data / name).resolve()) for name in ("#3.png", "b.png", "cat #1.jpg")]
    err = capsys.readouterr().err
    # "cat#2.jpg" (no such image) is reported as written, not cut to "cat"
    assert err.count("\n") == 1 and "'cat#2.jpg' matches no image" in err, err


def test_entry_forms_are_tried_most_literal_first():
    assert entry_forms("cat #1.jpg  # first") == ["cat #1.jpg  # first", "cat #1.jpg", "cat"]
    assert entry_forms("# a comment") == ["# a comment"]
    assert entry_forms("Abyssinian_201 1 1 1") == ["Abyssinian_201 1 1 1", "Abyssinian_201"]
    assert entry_forms("Abyssinian_201 1 1 1 # test") == ["Abyssinian_201 1 1 1 # test", "Abyssinian_201 1 1 1",
                                                          "Abyssinian_201"]
    assert entry_forms("dog 2.JPG") == ["dog 2.JPG"]  # not an Oxford line: "dog" is never tried


def test_a_name_in_another_unicode_form_is_matched_and_said(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / unicodedata.normalize("NFD", "Café.jpg"), 8, 8)  # as macOS writes it
    write_image(data / "Cafe.jpg", 8, 8)
    listing = tmp_path / "exclude.txt"
    listing.write_text(unicodedata.normalize("NFC", "Café.jpg") + "\n", encoding="utf-8")
    assert resolve_exclude_list(data, listing) == [str((data / unicodedata.normalize("NFD", "Café.jpg")).resolve())]
    assert "the same name in another Unicode form (NFC in the list, NFD in the folder)" in capsys.readouterr().err


def test_an_entry_naming_two_images_but_for_case_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("Cat.jpg", "cat.jpg"):  # two files on a case-sensitive disk
        write_image(data / name, 8, 8)
    listing = tmp_path / "exclude.txt"
    listing.write_text("Cat.jpg\nCAT.JPG\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"line 2: 'CAT.JPG' names 'Cat.jpg' and 'cat.jpg'"):
        resolve_exclude_list(data, listing)


def test_read_exclude_lines_keeps_each_line_whole(tmp_path):
    path = tmp_path / "exclude.txt"
    path.write_text("\ufeffa.jpg\n\n# a comment\nsub/b.png  # trailing\n", encoding="utf-8")
    assert read_list_lines(path) == ["a.jpg", "# a comment", "sub/b.png  # trailing"]


def test_petloc_train_refuses_such_a_list_in_one_line_before_training(tmp_path, capsys):
    from tests.cli.helpers import run_cli

    data = tmp_path / "data"
    data.mkdir()
    _boxed(data, "Cat.jpg", "cat.jpg")
    listing = tmp_path / "exclude.txt"
    listing.write_text("CAT.jpg\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "train", data, "--preset", "photo", "--exclude-list", listing,
                             "--out", tmp_path / "models")
    assert code == 1 and out == "" and err.count("\n") == 1, err
    assert "'CAT.jpg' names 'Cat.jpg' and 'cat.jpg'" in err and "write the entry as the file is named" in err
