"""Which offerings the assistant loads: the corpus snapshot, with live files in the data dir winning per provider."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant import DataError, OfferingsTable
from assistant._settings import load_settings
from assistant._wiring import build_services
from assistant.knowledge import corpus_dir, live_offerings_dir, load_offerings_from
from assistant.knowledge._offerings import read_offerings_csv, write_offerings_csv


def test_the_composition_root_loads_the_offerings_table_once(tmp_path):
    services = build_services(load_settings(data_dir=tmp_path, llm=None, chroma_host=None))
    table = services.offerings
    assert isinstance(table, OfferingsTable)
    assert "H100 SXM" in table.gpus and {"aws", "lambda", "runpod"} <= set(table.providers)
    assert table.live_providers == ()


def test_a_live_file_replaces_its_providers_snapshot_rows(tmp_path):
    lambda_rows = [o for o in read_offerings_csv(corpus_dir() / "offerings.csv") if o.provider == "lambda"]
    fetched = dt.date(2026, 12, 1)
    folder = live_offerings_dir(tmp_path)
    folder.mkdir(parents=True)
    write_offerings_csv(
        [o.model_copy(update={"as_of": fetched}) for o in lambda_rows[:3]], folder / "lambda.csv"
    )
    table = load_offerings_from(corpus_dir(), tmp_path)
    assert table.live_providers == ("lambda",)
    live = [o for o in table if o.provider == "lambda"]
    assert len(live) == 3 and {o.as_of for o in live} == {fetched}
    assert any(o.provider == "runpod" for o in table)  # other providers keep the snapshot


def test_an_invalid_live_file_is_ignored_and_the_snapshot_kept(tmp_path):
    folder = live_offerings_dir(tmp_path)
    folder.mkdir(parents=True)
    (folder / "lambda.csv").write_text("provider,instance_type\nlambda,broken\n", encoding="utf-8")
    table = load_offerings_from(corpus_dir(), tmp_path)
    assert table.live_providers == ()
    assert any(o.provider == "lambda" for o in table)
    assert table.notes and "lambda.csv" in table.notes[0]


def test_a_missing_corpus_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="offerings"):
        load_offerings_from(tmp_path)
