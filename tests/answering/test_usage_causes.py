"""'Why does my run take N GB?': the reading set against the estimate first, then the cause — the biggest line
of the breakdown, a quantized download against the precision it is loaded in, and for a reading far above the
estimate the unquantized weights or the context it matches. Real components; phrasings in no evaluation set."""

from __future__ import annotations

import re

from assistant.understanding._understand import understand


def test_a_reading_in_a_why_question_is_not_the_memory_the_user_has(catalog, models):
    details = understand("how come my 13b model eats 27gb in fp16?", catalog, models).details
    assert details.observed_gb == 27 and details.stated_memory_gb is None


def test_the_size_of_the_download_is_read_apart_from_the_reading(catalog, models):
    for question, size in (
        ("qwen 7b uses 15 GB in bf16 even though the download was 4.7GB, why", 4.7),
        ("phi-3 takes 8gb of vram but it's a 2.2GB gguf. how come?", 2.2),
    ):
        assert understand(question, catalog, models).details.file_gb == size, question
    assert understand("my 16gb card, will it run a 13b?", catalog, models).details.file_gb is None


def test_why_a_16_bit_run_takes_more_than_the_download_names_the_weights_and_the_bits(ask):
    reply = ask("how come my 13b model eats 27gb in fp16 when the download was 7.4GB?")
    lead = reply.text.split("\n\n")[0]
    assert lead.startswith("The 27 GB you see is in line with the estimate")
    assert re.search(r"Most of it is the weights: 26\.\d GB", lead)
    bits = re.search(r"about (\d+\.\d) bits per weight", lead)
    assert bits and 4.0 < float(bits.group(1)) < 5.0  # 7.4 GB x 8 / 13B
    assert "**Yes**" not in lead and "**No**" not in lead  # a why-question gets the cause, not a verdict


def test_a_reading_far_above_a_quantized_estimate_names_the_16_bit_weights_and_the_context_it_matches(ask):
    reply = ask("why does mistral 7b take 15gb on my 3090 when the gguf file is 4.4GB?")
    lead = reply.text.split("\n\n")[0]
    assert lead.startswith("The 15 GB you see is well above the estimate")
    assert "unquantized 16-bit weights" in lead
    tokens = re.search(r"a context of about ([\d,]+) tokens", lead)
    assert tokens and int(tokens.group(1).replace(",", "")) > 32_000


def test_a_reading_asked_as_normal_keeps_its_verdict_and_no_causes(ask):
    reply = ask("my llama 3 8b in bf16 takes 17 gb, is that normal?")
    assert reply.text.startswith("**Yes** — the 17 GB you see is in line")
    assert "Most of it is" not in reply.text.split("\n\n")[0]
