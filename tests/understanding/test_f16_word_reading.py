"""GGUF names its 16-bit weights F16, and Ollama / llama.cpp users say it as a word ("a 70b f16 model"): read as
fp16, not as the default Q4_K_M download (issue 9, session 17). Phrasings in no evaluation set."""

from __future__ import annotations


def test_f16_said_as_a_word_is_16_bit(read):
    assert read("pulling qwen2.5 32b f16 in ollama, will two 3090s hold it?").details.precision == "fp16"
    assert read("is llama 3.1 8b at F16 ok on a 4070 with llama.cpp?").details.precision == "fp16"


def test_f16_inside_a_file_name_still_reads_and_other_words_do_not(read):
    assert read("mistral-7b-instruct.f16.gguf on a 3060 12GB?").details.precision == "fp16"
    assert read("llama 3.1 8b q4_k_m on a 4070, is it fast?").details.precision != "fp16"
