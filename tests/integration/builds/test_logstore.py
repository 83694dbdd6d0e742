"""The log store: lines numbered as written, secrets masked across chunks, the cap and its
marker, long lines split, and what live viewers receive on the broker."""

from __future__ import annotations

import json
from pathlib import Path

from dais.actors.builds.logstore import MAX_LINE, LogStore
from dais.actors.builds.messages import log_channel
from dais.storage.broker import InMemoryBroker

SECRET = b"hunter2-sekrit"


async def _lines(store: LogStore, step: int, after: int = 0) -> list[tuple[int, bytes]]:
    return [item async for item in store.read_lines(step, after)]


async def test_lines_are_numbered_masked_and_published(tmp_path: Path) -> None:
    broker = InMemoryBroker()
    store = LogStore(tmp_path, broker, limit=1 << 20)
    async with broker.subscribe(log_channel(7), maxsize=100) as messages:
        writer = await store.open(7, [SECRET])
        await writer.write(b"one\ntwo: hunter2-")
        await writer.write(b"sekrit\nthree with no end")
        await writer.note("a note")
        await writer.close()
        published = []
        while len(published) < 3:
            published.append(json.loads((await messages.receive()).data))
    assert await _lines(store, 7) == [
        (1, b"one"),
        (2, b"two: ***"),
        (3, b"three with no end"),
        (4, b"\x1b[33;1m[dais] a note\x1b[0m"),
    ]
    assert await _lines(store, 7, after=2) == (await _lines(store, 7))[2:]
    firsts = [m["first"] for m in published]
    assert firsts[0] == 1 and all(b > a for a, b in zip(firsts, firsts[1:], strict=False))
    shown = [line for m in published for line in m["lines"]]
    assert "hunter2-sekrit" not in "".join(shown) and shown[1] == "two: ***"
    assert [n for n, _ in await store.tail(7, 2)] == [3, 4]
    # A retried step goes on numbering where the last attempt stopped.
    again = await store.open(7, [], lines=4)
    await again.write(b"five\n")
    await again.close()
    assert (await _lines(store, 7))[-1] == (5, b"five")


async def test_the_log_is_capped_with_a_marker_and_the_rest_dropped(tmp_path: Path) -> None:
    store = LogStore(tmp_path, InMemoryBroker(), limit=10_000)
    writer = await store.open(1, [])
    chunk = b"x" * 99 + b"\n"
    for _ in range(1000):  # 100 kB offered
        await writer.write(chunk)
    await writer.close()
    assert writer.truncated
    size = await store.size(1)
    assert 10_000 <= size < 10_200
    lines = await _lines(store, 1)
    assert lines[-1][1].startswith(b"\x1b[33;1m[dais] the log reached its limit of 10000 bytes")
    assert all(line == b"x" * 99 for _, line in lines[:-2])


async def test_a_long_line_is_split_and_binary_survives(tmp_path: Path) -> None:
    store = LogStore(tmp_path, InMemoryBroker(), limit=1 << 22)
    writer = await store.open(2, [])
    await writer.write(b"y" * (MAX_LINE * 2 + 5) + b"\n")
    await writer.write(bytes(range(256)) + b"\n")
    await writer.close()
    lines = await _lines(store, 2)
    assert [len(line) for _, line in lines[:3]] == [MAX_LINE, MAX_LINE, 5]
    assert lines[3][1] == bytes(range(10)) and lines[4][1] == bytes(range(11, 256))
