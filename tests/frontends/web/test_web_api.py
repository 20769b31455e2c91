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


def _post(url: str, body: dict, auth: tuple[str, str] | None = None):
    import base64
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url + "/api/ask", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    if auth:
        token = base64.b64encode(":".join(auth).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_json_api_answers_with_structured_reply(web_url):
    status, reply = _post(web_url, {"question": "Can I run Llama 3 8B on an L4?", "conversation_id": "api"})
    assert status == 200 and reply["gpus"][0] == "L4" and reply["memory_gb"] > 16
    assert reply["text"].startswith("**Yes**") and any(
        s["path"].startswith("corpus/") for s in reply["sources"]
    )
    status, follow = _post(web_url, {"question": "and in fp32?", "conversation_id": "api"})
    assert status == 200 and follow["memory_gb"] > 1.8 * reply["memory_gb"]  # fp32 weights: 4 bytes, not 2


def test_json_api_rejects_bad_questions_politely(web_url):
    status, body = _post(web_url, {"question": "   "})
    assert status == 422 and "type a question" in body["detail"]  # RFC 9457 problem details
    status, _ = _post(web_url, {"no": "question"})
    assert status == 422


def test_login_protects_the_api_and_the_ui(web_assistant):
    import urllib.error
    import urllib.request
    from dataclasses import replace

    from assistant import Assistant, load_settings
    from assistant.frontends.web import BackgroundServer

    settings = load_settings(
        data_dir=web_assistant.settings.data_dir, ui_username="ada", ui_password="s3cret"
    )
    guarded = Assistant(services=replace(web_assistant.services, settings=settings))
    with BackgroundServer(guarded) as server:
        assert _post(server.url, {"question": "H100 price"})[0] == 401
        assert _post(server.url, {"question": "H100 price"}, auth=("ada", "wrong"))[0] == 401
        status, reply = _post(server.url, {"question": "H100 price"}, auth=("ada", "s3cret"))
        assert status == 200 and reply["gpus"] == ["H100 SXM"]
        with pytest.raises(urllib.error.HTTPError) as refused:  # the UI's config needs the login too
            urllib.request.urlopen(server.url + "/config", timeout=30)
        assert refused.value.code == 401


def test_json_api_returns_the_details_and_source_urls(web_url, web_assistant, set_details):
    from tests.frontends.stand_ins import DETAILS_MARKER

    set_details(web_assistant)
    status, reply = _post(web_url, {"question": "Can I run Llama 3 8B on an L4?"})
    assert status == 200 and DETAILS_MARKER in reply["details"] and DETAILS_MARKER not in reply["text"]
    l4 = next(s for s in reply["sources"] if s["path"] == "corpus/gpus.yaml#l4")
    assert l4["url"].startswith("https://") and l4["url"] in l4["snippet"]
    assert all(s["url"] is None for s in reply["sources"] if s["path"].startswith("corpus/guides/"))
    set_details(web_assistant, "")
    status, reply = _post(web_url, {"question": "Can I run Llama 3 8B on an L4?"})
    assert status == 200 and reply["details"] == ""


def test_gradio_ask_endpoint_appends_the_details_only_when_there_are_some(
    web_url, web_assistant, set_details
):
    from gradio_client import Client

    from tests.frontends.stand_ins import DETAILS_MARKER

    client = Client(web_url, verbose=False)
    set_details(web_assistant)
    answer = client.predict("Can I run Llama 3 8B on an L4?", api_name="/ask")
    assert answer.index("**Details**") < answer.index(DETAILS_MARKER) < answer.index("**Sources**")
    set_details(web_assistant, "")
    assert "**Details**" not in client.predict("Can I run Llama 3 8B on an L4?", api_name="/ask")
