from __future__ import annotations

from pathlib import Path

import pytest

from dais.config import SETTINGS_DOC, ConfigError, load_settings, redact_url


def test_defaults() -> None:
    s = load_settings({})
    assert (s.bind_host, s.bind_port) == ("127.0.0.1", 8080)
    assert s.data_dir == Path(".dais-data")
    assert s.database_url is None and s.redis_url is None
    assert s.public_url == "http://127.0.0.1:8080"
    assert s.cors_origins == ()
    assert s.log_level == "info"


def test_values_from_environment() -> None:
    s = load_settings(
        {
            "DAIS_BIND": "[::1]:9000",
            "DAIS_DATABASE_URL": "postgresql://u:p@db:5432/dais",
            "DAIS_REDIS_URL": "redis://cache:6379/0",
            "DAIS_PUBLIC_URL": "https://dais.example.com/",
            "DAIS_CORS_ORIGINS": "https://a.example.com, http://localhost:5173",
            "DAIS_LOG_LEVEL": "DEBUG",
            "DAIS_MAX_BODY_SIZE": "2MiB",
        }
    )
    assert (s.bind_host, s.bind_port, s.bind) == ("::1", 9000, "[::1]:9000")
    assert s.public_url == "https://dais.example.com"
    assert s.cors_origins == ("https://a.example.com", "http://localhost:5173")
    assert s.log_level == "debug"
    assert s.max_body_size == 2 * 1024 * 1024


def test_empty_cors_means_unset() -> None:
    assert load_settings({"DAIS_CORS_ORIGINS": ""}).cors_origins == ()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DAIS_BIND": "8080"}, "DAIS_BIND='8080': expected host:port"),
        ({"DAIS_BIND": "127.0.0.1:70000"}, "DAIS_BIND='127.0.0.1:70000': port must be between"),
        ({"DAIS_BIND": "[zz]:80"}, "DAIS_BIND"),
        ({"DAIS_DATABASE_URL": "mysql://x/y"}, "DAIS_DATABASE_URL='mysql://x/y': scheme must be"),
        ({"DAIS_REDIS_URL": "redis://"}, "DAIS_REDIS_URL='redis://': a host is required"),
        ({"DAIS_PUBLIC_URL": "dais.example.com"}, "DAIS_PUBLIC_URL"),
        ({"DAIS_CORS_ORIGINS": "https://a.com/path"}, "is not an origin"),
        ({"DAIS_LOG_LEVEL": "loud"}, "DAIS_LOG_LEVEL='loud': must be one of debug, info"),
        ({"DAIS_DATABASE_POOL_SIZE": "2"}, "DAIS_DATABASE_POOL_SIZE='2': must be between 3"),
        ({"DAIS_CORS_ORIGINS": "*"}, "'*' is not allowed"),
        ({"DAIS_DATABASE_POOL_SIZE": "ten"}, "must be a whole number"),
        ({"DAIS_MAX_BODY_SIZE": "lots"}, "DAIS_MAX_BODY_SIZE='lots': must be a size"),
        ({"DAIS_ASK_TIMEOUT": "-1"}, "DAIS_ASK_TIMEOUT='-1': must be between"),
        ({"DAIS_DATA_DIR": " "}, "DAIS_DATA_DIR"),
    ],
)
def test_bad_values_name_the_setting_and_rule(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(env)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_password_never_shown_in_errors() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({"DAIS_DATABASE_URL": "mysql://admin:hunter2@db/x"})
    assert "hunter2" not in str(info.value)
    assert redact_url("redis://:s3cret@h:6379/0") == "redis://:***@h:6379/0"


def test_toml_file_and_environment_override(tmp_path: Path) -> None:
    config = tmp_path / "dais.toml"
    config.write_text(
        'bind = "0.0.0.0:9090"\nlog_level = "warning"\ncors_origins = ["https://x.io"]\n'
    )
    s = load_settings({"DAIS_LOG_LEVEL": "error"}, config)
    assert s.bind == "0.0.0.0:9090"
    assert s.log_level == "error"
    assert s.cors_origins == ("https://x.io",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('bind = "x"', "DAIS_BIND='x'"),
        ("colour = 1", "unknown setting 'colour'"),
        ("bind = ", "not valid TOML"),
        ("log_level = true", "must be a string or a number"),
    ],
)
def test_bad_toml(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "dais.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings({}, config)


def test_missing_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings({}, tmp_path / "nope.toml")


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for env, _default, _doc in SETTINGS_DOC:
        assert f"`{env}`" in readme, f"{env} missing from the README settings table"
