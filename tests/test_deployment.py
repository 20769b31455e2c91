"""compose.yaml runs the commands the README documents, with settings that exist (docs/deployment.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
import yaml

from assistant import Settings
from assistant.frontends.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEPLOYMENT = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
SETTINGS = {field.validation_alias.choices[0] for field in Settings.model_fields.values()}


def _commands(program: str) -> list[tuple[str, list[str]]]:
    return [(name, s["command"]) for name, s in SERVICES.items() if s.get("command", [None])[0] == program]


def test_the_stack_has_chroma_redis_web_and_slack():
    assert {"chroma", "redis", "web", "slack"} <= set(SERVICES)


@pytest.mark.parametrize(("service", "command"), _commands("gpu-assistant"))
def test_each_gpu_assistant_command_is_documented_and_parses(service, command):
    subcommand, options = command[1], [word for word in command[2:] if word.startswith("--")]
    documented = [line for line in README.splitlines() if re.search(rf"gpu-assistant {subcommand}\b", line)]
    assert documented, f"{service}: `gpu-assistant {subcommand}` is not in the README's commands"
    for option in options:
        assert any(option in line for line in documented), f"{service}: {option} is not documented"
        assert option in DEPLOYMENT or subcommand in ("index", "doctor")
    click_command = typer.main.get_command(app)
    click_command.make_context("gpu-assistant", list(command[1:]))  # raises on an unknown option


def test_the_chroma_and_redis_commands_are_the_documented_ones():
    ((_, chroma),) = _commands("chroma")
    assert " ".join(chroma[:3]) == "chroma run --path" and "chroma run --path" in README
    assert " ".join(chroma) in DEPLOYMENT
    ((_, redis),) = _commands("redis-server")
    assert " ".join(redis) in DEPLOYMENT


def test_every_setting_the_stack_passes_is_a_real_setting():
    for name, service in SERVICES.items():
        for variable in service.get("environment") or {}:
            assert variable in SETTINGS, f"{name}: {variable} is not a setting"


def test_the_replicas_share_chroma_and_redis():
    for name in ("web", "slack"):
        env = SERVICES[name]["environment"]
        assert env["CHROMA_HOST"] == "chroma" and env["ASSISTANT_CONVERSATIONS_URL"].startswith(
            "redis://redis"
        )
