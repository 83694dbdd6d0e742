"""The git server's pure parts: pkt-lines, Git-Protocol, ref names, hook input. No I/O."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dais.gitserver.hooks import RefUpdate, check_ref_name, parse_updates
from dais.gitserver.routes import hook_url
from dais.gitserver.smart_http import (
    GitCall,
    Service,
    _Inflater,
    _Refusal,
    git_protocol,
    pkt_line,
    protocol_version,
)

SHA = "a" * 40


def test_pkt_line() -> None:
    assert pkt_line(b"# service=git-upload-pack\n") == b"001e# service=git-upload-pack\n"
    assert pkt_line(b"") == b"0004"
    with pytest.raises(ValueError):
        pkt_line(b"x" * 65517)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("version=2", "version=2"),
        ("version=2:object-format=sha256", "version=2:object-format=sha256"),
        ("version=1", "version=1"),
        (None, None),
        ("", None),
        ("version=2;rm -rf /", None),
        ("version=2\nX: y", None),
        ("VERSION=2", None),
        ("version=2:" + "a" * 300, None),
        ("version=2::", None),
    ],
)
def test_git_protocol_is_sanitized(header: str | None, expected: str | None) -> None:
    assert git_protocol(header) == expected


def test_protocol_version_is_the_highest_known() -> None:
    assert protocol_version(None) == 0
    assert protocol_version("version=2") == 2
    assert protocol_version("version=1:version=2") == 2
    assert protocol_version("version=9") == 0
    assert protocol_version("object-format=sha1") == 0


def test_advertisement_preamble() -> None:
    repo = Path("/r.git")

    def call(service: Service, protocol: str | None, advertise: bool = True) -> GitCall:
        return GitCall(service=service, repository=repo, advertise=advertise, protocol=protocol)

    v0 = b"001e# service=git-upload-pack\n0000"
    assert call(Service.UPLOAD_PACK, None).preamble() == v0
    assert call(Service.UPLOAD_PACK, "version=2").preamble() == b""
    # Push has no v2: receive-pack answers v0, which needs the preamble.
    assert call(Service.RECEIVE_PACK, "version=2").preamble().startswith(b"001f# service=")
    assert call(Service.UPLOAD_PACK, None, advertise=False).preamble() == b""
    assert call(Service.UPLOAD_PACK, None).content_type() == (
        b"application/x-git-upload-pack-advertisement"
    )
    assert call(Service.RECEIVE_PACK, None, False).content_type() == (
        b"application/x-git-receive-pack-result"
    )


def test_git_environment_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_DIR", "/elsewhere")
    monkeypatch.setenv("SECRET_TOKEN", "x")
    call = GitCall(
        service=Service.RECEIVE_PACK,
        repository=Path("/r.git"),
        advertise=False,
        protocol="version=0",
        env={"DAIS_PROJECT_ID": "1"},
        config=("receive.fsckObjects=true",),
    )
    env = call.environment()
    assert {k for k in env if k.startswith("GIT_")} == {
        "GIT_CONFIG_NOSYSTEM",
        "GIT_TERMINAL_PROMPT",
        "GIT_PROTOCOL",
    }
    assert "SECRET_TOKEN" not in env
    assert env["HOME"] == "/r.git" and env["GIT_PROTOCOL"] == "version=0"
    assert env["DAIS_PROJECT_ID"] == "1"
    assert call.argv() == [
        "git",
        "-c",
        "receive.fsckObjects=true",
        "receive-pack",
        "--stateless-rpc",
        "/r.git",
    ]


def test_inflater_bounds_each_step_and_catches_truncation() -> None:
    big = gzip.compress(b"\0" * 1_000_000)  # about 1 KB that inflates to 1 MB
    inflater = _Inflater("gzip")
    pieces = list(inflater.feed(big))
    assert sum(len(p) for p in pieces) == 1_000_000
    assert max(len(p) for p in pieces) <= 64 * 1024
    inflater.finish()

    cut = _Inflater("gzip")
    list(cut.feed(big[:-8]))
    with pytest.raises(_Refusal, match="middle of its gzip stream"):
        cut.finish()
    with pytest.raises(_Refusal, match="not valid gzip"):
        list(_Inflater("x-gzip").feed(b"plain"))
    with pytest.raises(_Refusal, match="after its gzip stream"):
        list(_Inflater("gzip").feed(gzip.compress(b"a") + b"trailing"))
    with pytest.raises(_Refusal) as refused:
        _Inflater("deflate")
    assert refused.value.status == 415
    assert list(_Inflater(None).feed(b"as is")) == [b"as is"]


@pytest.mark.parametrize(
    ("ref", "fine"),
    [
        ("refs/heads/main", True),
        ("refs/heads/feature/x-1", True),
        ("refs/tags/v1.0.0", True),
        ("refs/heads/", False),
        ("refs/heads/a..b", False),
        ("refs/heads/a b", False),
        ("refs/heads/a~1", False),
        ("refs/heads/a:b", False),
        ("refs/heads/x.lock", False),
        ("refs/heads/.hidden", False),
        ("refs/heads/x/", False),
        ("refs/heads/x.", False),
        ("refs/heads/a@{1}", False),
        ("refs/heads/a\\b", False),
        ("refs/heads//a", False),
        ("refs/notes/commits", False),
        ("refs/merge-requests/1/head", False),
        ("HEAD", False),
        ("main", False),
    ],
)
def test_ref_names(ref: str, fine: bool) -> None:
    assert (check_ref_name(ref) is None) is fine


def test_parse_updates() -> None:
    zero = "0" * 40
    updates = parse_updates(f"{zero} {SHA} refs/heads/a\n{SHA} {zero} refs/tags/t\n".encode())
    assert updates == [RefUpdate(zero, SHA, "refs/heads/a"), RefUpdate(SHA, zero, "refs/tags/t")]
    assert updates[0].created and not updates[0].deleted
    assert updates[1].deleted
    assert parse_updates(b"") == []
    sha256 = "b" * 64
    assert parse_updates(f"{sha256} {sha256} refs/heads/x\n".encode())[0].new == sha256
    for bad in (b"x y z\n", f"{SHA} {SHA}\n".encode(), f"{SHA} {SHA} \xff\n".encode("latin-1")):
        with pytest.raises(ValueError, match="line 1"):
            parse_updates(bad)


def test_hook_url_uses_loopback_for_wildcard_binds() -> None:
    assert hook_url("0.0.0.0", 8080) == "http://127.0.0.1:8080/_internal/hooks"
    assert hook_url("::", 8080) == "http://[::1]:8080/_internal/hooks"
    assert hook_url("10.1.2.3", 80) == "http://10.1.2.3:80/_internal/hooks"
    assert hook_url("::1", 80) == "http://[::1]:80/_internal/hooks"
