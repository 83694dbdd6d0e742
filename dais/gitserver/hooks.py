"""Repository hooks: small scripts that call back into dais, and what dais answers.

Every repository carries ``hooks/pre-receive`` and ``hooks/post-receive``. Each is a POSIX sh
script that posts its stdin (one ``<old> <new> <ref>`` line per updated ref) to
``$DAIS_HOOK_URL/<hook>``, authenticated by ``$DAIS_HOOK_SECRET``: a random secret of the
running dais process, which passes it, the project and the pusher to ``git receive-pack`` in
its environment. The answer's text reaches the pusher as ``remote:`` lines, blank ones
included; for pre-receive, anything but 200 refuses the push (git then discards the pushed
objects, which it kept in a quarantine directory). Post-receive answers with a link to
propose merging each branch the push created (:func:`merge_request_links`).

A repository pushed to by anything but dais (no ``DAIS_HOOK_URL``) refuses the push.
"""

from __future__ import annotations

import os
import re
import tempfile
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import anyio
import attrs

from dais.actors.identity.messages import UserRecord
from dais.actors.projects import protection
from dais.actors.projects.rules import ref_name_problem
from dais.storage import outbox

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    import asyncpg

    from dais.actors.projects.messages import ProjectRecord
    from dais.actors.projects.protection import BranchRule

__all__ = [
    "HOOKS",
    "Pusher",
    "RefUpdate",
    "check_ref_name",
    "check_ref_update",
    "install_hooks",
    "merge_request_links",
    "parse_updates",
    "record_push",
    "refusals",
    "repair_hooks",
]

# The sh part: curl if there is one, else python3's urllib. The secret is handed to curl
# through a here-document on fd 3 rather than its command line, which `ps` shows to all.
_SCRIPT = r"""#!/bin/sh
# Installed by dais (dais/gitserver/hooks.py) and rewritten at every start: do not edit.
# Sends the pushed ref updates (stdin) to dais; its answer is shown to the pusher.
hook=__HOOK__
if [ -z "$DAIS_HOOK_URL" ] || [ -z "$DAIS_HOOK_SECRET" ]; then
    echo "dais: this repository accepts pushes only through dais" >&2
    exit 1
fi
url="$DAIS_HOOK_URL/$hook"
# pre-receive marks each update that is not a fast-forward ("forced"): git still holds the
# pushed objects in quarantine, which this hook (unlike dais) can see.
updates() {
    if [ "$hook" != pre-receive ]; then
        while read -r line; do printf '%s\n' "$line"; done  # builtins only: no cat needed
        return
    fi
    while read -r old new ref; do
        mode=ff
        case "$old" in *[!0]*)
            case "$new" in *[!0]*)
                git merge-base --is-ancestor "$old" "$new" 2>/dev/null || mode=forced ;;
            esac ;;
        esac
        printf '%s %s %s %s\n' "$old" "$new" "$ref" "$mode"
    done
}
if [ "$hook" = pre-receive ]; then
    # Commits, tags and trees are read whole by the repository browser: a tiny push of a
    # highly compressible 1 GB commit message would cost a GB on every listing. Refuse
    # oversized ones here, where the pushed objects are still in quarantine.
    lines=""
    news=""
    while read -r old new ref; do
        lines="$lines${lines:+
}$old $new $ref"
        case "$new" in *[!0]*) news="$news $new" ;; esac
    done
    if [ -n "$news" ]; then
        # shellcheck disable=SC2086 # one argument per sha
        format='%(objecttype) %(objectsize) %(objectname)'
        big=$(git rev-list --objects --no-object-names --filter=blob:none $news --not --all \
                2>/dev/null | git cat-file --batch-check="$format" \
            | while read -r type size name; do
                limit=1048576
                [ "$type" = tree ] && limit=16777216
                if [ "$type" != blob ] && [ "$size" -gt "$limit" ]; then
                    printf 'dais: %s %s is %s bytes, over the limit of %s\n' \
                        "$type" "$name" "$size" "$limit"
                fi
            done)
        if [ -n "$big" ]; then
            printf '%s\ndais: push refused\n' "$big" >&2
            exit 1
        fi
    fi
    exec 0<<INPUT
$lines
INPUT
fi
if command -v curl >/dev/null 2>&1; then
    answer=$(updates | curl --silent --show-error --max-time 120 --request POST \
        --config /dev/fd/3 --data-binary @- --write-out '\n%{http_code}' 3<<EOF
url = "$url"
header = "X-Dais-Hook-Secret: $DAIS_HOOK_SECRET"
header = "X-Dais-Project-Id: $DAIS_PROJECT_ID"
header = "X-Dais-Pusher-Id: $DAIS_PUSHER_ID"
header = "X-Dais-Pusher-Full: $DAIS_PUSHER_FULL"
header = "Content-Type: text/plain"
EOF
) || { echo "dais: $hook: cannot reach dais at $DAIS_HOOK_URL" >&2; exit 1; }
    # The answer is the body, a newline and a 3-digit status. The body is shown as sent, its
    # blank lines too (a command substitution would drop trailing ones), with builtins only.
    status=${answer#"${answer%???}"}
    message=${answer%????}
    case "$message" in
        "") ;;
        *"
") printf '%s' "$message" >&2 ;;
        *) printf '%s\n' "$message" >&2 ;;
    esac
    [ "$status" = 200 ]
    exit $?
elif command -v python3 >/dev/null 2>&1; then
    updates | exec python3 -c '
import os, sys, urllib.error, urllib.request
env = os.environ
request = urllib.request.Request(
    env["DAIS_HOOK_URL"] + "/" + sys.argv[1], data=sys.stdin.buffer.read(), method="POST",
    headers={
        "X-Dais-Hook-Secret": env["DAIS_HOOK_SECRET"],
        "X-Dais-Project-Id": env.get("DAIS_PROJECT_ID", ""),
        "X-Dais-Pusher-Id": env.get("DAIS_PUSHER_ID", ""),
        "X-Dais-Pusher-Full": env.get("DAIS_PUSHER_FULL", "0"),
        "Content-Type": "text/plain",
    },
)
try:
    with urllib.request.urlopen(request, timeout=120) as answer:
        status, message = answer.status, answer.read()
except urllib.error.HTTPError as error:
    status, message = error.code, error.read()
except OSError as error:
    sys.stderr.write("dais: %s: cannot reach dais: %s\n" % (sys.argv[1], error))
    sys.exit(1)
if message.strip():
    text = message.decode("utf-8", "replace")
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
sys.exit(0 if status == 200 else 1)
' "$hook"
else
    echo "dais: $hook: neither curl nor python3 is installed on the server" >&2
    exit 1
fi
"""

#: hook name -> script text
HOOKS: dict[str, str] = {
    name: _SCRIPT.replace("__HOOK__", name) for name in ("pre-receive", "post-receive")
}

_ZERO = re.compile(r"0+")
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_ALLOWED_PREFIXES = ("refs/heads/", "refs/tags/")


@attrs.frozen
class RefUpdate:
    """One line of a hook's input: ``ref`` moves from ``old`` to ``new`` (all zeros: none)."""

    old: str
    new: str
    ref: str
    forced: bool = False  # not a fast-forward (reported by the pre-receive hook)

    @property
    def created(self) -> bool:
        return _ZERO.fullmatch(self.old) is not None

    @property
    def deleted(self) -> bool:
        return _ZERO.fullmatch(self.new) is not None


def parse_updates(body: bytes) -> list[RefUpdate]:
    """The hook's stdin, line by line.

    :raises ValueError: naming the first line that is not ``<sha> <sha> <ref>``.
    """
    updates = []
    for number, raw in enumerate(body.splitlines(), 1):
        try:
            line = raw.decode()
        except UnicodeDecodeError:
            raise ValueError(f"line {number}: not UTF-8") from None
        fields = line.split(" ")
        mode = fields.pop() if len(fields) == 4 and fields[3] in ("ff", "forced") else "ff"
        if len(fields) != 3 or not (_SHA.fullmatch(fields[0]) and _SHA.fullmatch(fields[1])):
            raise ValueError(f"line {number}: expected '<old> <new> <ref> [ff|forced]'")
        old, new, ref = fields
        updates.append(RefUpdate(old, new, ref, forced=mode == "forced"))
    return updates


def check_ref_name(ref: str) -> str | None:
    """Why git would refuse ``ref``, or why dais does (neither a branch nor a tag), or None."""
    problem = ref_name_problem(ref)
    if problem is not None:
        return problem
    if not ref.startswith(_ALLOWED_PREFIXES) or ref in _ALLOWED_PREFIXES:
        return "is not a branch (refs/heads/...) or a tag (refs/tags/...)"
    return None


@attrs.frozen
class Pusher:
    """Who pushes, as the protected-branch rules see them."""

    user: UserRecord
    roles: frozenset[str]  # role names held on the project (globally or there)
    full_rights: bool = False  # a session or a "*" token, not a narrowly scoped token


def check_ref_update(
    project: ProjectRecord, pusher: Pusher, update: RefUpdate, rules: Sequence[BranchRule]
) -> str | None:
    """Whether ``pusher`` may make ``update``: None, or why not (protected branches)."""
    return protection.check_ref_update(
        protection.RefUpdate(
            update.ref,
            "0" * 40 if update.created else update.old,
            "0" * 40 if update.deleted else update.new,
            forced=update.forced,
        ),
        rules=rules,
        default_branch=project.default_branch,
        roles=pusher.roles,
        is_admin=pusher.user.is_admin and pusher.full_rights,
    )


def refusals(
    project: ProjectRecord,
    pusher: Pusher,
    updates: list[RefUpdate],
    rules: Sequence[BranchRule] = (),
) -> list[str]:
    """Every reason to refuse the push, one line each; empty when it may go ahead."""
    if project.archived:
        return [f"project {project.path} is archived: it is read-only"]
    found = []
    for update in updates:
        reason = check_ref_name(update.ref)
        if reason is None:
            reason = check_ref_update(project, pusher, update, rules)
        if reason is not None:
            found.append(f"{update.ref}: {reason}")
    return found


def merge_request_links(
    project: ProjectRecord, updates: Sequence[RefUpdate], public_url: str
) -> str:
    """What post-receive shows the pusher: for each branch the push created, other than the
    default branch, where to propose merging it (the web UI's new merge request page, which
    takes the source branch as ``?source=``), in the words GitLab uses; or nothing."""
    lines = []
    for update in updates:
        if not (update.created and update.ref.startswith("refs/heads/")):
            continue  # a branch moved or deleted, or a tag
        branch = update.ref.removeprefix("refs/heads/")
        if branch == project.default_branch:
            continue
        url = f"{public_url}/{project.path}/-/merge_requests/new?source={quote(branch, safe='/')}"
        lines += ["", f"To create a merge request for {branch}, visit:", f"  {url}", ""]
    return "".join(f"{line}\n" for line in lines)


async def record_push(
    pool: asyncpg.Pool[Any], project: ProjectRecord, pusher: UserRecord, updates: list[RefUpdate]
) -> int:
    """Write one ``git.push`` event for a push that git has applied; return its id."""
    payload = {
        "project": {"id": str(project.id), "path": project.path},
        "pusher": {"id": str(pusher.id), "username": pusher.username},
        "refs": [{"ref": u.ref, "old": u.old, "new": u.new} for u in updates],
    }
    async with pool.acquire() as conn, conn.transaction():
        return await outbox.emit(
            conn, "git.push", payload, key=str(project.id), actor=pusher.username
        )


def _install(repository: Path) -> bool:
    """Write the hooks that differ from ours; True if any did."""
    hooks = repository / "hooks"
    hooks.mkdir(exist_ok=True)
    changed = False
    for name, text in HOOKS.items():
        path = hooks / name
        try:
            if path.read_text() == text and os.access(path, os.X_OK):
                continue
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        # Written aside and renamed over, so a push never runs half a script.
        fd, temporary = tempfile.mkstemp(dir=hooks, prefix=f".{name}.")
        try:
            with os.fdopen(fd, "w") as file:
                file.write(text)
            os.chmod(temporary, 0o755)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        changed = True
    return changed


async def install_hooks(repository: Path) -> None:
    """Give a repository dais's hooks (at creation)."""
    await anyio.to_thread.run_sync(_install, repository)


def _repair_all(repositories: Path) -> list[Path]:
    if not repositories.is_dir():
        return []
    return [
        path
        for path in sorted(repositories.iterdir())
        if path.suffix == ".git" and (path / "objects").is_dir() and _install(path)
    ]


async def repair_hooks(data_dir: Path) -> list[Path]:
    """Rewrite missing or changed hooks in every repository under ``data_dir`` (at start-up).

    :returns: the repositories whose hooks were rewritten.
    """
    return await anyio.to_thread.run_sync(_repair_all, data_dir / "repositories")
