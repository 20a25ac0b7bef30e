"""`one_line` (`error`'s line) escaped every bidi isolate, so the pair `core.text.isolated` puts around a Hebrew
name read "\\u2068NAME\\u2069" on stderr. With ``names_isolated`` it keeps exactly the pairs `isolated` can have
made (around a right-to-left name already `visible`) and escapes any other isolate; without it (every other
line, where a name may be put in raw) every isolate is escaped, as before."""

from __future__ import annotations

from petloc_gui.cli.output import error, one_line
from petloc_gui.core.text import isolated

HEBREW = "חתול"


def test_the_isolates_around_an_isolated_name_are_one_line():
    line = f"2 classes ({isolated(HEBREW)}, {isolated('owl')})"
    assert one_line(line, names_isolated=True) == f"2 classes (\u2068{HEBREW}\u2069, owl)"


def test_error_writes_them_as_they_are(capsys):
    error(f"class {isolated(HEBREW)}, then more", names_isolated=True)
    assert capsys.readouterr().err == f"petloc: class \u2068{HEBREW}\u2069, then more\n"


def test_isolates_isolated_cannot_have_made_are_escaped():
    assert one_line(f"a\u2069 {isolated(HEBREW)}", names_isolated=True) == f"a\\u2069 \u2068{HEBREW}\u2069"
    assert one_line(f"\u2068{HEBREW}", names_isolated=True) == f"\\u2068{HEBREW}"  # never closed
    assert one_line("\u2068owl\u2069", names_isolated=True) == "\\u2068owl\\u2069"  # isolated leaves English alone
    # a name put in raw: its override inside the pair is no name `isolated` made
    assert one_line(f"\u2068{HEBREW}\u202e\u2069", names_isolated=True) == f"\\u2068{HEBREW}\\u202e\\u2069"
    # nested: the inner pair is one `isolated` makes, the outer one is not
    assert one_line(f"\u2068\u2068{HEBREW}\u2069\u2069", names_isolated=True) == f"\\u2068\u2068{HEBREW}\u2069\\u2069"


def test_without_names_isolated_every_isolate_is_escaped_as_before():
    assert one_line(f"class {isolated(HEBREW)}") == f"class \\u2068{HEBREW}\\u2069"
    assert one_line("a\tb\n\x1b[2J") == "a b \\x1b[2J"
    assert one_line("", names_isolated=True) == "unknown error"
