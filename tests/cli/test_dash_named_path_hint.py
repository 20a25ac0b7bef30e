"""A DATA or PATH whose name starts with `-` (a real folder `-dd`) reads to argparse as an option:
`petloc stats -dd` said "the following arguments are required: DATA" and `petloc predict a.png -x.png`
"unrecognized arguments: -x.png", neither saying why nor how to name it. The error now says that the name
looks like an option and how to give it (./-dd, or -- before it)."""

from __future__ import annotations

from tests.cli.helpers import assert_clean_errors, run_cli


def test_a_folder_named_with_a_dash_is_said_with_the_way_to_name_it(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-dd").mkdir()
    code, out, err = run_cli(capsys, "stats", "-dd")
    lines = assert_clean_errors(err)
    assert code == 2 and out == ""
    assert lines[0].startswith("petloc: the following arguments are required: DATA")
    hint = lines[1]
    assert "-dd" in hint and "./-dd" in hint and "--" in hint
    assert lines[-1].startswith("petloc: usage: petloc stats")


def test_an_unrecognized_dash_file_gets_the_hint(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-x.png").write_bytes(b"")
    code, _, err = run_cli(capsys, "predict", "good.png", "-x.png", "--model", "digits")
    lines = assert_clean_errors(err)
    assert code == 2
    assert lines[0].startswith("petloc: unrecognized arguments: -x.png")
    assert "./-x.png" in lines[1]


def test_an_unknown_option_that_names_nothing_gets_no_hint(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "stats", "data", "--bogus")
    assert code == 2 and len(assert_clean_errors(err)) == 2 and "./" not in err


def test_a_dash_path_after_double_dash_is_not_hinted(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-dd").mkdir()
    code, _, err = run_cli(capsys, "stats", "--bogus", "--", "-dd")
    assert code == 2 and "./-dd" not in err


def test_a_negative_number_argparse_read_as_a_value_gets_no_hint(tmp_path, monkeypatch, capsys):
    # `-1` was read as DATA (argparse takes a negative number for a value); a later usage error said "-1 looks
    # like an option" when a folder of that name was there
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-1").mkdir()
    code, _, err = run_cli(capsys, "stats", "-1", "--bogus")
    assert code == 2, err
    assert "unrecognized arguments: --bogus" in err
    assert "looks like an option" not in err, err
