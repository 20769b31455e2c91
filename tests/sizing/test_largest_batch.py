"""The largest micro-batch that fits: found by bisection over the same memory arithmetic, so one more
sequence no longer fits and the answer grows with memory and shrinks with sequence length."""

from __future__ import annotations

from assistant.sizing import Task, Workload, estimate_memory, largest_batch, usable_memory_gb


def _lora(models, name, context):
    spec = models.by_name(name)
    return Workload(task=Task.LORA, shape=spec, params=spec.params, precision="bf16", context=context)


def test_the_largest_batch_fits_and_one_more_does_not(models, catalog, assumptions):
    work = _lora(models, "Mistral 7B", 2048)
    gpu = catalog.by_name("RTX 3090")
    most = largest_batch(work, gpu, 1, assumptions)
    usable, _ = usable_memory_gb(gpu, True, work.runtime, assumptions)
    assert most >= 1
    assert estimate_memory(work.with_(batch=most), assumptions).per_gpu_gb(1) <= usable
    assert estimate_memory(work.with_(batch=most + 1), assumptions).per_gpu_gb(1) > usable


def test_more_memory_or_shorter_sequences_allow_a_larger_batch(models, catalog, assumptions):
    small, large = catalog.by_name("RTX 3090"), catalog.by_name("A100 80GB SXM")
    long_seq, short_seq = _lora(models, "Llama 3 8B", 8192), _lora(models, "Llama 3 8B", 1024)
    assert largest_batch(long_seq, large, 1, assumptions) > largest_batch(long_seq, small, 1, assumptions)
    assert largest_batch(short_seq, small, 1, assumptions) > largest_batch(long_seq, small, 1, assumptions)


def test_zero_when_not_even_one_sequence_fits(models, catalog, assumptions):
    spec = models.by_name("Llama 3 70B")
    full = Workload(task=Task.FULL, shape=spec, params=spec.params, precision="bf16", context=2048)
    assert largest_batch(full, catalog.by_name("RTX 4090"), 1, assumptions) == 0
