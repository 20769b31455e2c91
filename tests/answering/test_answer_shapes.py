"""The question decides the answer's shape: a yes/no first, the number first, every fine-tuning method
when none was named, the user's own GPU count. Real components throughout; phrasings in no evaluation set."""

from __future__ import annotations

import re


def _head(reply, lines=3):
    return "\n".join(line for line in reply.text.splitlines() if line.strip())[:600].splitlines()[:lines]


def test_an_unstated_fine_tuning_method_gets_all_three_in_the_headline(ask):
    reply = ask("What hardware do I need to finetune Mistral 7B for my chatbot?")
    head = "\n".join(_head(reply, 4))
    assert re.search(r"Full fine-tuning: about [\d,.]+ GB", head)
    assert re.search(r"LoRA fine-tuning: about [\d,.]+ GB", head)
    assert re.search(r"QLoRA fine-tuning: about [\d,.]+ GB", head)
    assert reply.memory_gb > 80  # sized as what "fine-tune" says: every weight trained


def test_a_yes_no_about_named_gpus_with_no_method_says_which_methods_fit(ask):
    reply = ask("could 2 L4 fine-tune Llama 3 8B?")
    assert reply.text.startswith("**Only with LoRA or QLoRA**")
    assert "Full fine-tuning: no" in reply.text and "QLoRA fine-tuning: yes" in reply.text


def test_a_stated_memory_is_checked_before_anything_else(ask):
    # (a 6 GB card now takes Gemma 2 9B in Q2_K at a local runtime's 2,048-token default context, so 4 GB is the
    # card that holds no quant of it)
    reply = ask("Would a 4 GB card be able to run Gemma 2 9B?")
    assert reply.text.startswith("**No**") and "4 GB you have" in _head(reply, 1)[0]
    reply = ask("Is 48gb of vram enough to serve Mistral 7B?")
    assert reply.text.startswith("**Yes**")


def test_a_feasibility_question_without_hardware_opens_with_yes(ask):
    reply = ask("Can Llama 3 70B be served at all with 4-bit weights?")
    assert reply.text.startswith("**Yes**")


def test_the_users_own_count_is_what_the_figures_describe(ask):
    reply = ask("I have 4x A100 80GB for serving Llama 3 8B, is that fine?")
    first = _head(reply, 1)[0]
    assert "4 x A100" in first
    per_gpu = float(re.search(r"about ([\d.]+) GB per GPU", first).group(1))
    assert per_gpu < reply.memory_gb / 3  # spread over their 4, not the 1 GPU it needs at least
    assert "Speed on 4x A100" in reply.details and "across all 4 GPUs together" in reply.details


def test_a_cost_question_opens_with_dollars_and_states_the_dataset_it_assumed(ask):
    reply = ask("Roughly what would LoRA on Mistral 7B cost me?")
    first = _head(reply, 1)[0]
    assert re.match(r"About \*\*\$[\d,.]+\*\* and \*\*[\d.]+ (?:minutes|hours|days)\*\*", first)
    assert "training tokens" in first


def test_a_monthly_bill_question_opens_with_the_monthly_figure(ask):
    reply = ask("what's the monthly bill to keep Mistral 7B online?")
    assert re.match(r"About \*\*\$[\d,.]+ per month\*\*", reply.text)


def test_a_follow_up_switching_to_full_fine_tuning_resizes(ask):
    lora = ask("LoRA on Llama 3 8B, how much VRAM?")
    full = ask("LoRA on Llama 3 8B, how much VRAM?", "and if I train all the weights instead, not LoRA?")
    assert full.memory_gb > 4 * lora.memory_gb


def test_a_capacity_question_opens_with_a_user_count(ask):
    reply = ask("Roughly how many people could chat at once with Mistral 7B on a single L40S?")
    assert re.match(r"About \*\*\d+ concurrent users\*\*", reply.text)
    assert "KV cache holds" in _head(reply, 1)[0]


def test_a_stated_user_count_gets_a_verdict(ask):
    reply = ask("Could one L4 keep up with forty people using Llama 3 8B at 8k context?")
    assert reply.text.startswith(("**Yes**", "**No**"))


def test_which_is_better_names_one_for_the_stated_use(ask):
    reply = ask("For serving a chatbot, would you take the L40S or the A100 80GB PCIe?")
    assert reply.text.startswith("For inference, the **A100 80GB PCIe**")  # bandwidth, not TFLOPS per dollar
    assert reply.gpus[0] == "A100 80GB PCIe"
    reply = ask("For training runs, is the RTX 4090 or the L40S the better buy?")
    assert reply.text.startswith("For training, the **L40S**")


def test_equal_memory_is_not_called_the_most(ask):
    reply = ask("H100 SXM versus A100 80GB SXM")
    assert "both have 80 GB of memory" in reply.text
    assert "has the most memory" not in reply.text
