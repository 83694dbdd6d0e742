"""Kill the process between commit and delivery; the event is delivered after restart.

The test drives worker processes with blocking subprocess calls on purpose (ASYNC220): it
is the only task, and the waits are bounded.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import anyio
import asyncpg

from dais.storage.outbox import emit

WORKER = Path(__file__).with_name("outbox_worker.py")


def _wait_for(path: Path, text: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text():
            return
        if proc.poll() is not None:
            raise AssertionError(f"worker exited with {proc.returncode}")
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not in {path} after {timeout}s")


async def test_event_survives_a_kill_between_commit_and_delivery(
    database_url: str, tmp_path: Path
) -> None:
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute("CREATE TABLE orders (id int)")  # the "change"
            await conn.execute("INSERT INTO orders VALUES (1)")
            event_id = await emit(conn, "order.created", {"order": 1})
    finally:
        await conn.close()

    record = tmp_path / "record.txt"
    first = subprocess.Popen([sys.executable, str(WORKER), database_url, str(record), "hang"])  # noqa: ASYNC220
    try:
        _wait_for(record, f"started {event_id}", first)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == -signal.SIGKILL
    assert f"delivered {event_id}" not in record.read_text()

    conn = await asyncpg.connect(database_url)
    try:
        last_id = await conn.fetchval(
            "SELECT last_id FROM event_cursors WHERE subscriber = 'crash-test'"
        )
        assert last_id == 0  # the kill came before the cursor moved
    finally:
        await conn.close()

    second = subprocess.Popen(  # noqa: ASYNC220
        [sys.executable, str(WORKER), database_url, str(record), "deliver"]
    )
    try:
        _wait_for(record, f"delivered {event_id}", second)
        conn = await asyncpg.connect(database_url)
        try:
            for _ in range(200):  # the cursor is saved right after the handler returns
                row = await conn.fetchrow(
                    "SELECT last_id, delivered FROM event_cursors WHERE subscriber = 'crash-test'"
                )
                if row is not None and row["last_id"] == event_id:
                    break
                await anyio.sleep(0.05)
        finally:
            await conn.close()
    finally:
        second.terminate()
        second.wait(10)
    assert row is not None and row["last_id"] == event_id and row["delivered"] == 1
    assert record.read_text().count(f"delivered {event_id}") == 1
