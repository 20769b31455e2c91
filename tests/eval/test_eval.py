"""The evaluation set: realistic questions with checks on the structured reply; must pass ≥ 95%."""

from __future__ import annotations

from tools.evaluation import load_cases, run_cases, summarize

PASS_RATE = 0.95


def test_evaluation_set_is_big_and_covers_every_intent():
    turns = [t for conv in load_cases() for t in conv]
    assert len(turns) >= 80
    intents = {t.get("intent") for t in turns}
    assert {"recommend", "size", "spec", "compare", "price", "explain", "greeting", "out_of_scope"} <= intents
    assert sum(len(conv) > 1 for conv in load_cases()) >= 4


def test_evaluation_pass_rate(assistant, capsys):
    results = run_cases(assistant, load_cases())
    rate, per_intent = summarize(results)
    with capsys.disabled():
        print(f"\nevaluation: {sum(r.passed for r in results)}/{len(results)} passed ({rate:.1%})")
        for intent, (passed, total) in per_intent.items():
            print(f"  {intent:<13} {passed}/{total}")
        for r in results:
            if not r.passed:
                print(f"  FAIL {r.question!r}: {'; '.join(r.failures)}")
    assert rate >= PASS_RATE
