"""Machines written as a count of GPU-times-N boxes ("2 H100*8 machines", "three 8xA100 nodes") are read as the
GPUs they hold, so a multi-node deployment is sized on all of them, not on the machine count. Phrasings in no
evaluation set."""

from __future__ import annotations

import pytest

from assistant.understanding._nodes import spell_nodes


@pytest.mark.parametrize(
    ("question", "spelled"),
    [
        ("we rent 3 A100*8 servers for serving", "we rent 24x A100 for serving"),
        ("serve it across two 8xH200 nodes?", "serve it across 16x H200?"),
        ("4 H100x8 machines enough for 405B at bf16?", "32x H100 enough for 405B at bf16?"),
    ],
)
def test_machines_shaped_gpu_times_n(question, spelled):
    assert spell_nodes(question) == spelled


def test_a_count_of_machines_without_their_shape_is_left_alone():
    assert spell_nodes("two 4090 machines on the LAN") == "two 4090 machines on the LAN"


def test_the_whole_cluster_is_the_gpu_count(read):
    details = read("could DeepSeek-V3 in fp8 run on 2 H200*8 machines with sglang?").details
    assert details.gpus[0] == "H200" and details.gpu_count == 16
