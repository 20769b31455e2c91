"""Typed settings read from the environment; loaded by ``load_settings()``, never at import time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from .knowledge._data import corpus_dir

__all__ = ["Settings", "default_data_dir", "load_settings"]

APP_NAME = "gpu-assistant"


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/gpu-assistant), whatever the cwd."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Every knob of gpu-assistant, with the environment variable that sets it."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True, frozen=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        validation_alias=_env("ASSISTANT_DATA_DIR"),
        description="Where the embedded Chroma index, its ONNX query model, feedback and other local "
        "state are kept; default: the platform's user data directory (`gpu-assistant --help` shows it).",
    )
    corpus_dir: Path = Field(
        default_factory=corpus_dir,
        validation_alias=_env("ASSISTANT_CORPUS_DIR"),
        description="The knowledge base: guides, GPU catalog, model specs and sizing assumptions.",
    )
    chroma_host: str | None = Field(
        default=None,
        validation_alias=_env("CHROMA_HOST"),
        description="Host of a Chroma server (`chroma run`); unset means the embedded local store.",
    )
    chroma_port: int = Field(
        default=8000, validation_alias=_env("CHROMA_PORT"), description="Port of the Chroma server."
    )
    chroma_timeout_s: float = Field(
        default=5.0,
        gt=0,
        validation_alias=_env("ASSISTANT_CHROMA_TIMEOUT"),
        description="Seconds to connect to, and to wait for each answer from, the Chroma server.",
    )
    chroma_retries: int = Field(
        default=2,
        ge=0,
        le=10,
        validation_alias=_env("ASSISTANT_CHROMA_RETRIES"),
        description="Retries (with backoff) of a Chroma call whose connection failed; timeouts are not retried.",
    )
    collection: str = Field(
        default="gpu-assistant",
        validation_alias=_env("ASSISTANT_COLLECTION"),
        description="Chroma collection name.",
    )
    llm: str | None = Field(
        default=None,
        validation_alias=_env("ASSISTANT_LLM"),
        description="Optional LLM that writes answers from the same facts: 'openai:<model>' "
        "(honours OPENAI_BASE_URL / OPENAI_API_KEY) or 'ollama:<model>'. Unset: the offline composer.",
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=_env("OPENAI_BASE_URL"),
        description="OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio).",
    )
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=_env("OPENAI_API_KEY"), description="API key for the endpoint."
    )
    ollama_base_url: str | None = Field(
        default=None,
        validation_alias=_env("OLLAMA_BASE_URL", "OLLAMA_HOST"),
        description="Ollama server URL (default http://localhost:11434).",
    )
    llm_timeout_s: float = Field(
        default=60.0,
        gt=0,
        validation_alias=_env("ASSISTANT_LLM_TIMEOUT"),
        description="Seconds an LLM answer may take in all (not per read) before the offline answer is sent.",
    )
    llm_max_chars: int = Field(
        default=20_000,
        ge=100,
        validation_alias=_env("ASSISTANT_LLM_MAX_CHARS"),
        description="Longest LLM answer, in characters; a longer one is cut and the offline answer follows.",
    )
    conversation_ttl_s: float = Field(
        default=3600.0,
        gt=0,
        validation_alias=_env("ASSISTANT_CONVERSATION_TTL"),
        description="Seconds of inactivity after which a conversation is forgotten.",
    )
    max_conversations: int = Field(
        default=10_000,
        ge=1,
        validation_alias=_env("ASSISTANT_MAX_CONVERSATIONS"),
        description="Conversations kept at once (SQLite or memory); the oldest are forgotten first.",
    )
    conversations_url: str | None = Field(
        default=None,
        validation_alias=_env("ASSISTANT_CONVERSATIONS_URL"),
        description="Where conversations are kept: unset means SQLite in the data directory (survives "
        "restarts); 'redis://host:6379/0' shares them between replicas (the `redis` extra); "
        "'sqlite:///path' another SQLite file; 'memory' this process only.",
    )
    ui_host: str = Field(
        default="127.0.0.1", validation_alias=_env("ASSISTANT_UI_HOST"), description="Web app bind address."
    )
    ui_port: int = Field(
        default=7860, validation_alias=_env("ASSISTANT_UI_PORT"), description="Web app port."
    )
    ui_username: str | None = Field(
        default=None,
        validation_alias=_env("ASSISTANT_UI_USERNAME"),
        description="Web app login user (optional).",
    )
    ui_password: SecretStr | None = Field(
        default=None, validation_alias=_env("ASSISTANT_UI_PASSWORD"), description="Web app login password."
    )
    api_rate_limit: float = Field(
        default=60.0,
        ge=0,
        validation_alias=_env("ASSISTANT_API_RATE_LIMIT"),
        description="Questions per minute one client address may send to the JSON API (bursts of a "
        "sixth of that); past it the API answers 429 with Retry-After. 0 turns the limit off.",
    )
    login_rate_limit: float = Field(
        default=10.0,
        ge=0,
        validation_alias=_env("ASSISTANT_LOGIN_RATE_LIMIT"),
        description="Web-app login attempts (and failed API logins) per minute per client address; "
        "past it, 429. 0 turns the limit off.",
    )
    feedback_file: Path | None = Field(
        default=None,
        validation_alias=_env("ASSISTANT_FEEDBACK_FILE"),
        description="JSONL file for thumbs up/down; default <data_dir>/feedback.jsonl.",
    )
    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=_env("SLACK_BOT_TOKEN"), description="Slack bot token (xoxb-...)."
    )
    slack_app_token: SecretStr | None = Field(
        default=None,
        validation_alias=_env("SLACK_APP_TOKEN"),
        description="Slack app token for Socket Mode (xapp-...).",
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        validation_alias=_env("SLACK_SIGNING_SECRET"),
        description="Slack signing secret, for the Events API over HTTP.",
    )
    log_format: str = Field(
        default="text",
        pattern="^(text|json)$",
        validation_alias=_env("ASSISTANT_LOG_FORMAT"),
        description="Logs of the web app and Slack bot: 'text' or 'json' (one object per line with a request "
        "id and the time per stage); question text is logged only at DEBUG.",
    )
    slack_host: str = Field(
        default="127.0.0.1",
        validation_alias=_env("ASSISTANT_SLACK_HOST"),
        description="Bind address of the Slack bot's HTTP mode (`--http`); loopback unless told otherwise.",
    )
    slack_api_url: str | None = Field(
        default=None,
        validation_alias=_env("SLACK_API_URL"),
        description="Override of Slack's Web API base URL (proxies, tests).",
    )
    price_clouds: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(
            "cudo",
            "hyperbolic",
            "lambda",
            "mithril",
            "nebius",
            "primeintellect",
            "runpod",
            "seeweb",
            "shadeform",
            "simplepod",
            "vast",
        ),
        validation_alias=_env("ASSISTANT_PRICE_CLOUDS"),
        description="Clouds whose SkyPilot catalog files `gpu-assistant prices update` fetches, comma-separated "
        "(aws, gcp and azure work too; their files are large).",
    )
    price_catalog_url: str = Field(
        default="https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v7",
        validation_alias=_env("ASSISTANT_PRICE_CATALOG_URL"),
        description="Base URL of the live catalog; `<url>/<cloud>/vms.csv` is fetched for each cloud.",
    )

    @field_validator("price_clouds", mode="before")
    @classmethod
    def _clouds(cls, value):
        if isinstance(value, str):
            value = value.split(",")
        clouds = tuple(str(c).strip().lower() for c in value if str(c).strip())
        if any(not c.replace("-", "").isalnum() for c in clouds):
            raise ValueError(
                "ASSISTANT_PRICE_CLOUDS: cloud names are letters, digits and dashes, comma-separated"
            )
        return clouds

    @field_validator("data_dir")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return Path(value).expanduser()

    @field_validator("llm")
    @classmethod
    def _llm_spec(cls, value: str | None) -> str | None:
        if value in (None, "", "none", "offline"):
            return None
        provider, _, model = value.partition(":")
        if provider not in ("openai", "ollama") or not model:
            raise ValueError("ASSISTANT_LLM must be 'openai:<model>' or 'ollama:<model>'")
        return value

    @field_validator("conversations_url")
    @classmethod
    def _conversations_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if value == "memory" or value.startswith(("redis://", "rediss://", "unix://", "sqlite:///")):
            return value
        raise ValueError(
            "ASSISTANT_CONVERSATIONS_URL must be 'redis://host:port/db', 'sqlite:///path' or 'memory'"
        )

    @property
    def feedback_path(self) -> Path:
        """The thumbs up/down log."""
        return self.feedback_file or self.data_dir / "feedback.jsonl"


def load_settings(**overrides) -> Settings:
    """Read settings from the environment; keyword arguments override by field name."""
    return Settings(**overrides)
