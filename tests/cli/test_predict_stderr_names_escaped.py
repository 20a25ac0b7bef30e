"""`petloc predict` names a file on stderr with a tab or newline in its name escaped (``x\\x0ay.png``), as
its --json record escapes it: `error` collapses a message's whitespace to one line, so
`x<newline>y.png` was said as `nl/x y.png`, a file that does not exist (docs/cli.md "Names shown")."""

from __future__ import annotations

import pytest

from tests.cli.helpers import RED, json_lines, run_cli, voc_xml, write_image


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_file_that_is_no_image_is_named_escaped(here, capsys):
    (here / "nl").mkdir()
    (here / "nl/x\ny.png").write_bytes(b"not an image at all")
    (here / "nl/x y.png").write_bytes(b"not an image either")  # the name the collapsed line gave
    code, out, err = run_cli(capsys, "predict", "nl/x\ny.png", "--json")
    assert code == 1
    assert [record["image"] for record in json_lines(out)] == ["nl/x\ny.png"]
    lines = [line for line in err.splitlines() if "not an image file" in line]
    assert len(lines) == 1 and lines[0].startswith("petloc: nl/x\\x0ay.png: not an image file"), err


def test_an_image_given_twice_is_named_escaped(here, tiny_bundle, capsys):
    write_image(here / "tab\there.png", 40, 30, RED)
    code, out, err = run_cli(capsys, "predict", "tab\there.png", "./tab\there.png", "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == ["tab\there.png"]
    assert "(tab\\x09here.png)" in err, err


def test_an_image_that_cannot_be_read_is_named_escaped(here, tiny_bundle, capsys):
    (here / "dt").mkdir()
    write_image(here / "dt/ok.png", 40, 30, RED)
    (here / "dt/bro\nken.jpg").write_bytes(b"\xff\xd8 this is not really a jpeg")
    code, out, err = run_cli(capsys, "predict", "dt", "--model", tiny_bundle, "--json")
    assert code == 0, err
    broken = [record for record in json_lines(out) if "error" in record]
    assert [record["image"] for record in broken] == ["dt/bro\nken.jpg"]
    lines = [line for line in err.splitlines() if "ken.jpg" in line]
    assert len(lines) == 1 and lines[0].startswith("petloc: dt/bro\\x0aken.jpg: "), err


def test_a_folders_index_problem_names_the_sub_folder_escaped(here, tiny_bundle, capsys):
    (here / "sub").mkdir()
    write_image(here / "sub/d.png", 40, 30, RED)
    (here / "elsewhere").mkdir()
    (here / "sub/link\ted").symlink_to(here / "elsewhere", target_is_directory=True)
    code, _, err = run_cli(capsys, "predict", "sub", "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert "petloc: sub/link\\x09ed: symbolic link to a folder not followed" in err, err


def test_the_write_voc_summary_names_files_escaped(here, tiny_bundle, capsys):
    # a placeholder left untouched (`info` kept the newline: the summary broke over two lines) and an
    # image whose annotation file is another image's (said as a space)
    write_image(here / "pla\nce.png", 40, 30, RED)
    (here / "pla\nce.xml").write_text(voc_xml("pla\nce.png", 40, 30, []), encoding="utf-8")
    write_image(here / "pho\tto.jpg", 40, 30, RED)
    write_image(here / "pho\tto.png", 40, 30, RED)
    code, _, err = run_cli(capsys, "predict", ".", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert f"{here / 'pla'}\\x0ace.xml; to pre-label its image" in err, err
    shared = [line for line in err.splitlines() if "wrote no pre-label for" in line]
    assert len(shared) == 1 and "./pho\\x09to.png" in shared[0] and "pho\\x09to.jpg" in shared[0], err
