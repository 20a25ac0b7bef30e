"""meta.json's reproducibility note said "the same data, seed, settings and parent model give the same weights"
while a two-worker run's figures differ from a one-worker run's of the same seed (each worker builds its share
of each batch from its own files; BatchNorm is synchronised only under multiworker): the number of workers is
one of the settings, and the note says so."""

from __future__ import annotations

from petloc_gui.model.determinism import reproducibility_record


def test_the_deterministic_note_names_the_number_of_workers_as_a_setting():
    note = reproducibility_record(True)["note"]
    assert "the number of workers is one of the settings" in note
    assert "a two-worker run's weights and figures differ from a one-worker run's" in note
