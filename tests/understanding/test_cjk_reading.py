"""Questions written in Chinese or Japanese: their setting words read in English and Latin names set apart from the
CJK text around them (phrasings of our own, in no evaluation set)."""

from __future__ import annotations

from assistant.knowledge import load_catalog, load_models
from assistant.understanding import Intent, understand
from assistant.understanding._cjk import plain_cjk


def test_setting_words_are_read_in_english_and_names_set_apart():
    text = plain_cjk("我的笔记本显卡是4070 8G，训练SDXL的LoRA会爆显存")
    assert "laptop" in text and "graphics card" in text and "training" in text and "out of memory" in text
    assert " SDXL " in text and " LoRA " in text and " 4070 8G" in text


def test_a_pretrained_model_is_not_training():
    text = plain_cjk("用预训练模型做推理")
    assert "pretrained model" in text and "inference" in text and "training" not in text


def test_text_without_cjk_is_unchanged():
    assert plain_cjk("how much vram for sdxl?  two spaces") == "how much vram for sdxl?  two spaces"


def test_a_japanese_memory_question_about_a_named_model_is_a_non_llm_question():
    understood = understand(
        "Depth Anything V2の推論に必要なビデオメモリはどれくらいですか", load_catalog(), load_models()
    )
    assert understood.intent is Intent.NON_LLM


def test_a_chinese_laptop_card_with_its_memory_is_the_laptop_variant():
    understood = understand("笔记本4080 12G跑SVD显存够不够", load_catalog(), load_models())
    assert understood.intent is Intent.NON_LLM and understood.details.gpus == ("RTX 4080 Laptop",)


def test_why_and_how_are_read_as_open_questions():
    assert ", why " in plain_cjk("我的4080跑SVD为什么总是爆显存?")
    assert ", how " in plain_cjk("训练LoRA怎么减少显存?")


def test_a_checkpoint_file_name_gives_its_size_and_format():
    understood = understand(
        "how much vram for hunyuan_video_13B_fp8_scaled.safetensors on a 4080?", load_catalog(), load_models()
    )
    assert understood.details.precision == "fp8" and understood.details.params == 13e9


def test_trainer_arguments_keep_their_underscores():
    understood = understand(
        "per_device_train_batch_size 2 and gradient_checkpointing for mistral 7b on a 4090",
        load_catalog(),
        load_models(),
    )
    assert "per_device_train_batch_size" in understood.question


def test_a_model_name_with_underscores_and_no_weight_format_stays_one_name():
    understood = understand(
        "can 2 x rtx 3090 run OA_RLHF_Falcon_40B_2 for chat?", load_catalog(), load_models()
    )
    assert "OA_RLHF_Falcon_40B_2" in understood.question
