"""Settings: every knob comes from a ``DAIS_*`` environment variable or an optional TOML file.

Environment variables win over the file. Values are validated once, at start-up; a bad value
raises :class:`ConfigError` whose message is one line naming the setting and the rule it broke.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

__all__ = ["SETTINGS_DOC", "ConfigError", "Settings", "load_settings", "redact_url"]


class ConfigError(Exception):
    """A setting has a value that breaks its rule."""


@attrs.frozen
class Settings:
    bind_host: str = "127.0.0.1"
    bind_port: int = 8080
    data_dir: Path = Path(".dais-data")
    database_url: str | None = None
    database_pool_size: int = 10
    redis_url: str | None = None
    public_url: str = "http://127.0.0.1:8080"
    cors_origins: tuple[str, ...] = ()
    log_level: str = "info"
    log_format: str = "text"
    max_body_size: int = 10 * 1024 * 1024
    ask_timeout: float = 10.0
    shutdown_timeout: float = 10.0
    session_idle_timeout: float = 7 * 86400.0
    session_max_age: float = 30 * 86400.0
    permission_cache_ttl: float = 30.0
    event_retention: float = 7 * 86400.0
    admin_password: str | None = attrs.field(default=None, repr=False)
    git_max_push_size: int = 2 * 1024**3
    git_max_concurrency: int = 16
    git_timeout: float = 3600.0
    lfs_max_object_size: int = 5 * 1024**3
    webhook_allowed_hosts: tuple[str, ...] = ()
    webhook_max_attempts: int = 8
    webhook_retry_delay: float = 10.0
    webhook_max_retry_delay: float = 3600.0
    webhook_connect_timeout: float = 5.0
    webhook_timeout: float = 10.0
    webhook_max_response_size: int = 64 * 1024
    webhook_disable_after: int = 10
    secrets_key: str | None = attrs.field(default=None, repr=False)
    secrets_old_keys: tuple[str, ...] = attrs.field(default=(), repr=False)
    secrets_key_file: Path | None = None
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_username: str | None = None
    smtp_password: str | None = attrs.field(default=None, repr=False)
    smtp_from: str | None = None
    smtp_timeout: float = 10.0
    smtp_verify_tls: bool = True
    smtp_ca_file: Path | None = None
    notify_email_window: float = 120.0
    notify_max_attempts: int = 6
    notify_retry_delay: float = 30.0
    executor: str = "local"
    build_concurrency: int = 4
    build_sandbox: str = "auto"
    build_network: bool = False
    build_timeout: float = 3600.0
    build_log_limit: int = 64 * 1024 * 1024
    build_artifact_max_size: int = 100 * 1024 * 1024
    build_artifact_expiry: float = 30 * 86400.0
    k8s_api_url: str | None = None
    k8s_token: str | None = attrs.field(default=None, repr=False)
    k8s_ca_file: Path | None = None
    k8s_verify_tls: bool = True
    k8s_namespace: str = "dais-builds"
    k8s_storage: str = "emptydir"
    k8s_default_image: str = "alpine:3.20"
    k8s_cpu_request: str = "250m"
    k8s_memory_request: str = "256Mi"
    k8s_cpu_limit: str = "2"
    k8s_memory_limit: str = "2Gi"
    telemetry_flush_interval: float = 5.0
    telemetry_retention: float = 7 * 86400.0
    otlp_max_body_size: int = 8 * 1024 * 1024
    self_telemetry: bool = True
    self_telemetry_interval: float = 15.0
    alert_interval: float = 30.0

    @property
    def bind(self) -> str:
        host = f"[{self.bind_host}]" if ":" in self.bind_host else self.bind_host
        return f"{host}:{self.bind_port}"


# --- parsers: each takes the raw text and returns the value or raises ValueError(rule) ---


def _bind(raw: str) -> tuple[str, int]:
    m = re.fullmatch(
        r"\[(?P<v6>[0-9a-fA-F:.]+)\]:(?P<p1>\d+)|(?P<host>[^:\[\]\s]+):(?P<p2>\d+)", raw
    )
    if not m:
        raise ValueError("expected host:port, e.g. 127.0.0.1:8080 or [::1]:8080")
    host = m["v6"] or m["host"]
    port = int(m["p1"] or m["p2"])
    if not 1 <= port <= 65535:
        raise ValueError("port must be between 1 and 65535")
    if m["v6"]:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise ValueError(f"{host!r} is not an IPv6 address") from None
    return host, port


def _url(schemes: frozenset[str]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        parts = urlsplit(raw)
        if parts.scheme not in schemes:
            raise ValueError(f"scheme must be one of {', '.join(sorted(schemes))}")
        if parts.scheme not in {"unix"} and not (parts.hostname or "host=" in parts.query):
            raise ValueError("a host is required")
        return raw

    return parse


def _public_url(raw: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError("expected an absolute http(s) URL, e.g. https://dais.example.com")
    if parts.query or parts.fragment:
        raise ValueError("must not carry a query or fragment")
    return raw.rstrip("/")


def _origins(raw: str) -> tuple[str, ...]:
    origins = tuple(o.strip().rstrip("/") for o in raw.split(",") if o.strip())
    for origin in origins:
        if origin == "*":
            raise ValueError(
                "'*' is not allowed: dais answers with credentials, so '*' would let any site "
                "act as a signed-in user; list the origins"
            )
        parts = urlsplit(origin)
        if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path:
            raise ValueError(f"{origin!r} is not an origin (scheme://host[:port])")
    return origins


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return value

    return parse


def _int_range(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise ValueError("must be a whole number") from None
        if not lo <= value <= hi:
            raise ValueError(f"must be between {lo} and {hi}")
        return value

    return parse


def _seconds(lo: float, hi: float) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        try:
            value = float(raw.strip().removesuffix("s"))
        except ValueError:
            raise ValueError("must be a number of seconds, e.g. 10 or 2.5") from None
        if not lo <= value <= hi:
            raise ValueError(f"must be between {lo:g} and {hi:g} seconds")
        return value

    return parse


_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kib": 1024, "kb": 1000, "m": 1024**2, "mib": 1024**2}
_SIZE_UNITS |= {"mb": 1000**2, "g": 1024**3, "gib": 1024**3, "gb": 1000**3}


def _size(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        m = re.fullmatch(r"\s*(\d+)\s*([a-zA-Z]*)\s*", raw)
        if not m or m[2].lower() not in _SIZE_UNITS:
            raise ValueError("must be a size in bytes, optionally with KiB, MiB or GiB")
        value = int(m[1]) * _SIZE_UNITS[m[2].lower()]
        if not lo <= value <= hi:
            raise ValueError(f"must be between {lo} and {hi} bytes")
        return value

    return parse


_HOST_PATTERN = re.compile(
    r"(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
)


def _allowed_hosts(raw: str) -> tuple[str, ...]:
    """``loopback``, ``private``, CIDRs and host names or ``*.suffix`` patterns, comma-separated."""
    out: list[str] = []
    for item in (i.strip().lower().rstrip(".") for i in raw.split(",")):
        if not item:
            continue
        if item in {"loopback", "private"}:
            out.append(item)
            continue
        try:
            out.append(str(ipaddress.ip_network(item, strict=False)))
            continue
        except ValueError:
            if "/" in item or ":" in item or re.fullmatch(r"[0-9.]+", item):
                raise ValueError(f"{item!r} is not an IP address or CIDR") from None
        if item == "*" or not _HOST_PATTERN.fullmatch(item) or len(item) > 253:
            raise ValueError(
                f"{item!r}: expected loopback, private, a CIDR (10.0.0.0/8), a host name "
                "or a pattern such as *.internal.example"
            )
        out.append(item)
    return tuple(out)


def _admin_password(raw: str) -> str:
    if not 10 <= len(raw) <= 1024:
        raise ValueError("must be 10 to 1024 characters long")
    return raw


def _path(raw: str) -> Path:
    if not raw.strip():
        raise ValueError("must not be empty")
    return Path(raw).expanduser()


def _keys(raw: str) -> tuple[str, ...]:
    # Checked as keys when the keyring is loaded, which names the bad one without showing it.
    return tuple(k.strip() for k in raw.split(",") if k.strip())


def _secret_text(raw: str) -> str:
    if not raw.strip():
        raise ValueError("must not be empty")
    return raw.strip()


def _boolean(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError("must be true or false")


_HOST_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]")


def _smtp_host(raw: str) -> str:
    value = raw.strip()
    if not _HOST_NAME.fullmatch(value):
        raise ValueError("must be a host name or an IP address")
    return value.strip("[]")


def _mailbox(raw: str) -> str:
    """``dais@example.com`` or ``dais <dais@example.com>``: one address, nothing to inject."""
    value = raw.strip()
    if any(c in value for c in "\r\n\x00") or not re.fullmatch(
        r"([^<>@,;]*<)?[^\s<>@,;]+@[^\s<>@,;]+>?", value
    ):
        raise ValueError("must be one address, e.g. dais@example.com or dais <dais@example.com>")
    if value.count("<") != value.count(">"):
        raise ValueError("has an unbalanced < or >")
    return value


def _k8s_name(raw: str) -> str:
    value = raw.strip()
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", value):
        raise ValueError("must be a DNS label: lower-case letters, digits and '-', at most 63")
    return value


def redact_url(url: str) -> str:
    """Hide the password of a URL so it can be logged or shown in an error."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


@attrs.frozen
class _Spec:
    env: str
    field: str
    parse: Callable[[str], Any]
    default: str
    doc: str


_SPECS: tuple[_Spec, ...] = (
    _Spec(
        "DAIS_BIND",
        "bind",
        _bind,
        "127.0.0.1:8080",
        "Address the HTTP server listens on (host:port).",
    ),
    _Spec(
        "DAIS_DATA_DIR",
        "data_dir",
        _path,
        ".dais-data",
        "Where dais keeps its files: the embedded PostgreSQL, repositories, blobs.",
    ),
    _Spec(
        "DAIS_DATABASE_URL",
        "database_url",
        _url(frozenset({"postgres", "postgresql"})),
        "",
        "PostgreSQL URL. Unset: an embedded PostgreSQL in `$DAIS_DATA_DIR/postgres`.",
    ),
    _Spec(
        "DAIS_DATABASE_POOL_SIZE",
        "database_pool_size",
        _int_range(3, 500),
        "10",
        "Connections in the PostgreSQL pool (at least 3).",
    ),
    _Spec(
        "DAIS_REDIS_URL",
        "redis_url",
        _url(frozenset({"redis", "rediss", "unix"})),
        "",
        "Redis or Valkey URL for the broker. Unset: the in-process broker (one node).",
    ),
    _Spec(
        "DAIS_PUBLIC_URL",
        "public_url",
        _public_url,
        "",
        "URL users reach dais at (links, cookies, passkeys). Default: `http://` + DAIS_BIND.",
    ),
    _Spec(
        "DAIS_CORS_ORIGINS",
        "cors_origins",
        _origins,
        "",
        "Comma-separated origins allowed by CORS. Empty: CORS off.",
    ),
    _Spec(
        "DAIS_LOG_LEVEL",
        "log_level",
        _choice("debug", "info", "warning", "error"),
        "info",
        "Log level.",
    ),
    _Spec(
        "DAIS_LOG_FORMAT",
        "log_format",
        _choice("text", "json"),
        "text",
        "`text` (key=value) or `json` (one object a line).",
    ),
    _Spec(
        "DAIS_MAX_BODY_SIZE",
        "max_body_size",
        _size(1024, 1024**3),
        "10MiB",
        "Largest request body the API accepts (413 above).",
    ),
    _Spec(
        "DAIS_ASK_TIMEOUT",
        "ask_timeout",
        _seconds(0.1, 600),
        "10",
        "How long an HTTP handler waits on an actor before answering 504.",
    ),
    _Spec(
        "DAIS_SESSION_IDLE_TIMEOUT",
        "session_idle_timeout",
        _seconds(60, 365 * 86400),
        "604800",
        "A session unused this long (seconds) ends.",
    ),
    _Spec(
        "DAIS_SESSION_MAX_AGE",
        "session_max_age",
        _seconds(60, 365 * 86400),
        "2592000",
        "A session ends this long (seconds) after sign-in, used or not.",
    ),
    _Spec(
        "DAIS_EVENT_RETENTION",
        "event_retention",
        _seconds(3600, 10 * 365 * 86400),
        "604800",
        "How long (seconds) delivered outbox events and finished webhook deliveries are kept.",
    ),
    _Spec(
        "DAIS_PERMISSION_CACHE_TTL",
        "permission_cache_ttl",
        _seconds(0.1, 3600),
        "30",
        "How long resolved permissions and token lookups stay cached (changes invalidate at once).",
    ),
    _Spec(
        "DAIS_ADMIN_PASSWORD",
        "admin_password",
        _admin_password,
        "",
        "Password of the `admin` user created on first start. Unset: a random one is printed once.",
    ),
    _Spec(
        "DAIS_GIT_MAX_PUSH_SIZE",
        "git_max_push_size",
        _size(1024, 1024**4),
        "2GiB",
        "Largest git push (request body) accepted; 413 above.",
    ),
    _Spec(
        "DAIS_GIT_MAX_CONCURRENCY",
        "git_max_concurrency",
        _int_range(1, 1024),
        "16",
        "git upload-pack/receive-pack processes run at once; more wait their turn.",
    ),
    _Spec(
        "DAIS_GIT_TIMEOUT",
        "git_timeout",
        _seconds(1, 86400),
        "3600",
        "Longest a git operation may run before it is killed.",
    ),
    _Spec(
        "DAIS_LFS_MAX_OBJECT_SIZE",
        "lfs_max_object_size",
        _size(1, 1024**4),
        "5GiB",
        "Largest Git LFS object accepted; 413 above.",
    ),
    _Spec(
        "DAIS_WEBHOOK_ALLOWED_HOSTS",
        "webhook_allowed_hosts",
        _allowed_hosts,
        "",
        "Where webhooks may go besides public addresses: `loopback`, `private`, CIDRs, host "
        "names or `*.suffix` patterns, comma-separated. Empty: public addresses only.",
    ),
    _Spec(
        "DAIS_WEBHOOK_MAX_ATTEMPTS",
        "webhook_max_attempts",
        _int_range(1, 50),
        "8",
        "Attempts per webhook delivery (retried on connection errors, timeouts, 5xx and 429).",
    ),
    _Spec(
        "DAIS_WEBHOOK_RETRY_DELAY",
        "webhook_retry_delay",
        _seconds(0.01, 3600),
        "10",
        "Delay before a delivery's first retry; doubled at each further one, with jitter.",
    ),
    _Spec(
        "DAIS_WEBHOOK_MAX_RETRY_DELAY",
        "webhook_max_retry_delay",
        _seconds(0.01, 86400),
        "3600",
        "Longest wait between two attempts, also for a receiver's `Retry-After`.",
    ),
    _Spec(
        "DAIS_WEBHOOK_CONNECT_TIMEOUT",
        "webhook_connect_timeout",
        _seconds(0.1, 60),
        "5",
        "How long a webhook delivery may take to connect.",
    ),
    _Spec(
        "DAIS_WEBHOOK_TIMEOUT",
        "webhook_timeout",
        _seconds(0.1, 300),
        "10",
        "How long a webhook delivery may take in all (resolve, connect, send, read the answer).",
    ),
    _Spec(
        "DAIS_WEBHOOK_MAX_RESPONSE_SIZE",
        "webhook_max_response_size",
        _size(0, 16 * 1024**2),
        "64KiB",
        "Most of a receiver's answer that dais reads and keeps in the delivery log.",
    ),
    _Spec(
        "DAIS_WEBHOOK_DISABLE_AFTER",
        "webhook_disable_after",
        _int_range(1, 100_000),
        "10",
        "Deliveries in a row that may fail before a webhook is switched off.",
    ),
    _Spec(
        "DAIS_SECRETS_KEY",
        "secrets_key",
        _secret_text,
        "",
        "Master key of the secrets engine (base64 of 32 bytes: `openssl rand -base64 32`). "
        "Unset: read from DAIS_SECRETS_KEY_FILE.",
    ),
    _Spec(
        "DAIS_SECRETS_OLD_KEYS",
        "secrets_old_keys",
        _keys,
        "",
        "Comma-separated earlier master keys that still open secrets while "
        "`dais admin rotate-secrets-key` rewraps them under DAIS_SECRETS_KEY.",
    ),
    _Spec(
        "DAIS_SECRETS_KEY_FILE",
        "secrets_key_file",
        _path,
        "",
        "File of master keys (base64, one per line, the current one first). Unset, with no "
        "DAIS_SECRETS_KEY: `$DAIS_DATA_DIR/secrets.key`, generated with mode 0600.",
    ),
    _Spec(
        "DAIS_SMTP_HOST",
        "smtp_host",
        _smtp_host,
        "",
        "SMTP server for notification email. Unset: no email is sent.",
    ),
    _Spec("DAIS_SMTP_PORT", "smtp_port", _int_range(1, 65535), "587", "SMTP server port."),
    _Spec(
        "DAIS_SMTP_SECURITY",
        "smtp_security",
        _choice("starttls", "tls", "none"),
        "starttls",
        "`starttls` (upgrade after connecting, port 587), `tls` (implicit TLS, port 465) or "
        "`none` (plain; only for a relay on a trusted network).",
    ),
    _Spec("DAIS_SMTP_USERNAME", "smtp_username", _secret_text, "", "SMTP user name, if it asks."),
    _Spec("DAIS_SMTP_PASSWORD", "smtp_password", _secret_text, "", "SMTP password."),
    _Spec(
        "DAIS_SMTP_FROM",
        "smtp_from",
        _mailbox,
        "",
        "From address of notification email. Default: `dais <dais@HOST>`, HOST from "
        "DAIS_PUBLIC_URL.",
    ),
    _Spec(
        "DAIS_SMTP_TIMEOUT",
        "smtp_timeout",
        _seconds(0.1, 300),
        "10",
        "How long one email may take to send, connecting included.",
    ),
    _Spec(
        "DAIS_SMTP_VERIFY_TLS",
        "smtp_verify_tls",
        _boolean,
        "true",
        "Check the SMTP server's certificate.",
    ),
    _Spec(
        "DAIS_SMTP_CA_FILE",
        "smtp_ca_file",
        _path,
        "",
        "PEM bundle to check the SMTP server's certificate with, instead of the system's.",
    ),
    _Spec(
        "DAIS_NOTIFY_EMAIL_WINDOW",
        "notify_email_window",
        _seconds(0, 86400),
        "120",
        "Notifications of one thread within this many seconds of its last email go out "
        "together as one email at the window's end (the first is sent at once).",
    ),
    _Spec(
        "DAIS_NOTIFY_MAX_ATTEMPTS",
        "notify_max_attempts",
        _int_range(1, 100),
        "6",
        "Attempts per notification email or webhook before it is marked failed.",
    ),
    _Spec(
        "DAIS_NOTIFY_RETRY_DELAY",
        "notify_retry_delay",
        _seconds(0.01, 3600),
        "30",
        "First retry delay of a failed notification; it doubles at each attempt, up to an hour.",
    ),
    _Spec(
        "DAIS_EXECUTOR",
        "executor",
        _choice("local", "kubernetes"),
        "local",
        "Where pipeline steps run: `local` (process groups on this machine) or `kubernetes` "
        "(a pod per step).",
    ),
    _Spec(
        "DAIS_BUILD_CONCURRENCY",
        "build_concurrency",
        _int_range(1, 1000),
        "4",
        "Pipelines this process runs at once (several replicas share the queue).",
    ),
    _Spec(
        "DAIS_BUILD_SANDBOX",
        "build_sandbox",
        _choice("auto", "bubblewrap", "none"),
        "auto",
        "Local executor: contain steps with bubblewrap (`auto`: when installed; "
        "`bubblewrap`: required; `none`: plain process groups).",
    ),
    _Spec(
        "DAIS_BUILD_NETWORK",
        "build_network",
        _boolean,
        "false",
        "Local executor with bubblewrap: let steps reach the network.",
    ),
    _Spec(
        "DAIS_BUILD_TIMEOUT",
        "build_timeout",
        _seconds(1, 86400),
        "3600",
        "A step's timeout when its `timeout` is not set, in seconds.",
    ),
    _Spec(
        "DAIS_BUILD_LOG_LIMIT",
        "build_log_limit",
        _size(1024, 16 * 1024**3),
        "64MiB",
        "Largest log kept per step; output beyond it is dropped, with a marker.",
    ),
    _Spec(
        "DAIS_BUILD_ARTIFACT_MAX_SIZE",
        "build_artifact_max_size",
        _size(1, 64 * 1024**3),
        "100MiB",
        "Largest artifact file a step may keep (a step's artifacts: ten times this).",
    ),
    _Spec(
        "DAIS_BUILD_ARTIFACT_EXPIRY",
        "build_artifact_expiry",
        _seconds(60, 10 * 365 * 86400),
        "2592000",
        "How long artifacts are kept when a step's `expire_in` is not set, in seconds.",
    ),
    _Spec(
        "DAIS_K8S_API_URL",
        "k8s_api_url",
        _url(frozenset({"http", "https"})),
        "",
        "Kubernetes executor: the API server. Unset: in-cluster configuration, else kubeconfig.",
    ),
    _Spec("DAIS_K8S_TOKEN", "k8s_token", _secret_text, "", "Kubernetes bearer token."),
    _Spec("DAIS_K8S_CA_FILE", "k8s_ca_file", _path, "", "CA bundle of the Kubernetes API."),
    _Spec(
        "DAIS_K8S_VERIFY_TLS", "k8s_verify_tls", _boolean, "true", "Verify the API's certificate."
    ),
    _Spec(
        "DAIS_K8S_NAMESPACE",
        "k8s_namespace",
        _k8s_name,
        "dais-builds",
        "Namespace of the step pods.",
    ),
    _Spec(
        "DAIS_K8S_STORAGE",
        "k8s_storage",
        _choice("emptydir", "pvc"),
        "emptydir",
        "Workspace of a pipeline's pods: `pvc` (one volume per pipeline, shared by its steps, "
        "needed for artifacts) or `emptydir` (each step clones afresh).",
    ),
    _Spec(
        "DAIS_K8S_DEFAULT_IMAGE",
        "k8s_default_image",
        _secret_text,
        "alpine:3.20",
        "Image of a step without `image`.",
    ),
    _Spec("DAIS_K8S_CPU_REQUEST", "k8s_cpu_request", _secret_text, "250m", "Step pod CPU request."),
    _Spec(
        "DAIS_K8S_MEMORY_REQUEST",
        "k8s_memory_request",
        _secret_text,
        "256Mi",
        "Step pod memory request.",
    ),
    _Spec("DAIS_K8S_CPU_LIMIT", "k8s_cpu_limit", _secret_text, "2", "Step pod CPU limit."),
    _Spec(
        "DAIS_K8S_MEMORY_LIMIT", "k8s_memory_limit", _secret_text, "2Gi", "Step pod memory limit."
    ),
    _Spec(
        "DAIS_TELEMETRY_FLUSH_INTERVAL",
        "telemetry_flush_interval",
        _seconds(0.05, 3600),
        "5",
        "Telemetry is written to Parquet at least this often (every append is in the "
        "write-ahead log before it is acknowledged).",
    ),
    _Spec(
        "DAIS_TELEMETRY_RETENTION",
        "telemetry_retention",
        _seconds(3600, 10 * 365 * 86400),
        "604800",
        "How long telemetry is kept, in seconds (7 days).",
    ),
    _Spec(
        "DAIS_OTLP_MAX_BODY_SIZE",
        "otlp_max_body_size",
        _size(1024, 256 * 1024**2),
        "8MiB",
        "Largest OTLP export accepted, after gzip is undone (413 above it).",
    ),
    _Spec(
        "DAIS_SELF_TELEMETRY",
        "self_telemetry",
        _boolean,
        "true",
        "Record dais's own logs, request spans and metrics in the built-in project "
        "`dais/dais` (private; administrators see it).",
    ),
    _Spec(
        "DAIS_SELF_TELEMETRY_INTERVAL",
        "self_telemetry_interval",
        _seconds(0.1, 3600),
        "15",
        "How often (seconds) dais stores a reading of its own metrics (what `/metrics` serves).",
    ),
    _Spec(
        "DAIS_ALERT_INTERVAL",
        "alert_interval",
        _seconds(0.1, 3600),
        "30",
        "How often (seconds) the alert evaluator evaluates every enabled alert rule.",
    ),
    _Spec(
        "DAIS_SHUTDOWN_TIMEOUT",
        "shutdown_timeout",
        _seconds(0.1, 600),
        "10",
        "Grace period for draining work at shutdown.",
    ),
)

SETTINGS_DOC: tuple[tuple[str, str, str], ...] = tuple((s.env, s.default, s.doc) for s in _SPECS)


def _read_toml(path: Path) -> dict[str, str]:
    """Read a TOML file whose keys are setting names without the prefix (``bind = "..."``)."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"--config {path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"--config {path}: not valid TOML: {exc}") from None
    known = {s.env.removeprefix("DAIS_").lower(): s.env for s in _SPECS}
    out: dict[str, str] = {}
    for key, value in data.items():
        env = known.get(key.lower())
        if env is None:
            raise ConfigError(f"--config {path}: unknown setting {key!r}")
        if isinstance(value, list):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ConfigError(f"{env} (in {path}): must be a string or a number")
        out[env] = str(value)
    return out


def load_settings(
    environ: Mapping[str, str] | None = None, config_file: Path | None = None
) -> Settings:
    """Build :class:`Settings` from a TOML file (optional) overlaid by the environment.

    :raises ConfigError: naming the first setting whose value breaks its rule.
    """
    env = os.environ if environ is None else environ
    raw: dict[str, str] = _read_toml(config_file) if config_file else {}
    raw |= {s.env: env[s.env] for s in _SPECS if s.env in env}
    values: dict[str, Any] = {}
    for spec in _SPECS:
        text = raw.get(spec.env, spec.default)
        if text == "" and spec.default == "":
            continue  # unset optional setting: keep the dataclass default
        try:
            values[spec.field] = spec.parse(text)
        except ValueError as exc:
            shown = redact_url(text) if spec.field.endswith("_url") else text
            if spec.field in {"admin_password", "secrets_key", "smtp_password", "k8s_token"}:
                shown = "***"
            raise ConfigError(f"{spec.env}={shown!r}: {exc}") from None
    host, port = values.pop("bind")
    values["bind_host"], values["bind_port"] = host, port
    settings = Settings(**values)
    if "public_url" not in values:
        settings = attrs.evolve(settings, public_url=f"http://{settings.bind}")
    return settings
