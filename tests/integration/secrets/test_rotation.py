"""Rotating the master key: every data key rewrapped, values never decrypted, a rotation
killed halfway resumed, and webhook secrets kept in plaintext by earlier versions sealed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from dais.actors.secrets import stored
from dais.actors.secrets.envelope import KeyUnavailable, MasterKey
from dais.actors.secrets.keyring import Keyring, read_key_file, write_key_file
from tests.conftest import MakeUser


class Killed(Exception):
    """Stands in for the process dying between two committed batches."""


async def _webhook(pool: Any, project_id: int, secret: str) -> int:
    """A webhook row as an earlier version wrote it: the secret in plaintext."""
    hook_id: int = await pool.fetchval(
        "INSERT INTO webhooks (project_id, url, secret, events) "
        "VALUES ($1, 'http://127.0.0.1:9/hook', $2, '{push}') RETURNING id",
        project_id,
        secret,
    )
    return hook_id


async def test_plaintext_webhook_secrets_are_sealed_in_place(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, tmp_path: Path
) -> None:
    _alice, alice = await make_user("alice")
    project = (await client.post("/api/projects", json={"name": "web"}, headers=alice)).json()
    hooks = [await _webhook(services.pool, int(project["id"]), f"legacy-{i}") for i in range(3)]
    keyring = Keyring(read_key_file(tmp_path / "secrets.key"))
    assert await stored.seal_plaintext_webhook_secrets(services.pool, keyring) == 3
    rows = await services.pool.fetch("SELECT * FROM webhooks ORDER BY id")
    assert all(r["secret"] == "" and b"legacy" not in r["secret_ciphertext"] for r in rows)
    assert [
        stored.open_webhook_secret(keyring, h, r) for h, r in zip(hooks, rows, strict=True)
    ] == [
        "legacy-0",
        "legacy-1",
        "legacy-2",
    ]
    # Run again (the next start-up): nothing left to seal.
    assert await stored.seal_plaintext_webhook_secrets(services.pool, keyring) == 0
    listed = await client.get(f"/api/projects/{project['id']}/webhooks", headers=alice)
    assert [h["has_secret"] for h in listed.json()] == [True, True, True]
    # A hook's sealed secret does not open as another hook's.
    with pytest.raises(Exception, match="cannot be decrypted"):
        stored.open_webhook_secret(keyring, hooks[1], rows[0])


async def test_a_rotation_killed_halfway_resumes_and_loses_nothing(
    client: httpx.AsyncClient, make_user: MakeUser, services: Any, tmp_path: Path
) -> None:
    _alice, alice = await make_user("alice")
    project = (await client.post("/api/projects", json={"name": "web"}, headers=alice)).json()
    base = f"/api/projects/{project['id']}/secrets"
    values = {f"NAME_{i}": f"value number {i}" for i in range(8)}
    for name, value in values.items():
        assert (await client.put(f"{base}/{name}", json={"value": value}, headers=alice)).is_success
    await client.put(f"{base}/NAME_0", json={"value": "second version"}, headers=alice)
    hook = await _webhook(services.pool, int(project["id"]), "hook-secret")
    path = tmp_path / "secrets.key"
    old = read_key_file(path)[0]
    await stored.seal_plaintext_webhook_secrets(services.pool, Keyring([old]))
    total = await stored.count_pending(services.pool, "none")
    assert total == 10  # nine versions and one webhook secret

    new = MasterKey.generate()
    write_key_file(path, [new, old])
    keyring = Keyring(read_key_file(path), file=path)

    def die_after_first_batch(done: int) -> None:
        raise Killed(done)

    with pytest.raises(Killed):
        await stored.rewrap_all(services.pool, keyring, batch=3, progress=die_after_first_batch)
    left = await stored.count_pending(services.pool, new.key_id)
    assert left == total - 3
    # Meanwhile the running server (its keyring follows the file) reads old and new rows.
    for name, value in values.items():
        got = await client.get(f"{base}/{name}/value", headers=alice)
        assert got.json()["value"] == ("second version" if name == "NAME_0" else value)

    resumed = await stored.rewrap_all(services.pool, keyring, batch=3)
    assert resumed.rewrapped == left and resumed.key_id == new.key_id
    assert await stored.count_pending(services.pool, new.key_id) == 0

    # With the old key gone, a fresh process opens everything: values and the hook's secret.
    write_key_file(path, [new])
    fresh = Keyring(read_key_file(path), file=path)
    assert await stored.missing_keys(services.pool, fresh) == []
    row = await services.pool.fetchrow("SELECT * FROM webhooks WHERE id = $1", hook)
    assert stored.open_webhook_secret(fresh, hook, row) == "hook-secret"
    first = await client.get(f"{base}/NAME_0/value?version=1", headers=alice)
    assert first.json()["value"] == values["NAME_0"]
    # And the old key alone opens none of it any more.
    with pytest.raises(KeyUnavailable):
        stored.open_webhook_secret(Keyring([old]), hook, row)
    assert await stored.missing_keys(services.pool, Keyring([old])) == [new.key_id]
