"""The master keys: where they come from, which one seals, which ones still open.

A keyring has one *current* key, which seals every new value, and may hold *older* keys,
which only open values sealed before a rotation finished. The keys come from, in order:

1. ``DAIS_SECRETS_KEY`` (base64 of 32 bytes), with ``DAIS_SECRETS_OLD_KEYS`` (a comma
   separated list) while a rotation runs;
2. ``DAIS_SECRETS_KEY_FILE``, a file of base64 keys, one per line, the current one first;
3. neither: ``secrets.key`` in the data directory, generated with mode 0600 the first time.

A file-backed keyring follows its file: ``dais admin rotate-secrets-key`` writes the new key
first and keeps the old one below it while rows are rewrapped, and a running server picks
the change up at its next seal or open (one ``stat`` per call), so it neither seals with a
key that is about to be dropped nor fails to open a row already rewrapped.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from types import MappingProxyType
from typing import TYPE_CHECKING

from dais.config import ConfigError

from .envelope import MasterKey, Sealed, open_sealed, seal

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from dais.config import Settings

__all__ = [
    "DEFAULT_KEY_FILE",
    "Keyring",
    "KeyringError",
    "load_keyring",
    "read_key_file",
    "write_key_file",
]

log = logging.getLogger(__name__)

#: The key file made in the data directory when no key is configured.
DEFAULT_KEY_FILE = "secrets.key"

_HEADER = (
    "# dais secrets master keys: base64, one per line; the first seals, the others only open.\n"
    "# Back this file up with the database: without it no secret can be read.\n"
)


class KeyringError(ConfigError):
    """The master key configuration cannot be used; the message is one line for the operator."""


def _parse_keys(lines: Iterable[str], where: str) -> list[MasterKey]:
    keys: list[MasterKey] = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            keys.append(MasterKey.from_text(text))
        except ValueError as exc:
            raise KeyringError(f"{where}, line {number}: {exc}") from None
    return keys


def read_key_file(path: Path) -> list[MasterKey]:
    """The keys in ``path``, the current one first.

    :raises KeyringError: the file is missing, unreadable, empty or holds a line that is not
        a key.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyringError(f"secrets key file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyringError(f"secrets key file {path} cannot be read: {exc}") from None
    keys = _parse_keys(text.splitlines(), f"secrets key file {path}")
    if not keys:
        raise KeyringError(f"secrets key file {path} holds no key")
    return keys


def write_key_file(path: Path, keys: Sequence[MasterKey]) -> None:
    """Replace ``path`` with ``keys`` (the current one first), atomically and with mode 0600.

    Written to a temporary file in the same directory, flushed to disk and renamed over the
    old one, so a crash leaves either the old file or the new one, never half of either.
    """
    if not keys:
        raise ValueError("a key file holds at least one key")
    body = _HEADER + "".join(f"{k.to_text()}\n" for k in keys)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


class Keyring:
    """The master keys in use: :meth:`seal` with the current one, :meth:`open` with any."""

    def __init__(
        self, keys: Sequence[MasterKey], *, file: Path | None = None, source: str = ""
    ) -> None:
        if not keys:
            raise ValueError("a keyring holds at least one key")
        self._file = file
        #: Where the keys came from, for messages: ``DAIS_SECRETS_KEY`` or the file.
        self.source = source or (f"key file {file}" if file else "the configured keys")
        self._lock = threading.Lock()
        self._stamp = self._file_stamp()
        self._set(keys)

    def _set(self, keys: Sequence[MasterKey]) -> None:
        self._current = keys[0]
        self._keys: dict[str, MasterKey] = {k.key_id: k for k in reversed(keys)}

    def _file_stamp(self) -> tuple[int, int, int] | None:
        if self._file is None:
            return None
        try:
            st = self._file.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _follow_file(self) -> None:
        """Reload from the file if it changed since it was read (a rotation ran)."""
        if self._file is None:
            return
        stamp = self._file_stamp()
        if stamp is None or stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            try:
                keys = read_key_file(self._file)
            except KeyringError as exc:
                # Half a rotation's edit by hand, say: keep what was read last.
                log.error("%s; keeping the keys read before", exc)
                self._stamp = stamp
                return
            # Keys seen before stay known for opening: a server running while a rotation
            # dropped the old key may still hold rows it sealed with it.
            known = [k for k in self._keys.values() if k.key_id not in {n.key_id for n in keys}]
            self._set([*keys, *known])
            self._stamp = stamp
            log.info("secrets key file %s changed; sealing with key %s", self._file, keys[0].key_id)

    @property
    def file(self) -> Path | None:
        return self._file

    @property
    def current(self) -> MasterKey:
        self._follow_file()
        return self._current

    @property
    def keys(self) -> Mapping[str, MasterKey]:
        """Every key that opens, by id (a read-only view: a reload replaces the dict, it
        never changes one a caller holds)."""
        self._follow_file()
        return MappingProxyType(self._keys)

    def seal(self, plaintext: bytes, *, scope: str, name: str, version: int) -> Sealed:
        return seal(self.current, plaintext, scope=scope, name=name, version=version)

    def open(self, sealed: Sealed, *, scope: str, name: str, version: int) -> bytes:
        """:raises KeyUnavailable, Undecryptable: see :func:`envelope.open_sealed`."""
        return open_sealed(self.keys, sealed, scope=scope, name=name, version=version)


def _warn_if_readable_by_others(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning(
            "secrets key file %s may be read by other users (mode %o); chmod 600 it",
            path,
            stat.S_IMODE(mode),
        )


def load_keyring(settings: Settings, *, generate: bool = True) -> Keyring:
    """The keyring ``settings`` describe (see the module docstring for the order).

    With no key configured and ``generate``, a new key is written to the data directory and
    one line says so; without ``generate`` (tools that must not invent a key) that is an
    error.

    :raises KeyringError: a configured key is malformed or its file cannot be read.
    """
    if settings.secrets_key:
        current = _parse_keys([settings.secrets_key], "DAIS_SECRETS_KEY")
        if not current:
            raise KeyringError("DAIS_SECRETS_KEY is empty")
        older = _parse_keys(settings.secrets_old_keys, "DAIS_SECRETS_OLD_KEYS")
        return Keyring([*current, *older], source="DAIS_SECRETS_KEY")
    if settings.secrets_key_file is not None:
        path = settings.secrets_key_file
        keys = read_key_file(path)
        _warn_if_readable_by_others(path)
        return Keyring(keys, file=path)
    path = settings.data_dir / DEFAULT_KEY_FILE
    if not path.exists():
        if not generate:
            raise KeyringError(
                f"no secrets key: set DAIS_SECRETS_KEY or DAIS_SECRETS_KEY_FILE, or start "
                f"`dais serve` once to generate {path}"
            )
        write_key_file(path, [MasterKey.generate()])
        log.warning(
            "generated a secrets master key at %s (mode 0600); back it up with the database: "
            "without it, stored secrets cannot be read",
            path,
        )
    keys = read_key_file(path)
    _warn_if_readable_by_others(path)
    return Keyring(keys, file=path)
