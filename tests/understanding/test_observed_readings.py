"""Observations read as their cause (pure): two counters of one process set against each other, memory that
rises at the first optimizer step, and Ollama holding memory after its request. Phrasings in no evaluation set."""

from __future__ import annotations

from assistant.understanding._observed import allocator_readings, holds_after_request, optimizer_step_jump


def test_torch_against_nvidia_smi_reads_both_figures():
    r = allocator_readings(
        "my script prints memory_allocated = 6.1 GB yet nvidia-smi reports 19 GB, how come?"
    )
    assert r is not None and r.live_gb == 6.1 and r.held_gb == 19 and r.held_by == "nvidia-smi"


def test_reserved_against_allocated_in_mib():
    r = allocator_readings("allocated: 3072 MiB, reserved: 10240 MiB after validation. why the difference?")
    assert r is not None and r.live_gb == 3.0 and r.held_gb == 10.0 and r.held_by == "reserved"


def test_the_cards_total_after_a_slash_is_not_a_reading():
    r = allocator_readings("torch says 0 allocated but nvidia-smi has 8000MiB / 24576MiB used. why?")
    assert r is not None and r.held_gb == round(8000 / 1024, 2)


def test_a_pasted_oom_error_is_not_this_question():
    assert (
        allocator_readings(
            "CUDA out of memory. Tried to allocate 2.00 GiB; 20 GiB already allocated; 21 GiB reserved in total by "
            "PyTorch. why?"
        )
        is None
    )


def test_one_counter_alone_is_not_a_comparison():
    assert allocator_readings("how much memory is allocated for a 13b model in fp16?") is None


def test_a_rise_at_the_first_update_is_the_optimizer():
    assert optimizer_step_jump("vram doubles once the first training step finishes, is adam doing that?")
    assert optimizer_step_jump("memory goes up a lot at optimizer.step() on iteration one")
    assert not optimizer_step_jump("how much memory does the first training step need for a 7b model?")


def test_ollama_holding_memory_after_its_request():
    assert holds_after_request("my gpu memory stays allocated after ollama finishes answering, why?")
    assert holds_after_request("Ollama idle but still uses 6GB VRAM")
    assert not holds_after_request("how much vram does ollama need for mistral 7b?")
    assert not holds_after_request(
        "vllm still uses 20GB after the request finished"
    )  # not Ollama's keep-alive


def test_zero_stages_reported_and_asked_about():
    from assistant.understanding._observed import zero_stages_seen

    assert zero_stages_seen("deepspeed: with zero-1 I get 20GB per gpu but zero 3 gives 24GB, why?") == (1, 3)
    assert zero_stages_seen("each card still holds 30G with zero_stage: 3 on 8 gpus, expected?") == (3,)
    assert zero_stages_seen("in deepspeed the higher the stage the more vram i see") == (1, 2, 3)
    assert zero_stages_seen("which zero stage should I use to fine-tune a 13b model?") == ()


def test_ollama_parallel_count_given_after_a_bare_mention():
    from assistant.understanding._engines import ollama_parallel

    assert ollama_parallel("I tuned num_parallel and max_queue; with NUM_PARALLEL=6 the RAM climbs") == 6
    assert ollama_parallel("what does num_parallel do?") == 0


def test_a_runtime_still_holding_memory_is_a_reading_not_the_card(read):
    u = read("after the answer is done ollama still holds 11 GB of vram with llama3.1 8b loaded, normal?")
    assert u.details.observed_gb == 11 and u.details.stated_memory_gb is None
