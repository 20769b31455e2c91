"""A serving engine's split given as a setting sets the GPUs the model runs on (issue 9, session 17): vLLM /
SGLang `--tensor-parallel-size` (`-tp`), TGI `--num-shard`, times `--pipeline-parallel-size` when said — not the
node's whole GPU count; and memory seen "on each GPU" is a reading, not a card's size. Phrasings in no evaluation
set."""

from __future__ import annotations

from assistant.understanding import asks_engine_memory


def test_tensor_parallel_size_is_the_count_of_gpus_used(read):
    assert (
        read(
            "box has 8 A100s; vllm serve qwen2.5 32b --tensor-parallel-size 4, memory per gpu?"
        ).details.gpu_count
        == 4
    )
    assert read("sglang -tp 2 on two L40S for llama 3.1 70b awq, fits?").details.gpu_count == 2
    assert read("text-generation-inference --num-shard 4 for mixtral on A10G cards").details.gpu_count == 4


def test_pipeline_size_multiplies_and_no_size_leaves_the_count(read):
    assert (
        read("vllm with tensor parallel size of 2 and --pipeline-parallel-size 2 on 4090s").details.gpu_count
        == 4
    )
    assert read("three 3090s running llama 3 70b in vllm").details.gpu_count == 3


def test_memory_seen_on_each_gpu_is_a_reading():
    assert asks_engine_memory("started vllm with tp 2 and now it sits at 29GB on each of the gpus, why?")
    assert asks_engine_memory("sglang shows 70 GB on both cards for a 7b model")
    assert not asks_engine_memory("will vllm need 20GB on each gpu for llama 3 8b?")
