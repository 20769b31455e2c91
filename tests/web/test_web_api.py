"""The web app's HTTP API for scripts and load tests: `/ask` through gradio_client."""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning:gradio.queueing"),  # gradio's own pandas 3 calls
]


def test_ask_api_answers_through_gradio_client(web_url):
    from gradio_client import Client

    client = Client(web_url, verbose=False)
    assert set(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == {"/ask"}
    answer = client.predict("Which GPU should I use to fine-tune a 7B model?", api_name="/ask")
    assert "GB" in answer and "**Sources**" in answer
    assert client.predict("", api_name="/ask").startswith("⚠️ Please type a question")
