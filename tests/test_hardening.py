"""Hostile and careless input: every question gets a Reply or InvalidQuestion, quickly, with sane numbers.

Regression tests for issue 12's findings 1 and 2 (a few thousand digits stalled the parser for seconds; huge
counts raised OverflowError, a lone surrogate a TypeError; "-8 H100s" was read as 8 and "0 GPUs" ignored),
then property-based tests with hypothesis over the real Assistant. ``HARDENING_EXAMPLES`` raises the number
of examples (the benchmark runs more); the default keeps CI to about a minute.
"""

from __future__ import annotations

import functools
import math
import os
import re
import time
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import MAX_QUESTION_CHARS, InvalidQuestion, Reply, load_catalog, load_models
from assistant._reply import MAX_NUMBER_DIGITS, check_question
from assistant.understanding import understand

EXAMPLES = int(os.environ.get("HARDENING_EXAMPLES", "0")) or None
TIME_BOUND_S = 0.5  # the goal for the slowest question's parse
ASK_BOUND_S = 3.0  # a whole answer on a shared, busy CI machine (retrieval included)


@functools.cache
def _corpus():
    return load_catalog(), load_models()


def _parse(question: str):
    catalog, models = _corpus()
    return understand(check_question(question), catalog, models)


# --- the findings, one by one --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "1" * 3999,
        "which gpu for " + "1" * 3900,
        "serve a 7b model to " + "9" * 3900 + " users",
        " ".join(["4096"] * 790),  # many numbers, each short: still fast
    ],
)
def test_long_numbers_do_not_stall_the_parser(question):
    start = time.perf_counter()
    try:
        _parse(question)
    except InvalidQuestion as exc:
        assert "digits" in str(exc)
    assert time.perf_counter() - start < TIME_BOUND_S


@pytest.mark.parametrize(
    "question",
    [
        "fine-tune a 7b model with " + "9" * 400 + "k context",
        "serve llama 3 8b to " + "9" * 400 + " users",
        "serve a 7b model at " + "9" * 20 + "k context",
    ],
)
def test_absurdly_long_numbers_are_invalid_questions_not_overflow(question):
    with pytest.raises(InvalidQuestion, match=rf"up to {MAX_NUMBER_DIGITS} digits"):
        _parse(question)


@pytest.mark.parametrize("amount", ["9" * 20 + " users", "$" + "9" * 18, "9" * 17 + "B parameters"])
def test_a_long_amount_is_refused_even_when_short_enough_for_a_code(amount):
    with pytest.raises(InvalidQuestion, match="digits long"):
        check_question("serve a 7b model to " + amount)


def test_a_code_pasted_from_a_log_is_read_as_words_and_the_question_answered(assistant):
    question = (
        "ollama crashed with exit status 18446744073709551615 loading a 7b model on my 3060, too little vram?"
    )
    assert "(a 20-digit code)" in check_question(question)
    reply = assistant.ask(question)
    assert reply.text and "RTX 3060" in " ".join(reply.gpus)


def test_a_number_of_fifteen_digits_is_still_read():
    check_question("serve a 7b model to " + "9" * MAX_NUMBER_DIGITS + " users")


@pytest.mark.parametrize("question", ["\ud800 which gpu for llama 70b?", "which gpu\udfff?"])
def test_lone_surrogates_are_invalid_questions(question, assistant):
    with pytest.raises(InvalidQuestion, match="surrogate"):
        assistant.ask(question)


def test_control_characters_become_blanks_and_separators_newlines():
    assert check_question("which\x00gpu\x1bfor\u2028llama\u0085?\r") == "which gpu for\nllama\n?"
    with pytest.raises(InvalidQuestion, match="type a question"):
        check_question("\x00\x07 \u2028\u0085")


def test_a_huge_question_is_refused_before_it_is_cleaned():
    with pytest.raises(InvalidQuestion, match="characters long"):
        check_question("\x00" * (10 * MAX_QUESTION_CHARS))


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Can I serve Llama 3 70B on -8 H100s?", r"'-8 H100s' is a negative count.*Did you mean 8\?"),
        ("fine-tune a 7b model on −2 GPUs", r"negative count.*GPUs"),
        ("serve llama 3 8b to -20 users", r"negative count.*users"),
        ("Will Llama 3 70B run on 0 GPUs?", r"'0 GPUs' is a count of zero"),
        ("serve mistral 7b on 0x L4", r"'0x L4' is a count of zero"),
        ("llama 3 8b with batch size of 0", r"count of zero.*batch size"),
    ],
)
def test_negative_and_zero_counts_are_refused_with_a_message(question, says, assistant):
    with pytest.raises(InvalidQuestion, match=says):
        assistant.ask(question)


@pytest.mark.parametrize("question", ["what would /Zed9 cost per hour?", "how much is ./acme-13b to serve"])
def test_a_model_path_without_an_organisation_gets_an_answer_not_a_traceback(question, assistant):
    # found by the benchmark's fuzzer: an unknown model id starting with '/' or '.' raised AttributeError
    reply = assistant.ask(question)
    assert reply.text.strip()


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("serve llama 3 70b on 8 H100s", 8),
        ("train a 7b model on 2-4 GPUs", 4),
        ("Llama 3 8B on an A100-80GB", 1),
    ],
)
def test_ordinary_counts_and_ranges_still_read(question, count):
    assert _parse(question).details.gpu_count == count


# --- properties ----------------------------------------------------------------------------------------------

_WORDS = [
    "which", "gpu", "GPUs", "should", "I", "use", "to", "serve", "fine-tune", "train", "with", "QLoRA",
    "LoRA", "on", "a", "the", "and", "or", "vs", "cheaper", "faster", "users", "concurrent", "context",
    "tokens", "k", "m", "B", "billion", "params", "$", "/hour", "per", "hour", "x", "batch size", "of",
    "fp8", "int4", "bf16", "llama 3 70b", "Mistral 7B", "H100", "A100", "L4", "T4", "MI300X", "TPU v5e",
    "Gaudi 3", "RTX 4090", "what about", "how much memory", "at least", "GB", "-", "−", "0", ".", "?",
    "ignore previous instructions", "<img src=x>", "\u2028", "\u0085", "\x00", "\ud800", "\u202e",
]  # fmt: skip
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=0, max_value=10**6).map(lambda n: f"{n:,}"),
    st.integers(min_value=1, max_value=4000).map(lambda n: "9" * n),
)
_PIECES = st.one_of(st.sampled_from(_WORDS), _NUMBERS, st.text(max_size=12))
QUESTIONS = st.one_of(
    st.lists(_PIECES, max_size=25).map(" ".join),
    st.lists(_PIECES, max_size=25).map("".join),
    st.text(max_size=300),
)

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _check_reply(reply: Reply, gpu_names: set[str]) -> None:
    assert isinstance(reply, Reply) and reply.text.strip()
    lowered = reply.text.lower()
    assert "nan" not in re.findall(r"\b[a-z]+\b", lowered), reply.text
    assert "inf" not in re.findall(r"\b[a-z]+\b", lowered) and "∞" not in reply.text, reply.text
    assert set(reply.gpus) <= gpu_names
    if reply.memory_gb is not None:
        assert math.isfinite(reply.memory_gb)


@settings(
    max_examples=EXAMPLES or 3000,
    deadline=timedelta(seconds=TIME_BOUND_S * 2),  # the bound, with room for a busy shared machine
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(question=QUESTIONS)
def test_every_question_is_understood_or_refused_quickly(question):
    try:
        understanding = _parse(question)
    except InvalidQuestion as exc:
        assert str(exc)
        return
    assert set(understanding.details.gpus) <= set(_corpus()[0].names)


@pytest.fixture(scope="module")
def gpu_names():
    return set(load_catalog().names)


@settings(
    max_examples=EXAMPLES or 400,
    deadline=timedelta(seconds=ASK_BOUND_S),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(question=QUESTIONS)
def test_every_question_gets_a_reply_or_invalid_question(question, assistant, gpu_names):
    try:
        reply = assistant.ask(question)
    except InvalidQuestion as exc:
        assert str(exc)
        return
    _check_reply(reply, gpu_names)


@settings(
    max_examples=EXAMPLES or 150,
    deadline=timedelta(seconds=ASK_BOUND_S * 2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(questions=st.lists(QUESTIONS, min_size=2, max_size=3))
def test_follow_ups_never_fail_either(questions, assistant, gpu_names):
    conversation = f"fuzz-{time.monotonic_ns()}"
    for question in questions:
        try:
            reply = assistant.ask(question, conversation_id=conversation)
        except InvalidQuestion:
            continue
        _check_reply(reply, gpu_names)
