"""The wire protocol as served: advertisements, protocol v2, gzip bodies, and bad input."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

import pytest

from dais.gitserver.smart_http import pkt_line

from .conftest import Forge, Git, Project, User, bare_git

pytestmark = pytest.mark.e2e

ZERO = "0" * 40


def _quarantines(project: Project) -> list[Path]:
    return [p for p in (project.repository / "objects").iterdir() if "incoming" in p.name]


def _readable_project(forge: Forge) -> tuple[User, Project]:
    owner = forge.user("owner")
    return owner, forge.project(owner, readme=True, visibility="public")


def test_v0_advertisement_has_the_service_line_and_no_cache(forge: Forge) -> None:
    _owner, project = _readable_project(forge)
    r = forge.http.get(f"/{project.path}.git/info/refs", params={"service": "git-upload-pack"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/x-git-upload-pack-advertisement"
    assert "no-cache" in r.headers["cache-control"]
    assert r.content.startswith(b"001e# service=git-upload-pack\n0000")
    assert b" refs/heads/main\n" in r.content and r.content.endswith(b"0000")

    # A Git-Protocol header that is not well-formed is ignored: v0 again.
    odd = forge.http.get(
        f"/{project.path}.git/info/refs",
        params={"service": "git-upload-pack"},
        headers={"Git-Protocol": "version=2;rm -rf /"},
    )
    assert odd.content.startswith(b"001e# service=git-upload-pack\n0000")

    v2 = forge.http.get(
        f"/{project.path}.git/info/refs",
        params={"service": "git-upload-pack"},
        headers={"Git-Protocol": "version=2"},
    )
    assert v2.content.startswith(b"000eversion 2\n")
    assert b"ls-refs" in v2.content and b"fetch" in v2.content

    dumb = forge.http.get(f"/{project.path}.git/info/refs")
    assert dumb.status_code == 403 and "smart HTTP" in dumb.text
    unknown = forge.http.get(f"/{project.path}.git/info/refs?service=git-shell")
    assert unknown.status_code == 403


def test_clone_and_fetch_speak_protocol_v2(forge: Forge, git: Git, tmp_path: Path) -> None:
    owner, project = _readable_project(forge)
    clone = git.run(
        "-c",
        "protocol.version=2",
        "clone",
        forge.clone_url(project, owner),
        str(tmp_path / "w"),
        env={"GIT_TRACE_PACKET": "1"},
    )
    assert "clone< version 2" in clone.stderr
    assert "clone> command=ls-refs" in clone.stderr and "clone> command=fetch" in clone.stderr


def test_git_sends_gzip_bodies_for_long_negotiations(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    owner, project = _readable_project(forge)
    url = forge.clone_url(project, owner)
    git.run("clone", url, str(tmp_path / "a"))
    git.run("clone", url, str(tmp_path / "b"))
    a, b = tmp_path / "a", tmp_path / "b"
    # Many local commits the server lacks (sent as "have" lines), and many new branches on
    # the server, each at its own commit (one "want" line each): git gzips a request body
    # over 1 KiB, and a hundred wants make sure of it whatever the negotiation does.
    for i in range(120):
        git.run("commit", "-q", "--allow-empty", "-m", f"local {i}", cwd=b)
    for i in range(100):
        git.run("commit", "-q", "--allow-empty", "-m", f"remote {i}", cwd=a)
        git.run("branch", f"many/{i}", cwd=a)
    pushed = git.commit(a, "new.txt", "new\n")
    git.run("push", "-q", "origin", "main", "refs/heads/many/*:refs/heads/many/*", cwd=a)
    fetch = git.run("fetch", cwd=b, env={"GIT_TRACE_CURL": "1", "GIT_TRACE_CURL_NO_DATA": "1"})
    assert "Content-Encoding: gzip" in fetch.stderr
    assert git.out("rev-parse", "origin/main", cwd=b) == pushed


def test_hand_made_gzip_request(forge: Forge) -> None:
    _owner, project = _readable_project(forge)
    url = f"/{project.path}.git/git-upload-pack"
    ls_refs = pkt_line(b"command=ls-refs\n") + b"0001" + pkt_line(b"symrefs\n") + b"0000"
    headers = {
        "Content-Type": "application/x-git-upload-pack-request",
        "Git-Protocol": "version=2",
    }
    r = forge.http.post(
        url, content=gzip.compress(ls_refs), headers=headers | {"Content-Encoding": "gzip"}
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/x-git-upload-pack-result"
    main = bare_git(project.repository, "rev-parse", "main").stdout.strip()
    assert pkt_line(f"{main} HEAD symref-target:refs/heads/main\n".encode()) in r.content
    assert r.content.endswith(b"0000")

    truncated = gzip.compress(ls_refs)[:-6]
    r = forge.http.post(url, content=truncated, headers=headers | {"Content-Encoding": "gzip"})
    assert r.status_code == 400 and "gzip" in r.text
    r = forge.http.post(url, content=b"not gzip", headers=headers | {"Content-Encoding": "gzip"})
    assert r.status_code == 400 and "not valid gzip" in r.text
    r = forge.http.post(url, content=ls_refs, headers=headers | {"Content-Encoding": "br"})
    assert r.status_code == 415
    r = forge.http.post(url, content=ls_refs, headers={"Content-Type": "application/json"})
    assert r.status_code == 415 and "application/x-git-upload-pack-request" in r.text


def test_malformed_pkt_lines_are_a_clean_400(forge: Forge) -> None:
    owner, project = _readable_project(forge)
    before = bare_git(project.repository, "for-each-ref").stdout
    for service, auth in (("git-upload-pack", None), ("git-receive-pack", owner.auth)):
        r = forge.http.post(
            f"/{project.path}.git/{service}",
            content=b"zzzz this is not a pkt-line",
            headers={"Content-Type": f"application/x-{service}-request", **(auth or {})},
        )
        assert r.status_code == 400, (service, r.status_code, r.text)
        assert "protocol error" in r.text
    assert bare_git(project.repository, "for-each-ref").stdout == before
    assert bare_git(project.repository, "fsck", "--strict").returncode == 0


def _pack(work: Path, include: str, exclude: str) -> bytes:
    return subprocess.run(
        ["git", "pack-objects", "--revs", "--stdout", "-q"],
        input=f"{include}\n^{exclude}\n".encode(),
        cwd=work,
        capture_output=True,
        check=True,
    ).stdout


def _receive_pack(forge: Forge, project: Project, user: User, body: bytes) -> bytes:
    r = forge.http.post(
        f"/{project.path}.git/git-receive-pack",
        content=body,
        headers={"Content-Type": "application/x-git-receive-pack-request", **user.auth},
    )
    assert r.status_code in (200, 400), r.text
    return r.content


def test_truncated_pack_is_refused_and_the_repository_stays_valid(
    forge: Forge, git: Git, tmp_path: Path
) -> None:
    owner, project = _readable_project(forge)
    git.run("clone", forge.clone_url(project, owner), str(tmp_path / "w"))
    work = tmp_path / "w"
    old = git.out("rev-parse", "HEAD", cwd=work)
    git.commit(work, "big.bin", bytes(range(256)) * 400)
    new = git.out("rev-parse", "HEAD", cwd=work)
    pack = _pack(work, new, old)
    command = pkt_line(f"{old} {new} refs/heads/main\0report-status\n".encode()) + b"0000"

    report = _receive_pack(forge, project, owner, command + pack[: len(pack) // 2])
    assert b"unpack ok" not in report
    assert b"ng refs/heads/main unpacker error" in report, report
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == old
    assert bare_git(project.repository, "cat-file", "-e", new).returncode != 0
    assert bare_git(project.repository, "fsck", "--strict").returncode == 0
    assert _quarantines(project) == []

    # The whole pack goes through, by the same hand-made request.
    report = _receive_pack(forge, project, owner, command + pack)
    assert b"unpack ok" in report and b"ok refs/heads/main" in report, report
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == new


def test_corrupt_objects_are_refused_by_fsck(forge: Forge, git: Git, tmp_path: Path) -> None:
    owner, project = _readable_project(forge)
    git.run("clone", forge.clone_url(project, owner), str(tmp_path / "w"))
    work = tmp_path / "w"
    old = git.out("rev-parse", "HEAD", cwd=work)
    tree = git.out("rev-parse", "HEAD^{tree}", cwd=work)
    # A commit whose author line has no email: git would never write it; fsck refuses it.
    broken = f"tree {tree}\nparent {old}\nauthor nobody 0 +0000\ncommitter x <x@y> 0 +0000\n\nx\n"
    bad = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"],
        input=broken,
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    git.run("update-ref", "refs/heads/main", bad, cwd=work)
    push = git.run("push", "origin", "main", cwd=work, check=False)
    assert push.returncode != 0
    assert "missingEmail" in push.stderr or "fsck" in push.stderr, push.stderr
    assert bare_git(project.repository, "rev-parse", "main").stdout.strip() == old
    assert bare_git(project.repository, "fsck", "--strict").returncode == 0


def test_hook_calls_need_the_process_secret(forge: Forge) -> None:
    owner, project = _readable_project(forge)
    body = f"{ZERO} {'1' * 40} refs/heads/x\n"
    for hook in ("pre-receive", "post-receive"):
        for secret in ({"X-Dais-Hook-Secret": "guess"}, {}):
            r = forge.http.post(
                f"/_internal/hooks/{hook}",
                content=body,
                headers={"X-Dais-Project-Id": project.id, "X-Dais-Pusher-Id": owner.id} | secret,
            )
            assert r.status_code == 403, r.text
    schema = forge.http.get("/api/openapi.json").json()
    assert not any(p.startswith("/_internal") for p in schema["paths"])


def test_hook_script_refuses_without_dais(forge: Forge, tmp_path: Path) -> None:
    """Run outside dais (no callback address), the hook refuses; with a wrong secret, dais
    refuses it."""
    owner, project = _readable_project(forge)
    hook = project.repository / "hooks" / "pre-receive"
    line = f"{ZERO} {'1' * 40} refs/heads/x\n"
    alone = subprocess.run([str(hook)], input=line, capture_output=True, text=True, env={})
    assert alone.returncode != 0 and "only through dais" in alone.stderr
    env = {
        "PATH": "/usr/bin:/bin",
        "DAIS_HOOK_URL": f"{forge.url}/_internal/hooks",
        "DAIS_HOOK_SECRET": "wrong",
        "DAIS_PROJECT_ID": project.id,
        "DAIS_PUSHER_ID": owner.id,
    }
    wrong = subprocess.run([str(hook)], input=line, capture_output=True, text=True, env=env)
    assert wrong.returncode != 0 and "hook secret" in wrong.stderr
