"""The classes renamed while a folder is open, as the Retrain dialog reads them (ADR 0011): a chain of
renames is one rename, and a class renamed back is none."""

from __future__ import annotations

from petloc_gui.app.session_renames import SessionRenames


def test_a_chain_of_renames_is_one_rename():
    renames = SessionRenames()
    renames.renamed("american_bulldog", "bulldog")
    renames.renamed("bulldog", "bull dog")
    renames.renamed("Bengal", "bengal")
    # the dialog reads this whole record (`WindowHost.session_renames`): the middle name is no key of it
    assert renames.as_dict() == {"american_bulldog": "bull dog", "Bengal": "bengal"}


def test_a_class_renamed_back_is_no_rename():
    renames = SessionRenames()
    renames.renamed("odd", "uneven")
    renames.renamed("uneven", "odd")
    renames.renamed("even", "even")
    assert renames.as_dict() == {}
    copy = renames.as_dict()
    copy["x"] = "y"
    assert renames.as_dict() == {}  # a copy
