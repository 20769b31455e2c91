"""Not a stand-in: drives the real web app's Gradio queue over HTTP the way its page (or a hostile script)
does — ``/config`` for the event ids, ``/gradio_api/queue/join`` to run one, ``/gradio_api/queue/data`` for
its result."""

from __future__ import annotations

import json
import urllib.request

__all__ = ["app_events", "run_event"]


def app_events(url: str) -> tuple[int, dict]:
    """The chatbot's component id, and every event's dependency by (component id, event name)."""
    with urllib.request.urlopen(url + "/config", timeout=30) as response:
        config = json.load(response)
    chatbot = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "chatbot")
    return chatbot, {tuple(t): d for d in config["dependencies"] for t in d["targets"]}


def run_event(url: str, session: str, dependency: dict, trigger: int, data: list, event_data=None) -> dict:
    """Join the queue as the page does and wait for the event's ``process_completed`` message."""
    body = {
        "data": data,
        "event_data": event_data,
        "fn_index": dependency["id"],
        "trigger_id": trigger,
        "session_hash": session,
    }
    request = urllib.request.Request(
        url + "/gradio_api/queue/join",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    with urllib.request.urlopen(f"{url}/gradio_api/queue/data?session_hash={session}", timeout=120) as stream:
        for line in stream:
            if line.startswith(b"data: "):
                message = json.loads(line[6:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("the queue never completed the event")
