"""The `petloc stats --plot` figure: histograms of a DatasetStats, as one PNG."""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path

from petloc_gui.cli.output import error
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.stats import DatasetStats
from petloc_gui.core.text import counted, isolated, visible

# matplotlib's own warning of a character its fonts lack, said at each drawing of the text (twice a plot)
_GLYPH_MISSING = r"Glyph \d+ .* missing from font"
# matplotlib's last-resort font maps every code point to a placeholder box: it "covers" a name it cannot draw
_PLACEHOLDER_FONTS = ("Last Resort",)


class PlotUnavailableError(Exception):
    """matplotlib is not installed, so no figure can be drawn."""


NOT_INSTALLED = ("--plot needs matplotlib, which is not installed (pip install matplotlib); statistics were still "
                 "computed")


def _pyplot():
    try:
        import matplotlib

        # No display needed, and never a Qt backend from the CLI.
        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise PlotUnavailableError(NOT_INSTALLED) from exc
    return plt


def _font_modules():
    """matplotlib's font_manager, ft2font and rcParams (matplotlib is optional: not a dependency of petloc)."""
    try:
        from matplotlib import font_manager, ft2font, rcParams
    except ImportError as exc:
        raise PlotUnavailableError(NOT_INSTALLED) from exc
    return font_manager, ft2font, rcParams


def write_stats_plot(stats: DatasetStats, out: str | Path) -> None:
    """Draw class balance, box size/area/centre and image size histograms to `out` (PNG, atomic; its
    missing folders made)."""
    plt = _pyplot()
    title = f"{stats.root}: {counted(stats.n_images, 'image')}, {stats.n_annotated} annotated"
    ticks = {name: _tick(name) for name in stats.first_object_class_counts}
    families, undrawn = _font_families([title, *ticks.values()])
    # matplotlib (>= 3.6) falls back per character along font.family: CJK class names were drawn as boxes in
    # DejaVu Sans, with matplotlib's raw "Glyph 29483 (...) missing" warning twice, though a font drawing them
    # (Droid Sans Fallback) was installed
    with plt.rc_context({"font.family": families}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_GLYPH_MISSING)  # said once, in words, below
        fig, axes = plt.subplots(2, 3, figsize=(15, 9))
        try:
            _draw(stats, axes)
            fig.suptitle(title)
            fig.tight_layout()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=80)
        finally:
            plt.close(fig)
    _say_undrawn(undrawn, title, ticks)
    # its folder is made, as train makes --out and export its targets' folders (made once the figure is
    # drawn: a missing matplotlib leaves no empty folder behind)
    folder = Path(out).parent
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, f"{folder} is not a folder", str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # "Permission denied" alone did not say which folder
        raise OSError(exc.errno, f"cannot make the folder {exc.filename or folder}: {exc.strerror or exc}") from exc
    atomic_write_bytes(out, buffer.getvalue())


def _draw(stats: DatasetStats, axes) -> None:
    values = stats.values
    counts = stats.first_object_class_counts
    ax = axes[0][0]
    names = natural_order(counts)  # as the table lists them: class2 before class10
    ax.bar(range(len(names)), [counts[n] for n in names], color="tab:blue")
    ax.set_xticks(range(len(names)), [_tick(n) for n in names], rotation=45, ha="right", fontsize=8)
    ax.set_title("class balance (first object per image)")

    _hist(axes[0][1], [values["box_width"], values["box_height"]], ["width", "height"], "box size (px)")
    _hist(axes[0][2], [values["box_rel_area"]], ["area / image area"], "box relative area")

    ax = axes[1][0]
    if values["box_center_x"]:
        ax.hist2d(values["box_center_x"], values["box_center_y"], bins=20, range=[[0, 1], [0, 1]], cmap="Blues")
        ax.invert_yaxis()  # image coordinates: y grows downwards
    ax.set_title("box centre (relative; image top-left at origin)")
    ax.set_xlabel("x")
    ax.set_ylabel("y")

    _hist(axes[1][1], [values["image_width"], values["image_height"]], ["width", "height"], "image size (px)")

    ax = axes[1][2]
    per_file = stats.objects_per_annotation
    keys = sorted(per_file)
    ax.bar([str(k) for k in keys], [per_file[k] for k in keys], color="tab:green")
    ax.set_title("objects per annotation file")


def _font_families(texts: list[str]) -> tuple[list[str], set[str]]:
    """The font families to draw ``texts`` with: matplotlib's own, then each installed font needed for a
    character it lacks (the first found to have it); and the characters no installed font has."""
    font_manager, _, rc_params = _font_modules()
    own = list(rc_params["font.family"])
    missing = {c for text in texts for c in text if not c.isspace()}
    missing -= _characters(font_manager.findfont(font_manager.FontProperties(family=own)))
    families: list[str] = []
    for entry in font_manager.fontManager.ttflist:
        if not missing:
            break
        if entry.name in families or entry.name.startswith(_PLACEHOLDER_FONTS) or entry.style != "normal":
            continue
        covered = missing & _characters(entry.fname)
        if covered:
            families.append(entry.name)
            missing -= covered
    return own + families, missing


@functools.cache
def _characters(path: str) -> frozenset[str]:
    """The characters the font file at ``path`` has a glyph for (none when it cannot be read)."""
    ft2font = _font_modules()[1]
    try:
        return frozenset(map(chr, ft2font.FT2Font(path).get_charmap()))
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _say_undrawn(undrawn: set[str], title: str, ticks: dict[str, str]) -> None:
    """One warning line naming what no installed font draws (the classes, the title), in place of matplotlib's."""
    if not undrawn:
        return
    names = [isolated(name) for name in natural_order(ticks) if undrawn & set(ticks[name])]
    if undrawn & set(title):
        names.append("the title (the folder's path)")
    shown = sorted(undrawn)
    characters = ", ".join(f"U+{ord(c):04X}" for c in shown[:5])
    if len(shown) > 5:
        characters += f" and {len(shown) - 5} more"
    error(f"warning: no installed font draws {', '.join(names)} in the plot ({characters}): boxes in their place; "
          "install a font that has those characters", names_isolated=True)


def _tick(name: str, limit: int = 30) -> str:
    """A class name as an axis label: escaped, and short enough to leave room for the plot."""
    text = visible(name)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _hist(ax, series: list[list[float]], labels: list[str], title: str) -> None:
    drawn = False
    for data, label in zip(series, labels, strict=True):
        if data:
            ax.hist(data, bins=30, alpha=0.6, label=label)
            drawn = True
    if drawn and len(labels) > 1:
        ax.legend()
    if not drawn:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(title)
