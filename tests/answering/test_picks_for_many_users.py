"""A pick for several users at once says it is for them, and its table gives each user's speed at that load; a
chip weighed for a job it needs several of answers with that count; an hourly ceiling leads with the pick. Real
components; phrasings in no evaluation set."""

from __future__ import annotations

import re


def test_a_pick_for_many_users_says_so(converse):
    reply = converse("which gpu should we rent to serve gemma 2 9b to 25 people concurrently?")
    first = reply.text.splitlines()[0]
    assert "for 25 users at once" in first
    assert "tokens/s each (25 users)" in reply.text


def test_a_pick_for_one_user_keeps_the_single_user_speed(converse):
    reply = converse("which gpu should I rent to serve gemma 2 9b for myself?")
    assert "users at once" not in reply.text.splitlines()[0]
    assert "tokens/s (1 user)" in reply.text


def test_a_chip_weighed_for_a_job_gets_the_count_it_takes(converse):
    reply = converse("is the H200 a sensible pick for serving llama 3.1 405b?")
    assert reply.text.startswith("**Only with ")
    assert " x H200**" in reply.text.splitlines()[0]


def test_an_hourly_ceiling_leads_with_the_pick(converse):
    reply = converse("best gpu under $1.5/hour for a qlora of llama 3 8b?")
    assert reply.text.startswith(("Best value", "The cheapest option"))
    rate = re.search(r"\(\$([\d.]+)/hour", reply.text.splitlines()[0])
    assert rate and float(rate.group(1)) <= 1.5
