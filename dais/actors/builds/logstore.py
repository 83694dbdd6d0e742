"""Step logs: written as they come, masked, capped, published live, read back from any line.

Each step's log is one append-only file, ``logs/<step id % 1000>/<step id>.log`` under the
builds directory; the file is the truth. As output arrives, a :class:`LogWriter` masks the
step's secrets (:class:`~dais.actors.secrets.masking.Masker`, which also catches a secret
split across two chunks), cuts it into lines (a line over :data:`MAX_LINE` bytes is split),
appends the lines to the file and publishes them on the step's broker channel
(:func:`~.messages.log_channel`), numbered from 1, so every live viewer on every replica gets
them without reading the file. A viewer that falls behind (the broker drops messages for a
full subscriber) notices the gap in the numbers and reads the missing lines from the file.

A log stops growing at ``limit`` bytes: one marker line says so and the rest of the output
is read and dropped, so a step printing without end neither fills the disk nor blocks on a
full pipe. ANSI escapes are kept as written; the viewer colours them.

Channel messages are JSON: ``{"first": n, "lines": [...]}`` for lines ``n, n+1, ...`` (bytes
that are not UTF-8 shown as U+FFFD), or ``{"state": ..., "exit_code": ...}`` when the step's
state changes (``end`` true once it has finished).
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING, Any, BinaryIO

import anyio

from dais.actors.secrets.masking import Masker

from .messages import log_channel

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterable
    from pathlib import Path

    from dais.storage.broker import Broker

__all__ = ["MAX_LINE", "LogStore", "LogWriter", "marker"]

#: A line longer than this (bytes) is split.
MAX_LINE = 64 * 1024
_READ_CHUNK = 256 * 1024


def marker(text: str) -> bytes:
    """A line of dais's own in a step's log (yellow, so it stands apart from the output)."""
    return f"\x1b[33;1m[dais] {text}\x1b[0m\n".encode()


class LogStore:
    """Where step logs live; one per process."""

    def __init__(self, root: Path, broker: Broker, *, limit: int) -> None:
        self.root = root
        self._broker = broker
        self.limit = limit

    def path_of(self, step_id: int) -> Path:
        return self.root / f"{step_id % 1000:03d}" / f"{step_id}.log"

    async def open(self, step_id: int, secrets: Iterable[bytes], *, lines: int = 0) -> LogWriter:
        """A writer appending to the step's log, which already holds ``lines`` lines (a
        retried step's log goes on from where the last attempt stopped)."""
        path = self.path_of(step_id)

        def open_file() -> BinaryIO:
            path.parent.mkdir(parents=True, exist_ok=True)
            return path.open("ab")

        file = await anyio.to_thread.run_sync(open_file)
        size = file.tell()
        return LogWriter(self, step_id, file, Masker(secrets), lines=lines, size=size)

    async def publish_state(self, step_id: int, state: dict[str, Any]) -> None:
        await self._broker.publish(log_channel(step_id), json.dumps(state).encode())

    async def size(self, step_id: int) -> int:
        try:
            return (await anyio.Path(self.path_of(step_id)).stat()).st_size
        except FileNotFoundError:
            return 0

    async def read_bytes(self, step_id: int) -> AsyncIterator[bytes]:
        """The whole log, in chunks (nothing for a step that wrote none)."""
        try:
            file = await anyio.open_file(self.path_of(step_id), "rb")
        except FileNotFoundError:
            return
        async with file:
            while chunk := await file.read(_READ_CHUNK):
                yield chunk

    async def read_lines(self, step_id: int, after: int = 0) -> AsyncIterator[tuple[int, bytes]]:
        """Lines ``after + 1`` onwards, numbered, without their newlines. A last line with no
        newline yet (only while the step writes) is not returned."""
        number = 0
        rest = b""
        async for chunk in self.read_bytes(step_id):
            data = rest + chunk
            start = 0
            while (end := data.find(b"\n", start)) != -1:
                number += 1
                if number > after:
                    yield number, data[start:end]
                start = end + 1
            rest = data[start:]

    async def tail(self, step_id: int, count: int) -> list[tuple[int, bytes]]:
        """The last ``count`` lines."""
        kept: list[tuple[int, bytes]] = []
        async for item in self.read_lines(step_id):
            kept.append(item)
            if len(kept) > 2 * count:
                del kept[:-count]
        return kept[-count:] if count else []

    async def remove(self, step_ids: Iterable[int]) -> None:
        def remove() -> None:
            for step_id in step_ids:
                self.path_of(step_id).unlink(missing_ok=True)

        await anyio.to_thread.run_sync(remove)

    async def remove_all(self) -> None:
        await anyio.to_thread.run_sync(lambda: shutil.rmtree(self.root, ignore_errors=True))


class LogWriter:
    """One step's log being written; see the module docstring. Not for concurrent use."""

    def __init__(
        self,
        store: LogStore,
        step_id: int,
        file: BinaryIO,
        masker: Masker,
        *,
        lines: int,
        size: int,
    ) -> None:
        self._store = store
        self._step_id = step_id
        self._file = file
        self._masker = masker
        self._channel = log_channel(step_id)
        self.lines = lines
        self.bytes = size
        self.truncated = size >= store.limit
        self._partial = b""

    async def write(self, chunk: bytes) -> None:
        """Take a chunk of the step's output."""
        if self.truncated:
            return  # read and dropped: the step must not block on a full pipe
        await self._append(self._masker.feed(chunk))

    async def note(self, text: str) -> None:
        """Add a line of dais's own (after what the step wrote so far)."""
        await self._append(self._masker.flush())
        if self._partial:
            await self._append(b"\n")
        await self._append(marker(text), force=True)

    async def close(self) -> None:
        """Write what is held back (a partial last line gets its newline) and close."""
        try:
            if not self.truncated:
                await self._append(self._masker.flush())
                if self._partial:
                    await self._append(b"\n")
        finally:
            await anyio.to_thread.run_sync(self._file.close)

    async def _append(self, data: bytes, *, force: bool = False) -> None:
        if not data:
            return
        room = self._store.limit - self.bytes
        cut = False
        if not force and len(data) > room:
            data, cut = data[: max(room, 0)], True
        lines, self._partial = _split(self._partial + data)
        if cut:
            if self._partial:
                lines.append(self._partial)
                self._partial = b""
            limit = _size(self._store.limit)
            lines.append(
                marker(f"the log reached its limit of {limit}: output beyond it is dropped")[:-1]
            )
            self.truncated = True
        if not lines:
            return
        joined = b"\n".join(lines)
        payload = joined + b"\n"
        await anyio.to_thread.run_sync(_write, self._file, payload)
        first = self.lines + 1
        self.lines += len(lines)
        self.bytes += len(payload)
        # Decoded once, then split: per-line decoding was a tenth of the log path's time.
        text = joined.decode("utf-8", "replace").split("\n")
        if len(text) != len(lines):  # a split line ended inside a multi-byte character
            text = [line.decode("utf-8", "replace") for line in lines]
        message = {"first": first, "lines": text}
        await self._store._broker.publish(self._channel, json.dumps(message).encode())


def _write(file: BinaryIO, payload: bytes) -> None:
    file.write(payload)
    file.flush()


def _split(data: bytes) -> tuple[list[bytes], bytes]:
    """Complete lines (without newlines, long ones split) and the unfinished rest."""
    parts = data.split(b"\n")
    rest = parts.pop()
    lines: list[bytes] = []
    for part in parts:
        if len(part) <= MAX_LINE:
            lines.append(part)
        else:
            lines.extend(part[i : i + MAX_LINE] for i in range(0, len(part), MAX_LINE))
    while len(rest) > MAX_LINE:
        lines.append(rest[:MAX_LINE])
        rest = rest[MAX_LINE:]
    return lines, rest


def _size(n: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale and n % scale == 0:
            return f"{n // scale} {unit}"
    return f"{n} bytes"
