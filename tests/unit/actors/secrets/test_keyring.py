"""Where master keys come from: the environment, a key file, or one generated on first start;
and a file-backed keyring following its file while a rotation rewrites it."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from dais.actors.secrets.envelope import KeyUnavailable, MasterKey
from dais.actors.secrets.keyring import (
    Keyring,
    KeyringError,
    load_keyring,
    read_key_file,
    write_key_file,
)
from dais.config import ConfigError, load_settings


def _settings(tmp_path: Path, **env: str) -> object:
    return load_settings({"DAIS_DATA_DIR": str(tmp_path), **env})


def test_without_a_key_one_is_generated_once_with_mode_0600(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "dais.actors.secrets.keyring")
    first = load_keyring(_settings(tmp_path))  # type: ignore[arg-type]
    path = tmp_path / "secrets.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [r.message for r in caplog.records if "generated" in r.message] != []
    caplog.clear()
    second = load_keyring(_settings(tmp_path))  # type: ignore[arg-type]
    assert second.current.key_id == first.current.key_id
    assert not [r for r in caplog.records if "generated" in r.message]
    # The file holds the key as base64, not the raw bytes.
    assert first.current.to_text() in path.read_text()


def test_tools_that_must_not_invent_a_key_say_so(tmp_path: Path) -> None:
    with pytest.raises(KeyringError, match="no secrets key"):
        load_keyring(_settings(tmp_path), generate=False)  # type: ignore[arg-type]
    assert not (tmp_path / "secrets.key").exists()


def test_a_key_from_the_environment_with_older_ones(tmp_path: Path) -> None:
    new, old = MasterKey.generate(), MasterKey.generate()
    keyring = load_keyring(
        _settings(  # type: ignore[arg-type]
            tmp_path, DAIS_SECRETS_KEY=new.to_text(), DAIS_SECRETS_OLD_KEYS=old.to_text()
        )
    )
    assert keyring.current == new and set(keyring.keys) == {new.key_id, old.key_id}
    assert keyring.source == "DAIS_SECRETS_KEY"
    assert not (tmp_path / "secrets.key").exists()
    sealed_by_old = Keyring([old]).seal(b"v", scope="s", name="n", version=1)
    assert keyring.open(sealed_by_old, scope="s", name="n", version=1) == b"v"


@pytest.mark.parametrize(
    ("env", "shown"),
    [
        ({"DAIS_SECRETS_KEY": "not base64 at all!"}, "not base64 at all!"),
        ({"DAIS_SECRETS_KEY": "c2hvcnQ="}, "c2hvcnQ="),  # base64 of 5 bytes
        (
            {"DAIS_SECRETS_KEY": MasterKey.generate().to_text(), "DAIS_SECRETS_OLD_KEYS": "oops"},
            "oops",
        ),
        ({"DAIS_SECRETS_KEY": "   "}, "must not be empty"),
    ],
)
def test_a_malformed_key_is_one_line_that_does_not_show_it(
    tmp_path: Path, env: dict[str, str], shown: str
) -> None:
    with pytest.raises(ConfigError, match="DAIS_SECRETS_") as caught:
        load_keyring(_settings(tmp_path, **env))  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    if shown == "must not be empty":
        assert shown in message
    else:
        assert shown not in message.replace("DAIS_SECRETS_", "")


def test_a_key_file_current_first(tmp_path: Path) -> None:
    current, older = MasterKey.generate(), MasterKey.generate()
    path = tmp_path / "keys"
    write_key_file(path, [current, older])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_key_file(path) == [current, older]
    keyring = load_keyring(_settings(tmp_path, DAIS_SECRETS_KEY_FILE=str(path)))  # type: ignore[arg-type]
    assert keyring.current == current and keyring.file == path


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "does not exist"),
        ("# only a comment\n", "holds no key"),
        ("bm90IGEga2V5\n", "line 1"),
        (b"\xff\xfe", "cannot be read"),
    ],
)
def test_key_files_that_cannot_be_used(
    tmp_path: Path, content: str | bytes | None, words: str
) -> None:
    path = tmp_path / "keys"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    with pytest.raises(KeyringError, match=words) as caught:
        load_keyring(_settings(tmp_path, DAIS_SECRETS_KEY_FILE=str(path)))  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)


def test_a_key_file_readable_by_others_is_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "keys"
    write_key_file(path, [MasterKey.generate()])
    os.chmod(path, 0o644)
    caplog.set_level(logging.WARNING, "dais.actors.secrets.keyring")
    load_keyring(_settings(tmp_path, DAIS_SECRETS_KEY_FILE=str(path)))  # type: ignore[arg-type]
    assert any("chmod 600" in r.message for r in caplog.records)


def test_a_file_backed_keyring_follows_a_rotation(tmp_path: Path) -> None:
    old, new = MasterKey.generate(), MasterKey.generate()
    path = tmp_path / "keys"
    write_key_file(path, [old])
    keyring = Keyring(read_key_file(path), file=path)
    sealed_by_old = keyring.seal(b"value", scope="s", name="n", version=1)
    assert sealed_by_old.key_id == old.key_id

    # The rotation writes the new key first and keeps the old one below it...
    write_key_file(path, [new, old])
    assert keyring.current == new
    assert keyring.seal(b"value", scope="s", name="n", version=1).key_id == new.key_id
    # ...then drops the old one; what this process already knew still opens.
    write_key_file(path, [new])
    assert keyring.open(sealed_by_old, scope="s", name="n", version=1) == b"value"
    # A process that starts now knows only the new key.
    fresh = Keyring(read_key_file(path), file=path)
    with pytest.raises(KeyUnavailable):
        fresh.open(sealed_by_old, scope="s", name="n", version=1)


def test_a_broken_key_file_keeps_the_keys_read_before(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key = MasterKey.generate()
    path = tmp_path / "keys"
    write_key_file(path, [key])
    keyring = Keyring(read_key_file(path), file=path)
    path.write_text("garbage\n")
    caplog.set_level(logging.ERROR, "dais.actors.secrets.keyring")
    assert keyring.current == key
    assert any("keeping the keys read before" in r.message for r in caplog.records)
