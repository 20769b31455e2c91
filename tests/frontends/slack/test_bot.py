"""The Slack bot over real HTTP: signed Events API requests in, calls to a Web API stand-in out."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest

from assistant import load_settings
from assistant.frontends.slack import build_app, run
from tests.support.slack_stand_in import (
    APP_TOKEN,
    BOT_ID,
    BOT_TOKEN,
    BOT_USER,
    SIGNING_SECRET,
    TEAM,
    SlackSender,
    event_callback,
)

pytestmark = pytest.mark.slow  # a real Assistant on a copy of the session's index, served over HTTP

ACK_BUDGET_S = 1.5  # Slack allows 3 s; the bot must answer its HTTP request well within that
SLOW_ANSWER_S = 3.5


def mention(channel: str, ts: str, text: str, **extra) -> dict:
    return {
        "type": "app_mention",
        "user": "U0ALICE",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "client_msg_id": f"m-{ts}",
        **extra,
    }


def dm(channel: str, ts: str, text: str, **extra) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "user": "U0ALICE",
        "text": text,
        "ts": ts,
        "channel": channel,
        "client_msg_id": f"m-{ts}",
        **extra,
    }


def section_text(call) -> str:
    return "\n".join(b["text"]["text"] for b in call.body["blocks"] if b["type"] == "section")


def test_url_verification_challenge(slack):
    response = slack.json({"token": "legacy", "challenge": "c-123", "type": "url_verification"})
    assert response.status == 200
    assert json.loads(response.body) == {"challenge": "c-123"}


def test_health_check_and_unknown_paths(bot_url):
    root = bot_url.removesuffix("/slack/events")
    with urllib.request.urlopen(f"{root}/healthz", timeout=5) as response:
        assert response.status == 200 and response.read() == b"ok"
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(
            urllib.request.Request(f"{root}/elsewhere", data=b"{}", method="POST"), timeout=5
        )
    assert error.value.code == 404


def test_mention_in_a_channel_is_answered_once_in_its_thread(slack, slack_api, channel):
    room, ts = channel(), slack.new_ts()
    response = slack.event(mention(room, ts, "Compare the L4 and the T4"))
    assert response.status == 200
    # Slack also delivers the same message as a `message` event (when subscribed to channel messages).
    also = slack.event(
        {
            "type": "message",
            "channel_type": "channel",
            "user": "U0ALICE",
            "ts": ts,
            "channel": room,
            "text": f"<@{BOT_USER}> Compare the L4 and the T4",
        }
    )
    assert also.status == 200
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert post.body["thread_ts"] == ts
    assert "L4" in post.body["text"] and "T4" in post.body["text"]
    types = [b["type"] for b in post.body["blocks"]]
    assert types[0] == "section" and "context" in types and types[-1] == "actions"
    assert "**" not in section_text(post) and "| ---" not in section_text(post)
    actions = post.body["blocks"][-1]["elements"]
    assert [a["action_id"] for a in actions] == ["feedback_up", "feedback_down"]
    sources = next(b for b in post.body["blocks"] if b["type"] == "context")["elements"][0]["text"]
    assert "corpus/gpus.yaml#l4" in sources
    # a later message in another channel is answered; by then a duplicate would have been posted too
    other = channel()
    slack.event(mention(other, slack.new_ts(), "How much does an H100 cost per hour?"))
    slack_api.wait_for("chat.postMessage", channel=other)
    assert len(slack_api.find("chat.postMessage", channel=room)) == 1


def test_direct_message_is_answered_in_its_thread(slack, slack_api, channel):
    room, ts = channel("D"), slack.new_ts()
    assert slack.event(dm(room, ts, "How much memory does Llama 3 8B need for inference?")).status == 200
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert post.body["thread_ts"] == ts
    assert "GB" in post.body["text"]


def test_a_dm_delivered_as_both_message_and_mention_is_answered_once(slack, slack_api, channel):
    room, ts = channel("D"), slack.new_ts()
    slack.event(dm(room, ts, f"<@{BOT_USER}> Compare the A100 and the H100"))
    slack.event(mention(room, ts, "Compare the A100 and the H100", channel_type="im"))
    slack_api.wait_for("chat.postMessage", channel=room)
    barrier = channel("D")
    slack.event(dm(barrier, slack.new_ts(), "hi"))
    slack_api.wait_for("chat.postMessage", channel=barrier)
    assert len(slack_api.find("chat.postMessage", channel=room)) == 1


def test_follow_up_in_a_thread_keeps_the_conversation(slack, slack_api, channel):
    room, ts = channel(), slack.new_ts()
    slack.event(mention(room, ts, "Which GPU should I use to fine-tune a 7B model?"))
    (first,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert "7B" in first.body["text"]
    slack.event(mention(room, slack.new_ts(), "What about a 70B model?", thread_ts=ts))
    second = slack_api.wait_for("chat.postMessage", count=2, channel=room)[1]
    assert second.body["thread_ts"] == ts
    text = second.body["text"]
    assert "70B" in text
    assert "fine-tuning of a 70B" in text.split("\n")[0] and ("LoRA" in text or "QLoRA" in text)
    assert any(gpu in text for gpu in ("A40", "A100", "H100", "A6000", "MI300X", "H200"))


def test_a_new_thread_starts_a_new_conversation(slack, slack_api, channel):
    room = channel()
    slack.event(mention(room, slack.new_ts(), "Which GPU should I use to fine-tune a 7B model?"))
    slack_api.wait_for("chat.postMessage", channel=room)
    slack.event(mention(room, slack.new_ts(), "What about a 70B model?"))  # top level: no thread_ts
    second = slack_api.wait_for("chat.postMessage", count=2, channel=room)[1]
    headline = second.body["text"].split("\n")[0]
    assert "70B" in headline and "inference" in headline and "fine-tun" not in headline


def test_slash_command_is_acknowledged_then_answered_in_the_channel(slack, slack_api, channel):
    room = channel()
    url = slack_api.response_url(f"cmd-{room}")
    response = slack.form(
        {
            "token": "legacy",
            "team_id": TEAM,
            "channel_id": room,
            "user_id": "U0ALICE",
            "command": "/gpu",
            "text": "Compare the L4 and the T4",
            "response_url": url,
            "trigger_id": f"trig-{room}",
        }
    )
    assert response.status == 200 and response.seconds < ACK_BUDGET_S
    assert response.body == ""
    (answer,) = slack_api.wait_for(f"/response/cmd-{room}")
    assert answer.body["response_type"] == "in_channel"
    assert "L4" in answer.body["text"] and answer.body["blocks"][-1]["type"] == "actions"


def test_empty_slash_command_gets_a_usage_hint(slack, channel):
    room = channel()
    response = slack.form(
        {
            "team_id": TEAM,
            "channel_id": room,
            "user_id": "U0ALICE",
            "command": "/gpu",
            "text": "  ",
            "response_url": "http://127.0.0.1:9/unused",
            "trigger_id": "t",
        }
    )
    assert response.status == 200
    assert "/gpu" in response.body and "e.g." in response.body


def test_empty_mention_gets_a_friendly_hint(slack, slack_api, channel):
    room, ts = channel(), slack.new_ts()
    slack.event(mention(room, ts, "   "))
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert post.body["thread_ts"] == ts
    assert "Ask me" in post.body["text"] and "fine-tune" in post.body["text"]


def test_bad_signature_is_refused(slack, slack_api, channel):
    room = channel()
    body = json.dumps(event_callback(mention(room, slack.new_ts(), "Compare the L4 and the T4"))).encode()
    forged = slack.signature(body, int(time.time())).replace("v0=", "v0=0", 1)[:-1]
    response = slack.post(body, "application/json", signature=forged)
    assert response.status == 401
    wrong_secret = SlackSender(slack.url, secret="not-the-secret")
    assert wrong_secret.post(body, "application/json").status == 401
    unsigned = slack.post(body, "application/json", signature="v0=" + "0" * 64)
    assert unsigned.status == 401
    assert slack_api.find("chat.postMessage", channel=room) == []


def test_stale_timestamp_is_refused(slack, slack_api, channel):
    room = channel()
    body = json.dumps(event_callback(mention(room, slack.new_ts(), "Compare the L4 and the T4"))).encode()
    stale = int(time.time()) - 6 * 60
    response = slack.post(body, "application/json", timestamp=stale, signature=slack.signature(body, stale))
    assert response.status == 401
    assert slack_api.find("chat.postMessage", channel=room) == []


def test_messages_from_bots_are_not_answered(slack, slack_api, channel):
    room = channel("D")
    own = {
        "type": "message",
        "channel_type": "im",
        "channel": room,
        "ts": slack.new_ts(),
        "user": BOT_USER,
        "bot_id": BOT_ID,
        "text": "Which GPU should I use to fine-tune a 7B model?",
    }
    other_bot = {
        "type": "message",
        "subtype": "bot_message",
        "channel_type": "im",
        "channel": room,
        "ts": slack.new_ts(),
        "bot_id": "B0OTHER",
        "username": "echo",
        "text": "Compare the L4 and the T4",
    }
    bot_with_user = {
        "type": "message",
        "channel_type": "im",
        "channel": room,
        "ts": slack.new_ts(),
        "user": "U0BOTUSER",
        "bot_id": "B0OTHER",
        "text": "Compare the L4 and the T4",
    }
    bot_mention = mention(room, slack.new_ts(), "Compare the L4 and the T4", bot_id="B0OTHER")
    edit = {
        "type": "message",
        "subtype": "message_changed",
        "channel_type": "im",
        "channel": room,
        "ts": slack.new_ts(),
        "message": {"text": "Compare the L4 and the T4", "user": "U0ALICE"},
    }
    for event in (own, other_bot, bot_with_user, bot_mention, edit):
        assert slack.event(event).status == 200
    barrier = channel("D")
    slack.event(dm(barrier, slack.new_ts(), "hi"))
    slack_api.wait_for("chat.postMessage", channel=barrier)
    assert slack_api.find("chat.postMessage", channel=room) == []


def test_slack_retries_are_not_answered_twice(slack, slack_api, channel):
    room, ts = channel(), slack.new_ts()
    event = mention(room, ts, "How much does an A100 cost per hour?")
    slack.event(event)
    slack_api.wait_for("chat.postMessage", channel=room)
    again = slack.event(event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"})
    assert again.status == 200
    fresh = channel()
    timeout_retry = slack.event(
        mention(fresh, slack.new_ts(), "hi"),
        headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert timeout_retry.status == 200
    barrier = channel()
    slack.event(mention(barrier, slack.new_ts(), "hi"))
    slack_api.wait_for("chat.postMessage", channel=barrier)
    assert len(slack_api.find("chat.postMessage", channel=room)) == 1
    assert slack_api.find("chat.postMessage", channel=fresh) == []


@pytest.fixture
def slow_assistant(assistant, monkeypatch):
    """The shared assistant, taking SLOW_ANSWER_S longer than usual to answer."""
    ask = assistant.ask

    def slow_ask(*args, **kwargs):
        time.sleep(SLOW_ANSWER_S)
        return ask(*args, **kwargs)

    monkeypatch.setattr(assistant, "ask", slow_ask)
    return assistant


def test_events_are_acknowledged_before_a_slow_answer(slow_assistant, slack, slack_api, channel):
    room, ts = channel(), slack.new_ts()
    response = slack.event(mention(room, ts, "Which GPU should I use to serve Llama 3 8B?"))
    assert response.status == 200
    assert response.seconds < ACK_BUDGET_S, f"acknowledged after {response.seconds:.2f} s"
    url = slack_api.response_url(f"slow-{room}")
    command = slack.form(
        {
            "team_id": TEAM,
            "channel_id": room,
            "user_id": "U0ALICE",
            "command": "/gpu",
            "text": "Compare the L4 and the T4",
            "response_url": url,
            "trigger_id": "t-slow",
        }
    )
    assert command.status == 200 and command.seconds < ACK_BUDGET_S
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert post.body["thread_ts"] == ts
    slack_api.wait_for(f"/response/slow-{room}")


def test_feedback_button_appends_a_jsonl_line(slack, slack_api, channel, assistant):
    room, ts = channel(), slack.new_ts()
    slack.event(mention(room, ts, "Compare the L4 and the T4"))
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    button = post.body["blocks"][-1]["elements"][1]
    assert button["action_id"] == "feedback_down"
    path = assistant.settings.feedback_path
    before = path.read_text().splitlines() if path.exists() else []
    url = slack_api.response_url(f"vote-{room}")
    _click(slack, room, post, button, url, ts, block_id="feedback")
    (update,) = slack_api.wait_for(f"/response/vote-{room}")
    assert update.body["replace_original"] is True
    still = [e["action_id"] for b in update.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert not any(a.startswith("feedback") for a in still)  # one vote; the Details button may stay
    assert "Feedback recorded" in json.dumps(update.body["blocks"], ensure_ascii=False)
    lines = path.read_text().splitlines()
    assert len(lines) == len(before) + 1
    record = json.loads(lines[-1])
    assert record["vote"] == "down" and record["source"] == "slack"
    assert record["question"] == "Compare the L4 and the T4"
    assert record["answer"].startswith("Side by side") and "**Sources**" not in record["answer"]
    assert record["conversation_id"] == f"{TEAM}:{room}:{ts}"
    assert set(record) == {"timestamp", "conversation_id", "question", "answer", "vote", "source"}


def test_socket_mode_requests_reach_the_same_listeners(assistant, slack_api, channel):
    from slack_bolt.adapter.socket_mode.internals import run_bolt_app
    from slack_sdk.socket_mode.request import SocketModeRequest

    app = build_app(assistant)
    room, ts = channel(), f"{time.time():.6f}"
    request = SocketModeRequest(
        type="events_api",
        envelope_id="env-1",
        payload=event_callback(mention(room, ts, "Compare the L4 and the T4")),
    )
    assert run_bolt_app(app, request).status == 200  # no signature in Socket Mode
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert post.body["thread_ts"] == ts


def test_socket_mode_end_to_end(assistant, slack_api, socket_mode, channel):
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(build_app(assistant), app_token=APP_TOKEN)  # as run(http=False) builds it
    handler.connect()
    try:
        room, ts = channel(), f"{time.time():.6f}"
        payload = event_callback(mention(room, ts, "Which GPU should I use to fine-tune a 7B model?"))
        socket_mode.send(
            {
                "type": "events_api",
                "envelope_id": "env-mention",
                "payload": payload,
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        socket_mode.wait_for_ack("env-mention", timeout=ACK_BUDGET_S * 4)
        (post,) = slack_api.wait_for("chat.postMessage", channel=room)
        assert post.body["thread_ts"] == ts and "7B" in post.body["text"]
        url = slack_api.response_url(f"socket-{room}")
        command = {
            "team_id": TEAM,
            "channel_id": room,
            "user_id": "U0ALICE",
            "command": "/gpu",
            "text": "Compare the L4 and the T4",
            "response_url": url,
            "trigger_id": "t-socket",
        }
        socket_mode.send(
            {
                "type": "slash_commands",
                "envelope_id": "env-command",
                "payload": command,
                "accepts_response_payload": True,
            }
        )
        socket_mode.wait_for_ack("env-command", timeout=ACK_BUDGET_S * 4)
        slack_api.wait_for(f"/response/socket-{room}")
    finally:
        handler.close()


def _settings(tmp_path, **tokens):
    fields = {"slack_bot_token": None, "slack_app_token": None, "slack_signing_secret": None} | tokens
    return load_settings(data_dir=tmp_path, **fields)


@pytest.mark.parametrize(
    ("http", "tokens", "missing"),
    [
        (False, {}, "SLACK_BOT_TOKEN, SLACK_APP_TOKEN"),
        (False, {"slack_bot_token": BOT_TOKEN}, "SLACK_APP_TOKEN"),
        (True, {"slack_bot_token": BOT_TOKEN}, "SLACK_SIGNING_SECRET"),
        (True, {"slack_signing_secret": SIGNING_SECRET}, "SLACK_BOT_TOKEN"),
    ],
)
def test_missing_tokens_name_the_environment_variables(tmp_path, http, tokens, missing):
    assistant = SimpleNamespace(settings=_settings(tmp_path, **tokens))
    with pytest.raises(ValueError, match=missing):
        run(assistant, http=http, port=0)


def test_a_rejected_bot_token_is_a_value_error(tmp_path, slack_api):
    settings = _settings(
        tmp_path,
        slack_bot_token="xoxb-wrong",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack_api.api_url,
    )
    with pytest.raises(ValueError, match="SLACK_BOT_TOKEN"):
        build_app(SimpleNamespace(settings=settings))


def _click(
    slack, room: str, post, action: dict, url: str, thread_ts: str, *, block_id: str = "details"
) -> None:
    """Press ``action`` on the bot's ``post`` the way Slack does: a signed block_actions form post."""
    payload = {
        "type": "block_actions",
        "user": {"id": "U0ALICE", "username": "alice", "team_id": TEAM},
        "api_app_id": "A0STANDIN",
        "token": "legacy",
        "container": {"type": "message", "message_ts": "2.0", "channel_id": room, "is_ephemeral": False},
        "trigger_id": "trig",
        "team": {"id": TEAM, "domain": "stand-in"},
        "channel": {"id": room, "name": "gpus"},
        "message": {
            "type": "message",
            "ts": "2.0",
            "bot_id": BOT_ID,
            "text": post.body["text"],
            "blocks": post.body["blocks"],
            "thread_ts": thread_ts,
        },
        "response_url": url,
        "actions": [{**action, "block_id": block_id, "type": "button", "action_ts": str(time.time())}],
    }
    response = slack.form({"payload": json.dumps(payload)})
    assert response.status == 200 and response.seconds < ACK_BUDGET_S


def test_a_short_answer_offers_its_details_as_a_thread_reply(
    slack, slack_api, channel, assistant, set_details
):
    from tests.frontends.stand_ins import DETAILS_MARKER

    set_details(assistant)
    room, ts = channel(), slack.new_ts()
    slack.event(mention(room, ts, "Can I run Llama 3 8B on an L4?"))
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert DETAILS_MARKER not in json.dumps(post.body), "the answer itself stays short"
    details = next(b for b in post.body["blocks"] if b.get("block_id") == "details")
    (button,) = details["elements"]
    assert button["action_id"] == "show_details" and "Details" in button["text"]["text"]
    assert post.body["blocks"][-1]["block_id"] == "feedback"
    sources = next(b for b in post.body["blocks"] if b["type"] == "context")["elements"][0]["text"]
    assert "corpus/gpus.yaml#l4` — <https://" in sources and "|datasheet>" in sources

    url = slack_api.response_url(f"details-{room}")
    _click(slack, room, post, button, url, ts)
    posts = slack_api.wait_for("chat.postMessage", count=2, channel=room)
    reply = posts[1].body
    assert reply["thread_ts"] == ts, "posted in the answer's thread"
    shown = json.dumps(reply["blocks"], ensure_ascii=False)
    assert DETAILS_MARKER in shown and "*Memory breakdown (stand-in details)*" in shown
    assert "| ---" not in shown and "**" not in shown, "Markdown converted to mrkdwn"
    (update,) = slack_api.wait_for(f"/response/details-{room}")
    assert update.body["replace_original"] is True
    kinds = [b.get("block_id") for b in update.body["blocks"]]
    assert "details" not in kinds and "feedback" in kinds, "the button goes, the votes stay"
    assert "Details posted in the thread" in json.dumps(update.body["blocks"])


def test_no_details_button_when_a_reply_has_none(slack, slack_api, channel, assistant, set_details):
    set_details(assistant, "")
    room, ts = channel(), slack.new_ts()
    slack.event(mention(room, ts, "Compare the L4 and the T4"))
    (post,) = slack_api.wait_for("chat.postMessage", channel=room)
    assert not [b for b in post.body["blocks"] if b.get("block_id") == "details"]
    assert post.body["blocks"][-1]["block_id"] == "feedback"


def test_details_that_expired_get_a_private_note(slack, slack_api, channel):
    room = channel()
    url = slack_api.response_url(f"gone-{room}")
    post = SimpleNamespace(body={"text": "an old answer", "blocks": []})
    _click(slack, room, post, {"action_id": "show_details", "value": "unknown-id"}, url, slack.new_ts())
    (note,) = slack_api.wait_for(f"/response/gone-{room}")
    assert note.body["response_type"] == "ephemeral" and "ask the question again" in note.body["text"]
    assert slack_api.find("chat.postMessage", channel=room) == []
