"""The Slack bot: answers @mentions, direct messages and ``/gpu`` in threads, with thumbs up/down feedback.

Answers are short; when a reply has details (breakdown, assumptions, alternatives) a "Details" button posts
them as a reply in the answer's thread.

Socket Mode by default (``SLACK_BOT_TOKEN`` + ``SLACK_APP_TOKEN``); ``run(http=True)`` serves the Events
API over HTTP at ``/slack/events`` (``SLACK_BOT_TOKEN`` + ``SLACK_SIGNING_SECRET``). Every request is
acknowledged at once and answered afterwards by a lazy listener, so Slack never waits past its 3 s.

    from assistant import Assistant
    from assistant.frontends.slack import run
    run(Assistant(), http=False, port=3000)
"""

from __future__ import annotations

import html
import logging
import re
import threading
import uuid
from typing import Any

from cachetools import TTLCache

from assistant import InvalidQuestion, configure_logging, open_feedback_store

from ._format import (
    DETAILS_ACTION,
    FEEDBACK_ACTIONS,
    answer_message,
    details_message,
    details_posted,
    feedback_given,
    to_mrkdwn,
)
from ._http import SlackHTTPServer, asgi_app

__all__ = ["EVENTS_PATH", "build_app", "http_server", "question_text", "run"]

EVENTS_PATH = "/slack/events"
DEFAULT_API_URL = "https://slack.com/api/"
SEEN_TTL_S = 600  # how long an event is remembered, to answer it once (Slack retries within minutes)
SEEN_MAX = 10_000
ANSWERS_TTL_S = 7 * 24 * 3600  # how long a posted answer can still be voted on with its question recorded
ANSWERS_MAX = 2_000
ANSWERED_SUBTYPES = (None, "thread_broadcast", "file_share")
HINT = (
    "Hi! Ask me which GPU or accelerator to use, e.g. "
    "_Which GPU should I use to fine-tune a 7B model?_ or _Compare the L4 and the T4_."
)
COMMAND_HINT = "Usage: `/gpu <your question>`, e.g. `/gpu Which GPU should I use to fine-tune a 7B model?`"

log = logging.getLogger(__name__)


class _QuietBolt(logging.Filter):
    """Drops Bolt's warning that SLACK_BOT_TOKEN (which it reads itself) is unused: the client carries it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


bolt_log = logging.getLogger(f"{__name__}.bolt")
bolt_log.addFilter(_QuietBolt())
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_SLACK_LINK = re.compile(r"<([^<>|]+)\|([^<>]+)>|<([^<>]+)>")


def _secret(value: Any) -> str | None:
    """The plain value of a SecretStr (or str), None when unset or blank."""
    if value is None:
        return None
    text = value.get_secret_value() if hasattr(value, "get_secret_value") else str(value)
    return text.strip() or None


def _require(settings: Any, *names: str) -> None:
    """ValueError naming every listed environment variable that is not set."""
    missing = [name for name in names if not _secret(getattr(settings, name.lower(), None))]
    if missing:
        raise ValueError(
            f"the Slack bot needs {' and '.join(names)}; not set: {', '.join(missing)}. "
            "See docs/slack.md to create the Slack app and get its tokens."
        )


def _api_url(settings: Any) -> str:
    """The Web API base URL, ending in a slash."""
    url = settings.slack_api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def question_text(text: str, bot_user_id: str | None) -> str:
    """A Slack message's text as the question: the bot's mention removed, Slack markup undone."""
    text = _MENTION.sub(lambda m: "" if bot_user_id in (None, m.group(1)) else f"@{m.group(1)}", text or "")

    def link(match: re.Match) -> str:
        target, label, bare = match.groups()
        if bare is not None:
            return bare.lstrip("#@!")
        return f"#{label}" if target.startswith("#") else label

    text = _SLACK_LINK.sub(link, text)
    return " ".join(html.unescape(text).split())


class _Once:
    """A bounded, expiring set of keys: ``claim`` is True only for the first caller of a key."""

    def __init__(self, ttl_s: float = SEEN_TTL_S, maxsize: int = SEEN_MAX):
        self._seen: TTLCache[str, bool] = TTLCache(maxsize=maxsize, ttl=ttl_s)
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is seen (within the TTL), False after."""
        with self._lock:
            if key in self._seen:
                return False
            self._seen[key] = True
            return True


class _Bot:
    """The listeners: translate Slack events into ``Assistant.ask`` calls and replies into messages."""

    def __init__(self, assistant: Any):
        self.assistant = assistant
        self.seen = _Once()
        self.answers: TTLCache[str, tuple[str, str, str | None]] = TTLCache(
            maxsize=ANSWERS_MAX, ttl=ANSWERS_TTL_S
        )
        self.details: TTLCache[str, str] = TTLCache(maxsize=ANSWERS_MAX, ttl=ANSWERS_TTL_S)
        self._answers_lock = threading.Lock()
        self.feedback = None  # the feedback store, opened at the first vote

    # --- acknowledging (runs before the HTTP response) ---------------------------------------

    @staticmethod
    def ack(ack) -> None:
        """Acknowledge at once; the answer follows from a lazy listener."""
        ack()

    @staticmethod
    def ack_command(ack, command: dict) -> None:
        """Acknowledge ``/gpu`` at once; an empty one gets the usage hint (only its caller sees it)."""
        ack("" if (command.get("text") or "").strip() else COMMAND_HINT)

    @staticmethod
    def skip_timeout_retries(req, resp, next):
        """Drop Slack's retries of events it resent only because the first delivery was slow."""
        retry = req.headers.get("x-slack-retry-num")
        reason = (req.headers.get("x-slack-retry-reason") or [""])[0]
        if retry and reason == "http_timeout" and req.body.get("type") == "event_callback":
            log.info("ignoring Slack retry %s (%s) of event %s", retry[0], reason, req.body.get("event_id"))
            from slack_bolt.response import BoltResponse

            return BoltResponse(status=200, body="")
        return next()

    # --- answering (lazy listeners, after the acknowledgement) ---------------------------------

    def on_mention(self, body: dict, event: dict, context, client) -> None:
        """An @mention in a channel (or anywhere): answer in its thread."""
        self._answer_event(body, event, context, client)

    def on_message(self, body: dict, event: dict, context, client) -> None:
        """A direct message: answer in its thread. Channel messages are answered only when they mention the bot."""
        if event.get("channel_type") != "im":
            return
        self._answer_event(body, event, context, client)

    def on_command(self, body: dict, command: dict, respond) -> None:
        """``/gpu question``: answer in the channel through the command's response URL."""
        text = question_text(command.get("text") or "", None)
        if not text:
            return
        conversation = f"{command.get('team_id')}:{command.get('channel_id')}:command:{command.get('trigger_id') or uuid.uuid4().hex}"
        message = self._answer(text, conversation)
        respond(response_type="in_channel", replace_original=False, **message)

    def on_feedback(self, body: dict, action: dict, respond) -> None:
        """A 👍/👎 click: append a feedback line and replace the buttons with a thank-you."""
        vote = FEEDBACK_ACTIONS.get(action.get("action_id", ""))
        if vote is None:
            return
        message = body.get("message") or {}
        with self._answers_lock:
            known = self.answers.get(action.get("value") or "")
        question, answer, conversation_id = known or ("", message.get("text", ""), None)
        if self.feedback is None:
            self.feedback = open_feedback_store(self.assistant.settings)
        self.feedback.append(
            source="slack",
            question=question,
            answer=answer,
            vote=vote,
            conversation_id=conversation_id,
        )
        user = (body.get("user") or {}).get("id")
        if message.get("blocks"):
            respond(
                replace_original=True,
                text=message.get("text") or "Thanks for the feedback!",
                blocks=feedback_given(message["blocks"], vote, user),
            )

    def on_details(self, body: dict, action: dict, client, respond) -> None:
        """A 'Details' click: post the answer's breakdown and assumptions as a reply in its thread."""
        with self._answers_lock:
            details = self.details.get(action.get("value") or "")
        if not details:
            respond(
                response_type="ephemeral",
                replace_original=False,
                text="Those details are no longer available; ask the question again to see them.",
            )
            return
        message = body.get("message") or {}
        container = body.get("container") or {}
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
        thread_ts = message.get("thread_ts") or container.get("thread_ts") or message.get("ts")
        thread_ts = thread_ts or container.get("message_ts")
        post = details_message(details)
        try:
            client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **post
            )
        except (
            Exception
        ) as exc:  # e.g. a /gpu answer in a channel the bot has not joined: show them privately
            log.warning("could not post details in the thread (%s); sending them to the user only", exc)
            respond(response_type="ephemeral", replace_original=False, **post)
            return
        user = (body.get("user") or {}).get("id")
        if message.get("blocks"):
            respond(
                replace_original=True,
                text=message.get("text") or "Details posted in the thread.",
                blocks=details_posted(message["blocks"], user),
            )

    # --- helpers ---------------------------------------------------------------------------------

    def _answer_event(self, body: dict, event: dict, context, client) -> None:
        if not self._is_from_a_person(event, context):
            return
        team = body.get("team_id") or event.get("team") or context.team_id or "-"
        channel = event.get("channel")
        ts = event.get("ts")
        if not channel or not ts or not self.seen.claim(f"{team}:{channel}:{ts}"):
            return
        thread_ts = event.get("thread_ts") or ts
        question = question_text(event.get("text") or "", context.bot_user_id)
        message = self._answer(question, f"{team}:{channel}:{thread_ts}")
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message
        )

    @staticmethod
    def _is_from_a_person(event: dict, context) -> bool:
        """Not from this bot, not from another bot, and not an edit, deletion or join notice."""
        if event.get("bot_id") or event.get("subtype") not in ANSWERED_SUBTYPES or event.get("hidden"):
            return False
        user = event.get("user")
        return bool(user) and user not in (context.bot_user_id, context.bot_id)

    def _answer(self, question: str, conversation_id: str) -> dict:
        """The Slack message for ``question``: the answer with buttons, a hint, or an apology."""
        if not question:
            return {"text": HINT, "blocks": [_section(HINT)]}
        try:
            reply = self.assistant.ask(question, conversation_id=conversation_id)
        except InvalidQuestion as exc:
            return {"text": str(exc), "blocks": [_section(to_mrkdwn(str(exc)))]}
        except Exception:
            log.exception("could not answer %r", question)
            text = "Sorry, something went wrong while answering that. Please try again in a moment."
            return {"text": text, "blocks": [_section(text)]}
        feedback_id = uuid.uuid4().hex[:12]
        with self._answers_lock:
            self.answers[feedback_id] = (question, reply.text, conversation_id)
            if reply.details.strip():
                self.details[feedback_id] = reply.details
        return answer_message(reply, feedback_id)


def _section(text: str) -> dict:
    """A mrkdwn section block."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def build_app(assistant: Any, *, token_verification: bool = True):
    """A Bolt app answering mentions, DMs and ``/gpu`` with ``assistant`` (needs SLACK_BOT_TOKEN)."""
    try:
        from slack_bolt import App
        from slack_bolt.error import BoltError
        from slack_sdk import WebClient
    except ImportError as exc:  # pragma: no cover - slack-bolt is a core dependency
        raise ImportError(
            f"the Slack bot needs slack-bolt and slack-sdk: pip install slack-bolt ({exc})"
        ) from exc

    settings = assistant.settings
    _require(settings, "SLACK_BOT_TOKEN")
    client = WebClient(token=_secret(settings.slack_bot_token), base_url=_api_url(settings), logger=log)
    try:
        app = App(
            name="gpu-assistant",
            client=client,
            signing_secret=_secret(settings.slack_signing_secret) or "",
            token_verification_enabled=token_verification,
            process_before_response=False,
            logger=bolt_log,
        )
    except BoltError as exc:
        raise ValueError(f"Slack did not accept SLACK_BOT_TOKEN: {exc}") from exc
    except OSError as exc:
        raise ValueError(f"could not reach Slack's Web API at {_api_url(settings)}: {exc}") from exc

    bot = _Bot(assistant)
    app.middleware(bot.skip_timeout_retries)
    app.event("app_mention")(ack=bot.ack, lazy=[bot.on_mention])
    app.event("message")(ack=bot.ack, lazy=[bot.on_message])
    app.command("/gpu")(ack=bot.ack_command, lazy=[bot.on_command])
    app.action(re.compile(f"^({'|'.join(FEEDBACK_ACTIONS)})$"))(ack=bot.ack, lazy=[bot.on_feedback])
    app.action(DETAILS_ACTION)(ack=bot.ack, lazy=[bot.on_details])
    return app


def http_server(app, *, host: str = "127.0.0.1", port: int = 3000) -> SlackHTTPServer:
    """An HTTP server (not yet serving) for the Events API, slash commands and interactivity at /slack/events:
    Bolt's Starlette adapter behind uvicorn, with body limits and timeouts (see ``_http``)."""
    secret = getattr(app, "_signing_secret", None) or None
    return SlackHTTPServer(
        asgi_app(app, events_path=EVENTS_PATH, signing_secret=secret), host=host, port=port
    )


def run(assistant: Any, *, http: bool = False, port: int = 3000, host: str | None = None) -> None:
    """Run the bot until interrupted: Socket Mode, or with ``http`` the Events API on ``host:port``
    (``host`` defaults to ``ASSISTANT_SLACK_HOST``, loopback unless told otherwise)."""
    settings = assistant.settings
    host = host or settings.slack_host
    configure_logging(settings)  # text or JSON (ASSISTANT_LOG_FORMAT), a request id on each record
    if http:
        _require(settings, "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
        app = build_app(assistant)
        log.info("loading the search index and embedder")
        assistant.warm_up()
        server = http_server(app, host=host, port=port)
        log.info(
            "gpu-assistant Slack bot: Events API at http://%s:%d%s",
            host,
            server.server_address[1],
            EVENTS_PATH,
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return
    _require(settings, "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    app = build_app(assistant)
    log.info("loading the search index and embedder")
    assistant.warm_up()
    log.info("gpu-assistant Slack bot: connecting in Socket Mode")
    SocketModeHandler(app, app_token=_secret(settings.slack_app_token)).start()
