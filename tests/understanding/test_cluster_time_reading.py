"""Compute and clusters told in figures: GPU-hours ("1.3M GPU hours", "40k A100-hours"), a cluster of any size
("24K GPUs (24576 exactly)", "16,384 H100s") and a wall-clock time ("only 53 hours", "for 3 days"). Phrasings
here are in no evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._cluster_time import cluster_gpus, stated_gpu_hours, stated_wall_hours


@pytest.mark.parametrize(
    ("text", "gpu_hours"),
    [
        ("the 70B run was 6.4 million GPU hours", 6.4e6),
        ("about 40k a100-hours in total", 40e3),
        ("it reportedly used 2,500,000 H100 hrs", 2.5e6),
        ("needs 1000 gpu-hours", 1000.0),
        ("how many gpu hours does it take?", None),  # asked, not stated
        ("it costs $2 per GPU hour", None),  # a price, not an amount of compute
    ],
)
def test_gpu_hours_are_read_with_their_scale(text, gpu_hours):
    assert stated_gpu_hours(text) == gpu_hours


@pytest.mark.parametrize(
    ("text", "gpus"),
    [
        ("their cluster has 32K GPUs (32768 to be exact)", 32768),  # the exact figure beside the rounded one
        ("on 16,384 H100s", 16384),
        ("with 4x A100 80GB", 4),
        ("on 2048 accelerators", 2048),
        ("an 8192-GPU cluster", 8192),
        ("6.4M H100-hours", None),  # the compute figure is no count of GPUs
    ],
)
def test_a_cluster_of_any_size_is_read(text, gpus):
    assert cluster_gpus(text) == gpus


def test_a_wall_clock_time_is_never_the_gpu_hours_figure():
    assert stated_wall_hours("1.3M GPU hours, so only 53 hours on the whole cluster?") == 53
    assert stated_wall_hours("we ran it for two weeks".replace("two", "2")) == 24 * 14
    assert stated_wall_hours("1.3M GPU hours on 16k GPUs") is None
    assert stated_wall_hours("it finished in 45 minutes on 8 A100s") == 0.75
    assert stated_wall_hours("a 3 month run") == 24 * 365 / 12 * 3
    assert stated_wall_hours("so about a month of training?") == 24 * 365 / 12


def test_the_figures_reach_the_details_and_do_not_carry_into_a_follow_up(read):
    details = read("the 405B took 30.8M GPU hours; on sixteen thousand GPUs how many days is that?").details
    assert details.stated_gpu_hours == 30.8e6 and details.cluster_gpus == 16000
    later = read(
        "the 405B took 30.8M GPU hours; on sixteen thousand GPUs how many days is that?",
        "and how much memory does it need to serve?",
    ).details
    assert later.stated_gpu_hours is None and later.cluster_gpus is None
