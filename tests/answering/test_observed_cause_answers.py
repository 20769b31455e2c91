"""What a user sees in memory, answered by its cause first: PyTorch's caching allocator against nvidia-smi, the
optimizer's state created at the first step, Ollama's keep-alive, weights loaded in fp32, and a batching server's
start-up share of a card told only by its memory. Real components; phrasings in no evaluation set."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_torch_against_nvidia_smi_is_the_allocator_with_the_gap(assistant):
    a = checked_answer(
        assistant,
        "training resnet, torch.cuda.memory_allocated() prints 4 GB but nvidia-smi says 15 GB. is that a bug?",
    )
    assert a.first_line.startswith("**No, not a bug**"), a.first_line
    assert "caching allocator" in a.first_line and "11.0 GB" in a.first_line
    assert "max_memory_allocated" in a.draft and "empty_cache" in a.draft


def test_which_reading_is_real_opens_with_both(assistant):
    a = checked_answer(
        assistant,
        "fine-tuning mistral 7b with lora: nvidia-smi 21 GB, torch allocated 12 GB. which one is right?",
    )
    assert a.first_line.startswith("**Both are real"), a.first_line


def test_a_jump_at_the_first_optimizer_step_is_adams_state(assistant):
    a = checked_answer(
        assistant,
        "full finetune of llama 3 8b, memory spikes by ~60GB as soon as the first optimizer step runs. memory leak?",
    )
    assert a.first_line.startswith("**No, not a leak**"), a.first_line
    assert "optimizer.step()" in a.first_line and "8 bytes" in a.first_line
    assert "64.2 GB" in a.first_line  # 8.03B parameters x 8 bytes


def test_ollama_still_holding_the_model_is_keep_alive(assistant):
    a = checked_answer(
        assistant, "why does ollama keep using my vram after the chat with qwen2.5 7b is done?"
    )
    assert "keep_alive" in a.first_line and "5 minutes" in a.first_line, a.first_line
    assert "OLLAMA_KEEP_ALIVE" in a.first_line


def test_a_reading_that_is_the_weights_in_fp32_says_so(assistant):
    a = checked_answer(
        assistant,
        "Loading Mistral 7B with from_pretrained (no dtype given) and it occupies 29 GB on my A6000. why so much?",
    )
    assert "fp32" in a.first_line and "x 4 bytes" in a.first_line, a.first_line
    assert "torch_dtype" in a.first_line


def test_a_server_share_of_a_card_told_by_its_memory(assistant):
    a = checked_answer(
        assistant,
        "my server has GPUs with 48 GB each; vllm serve for qwen2.5 7b shows 43 GB used on each. why that much?",
    )
    assert "gpu-memory-utilization" in a.draft
    assert "43.2 GB" in a.first_line and "the 43 GB you see" in a.first_line, a.first_line


def test_zero2_against_zero3_says_what_each_stage_shards(assistant):
    a = checked_answer(
        assistant,
        "full fine-tune of qwen2.5 72b on 8 h100: zero-2 runs out of memory right away, zero-3 trains at 60 GB per "
        "gpu. is that difference expected?",
    )
    # the per-GPU figure of each stage, sized by the plan, stays first; what each stage shards comes right after
    assert a.first_line.startswith("**Yes**") and "expected" in a.first_line, a.first_line
    second = a.draft.split("\n\n")[1]
    assert "only stage 3 the 16-bit weights" in second
    assert "ZeRO-2 cannot fit an 80 GB card" in second
    assert "activations" in second


def test_zero_stages_on_a_model_read_for_inference_lead_with_what_each_shards(assistant):
    a = checked_answer(
        assistant,
        "deepspeed stage2.json OOMs for llama 2 70b on 8x a100 80gb but stage3.json runs at 12G per gpu. expected?",
    )
    assert a.first_line.startswith("**Yes, expected**"), a.first_line
    assert "only stage 3 the 16-bit weights" in a.first_line


def test_a_higher_stage_using_more_on_a_small_model_names_the_buffers(assistant):
    a = checked_answer(
        assistant,
        "deepspeed zero3 takes more memory per gpu than zero1 when I fine-tune gpt2 on 4 gpus, why?",
    )
    assert "reduce_bucket_size" in a.draft and "stage3_max_live_parameters" in a.draft, a.draft


def test_more_than_the_share_is_cuda_graphs(assistant):
    a = checked_answer(
        assistant,
        "why is vllm exceeding gpu_memory_utilization=0.8 on my L40S by about 3 GB according to nvtop?",
    )
    assert a.first_line.startswith("**That extra is CUDA graphs:**"), a.first_line
    assert "--enforce-eager" in a.first_line


def test_a_mac_swapping_leads_with_the_gpu_wired_limit(assistant):
    a = checked_answer(
        assistant,
        "mistral small 24b q4 in mlx on my 16gb m4 mac mini and the whole machine is swapping, why?",
    )
    assert "recommendedMaxWorkingSetSize" in a.first_line, a.first_line
    assert "The warning" not in a.first_line  # no warning was quoted: the swapping is what was seen


def test_parallel_slots_to_serve_people_on_a_big_mac_is_the_kv_per_slot(assistant):
    a = checked_answer(
        assistant,
        "ollama on a mac studio m2 ultra 192GB, set NUM_PARALLEL=8 so the office can use it and memory keeps "
        "climbing. any tips to use the hardware well?",
    )
    assert "num_ctx x OLLAMA_NUM_PARALLEL" in a.draft, a.first_line
    assert "Software on the" not in a.draft  # not a table of what runs on the Mac


def test_where_the_rest_of_a_reading_goes_leads_with_the_reading(assistant):
    a = checked_answer(
        assistant,
        "mistral 7b q4_k_m is a 4.4 GB file but llama.cpp with -c 8192 takes 6 GB on my 3060 ti, where does the rest go?",
    )
    assert a.first_line.startswith("The 6 GB you see"), a.first_line
    assert "KV cache" in a.first_line
