"""`petloc predict --help`'s examples work for someone who installed the wheel: the last one pre-labelled
`../shared/data/oxford-pets-3breeds`, a folder beside a development checkout only."""

from __future__ import annotations

from petloc_gui.cli import cmd_predict


def test_the_predict_examples_need_no_checkout():
    examples = cmd_predict.EPILOG.split("examples:", 1)[1]
    assert "../shared" not in examples
    assert "--write-voc" in examples  # the pre-label example is still there
