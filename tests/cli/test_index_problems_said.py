"""`petloc predict` and `evaluate` say each folder their index could not list or follow, as `stats` and
`convert` do: a symbolic link to a folder, a sub-folder or a root they may not list."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.index_problems import index_lines, index_problems
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import RED, assert_clean_errors, json_lines, oxford_layout, run_cli, voc_xml, write_image

W, H = 64, 32
SYMLINK = "symbolic link to a folder not followed; open the folder it points to directly"
DENIED = "cannot list folder: Permission denied"


def _annotated(folder, stem):
    write_image(folder / f"{stem}.png", W, H, RED)
    (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")


@pytest.fixture
def linked(tmp_path):
    """a.png, z.png and more/ -> a folder elsewhere with b.png: the index does not follow more/."""
    folder, elsewhere = tmp_path / "linked", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    for stem in ("a", "z"):
        _annotated(folder, stem)
    _annotated(elsewhere, "b")
    (folder / "more").symlink_to(elsewhere, target_is_directory=True)
    return folder


def _unlistable(monkeypatch, *folders):
    """os.scandir refuses these folders, as for a user without read permission (the tests run as root)."""
    scandir = os.scandir
    refused = {os.path.abspath(f) for f in folders}

    def guarded(path="."):
        if os.path.abspath(path) in refused:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


def test_predict_says_a_linked_sub_folder_it_did_not_follow_and_writes_its_record_in_place(
        linked, tiny_bundle, capsys):
    code, out, err = run_cli(capsys, "predict", linked, "--model", tiny_bundle, "--json")
    assert code == 0, err  # the images it could index are predicted
    assert f"petloc: {linked / 'more'}: {SYMLINK}" in assert_clean_errors(err)
    records = json_lines(out)
    assert [(os.path.basename(r["image"]), r.get("error")) for r in records] == [
        ("a.png", None), ("more", SYMLINK), ("z.png", None)]


def test_predict_says_a_sub_folder_it_may_not_list(linked, tiny_bundle, capsys, monkeypatch):
    (linked / "sub").mkdir()
    _annotated(linked / "sub", "c")
    _unlistable(monkeypatch, linked / "sub")
    code, out, err = run_cli(capsys, "predict", linked, "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert f"petloc: {linked / 'sub'}: {DENIED}" in assert_clean_errors(err)
    assert {"image": str(linked / "sub"), "error": DENIED} in json_lines(out)


def test_predict_on_a_folder_it_may_not_list_says_permission_denied_not_no_image(
        linked, tiny_bundle, capsys, monkeypatch):
    _unlistable(monkeypatch, linked)
    code, out, err = run_cli(capsys, "predict", linked, "--model", tiny_bundle, "--json")
    assert code == 1
    lines = assert_clean_errors(err)
    assert f"petloc: {linked}: {DENIED}" in lines
    assert not any("no image found" in line for line in lines), lines
    assert json_lines(out) == [{"image": str(linked), "error": DENIED}]


def test_evaluate_says_a_linked_sub_folder_it_did_not_follow(linked, tiny_bundle, capsys):
    code, _, err = run_cli(capsys, "evaluate", linked, "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert f"petloc: {linked / 'more'}: {SYMLINK}" in assert_clean_errors(err)


def test_evaluate_on_a_folder_it_may_not_list_says_permission_denied(linked, tiny_bundle, capsys, monkeypatch):
    _unlistable(monkeypatch, linked)
    code, _, err = run_cli(capsys, "evaluate", linked, "--model", tiny_bundle)
    assert code == 1
    assert f"petloc: {linked}: {DENIED}" in assert_clean_errors(err)


def test_training_samples_hand_the_index_problems_to_the_caller(linked):
    notes: list[str] = []
    samples, skipped, _ = collect_samples(linked, index_notes=notes)
    assert [s.relpath for s in samples] == ["a.png", "z.png"] and not skipped
    assert notes == [f"{linked / 'more'}: {SYMLINK}"]


def test_images_sharing_an_annotation_file_are_left_to_the_commands_own_line(tmp_path):
    """photo.png beside photo.jpg and photo.xml: predict, evaluate and train say it in one line of their own."""
    folder = tmp_path / "shared"
    folder.mkdir()
    _annotated(folder, "photo")
    write_image(folder / "photo.jpg", W, H, RED)
    (folder / "more").symlink_to(tmp_path, target_is_directory=True)
    dataset = open_dataset(folder)
    assert any("shares its annotation file" in p for p in dataset.problems)
    assert index_problems(dataset) == [(folder / "more", SYMLINK)]
    assert index_lines(dataset) == [f"{folder / 'more'}: {SYMLINK}"]


def test_train_on_a_folder_it_may_not_list_says_permission_denied_and_stops(
        linked, capsys, monkeypatch, tmp_path):
    _unlistable(monkeypatch, linked)
    code, out, err = run_cli(capsys, "train", linked, "--preset", "digits", "--out", tmp_path / "out",
                             "--epochs", "1")
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [f"petloc: {linked}: {DENIED}"]  # not "found 0" after it


def test_a_size_warning_says_of_its_own_file_that_its_boxes_are_used_as_written(capsys):
    from petloc_gui.cli.output import warn_size_mismatches

    warn_size_mismatches([(f"f{i}.xml", "<size> says 10x10, the image is 20x20") for i in range(5)])
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4 and all(line.startswith("petloc: warning: f") for line in lines[:3])
    assert all("its boxes are used as written" in line for line in lines[:3])
    assert lines[3].startswith("petloc: warning: and 2 more annotations") and "used as written" in lines[3]


def test_a_list_file_line_is_said_on_stderr_but_is_no_image_record(tmp_path, tiny_bundle, capsys):
    # predict --json puts a record in the place of a folder it could not list (images may be missing
    # there); an Oxford list.txt line it could not read is no image: stderr only, each line said.
    root = oxford_layout(tmp_path / "ox", ("Abyssinian_1", "Abyssinian_2"), W, H, voc_name=None, ext=".jpg")
    (root / "annotations" / "list.txt").write_text("Abyssinian_1 1 1 1\nbroken one\nbroken two\n")
    code, out, err = run_cli(capsys, "predict", root, "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [os.path.basename(r["image"]) for r in json_lines(out)] == ["Abyssinian_1.jpg", "Abyssinian_2.jpg"]
    lines = assert_clean_errors(err)
    assert sum("malformed line" in line for line in lines) == 2


def test_a_missing_path_is_said_before_any_model_is_chosen_around_it(tmp_path, capsys, monkeypatch):
    # `petloc predict nothere.jpg` chose a model for the current folder (it read every XML there, and
    # under it) and failed with "no available model knows the classes 19, Birman, ...".
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.xml").write_text(voc_xml("x.png", W, H, [("Birman", (1, 1, 9, 9))]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "predict", "nothere.jpg")
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == ["petloc: nothere.jpg: no such file or folder"]


def test_the_model_is_chosen_for_the_first_path_that_gives_an_image(tmp_path, capsys, monkeypatch):
    # An empty folder or a notes.txt given first chose the model for itself (or the folder around it).
    from petloc_gui.cli import cmd_predict

    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello")
    photos = tmp_path / "photos"
    photos.mkdir()
    _annotated(photos, "a")
    asked = []
    monkeypatch.setattr(cmd_predict, "model_for", lambda spec, paths: asked.append(list(paths)) or "digits")

    class StopError(Exception):
        pass

    def stop(spec):
        raise StopError

    monkeypatch.setattr(cmd_predict, "load_predictor", stop)  # the choice is made: no model need load
    run_cli(capsys, "predict", tmp_path / "empty", tmp_path / "notes.txt", photos)  # ends at StopError
    assert asked == [[photos]]
