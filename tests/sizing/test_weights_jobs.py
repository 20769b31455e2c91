"""Memory for work on a model's files: converting and merging read the full-precision weights whole (two bytes a
parameter for 16-bit checkpoints, four when 32-bit floats are written); llama.cpp's quantizer streams a GGUF.

Measured figures the arithmetic is checked against (threads' own numbers):
- ml-explore/mlx-examples#92: converting Mixtral 8x7B (46.7B parameters) for MLX "only uses max about 100GB".
- huggingface/transformers#24946: converting Llama 2 70B to the HF format "needs 140GB of memory".
"""

from __future__ import annotations

import pytest

from assistant.sizing import weights_job_memory


def test_a_conversion_reads_the_16_bit_weights_whole():
    job = weights_job_memory("convert", 13e9)
    assert job.gb == pytest.approx(26.0)
    assert job.bytes_per_param == 2
    assert "13.0B parameters x 2 bytes" in job.working


def test_writing_32_bit_floats_doubles_it():
    assert weights_job_memory("convert", 8e9, f32=True).gb == pytest.approx(32.0)


def test_a_merge_needs_the_same_16_bit_weights():
    assert weights_job_memory("merge", 34e9).gb == pytest.approx(68.0)


def test_a_streaming_quantizer_has_no_whole_model_figure():
    job = weights_job_memory("quantize", 65e9, streams=True)
    assert job.gb is None
    assert job.working == ""


def test_no_size_known_gives_no_figure():
    assert weights_job_memory("convert", None).gb is None


@pytest.mark.parametrize(
    ("params", "measured_gb"),
    [(46.7e9, 100.0), (69e9, 140.0)],  # mlx-examples#92, transformers#24946
)
def test_within_a_quarter_of_measured_conversions(params, measured_gb):
    assert 0.75 * measured_gb <= weights_job_memory("convert", params).gb <= 1.25 * measured_gb
