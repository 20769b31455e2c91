"""Several GPUs (issue 9, session 17): whether the cards' memory adds up is answered first, for the tool that runs
them — data-parallel trainers copy the model to every GPU, image generation runs a model on one GPU, llama.cpp /
Ollama / device_map split layers by each card's memory, tensor parallelism gives every GPU an equal share (the
smallest card limits it), pipeline parallelism splits unevenly; a second card's speed, NVLink and identical cards
likewise. Real components; phrasings in no evaluation set and different from the session's probes."""

from __future__ import annotations

from tests.support.checked_answers import checked_answer


def test_a_diffusion_trainer_on_two_cards_does_not_pool_memory(assistant):
    answer = checked_answer(
        assistant,
        "my OneTrainer SDXL finetune runs out of vram on one 4080, if I put a second 4080 in will the 16gb+16gb add up?",
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "OneTrainer" in answer.first_line and "whole copy" in answer.first_line


def test_a_research_repo_trained_on_two_cards_is_data_parallel(assistant):
    answer = checked_answer(
        assistant,
        "the paper trained on 4 V100s, could I reproduce it using the combined memory of my two 2080 Ti instead?",
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "data parallelism" in answer.first_line


def test_a_second_card_doubles_the_batch_not_the_model(assistant):
    answer = checked_answer(
        assistant, "training a resnet50 classifier, would adding another 4070 let me use a larger batch?"
    )
    assert answer.first_line.startswith("**Yes, for the batch**"), answer.first_line
    assert "does not get more room" in answer.first_line


def test_image_generation_on_two_cards_does_not_pool(assistant):
    answer = checked_answer(assistant, "can ComfyUI pool the vram of my two 3060 12GB cards for flux dev?")
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "one GPU" in answer.first_line and "VAE" in answer.first_line


def test_mixed_cards_under_vllm_tensor_parallel_are_limited_by_the_smaller(assistant):
    answer = checked_answer(
        assistant,
        "I've got a 4090 and a 3060 Ti in one box, can vllm tensor parallel run qwen2.5 7b instruct across both at 8k context?",
    )
    first = answer.first_line
    assert first.startswith("**Only with pipeline parallelism**") or first.startswith("**No**"), first
    assert "VLLM_PP_LAYER_PARTITION" in first and "equal share" in first
    assert "RTX 3060 Ti's 8 GB limits every share" in first


def test_mixed_cards_that_hold_the_model_in_equal_shares_say_yes(assistant):
    answer = checked_answer(
        assistant, "can I serve llama 3.2 3b with vllm over my 3090 and 3080 together, max model len 8192?"
    )
    assert answer.first_line.startswith("**Yes**"), answer.first_line
    assert "equal share" in answer.first_line


def test_a_mixed_pair_counted_as_two_is_judged_on_their_memory_together(assistant):
    answer = checked_answer(
        assistant,
        "two cards here, a 4090 and a 3080 10GB, 34GB between them — does mistral small 24b at q8 fit?",
    )
    assert "hold together" in answer.first_line, answer.first_line


def test_a_second_card_does_not_double_one_chat(assistant):
    answer = checked_answer(
        assistant, "if I buy another 3060 12GB will llama 3.1 8b q4 in lm studio run twice as fast?"
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "one after the other" in answer.first_line


def test_tensor_parallel_for_a_model_that_fits_one_gpu_is_not_double(assistant):
    answer = checked_answer(
        assistant,
        "would going tensor parallel across 2 H100 double the throughput of my qwen2.5 7b on sglang?",
    )
    assert answer.first_line.startswith("**No, not double**"), answer.first_line
    assert "replicas" in answer.first_line


def test_nvlink_asked_is_not_needed(assistant):
    answer = checked_answer(
        assistant, "do I need an nvlink bridge to split a 70b across two 3090s in ollama?"
    )
    assert answer.first_line.startswith("**No**"), answer.first_line
    assert "PCIe" in answer.first_line


def test_nvlink_said_beside_a_yes_keeps_the_verdict(assistant):
    answer = checked_answer(
        assistant, "will qwen2.5 14b in bf16 run on two 4080 super? I know they have no nvlink."
    )
    assert not answer.first_line.startswith("**No**, NVLink"), answer.first_line
    assert "NVLink is not needed" in answer.draft


def test_identical_cards_for_tensor_parallel(assistant):
    answer = checked_answer(
        assistant, "does sglang tensor parallelism need matching gpus? I have an A6000 and an A40"
    )
    assert answer.first_line.startswith("**No**, they need not be identical"), answer.first_line
    assert "least memory" in answer.first_line


def test_ddp_oom_on_more_gpus_is_expected(assistant):
    answer = checked_answer(
        assistant,
        "training script fits on one 16gb card but when I launch it with torchrun on 4 of them I get CUDA out of memory, why?",
    )
    assert answer.first_line.startswith("**Expected**"), answer.first_line
    assert "per-GPU batch" in answer.first_line


def test_ddp_oom_asked_as_will_more_cards_run_it_is_a_no(assistant):
    """Whether adding cards of the same size makes the run fit (not whether the failure is expected): No."""
    answer = checked_answer(
        assistant,
        "my trainer crashes with CUDA out of memory on 2 x 16gb cards under torchrun; would it run if I used 6 of "
        "them instead?",
    )
    assert answer.first_line.startswith("**No, not as it runs now**"), answer.first_line
    assert "per-GPU batch" in answer.first_line


def test_one_gpu_questions_get_no_pooling_lead(assistant):
    answer = checked_answer(assistant, "can I run llama 3.1 8b in fp16 on one 4090 with vllm at 4k context?")
    assert "add up" not in answer.draft and "equal share" not in answer.draft


def test_a_lora_oom_on_several_cards_names_the_4_bit_base_and_the_split(assistant):
    answer = checked_answer(
        assistant,
        "lora sft of mistral 7b in bf16 with accelerate on our 4 x 16GB T4 box keeps going out of memory even at batch 1",
    )
    first = answer.first_line
    assert first.startswith("**Only with a 4-bit base (QLoRA) or the model split across the GPUs**"), first
    assert "whole copy" in first and "4 bits" in first


def test_two_cards_told_by_memory_are_judged_together_for_a_layer_split(assistant):
    answer = checked_answer(
        assistant, "my rig has a 12gb and an 8gb gpu, could ollama run qwen2.5 32b at q8 across them?"
    )
    first = answer.first_line
    assert first.startswith("**No**") and "20 GB (12 + 8)" in first, first
    assert "the 12 GB you have" not in answer.draft
    fits = checked_answer(
        assistant, "one 16GB and one 12GB card here — llama 3.1 8b in fp16 with llama.cpp split over both?"
    )
    assert fits.first_line.startswith("**Yes**") and "28 GB (16 + 12)" in fits.first_line, fits.first_line


def test_a_non_image_model_on_two_cards_runs_on_one_gpu(assistant):
    answer = checked_answer(
        assistant, "could whisper large-v3 pool the memory of two GTX 1070s for transcription?"
    )
    first = answer.first_line
    assert first.startswith("**No**") and "one GPU" in first, first
    assert "image generation" not in first


def test_a_second_card_against_a_bigger_one_weighs_two_against_one(assistant):
    """'A second 3090 or a 5090?': two 3090s (48 GB) against one 5090 (32 GB), not two of each."""
    answer = checked_answer(
        assistant, "is it smarter to add a second 3090 or just get a 5090 for 70b q4 at home?"
    )
    assert answer.first_line.startswith("**2 x RTX 3090"), answer.first_line
    assert "one RTX 5090 (32 GB)" in answer.first_line and answer.first_line.endswith("does not."), (
        answer.first_line
    )


def test_asked_whether_more_cards_make_an_oom_run_work_gets_a_no(assistant):
    answer = checked_answer(
        assistant,
        "my point cloud segmentation model runs out of cuda memory on 2 rtx 4080 with torchrun even at batch 1. "
        "if I rent a box with 8 of those cards instead, would the training go through?",
    )
    assert answer.first_line.startswith("**No, not as it runs now**"), answer.first_line
    assert "16 GB cards do not help" in answer.first_line
    assert "sharding" in answer.first_line and "more memory each" in answer.first_line


def test_can_i_train_on_cards_that_already_oom_gets_a_no(assistant):
    answer = checked_answer(
        assistant,
        "Is it possible to train this speech enhancement repo on 3090s? Launched with 2x3090 and per-GPU batch 4, "
        "still CUDA OOM.",
    )
    assert answer.first_line.startswith("**No, not as it runs now**"), answer.first_line


def test_why_a_ddp_run_ooms_stays_an_explanation(assistant):
    answer = checked_answer(
        assistant,
        "how come my training script hits out of memory on 4 a5000s with accelerate launch when one card alone was fine?",
    )
    assert answer.first_line.startswith("**Expected**"), answer.first_line


def test_more_cards_named_by_model_number_is_the_same_yes_no(assistant):
    answer = checked_answer(
        assistant,
        "training our video vae runs out of memory on 2x RTX 3090 with torchrun. If we put in two more 3090s does it go through?",
    )
    assert answer.first_line.startswith("**No, not as it runs now**"), answer.first_line


def test_a_research_release_on_two_cards_does_not_pool(assistant):
    # a repository not on record, estimated from the research releases: its run is one process on one GPU
    reply = assistant.ask(
        "Can this use both GPUs? I've got two RTX 2080 Ti (11GB each) [WarpSculpt, a 3D method]"
    )
    assert reply.text.startswith("**No**") and "does not add up" in reply.text, reply.text
