"""`petloc predict` names each image as the user gave it (docs/cli.md: "the path as given"): the round
trip through Path made `./-dash/x.png` into `-dash/x.png`, a record a later `xargs` or `cp "$f"` reads
as an option, and `dt//x.png`, `dt/./x.png` into `dt/x.png`, so records no longer matched the input
list. A file found in a folder PATH is that PATH, as given, joined with its path inside it."""

from __future__ import annotations

import pytest

from tests.cli.helpers import RED, json_lines, run_cli, write_image


@pytest.fixture
def here(tmp_path, monkeypatch):
    for path in ("-dash/a.png", "dt/b.png", "dt/c.png", "sub/d.png", "sub/deeper/e.png"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        write_image(tmp_path / path, 40, 30, RED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_files_keep_the_text_given(here, tiny_bundle, capsys):
    given = ["./-dash/a.png", "dt//b.png", "./dt/./c.png", "nonexist/./x.png"]
    code, out, err = run_cli(capsys, "predict", *given, "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == given
    assert "petloc: nonexist/./x.png: no such file or folder" in err.splitlines()


def test_a_folders_files_are_named_from_the_folder_as_given(here, tiny_bundle, capsys):
    code, out, err = run_cli(capsys, "predict", "./sub//", "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == ["./sub//d.png", "./sub//deeper/e.png"]


def test_a_file_given_twice_is_named_as_given_first(here, tiny_bundle, capsys):
    code, out, err = run_cli(capsys, "predict", "--model", tiny_bundle, "--", "./-dash/a.png", "-dash")
    assert code == 0, err
    assert [line.split("  ")[0] for line in out.splitlines()] == ["./-dash/a.png"]


def test_a_folders_problems_on_stderr_name_it_as_given_too(here, tiny_bundle, capsys):
    # stdout named "./sub//deeper/x.heic" while stderr named the folder by its absolute path
    (here / "sub/deeper/x.heic").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    (here / "sub/linked").symlink_to(here / "dt", target_is_directory=True)
    code, out, err = run_cli(capsys, "predict", "./sub//", "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == ["./sub//d.png", "./sub//deeper/e.png",
                                                               "./sub//deeper/x.heic", "./sub//linked"]
    assert err.splitlines() == [
        "petloc: ./sub//linked: symbolic link to a folder not followed; open the folder it points to directly",
        "petloc: ./sub//deeper: 1 file not read (x.heic): HEIC is not supported; convert it to JPEG or PNG"]
