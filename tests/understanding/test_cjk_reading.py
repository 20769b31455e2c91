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
