"""Slack bot fixtures: a warmed-up Assistant, the Web API stand-in, and the bot served over real HTTP."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable

import pytest

from assistant import Assistant, load_settings
from assistant.frontends.slack import EVENTS_PATH, build_app, http_server
from tests.support.slack_stand_in import (
    BOT_TOKEN,
    SIGNING_SECRET,
    SlackSender,
    SlackWebAPIStandIn,
    SocketModeStandIn,
)


@pytest.fixture(scope="session")
def slack_api():
    with SlackWebAPIStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def socket_mode(slack_api):
    """A Socket Mode WebSocket stand-in that the Web API stand-in hands out."""
    with SocketModeStandIn(slack_api) as stand_in:
        yield stand_in
    slack_api.socket_url = None


@pytest.fixture(scope="session")
def assistant(indexed_data_dir, slack_api):
    """A real Assistant on a private copy of the session's index, talking to the Web API stand-in."""
    bot = Assistant(
        load_settings(
            data_dir=indexed_data_dir("slack-data"),
            slack_bot_token=BOT_TOKEN,
            slack_signing_secret=SIGNING_SECRET,
            slack_app_token=None,
            slack_api_url=slack_api.api_url,
        )
    )
    bot.warm_up()
    return bot


@pytest.fixture(scope="session")
def bot_url(assistant):
    """The bot served over HTTP on a free loopback port, as ``run(http=True)`` serves it."""
    server = http_server(build_app(assistant), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{EVENTS_PATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def slack(bot_url) -> SlackSender:
    return SlackSender(bot_url)


@pytest.fixture
def channel() -> Callable[[str], str]:
    """Fresh channel ids, so each test looks only at its own messages."""
    counter = itertools.count(1)
    stamp = time.time_ns() % 10**9
    return lambda prefix="C": f"{prefix}{stamp}{next(counter)}"
