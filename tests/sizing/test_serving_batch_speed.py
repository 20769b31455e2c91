"""The speed each of a stated number of concurrent users gets (round 4): at the workload's own batch, between the
single-stream speed and the full-load throughput. Pure arithmetic on the real catalog and assumptions."""

from __future__ import annotations

from assistant.sizing import Task, Workload, estimate_memory, estimate_serving


def _serving(catalog, models, assumptions, batch, gpu="L40S"):
    spec = models.get("Llama 3.1 8B")
    work = Workload(task=Task.INFERENCE, shape=spec, params=spec.params, precision="bf16", batch=batch)
    estimate = estimate_memory(work, assumptions)
    return estimate_serving(estimate, catalog.by_name(gpu), 1, assumptions)


def test_each_of_several_users_gets_less_than_one_alone_and_more_in_total(catalog, models, assumptions):
    alone = _serving(catalog, models, assumptions, 1)
    team = _serving(catalog, models, assumptions, 12)
    assert alone.batch is None and alone.batch_tokens_per_s is None
    assert team.batch == 12
    assert team.batch_tokens_per_s < alone.decode_tokens_per_s
    assert team.batch * team.batch_tokens_per_s > alone.decode_tokens_per_s


def test_the_batch_is_capped_at_what_the_kv_cache_holds(catalog, models, assumptions):
    crowd = _serving(catalog, models, assumptions, 100_000)
    assert crowd.batch == crowd.max_sequences


def test_replicas_serve_every_user_at_the_speed_asked(catalog, models, assumptions):
    from assistant.sizing import replicas_for

    spec = models.get("Llama 3.1 8B")
    work = Workload(
        task=Task.INFERENCE, shape=spec, params=spec.params, precision="bf16", batch=120, user_tokens_per_s=20
    )
    estimate = estimate_memory(work, assumptions)
    plan = replicas_for(estimate, catalog.by_name("L40S"), 120, assumptions)
    assert plan.users_each * plan.replicas >= 120
    one = estimate_serving(estimate, catalog.by_name("L40S"), plan.per_replica, assumptions)
    assert one.users == plan.users_each
    fewer = replicas_for(estimate, catalog.by_name("L40S"), plan.users_each, assumptions)
    assert fewer.replicas == 1  # as many users as one copy serves need one copy
