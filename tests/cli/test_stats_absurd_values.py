"""`petloc stats` on sizes and boxes near the float maximum: strict JSON, exit 0, readable numbers.
(A <width>1e308</width> once ended `stats --json` with 'Out of range float values are not JSON
compliant', and the table printed `mean inf` and 309-digit numbers.)"""

from __future__ import annotations

import json
import math

import pytest

from petloc_gui.core.stats import format_summary, summarize
from tests.cli.helpers import assert_clean_errors, last_json, run_cli, voc_xml, write_image


def test_an_absurd_size_is_a_missing_size_not_an_infinite_mean(tmp_path, capsys):
    folder = tmp_path / "big"
    folder.mkdir()
    for stem in ("a", "b"):
        write_image(folder / f"{stem}.png", 40, 30)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", "1e308", 30, [("cat", (5, 5, 20, 20))]),
                                            encoding="utf-8")
    for check in ((), ("--no-image-check",)):
        code, out, err = run_cli(capsys, "stats", folder, "--json", *check)
        assert code == 0, err
        assert_clean_errors(err)
        report = last_json(out)
        assert report["image_size"]["width"]["mean"] == 40
        assert report["problem_counts"] == {"missing_size": 2}
        code, out, err = run_cli(capsys, "stats", folder, *check)
        assert code == 0 and "inf" not in out and "1" * 20 not in out and "10000000000" not in out


def test_boxes_of_plus_minus_1e308_without_a_size_give_strict_json(tmp_path, capsys):
    folder = tmp_path / "huge"
    folder.mkdir()
    write_image(folder / "a.png", 40, 30)
    # no usable size and no image found: the boxes cannot be clamped
    (folder / "a.xml").write_text(voc_xml("gone.png", "nan", "nan", [("cat", (-1e308, 5, 1e308, 20))]),
                                  encoding="utf-8")
    (folder / "b.xml").write_text(voc_xml("gone.png", "nan", "nan", [("cat", (1e308, 5, 1.7e308, 20))]),
                                  encoding="utf-8")
    write_image(folder / "b.png", 40, 30)
    code, out, err = run_cli(capsys, "stats", folder, "--json", "--no-image-check")
    assert code == 0, err
    assert_clean_errors(err)
    report = json.loads(out.strip().splitlines()[-1], parse_constant=lambda name: pytest.fail(name))
    assert report["box"]["width"]["count"] == 1  # the infinite width (2e308) is no figure
    assert report["box"]["width"]["max"] == pytest.approx(0.7e308)
    code, out, err = run_cli(capsys, "stats", folder, "--no-image-check")
    (line,) = [line for line in out.splitlines() if line.startswith("box width")]
    assert line.split() == ["box", "width", "px", "mean", "7e+307", "median", "7e+307",
                            "min", "7e+307", "max", "7e+307", "p05-p95", "7e+307-7e+307"]


@pytest.mark.parametrize("values", [[1e308, 1e308], [-1e308, 1e308], [-1.7976931348623157e308, 0.0,
                                    1.7976931348623157e308], [math.inf, 2.0, -math.inf, math.nan]])
def test_every_summary_figure_is_finite(values):
    summary = summarize(values)
    assert summary is not None
    assert all(math.isfinite(value) for value in summary.values()), summary
    json.dumps(summary, allow_nan=False)
    assert "inf" not in format_summary(summary) and "nan" not in format_summary(summary)
    finite = [value for value in values if math.isfinite(value)]
    assert summary["count"] == len(finite)
    assert summary["min"] == min(finite) and summary["max"] == max(finite)


def test_only_non_finite_values_have_no_summary():
    assert summarize([math.inf, math.nan]) is None
    assert format_summary(summarize([math.inf])) == "-"


def test_ordinary_figures_unchanged():
    assert summarize([1, 2, 3, 4]) == {"count": 4, "min": 1.0, "max": 4.0, "mean": 2.5, "std": 1.118,
                                       "median": 2.5, "p05": 1.15, "p95": 3.85}
