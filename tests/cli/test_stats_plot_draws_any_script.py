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


def _fonts_drawing(text, drawn: dict) -> list[str]:
    """The font files the families ``text`` was drawn with resolve to, in their order (each family alone, as
    matplotlib falls back along them character by character)."""
    from matplotlib import font_manager

    [prop] = drawn[text]
    paths = []
    for family in prop.get_family():
        try:
            paths.append(font_manager.findfont(font_manager.FontProperties(family=[family]),
                                               fallback_to_default=False))
        except ValueError:  # a family not installed: matplotlib skips it too
            continue
    return paths


def _has(path: str, character: str) -> bool:
    from matplotlib.ft2font import FT2Font

    return ord(character) in FT2Font(path).get_charmap()


def _plot(capsys, tmp_path, labels, monkeypatch, folder="data"):
    """The stderr of `petloc stats --plot` over one image for each of ``labels``, and each text the figure
    drew with the font properties it was drawn with (as the Agg renderer was given them)."""
    from matplotlib.backends.backend_agg import RendererAgg

    drawn: dict[str, list] = {}
    draw_text = RendererAgg.draw_text

    def recording(self, gc, x, y, s, prop, *args, **kwargs):
        drawn.setdefault(s, []).append(prop.copy())
        return draw_text(self, gc, x, y, s, prop, *args, **kwargs)

    monkeypatch.setattr(RendererAgg, "draw_text", recording)
    data = one_box_each(tmp_path / folder, labels)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's glyph warning is a failure, not a line
        code, _, err = run_cli(capsys, "stats", data, "--plot", tmp_path / "plot.png")
    assert code == 0 and (tmp_path / "plot.png").stat().st_size > 0, err
    return err, drawn


def test_a_cjk_class_is_drawn_with_an_installed_font_that_has_it(tmp_path, capsys, monkeypatch):
    if not _installed_font_draws("猫"):
        pytest.skip("no installed font has 猫")
    err, drawn = _plot(capsys, tmp_path, ["猫", "dog"], monkeypatch)
    assert "warning" not in err and "Glyph" not in err, err
    # the tick label was drawn along families one of which has 猫 (DejaVu Sans alone drew a box)
    fonts = _fonts_drawing("猫", drawn)
    assert any(_has(path, "猫") for path in fonts), fonts
    assert _has(fonts[0], "d")  # matplotlib's own font first: Latin names keep their look


def test_a_class_no_installed_font_draws_is_named_in_one_line(tmp_path, capsys, monkeypatch):
    unknown = "\U0010fffd"  # a private-use code point of plane 16: no font's
    if _installed_font_draws(unknown):
        pytest.skip("an installed font has U+10FFFD")
    err, _ = _plot(capsys, tmp_path, [f"chat{unknown}", "dog"], monkeypatch)
    assert "Glyph" not in err
    [line] = [line for line in err.splitlines() if "warning" in line]
    assert "no installed font draws" in line and "chat" in line and "dog" not in line
    assert "title" not in line and "(U+10FFFD)" in line


def test_a_title_no_installed_font_draws_is_named_and_many_characters_cut(tmp_path, capsys, monkeypatch):
    unknown = [chr(0x10FFF0 + n) for n in range(6)]  # private-use code points of plane 16: no font's
    if any(_installed_font_draws(c) for c in unknown):
        pytest.skip("an installed font has a code point of U+10FFF0..U+10FFF5")
    # the folder's path is in the title; a class holds the other five; six characters, one past the five named
    err, _ = _plot(capsys, tmp_path, ["".join(unknown[1:]), "dog"], monkeypatch, folder=f"data{unknown[0]}")
    [line] = [line for line in err.splitlines() if "warning" in line]
    assert "the title (the folder's path)" in line and "dog" not in line, line
    assert "(U+10FFF0, U+10FFF1, U+10FFF2, U+10FFF3, U+10FFF4 and 1 more)" in line, line
