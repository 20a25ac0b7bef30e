"""`petloc stats --plot` with class names outside DejaVu Sans (CJK): drawn with an installed font that has
them, not as boxes with matplotlib's raw "Glyph 29483 (...) missing from font(s) DejaVu Sans" said twice; a
name no installed font draws is named in one warning line of petloc's own."""

from __future__ import annotations

import warnings

import pytest

from tests.cli.helpers import one_box_each, run_cli

pytest.importorskip("matplotlib")


def _installed_font_draws(character: str) -> bool:
    """Whether a font matplotlib knows (its placeholder font aside) has ``character``, read here on its own."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    for entry in font_manager.fontManager.ttflist:
        if entry.name.startswith("Last Resort"):
            continue
        try:
            if ord(character) in FT2Font(entry.fname).get_charmap():
                return True
        except (OSError, RuntimeError):
            continue
    return False


def _plot(capsys, tmp_path, labels):
    data = one_box_each(tmp_path / "data", labels)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's glyph warning is a failure, not a line
        code, _, err = run_cli(capsys, "stats", data, "--plot", tmp_path / "plot.png")
    assert code == 0 and (tmp_path / "plot.png").stat().st_size > 0, err
    return err


def test_a_cjk_class_is_drawn_with_an_installed_font_that_has_it(tmp_path, capsys):
    if not _installed_font_draws("猫"):
        pytest.skip("no installed font has 猫")
    err = _plot(capsys, tmp_path, ["猫", "dog"])
    assert "warning" not in err and "Glyph" not in err, err


def test_a_class_no_installed_font_draws_is_named_in_one_line(tmp_path, capsys):
    unknown = "\U0010fffd"  # a private-use code point of plane 16: no font's
    if _installed_font_draws(unknown):
        pytest.skip("an installed font has U+10FFFD")
    err = _plot(capsys, tmp_path, [f"chat{unknown}", "dog"])
    assert "Glyph" not in err
    [line] = [line for line in err.splitlines() if "warning" in line]
    assert "no installed font draws" in line and "chat" in line and "dog" not in line
