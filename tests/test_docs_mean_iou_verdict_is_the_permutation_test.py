"""README and ADR 0010 say what the mean IoU verdict rests on: the paired sign-flip permutation test
(`core.paired_stats.sign_flip_p`), not the bootstrap interval. Before, README said the verdict was "a bootstrap
interval of the mean IoU change that lies beyond ±0.0005", and the ADR did not record the rule."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core import paired_stats

ROOT = Path(__file__).resolve().parents[1]


def _one_line(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


def test_readme_names_the_test_the_verdict_rests_on():
    readme = _one_line(ROOT / "README.md")
    assert "a bootstrap interval of the mean IoU change that lies beyond" not in readme
    assert "paired sign-flip permutation test of the image-by-image IoU changes, at 5% two-sided" in readme
    assert paired_stats.ALPHA == 0.05 and paired_stats.SAME_IOU == 0.0005  # the figures it quotes


def test_adr_0010_records_the_rule_and_why():
    adr = _one_line(ROOT / "docs" / "adr" / "0010-model-choice-and-honest-retraining.md")
    (amendment,) = [part.split("*Amended (")[0] for part in adr.split("*Amended (thirty-fourth session):*")[1:]
                    if "permutation" in part.split("*Amended (")[0]]
    assert "`core.paired_stats.sign_flip_p`" in amendment and callable(paired_stats.sign_flip_p)
    assert "p = 0.125" in amendment and "9.4%" in amendment  # why: the audit's cases
    assert f"up to {paired_stats.SIGN_FLIPS_EXACT} changed images" in amendment
    assert f"{paired_stats.SIGN_FLIP_DRAWS:,} random patterns" in amendment
