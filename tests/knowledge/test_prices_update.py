"""`gpu-assistant prices update` against a local stand-in of the live catalog (no network here)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import load_settings, update_prices
from assistant.answering._handlers import Knowledge, handler_for
from assistant.knowledge import corpus_dir, live_offerings_dir, load_offerings_from
from assistant.understanding import understand
from tests.support.price_catalog_stand_in import LAMBDA_CSV, MALFORMED_CSV, PriceCatalogStandIn

EXE = Path(sys.executable).parent / "gpu-assistant"


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there: as good as no network


def test_update_writes_normalised_files_with_the_fetch_date_and_answers_use_them(
    tmp_path, catalog, models, assumptions
):
    with PriceCatalogStandIn({"lambda": LAMBDA_CSV}) as server:
        settings = load_settings(
            data_dir=tmp_path, price_catalog_url=server.base_url, price_clouds=("lambda",)
        )
        result = update_prices(settings)
    assert server.requests == ["/lambda/vms.csv"]
    (cloud,) = result.clouds
    assert cloud.status == "updated" and cloud.offerings == 3  # the CPU-only row is not an offering
    today = dt.datetime.now(dt.UTC).date()
    fetched = json.loads((live_offerings_dir(tmp_path) / "fetched.json").read_text())
    assert fetched["lambda"].startswith(today.isoformat())
    table = load_offerings_from(corpus_dir(), tmp_path)
    rows = [o for o in table if o.provider == "lambda"]
    assert table.live_providers == ("lambda",) and len(rows) == 3
    assert {o.as_of for o in rows} == {today} and rows[0].source == f"{server.base_url}/lambda/vms.csv"
    assert {o.gpu for o in rows} == {"H100 SXM", "A10"}
    question = "which providers rent the A10 and where is it cheapest?"
    understanding = understand(question, catalog, models)
    handler = handler_for(understanding.intent)
    facts = handler.gather(understanding, Knowledge(catalog, models, assumptions, table))
    text = handler.compose(facts, ())
    assert today.isoformat() in text and "gpu_1x_a10" in text


def test_a_malformed_file_is_rejected_and_the_old_data_kept(tmp_path):
    with PriceCatalogStandIn({"lambda": LAMBDA_CSV}) as server:
        update_prices(
            load_settings(data_dir=tmp_path, price_catalog_url=server.base_url, price_clouds=("lambda",))
        )
    before = (live_offerings_dir(tmp_path) / "lambda.csv").read_text()
    with PriceCatalogStandIn({"lambda": MALFORMED_CSV}) as server:
        settings = load_settings(
            data_dir=tmp_path, price_catalog_url=server.base_url, price_clouds=("lambda", "nosuchcloud")
        )
        result = update_prices(settings)
    statuses = {c.cloud: (c.status, c.detail) for c in result.clouds}
    assert statuses["lambda"][0] == "rejected" and "Price" in statuses["lambda"][1]
    assert statuses["nosuchcloud"] == ("rejected", "HTTP 404")
    assert (live_offerings_dir(tmp_path) / "lambda.csv").read_text() == before


def test_without_network_the_snapshot_is_kept(tmp_path):
    settings = load_settings(
        data_dir=tmp_path, price_catalog_url=_closed_port_url(), price_clouds=("lambda",)
    )
    result = update_prices(settings, timeout=5)
    assert result.offline and result.updated == ()
    assert not live_offerings_dir(tmp_path).exists()


@pytest.fixture()
def cli(tmp_path):
    def run(*args: str, **env: str) -> subprocess.CompletedProcess:
        environment = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1", **env}
        return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=environment, timeout=120)

    return run


def test_the_cli_command_updates_and_says_so_in_one_line_without_network(cli, tmp_path):
    with PriceCatalogStandIn({"lambda": LAMBDA_CSV}) as server:
        ok = cli(
            "prices", "update", ASSISTANT_PRICE_CATALOG_URL=server.base_url, ASSISTANT_PRICE_CLOUDS="lambda"
        )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("lambda: 3 offerings, fetched ")
    offline = cli(
        "prices", "update", ASSISTANT_PRICE_CATALOG_URL=_closed_port_url(), ASSISTANT_PRICE_CLOUDS="lambda"
    )
    assert offline.returncode == 1
    assert offline.stderr.strip().startswith("No network:") and len(offline.stderr.strip().splitlines()) == 1
    assert (live_offerings_dir(tmp_path) / "lambda.csv").exists()  # the earlier update is kept
