"""``covers_question`` on long posts: when the whole post's words are mostly background, the question clause it
ends with ("... - can it really serve 10 users at once?") is what the passages must cover. Short or off-topic
questions are still refused. Phrasings in no evaluation set."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.retrieval._hybrid import covers_question

_BATCHING = Document(
    page_content=(
        "Yes — a serving engine answers many requests at once: it batches concurrent requests from several users "
        "simultaneously (continuous batching), so total throughput grows with the number of requests."
    )
)


def test_a_long_post_is_judged_by_the_question_it_ends_with():
    post = (
        "We built a little chatbot for the office last month, a prototype, nothing fancy, deployed on a box in "
        "the basement with an old ups and some cooling trouble. Anyway, looking at our dashboard graph - can it "
        "serve several users simultaneously?"
    )
    assert covers_question(post, [_BATCHING])


def test_an_off_topic_question_clause_is_still_refused():
    post = (
        "We built a little chatbot for the office last month, a prototype. Anyway - which noise cancelling "
        "headphones suit an open office?"
    )
    assert not covers_question(post, [_BATCHING])


def test_a_one_sentence_question_is_judged_as_before():
    assert not covers_question("which headphones suit an office with users?", [_BATCHING])


_COMBINE = Document(  # from corpus/guides/common-questions.md, "Can I combine two different GPUs…?"
    page_content=(
        "Can I combine two different GPUs, such as an RTX 3090 and an RTX 3060? Yes for running models with "
        "llama.cpp, Ollama or Hugging Face Transformers, which split a model across cards of different sizes. "
        "device_map='auto' places layers on each card by its free memory; the cards work one after another, "
        "not at the same time."
    )
)


def test_mixing_cards_is_covered_by_a_passage_on_combining_them():
    # "mix" and "alongside" are what a guide calls combining cards together; "what happens" frames the question
    assert covers_question(
        "what happens if i mix a 4080 and a 2070 in one tower?", [_COMBINE], "RTX 4080 RTX 2070"
    )
    assert covers_question(
        "running a 3070 alongside a 3060 in the same case?", [_COMBINE], "RTX 3070 RTX 3060"
    )


def test_the_same_words_still_need_a_passage_that_covers_them():
    assert not covers_question("what happens if i mix paint colours for my case?", [_BATCHING])


_ONE_COPY = Document(  # from corpus/guides/pretraining-vs-finetuning.md, "Can DPO run with only one copy…?"
    page_content=(
        "Yes, in two ways. With LoRA or QLoRA the frozen base model is the reference: TRL's DPOTrainer, given a "
        "PEFT config and no ref_model, scores the reference log-probabilities by switching the adapter off, so only "
        "one copy of the weights is loaded, which saves memory when you train."
    )
)


def test_a_hyphenated_word_counts_once_not_as_its_parts_and_its_joined_form():
    # 'low-memory' is one word the user wrote, covered by 'memory'; counted as 'low', 'memory' and 'lowmemory' its
    # two uncovered forms outweighed the words the passage does cover
    post = "with a low-memory 12gb card, can the lora adapter double as the reference copy in dpo-style runs?"
    assert covers_question(post, [_ONE_COPY])
    assert covers_question(
        "on my low-memory card, can the lora adapter stand in for the reference while i train with preference pairs?",
        [_ONE_COPY],
    )
    assert not covers_question("can a low-memory card run a clean-room sterile-filter pump?", [_ONE_COPY])


def test_simultaneously_is_what_a_section_on_concurrent_requests_covers():
    concurrent = Document(page_content="A server handles concurrent requests in parallel by batching them.")
    assert covers_question("can one server handle requests from many users simultaneously?", [concurrent])
