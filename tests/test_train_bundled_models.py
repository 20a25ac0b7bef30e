"""The bundled-model recipe's self-training record and its round options (benchmarks/train_bundled_models.py)."""

from __future__ import annotations

import pytest

from tests.benchmark_modules import load_benchmark

train_bundled_models = load_benchmark("train_bundled_models")


def test_one_round_names_the_edge_head_teacher_and_no_later_ones():
    record = train_bundled_models.self_training_record([232])
    assert record["rounds"] == 1 and record["pseudo_kept_per_round"] == [232]
    assert record["teacher"].startswith("the edges-head cascade")
    assert "first_teacher" not in record and "later_teachers" not in record
    assert record["pseudo_labelled"].startswith("232 photos")


def test_two_rounds_name_the_student_that_taught_the_shipped_one():
    record = train_bundled_models.self_training_record([227, 251])
    assert record["rounds"] == 2
    assert record["teacher"].startswith("round 1's student cascade")
    assert record["first_teacher"].startswith("the edges-head cascade")
    assert record["pseudo_labelled"].startswith("251 photos (last round)")


@pytest.mark.parametrize("argv", [
    ["--only", "pets", "--pets-self-training-rounds", "0"],
    ["--only", "pets", "--pets-self-training-rounds", "2", "--pets-no-self-training"],
    ["--only", "pets", "--pets-self-training-rounds", "1", "--pets-first-stage", "somewhere"],
])
def test_round_options_that_cannot_mean_anything_are_refused_before_any_training(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        train_bundled_models.main(argv)
    assert stopped.value.code == 2
    assert "--pets-self-training-rounds" in capsys.readouterr().err


def test_train_pets_refuses_zero_rounds_before_reading_any_data(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        train_bundled_models.train_pets(tmp_path, None, rounds=0)
