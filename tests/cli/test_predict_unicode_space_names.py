"""`petloc predict` names a file holding a no-break space (U+00A0) with it escaped (``x\\xa0y.png``), on
stderr and stdout: shown raw it reads as a plain space, and `error`'s collapsing of whitespace made it
one, so the line named `x y.png`, another file (docs/cli.md "Names shown")."""

from __future__ import annotations

import pytest

from petloc_gui.cli.output import one_line
from petloc_gui.core.text import visible
from tests.cli.helpers import RED, json_lines, run_cli, write_image


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_file_that_is_no_image_is_named_with_its_no_break_space_escaped(here, capsys):
    (here / "nb").mkdir()
    (here / "nb/x\xa0y.png").write_bytes(b"not an image at all")
    (here / "nb/x y.png").write_bytes(b"not an image either")  # the name the plain-space line gave
    code, out, err = run_cli(capsys, "predict", "nb/x\xa0y.png", "--json")
    assert code == 1
    assert [record["image"] for record in json_lines(out)] == ["nb/x\xa0y.png"]  # JSON: the exact value
    lines = [line for line in err.splitlines() if "not an image file" in line]
    assert len(lines) == 1 and lines[0].startswith("petloc: nb/x\\xa0y.png: not an image file"), err


def test_a_predicted_image_is_named_with_its_no_break_space_escaped_on_stdout(here, tiny_bundle, capsys):
    write_image(here / "no\xa0break.png", 40, 30, RED)
    code, out, err = run_cli(capsys, "predict", "no\xa0break.png", "--model", tiny_bundle)
    assert code == 0, err
    assert "no\\xa0break.png" in out and "\xa0" not in out, out


@pytest.mark.parametrize(("space", "escaped"), [("\xa0", "\\xa0"), ("\u2009", "\\u2009"), ("\u202f", "\\u202f"),
                                              ("\u3000", "\\u3000"), ("\u2028", "\\u2028")])
def test_unicode_spaces_are_escaped_and_a_plain_one_is_kept(space, escaped):
    assert visible(f"a{space}b c") == f"a{escaped}b c"


def test_one_line_keeps_a_no_break_space_for_visible_to_escape():
    # a message that names a file raw (an exception's text): collapsing str.split()'s whitespace made the
    # no-break space a plain one before it could be escaped
    assert one_line("cannot read\n nb/x\xa0y.png:\tgone ") == "cannot read nb/x\\xa0y.png: gone"
