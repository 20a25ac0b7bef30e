"""The training throughput benchmark's round-by-round ratios (benchmarks/train_throughput.py)."""

from __future__ import annotations

import pytest

from tests.benchmark_modules import load_benchmark

train_throughput = load_benchmark("train_throughput")


def test_round_ratios_pair_each_pipeline_measurement_with_the_ceiling_of_its_own_round():
    by_round = [
        {"ceiling": 300.0, "pipeline": 240.0},  # 0.8
        {"ceiling": 400.0, "pipeline": 360.0},  # 0.9: an unusually fast round moves only itself
        {"ceiling": 250.0},  # the pipeline left out: no pair
        {"pipeline": 100.0},  # a make-up round without a ceiling: no pair
    ]
    assert train_throughput.round_ratios(by_round, "pipeline") == pytest.approx([0.8, 0.9])
    assert train_throughput.round_ratios(by_round, "cached") == []


def test_the_normal_priority_arm_switches_the_input_threads_off_for_its_measurement_only():
    from petloc_gui.model import input_threads

    set_to = input_threads.INPUT_THREAD_NICE_INCREMENT
    with train_throughput.input_thread_priority(normal=True):
        assert input_threads.INPUT_THREAD_NICE_INCREMENT is None
    assert set_to == input_threads.INPUT_THREAD_NICE_INCREMENT
    with train_throughput.input_thread_priority(normal=False):
        assert set_to == input_threads.INPUT_THREAD_NICE_INCREMENT
    by_round = [{"pipeline": 330.0, "normal_priority": 300.0}, {"pipeline": 280.0}]
    assert train_throughput.round_ratios(by_round, "pipeline", "normal_priority") == pytest.approx([1.1])
