"""Limits on git processes: push size, concurrency, run time, and the client going away."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dais.gitserver.smart_http import pkt_line
from tests.conftest import _fresh_database

from .conftest import Forge, Git, bare_git, running_forge, server_environment

pytestmark = pytest.mark.e2e

MAX_PUSH = 64 * 1024
TIMEOUT = 3


@pytest.fixture(scope="module")
def limited(
    pg_server_url: str, template_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Forge]:
    """A dais allowing one git process at a time, for 3 s, and pushes of 64 KiB."""
    root = tmp_path_factory.mktemp("limited")
    for url in _fresh_database(pg_server_url, "dais_gitlim", template_database):
        env = server_environment(
            url,
            root / "data",
            DAIS_GIT_MAX_PUSH_SIZE=str(MAX_PUSH),
            DAIS_GIT_MAX_CONCURRENCY="1",
            DAIS_GIT_TIMEOUT=str(TIMEOUT),
        )
        yield from running_forge(env, root)


def _stalled(forge: Forge, path: str) -> socket.socket:
    """A v2 request whose body never ends: git waits on its stdin for the rest."""
    sock = socket.create_connection(("127.0.0.1", forge.server.port), timeout=15)
    first = pkt_line(b"command=ls-refs\n")
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: application/x-git-upload-pack-request\r\nGit-Protocol: version=2\r\n"
        "\r\n".encode()
        + b"%x\r\n%s\r\n" % (len(first), first)
    )
    return sock


def _processes() -> Iterator[tuple[int, str, str, int, int]]:
    """(pid, command, state, parent, process group) of every process."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        state, parent, group = stat[stat.rindex(")") + 2 :].split()[:3]
        yield int(entry), comm, state, int(parent), int(group)


def _git_processes(parent: int) -> list[tuple[int, int]]:
    """(pid, process group) of each git process that ``parent`` started."""
    return [(p[0], p[4]) for p in _processes() if p[3] == parent and p[1].startswith("git")]


def _group_alive(group: int) -> bool:
    # Zombies do not count: a killed grandchild waits for PID 1 to reap it, at its own pace.
    return any(p[4] == group and p[2] != "Z" for p in _processes())


def _wait_gone(group: int, within: float) -> float:
    started = time.monotonic()
    while _group_alive(group):
        assert time.monotonic() - started < within, f"process group {group} still runs"
        time.sleep(0.02)
    return time.monotonic() - started


def test_push_over_the_size_limit_is_refused(limited: Forge, git: Git, tmp_path: Path) -> None:
    alice = limited.user("alice")
    project = limited.project(alice, readme=True)
    before = bare_git(project.repository, "rev-parse", "main").stdout
    git.run("clone", limited.clone_url(project, alice), str(tmp_path / "w"))
    work = tmp_path / "w"
    git.commit(work, "noise.bin", os.urandom(4 * MAX_PUSH))
    push = git.run("push", "origin", "main", cwd=work, check=False)
    assert push.returncode != 0
    assert "HTTP 413" in push.stderr, push.stderr
    assert bare_git(project.repository, "rev-parse", "main").stdout == before
    assert bare_git(project.repository, "fsck", "--strict").returncode == 0

    r = limited.http.post(
        f"/{project.path}.git/git-receive-pack",
        content=b"0" * (2 * MAX_PUSH),
        headers={"Content-Type": "application/x-git-receive-pack-request", **alice.auth},
    )
    assert r.status_code == 413 and "DAIS_GIT_MAX_PUSH_SIZE" in r.text

    # A push under the limit goes through.
    git.run("reset", "-q", "--hard", "HEAD~1", cwd=work)
    small = git.commit(work, "small.txt", "small\n")
    git.run("push", "origin", "main", cwd=work)
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == small


def test_one_git_process_at_a_time_and_a_gone_client_frees_its_slot(limited: Forge) -> None:
    alice = limited.user("alice")
    project = limited.project(alice, readme=True, visibility="public")
    refs = f"/{project.path}.git/info/refs?service=git-upload-pack"
    held = _stalled(limited, f"/{project.path}.git/git-upload-pack")
    try:
        deadline = time.monotonic() + 5
        while not (running := _git_processes(limited.server.proc.pid)):
            assert time.monotonic() < deadline, "git did not start"
            time.sleep(0.02)
        with pytest.raises(httpx.ReadTimeout):
            limited.http.get(refs, timeout=0.5)  # waits for the only slot
    finally:
        held.close()
    # The client went away: its git is killed at once, not at the 3 s timeout.
    assert _wait_gone(running[0][1], within=1.5) < 1.5
    started = time.monotonic()
    assert limited.http.get(refs).status_code == 200
    assert time.monotonic() - started < 1


def test_a_git_process_past_the_timeout_is_killed(limited: Forge) -> None:
    alice = limited.user("alice")
    project = limited.project(alice, readme=True, visibility="public")
    sock = _stalled(limited, f"/{project.path}.git/git-upload-pack")
    try:
        started = time.monotonic()
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            assert chunk, "connection closed without an answer"
            answer += chunk
        elapsed = time.monotonic() - started
    finally:
        sock.close()
    assert answer.startswith(b"HTTP/1.1 504"), answer
    assert TIMEOUT - 0.5 < elapsed < TIMEOUT + 3
    assert _git_processes(limited.server.proc.pid) == []


def test_client_hanging_up_mid_clone_kills_git(forge: Forge, git: Git, tmp_path: Path) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True, visibility="public")
    # 16 MiB that do not compress, fetched straight into the bare repository (no hooks).
    source = tmp_path / "source"
    git.run("init", "-q", str(source))
    for i in range(2):
        (source / f"blob{i}").write_bytes(os.urandom(8 * 1024 * 1024))
    git.run("add", ".", cwd=source)
    git.run("commit", "-q", "-m", "big", cwd=source)
    head = git.out("rev-parse", "HEAD", cwd=source)
    assert bare_git(project.repository, "fetch", "-q", str(source), "main:big").returncode == 0

    request = (
        pkt_line(b"command=fetch\n")
        + b"0001"
        + pkt_line(f"want {head}\n".encode())
        + pkt_line(b"done\n")
        + b"0000"
    )
    sock = socket.create_connection(("127.0.0.1", forge.server.port), timeout=15)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    try:
        sock.sendall(
            f"POST /{project.path}.git/git-upload-pack HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Length: {len(request)}\r\n"
            "Content-Type: application/x-git-upload-pack-request\r\nGit-Protocol: version=2\r\n"
            "\r\n".encode()
            + request
        )
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        deadline = time.monotonic() + 5
        while not (running := _git_processes(forge.server.proc.pid)):
            assert time.monotonic() < deadline, "git is not running"
            time.sleep(0.02)
        time.sleep(0.3)  # git is now blocked on a full pipe: nobody reads the response
        assert _group_alive(running[0][1])
    finally:
        sock.close()
    assert _wait_gone(running[0][1], within=1) < 1
