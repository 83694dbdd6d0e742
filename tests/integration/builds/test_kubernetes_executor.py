"""The Kubernetes executor against the Kubernetes double (``tests/support/kubernetes.py``):
real HTTP, the real ``kubernetes_asyncio`` client, and step commands that really run (as
local processes), so the checkout, the logs and the exit codes are real."""

from __future__ import annotations

import base64
import inspect
import json
import os
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio
import pytest

from dais.actors.builds.executor import Checkout, ExecutorError, StepRun
from dais.actors.builds.kubernetes import KubernetesConfig, KubernetesExecutor
from dais.actors.builds.pipeline import Service
from tests.support.kubernetes import KubernetesDouble

pytestmark = pytest.mark.timeout(30)

NAMESPACE = "dais-builds"
TOKEN = "job-token-0123456789abcdef"
SECRET = "s3cr3t-value-that-must-not-leak"


@pytest.fixture
async def kube() -> AsyncIterator[KubernetesDouble]:
    async with KubernetesDouble(namespaces=[NAMESPACE]) as double:
        yield double


@pytest.fixture
def origin(tmp_path: Path) -> tuple[Path, str]:
    """A bare repository holding one commit (README and src/app.py); its path and sha."""
    work, bare = tmp_path / "work", tmp_path / "origin.git"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Alice",
        "GIT_AUTHOR_EMAIL": "alice@example.com",
        "GIT_COMMITTER_NAME": "Alice",
        "GIT_COMMITTER_EMAIL": "alice@example.com",
    }

    def git(*args: str, cwd: Path = work) -> str:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)
        return done.stdout.decode().strip()

    work.mkdir()
    git("init", "-q", "-b", "main")
    (work / "README").write_text("hello from the repository\n")
    (work / "src").mkdir()
    (work / "src" / "app.py").write_text("print('app')\n")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    git("clone", "-q", "--bare", str(work), str(bare), cwd=tmp_path)
    return bare, git("rev-parse", "HEAD")


@pytest.fixture
def checkout(origin: tuple[Path, str]) -> Checkout:
    bare, sha = origin
    return Checkout(
        pipeline_id=7,
        project_id=3,
        project_path="alice/app",
        sha=sha,
        git_dir=bare,
        clone_url=f"file://{bare}",
        token=TOKEN,
    )


MakeExecutor = Callable[..., KubernetesExecutor]


@pytest.fixture
async def make_executor(kube: KubernetesDouble) -> AsyncIterator[MakeExecutor]:
    made: list[KubernetesExecutor] = []

    def make(**overrides: Any) -> KubernetesExecutor:
        settings: dict[str, Any] = {
            "namespace": NAMESPACE,
            "api_url": kube.url,
            "token": kube.token,
            "storage": "pvc",
            "grace": 1.0,
            "request_timeout": 5.0,
            **overrides,
        }
        executor = KubernetesExecutor(KubernetesConfig(**settings))
        made.append(executor)
        return executor

    yield make
    for executor in made:
        await executor.aclose()


def step(commands: list[str], **fields: Any) -> StepRun:
    values: dict[str, Any] = {
        "pipeline_id": 7,
        "step_id": 11,
        "name": "build",
        "attempt": 1,
        "commands": tuple(commands),
        "image": None,
        "environment": {"CI": "true"},
        **fields,
    }
    return StepRun(**values)


class Output:
    """The chunks a step wrote, with when each arrived."""

    def __init__(self) -> None:
        self.chunks: list[tuple[float, bytes]] = []

    async def __call__(self, chunk: bytes) -> None:
        self.chunks.append((time.monotonic(), chunk))

    @property
    def text(self) -> str:
        return b"".join(chunk for _, chunk in self.chunks).decode()


async def running_pod(kube: KubernetesDouble, name: str) -> dict[str, Any]:
    """The pod once its step container runs."""

    def runs(pod: dict[str, Any] | None) -> bool:
        statuses = (pod or {}).get("status", {}).get("containerStatuses") or []
        return any(s["name"] == "step" and "running" in s["state"] for s in statuses)

    pod = await kube.wait_for("pods", name, runs, NAMESPACE)
    assert pod is not None
    return pod


async def gone(kube: KubernetesDouble, resource: str, name: str) -> None:
    """Wait until the object is gone (a pod being deleted takes its grace period)."""
    await kube.wait_for(resource, name, lambda obj: obj is None, NAMESPACE)


async def until(condition: Callable[[], Any], within: float = 10.0) -> None:
    """Wait for ``condition()`` (or what it returns, awaited) to be true."""
    with anyio.fail_after(within):
        while True:
            done = condition()
            if inspect.isawaitable(done):
                done = await done
            if done:
                return
            await anyio.sleep(0.02)


def pod_lists(kube: KubernetesDouble) -> list[Any]:
    """The executor's lists of one pod (it lists before it watches, and after a 410)."""
    return [
        r
        for r in kube.requests
        if (r.verb, r.resource) == ("list", "pods") and "metadata.name=" in r.query["fieldSelector"]
    ]


# --- Pod spec ---------------------------------------------------------------------------


async def test_step_pod_spec_keeps_secrets_out_and_runs_services_as_sidecars(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(storage="emptyDir", limits_cpu="1", limits_memory=None)
    await executor.prepare(checkout)
    run = step(
        ['echo "token=$API_KEY"', "sleep 0.5"],
        image="python:3.12-slim",
        environment={"CI": "true", "API_KEY": SECRET},
        services=(Service("db", "postgres:16"), Service("cache_1", "redis:7", ("exec sleep 60",))),
    )
    output = Output()
    async with anyio.create_task_group() as tasks:
        outcome: list[int] = []

        async def go() -> None:
            outcome.append((await executor.run(run, output)).exit_code)

        tasks.start_soon(go)
        pod = await running_pod(kube, "dais-p7-s11-a1")
        secret = await kube.get("secrets", "dais-p7-s11-a1", NAMESPACE)
        token_secret = await kube.get("secrets", "dais-p7-token", NAMESPACE)
    assert outcome == [0]

    spec_text = json.dumps(pod)
    assert SECRET not in spec_text and TOKEN not in spec_text
    assert base64.b64encode(SECRET.encode()).decode() not in spec_text
    labels = pod["metadata"]["labels"]
    assert labels == {
        "app.kubernetes.io/managed-by": "dais",
        "dais.dev/pipeline": "7",
        "dais.dev/project": "3",
        "dais.dev/step": "11",
    }
    spec = pod["spec"]
    assert spec["restartPolicy"] == "Never"
    assert spec["automountServiceAccountToken"] is False
    assert spec["volumes"] == [{"name": "workspace", "emptyDir": {}}]
    assert spec["hostAliases"] == [{"ip": "127.0.0.1", "hostnames": ["db"]}]
    (main,) = spec["containers"]
    assert main["name"] == "step"
    assert main["image"] == "python:3.12-slim"
    assert main["command"][:2] == ["/bin/sh", "-ec"]
    assert 'echo "token=$$API_KEY"' in main["command"][2]  # $ doubled for the kubelet
    assert main["workingDir"] == "/workspace"
    assert main["envFrom"] == [{"secretRef": {"name": "dais-p7-s11-a1"}}]
    assert main["volumeMounts"] == [{"name": "workspace", "mountPath": "/workspace"}]
    assert main["resources"] == {
        "requests": {"cpu": "250m", "memory": "256Mi"},
        "limits": {"cpu": "1"},
    }
    clone, db, cache = spec["initContainers"]
    assert clone["name"] == "clone" and clone["image"] == "alpine/git:2.45.2"
    assert "restartPolicy" not in clone
    assert {
        "name": "DAIS_JOB_TOKEN",
        "valueFrom": {"secretKeyRef": {"name": "dais-p7-token", "key": "token"}},
    } in clone["env"]  # noqa: E501
    assert {"name": "DAIS_CLONE_URL", "value": checkout.clone_url} in clone["env"]
    assert clone["volumeMounts"] == [{"name": "workspace", "mountPath": "/workspace"}]
    assert (db["name"], db["image"], db["restartPolicy"]) == ("svc-db", "postgres:16", "Always")
    assert "command" not in db
    assert (cache["name"], cache["restartPolicy"]) == ("svc-cache-1", "Always")
    assert cache["command"] == ["/bin/sh", "-ec", "exec sleep 60"]
    sidecars = {s["name"]: s for s in pod["status"]["initContainerStatuses"]}
    assert "running" in sidecars["svc-db"]["state"]
    assert sidecars["clone"]["state"]["terminated"]["exitCode"] == 0

    assert secret is not None and token_secret is not None
    assert base64.b64decode(secret["data"]["API_KEY"]).decode() == SECRET
    assert base64.b64decode(token_secret["data"]["token"]).decode() == TOKEN
    assert f"token={SECRET}\n" in output.text
    # Done: the pod and its Secret are deleted, the pipeline's token Secret is kept.
    await gone(kube, "pods", "dais-p7-s11-a1")  # deleted, with a grace period
    assert await kube.get("secrets", "dais-p7-s11-a1", NAMESPACE) is None
    assert await kube.get("secrets", "dais-p7-token", NAMESPACE) is not None


async def test_emptydir_step_clones_the_commit_itself(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(storage="emptyDir")
    await executor.prepare(checkout)
    output = Output()
    outcome = await executor.run(step(["cat README", "git rev-parse HEAD"]), output)
    assert outcome.exit_code == 0
    text = output.text
    assert f"checked out {checkout.sha}\n" in text  # the clone's log comes first
    assert text.endswith(
        f"$ cat README\nhello from the repository\n$ git rev-parse HEAD\n{checkout.sha}\n"
    )
    assert TOKEN not in text
    assert await kube.objects("persistentvolumeclaims", NAMESPACE) == []


# --- Running ----------------------------------------------------------------------------


async def test_pvc_checkout_is_shared_by_the_steps(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    claim = await kube.get("persistentvolumeclaims", "dais-p7", NAMESPACE)
    assert claim is not None
    assert claim["metadata"]["labels"]["dais.dev/pipeline"] == "7"
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert claim["spec"]["resources"] == {"requests": {"storage": "1Gi"}}
    workspace = await kube.claim_path("dais-p7", NAMESPACE)
    assert (workspace / "README").read_text() == "hello from the repository\n"
    assert await kube.get("pods", "dais-p7-checkout", NAMESPACE) is None  # it is cleaned up

    first = await executor.run(step(["echo built > out.txt"]), Output())
    second_output = Output()
    second = await executor.run(step(["cat out.txt src/app.py"], step_id=12), second_output)
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert second_output.text == "$ cat out.txt src/app.py\nbuilt\nprint('app')\n"


async def test_output_streams_as_the_script_runs_and_the_exit_code_comes_back(
    make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    output = Output()
    outcome = await executor.run(
        step(["echo one", "sleep 1", "echo two >&2", "exit 3", "echo never"]), output
    )
    ended = time.monotonic()
    assert outcome.exit_code == 3
    assert output.text == "$ echo one\none\n$ sleep 1\n$ echo two >&2\ntwo\n$ exit 3\n"
    first_seen = next(at for at, chunk in output.chunks if b"one\n" in chunk)
    assert ended - first_seen > 0.8  # it arrived while the step still ran


async def test_kubelet_expansion_does_not_touch_the_script(
    make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    output = Output()
    greeting = 'GREETING() { echo from-the-shell; }; echo "$(GREETING) $GREETING $$" | cut -c1-25'
    outcome = await executor.run(step([greeting], environment={"GREETING": "hi"}), output)
    assert outcome.exit_code == 0
    # Unescaped, the kubelet would have put "hi" in place of $(GREETING) and "$" for "$$".
    assert output.text.splitlines()[-1].startswith("from-the-shell hi ")


async def test_log_stream_that_drops_is_resumed_without_loss_or_repeats(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    output = Output()
    script = "for i in $(seq 1 30); do echo line $i; sleep 0.03; done"
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(executor.run, step([script]), output)
        await running_pod(kube, "dais-p7-s11-a1")
        for _ in range(3):
            await anyio.sleep(0.2)
            await kube.close_log_streams()
    lines = output.text.splitlines()
    assert lines == [f"$ {script}", *(f"line {i}" for i in range(1, 31))]
    follows = [r for r in kube.requests if r.resource == "pods/log"]
    assert len(follows) >= 3
    assert all(r.query["follow"] in ("True", "true") for r in follows)


async def test_an_expired_watch_is_listed_again_and_the_step_completes(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    workspace = await kube.claim_path("dais-p7", NAMESPACE)
    output = Output()
    outcome: list[int] = []

    async def go() -> None:
        run = step(["while [ ! -e go ]; do sleep 0.02; done", "echo finished"])
        outcome.append((await executor.run(run, output)).exit_code)

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(go)
        await running_pod(kube, "dais-p7-s11-a1")
        await until(lambda: kube.live_watches())  # the executor watches the pod
        compacted = await kube.compact()  # every open watch ends; resuming gets 410
        await until(lambda: len(pod_lists(kube)) >= 2)  # so it lists the pod again

        def watching_from_the_new_list() -> bool:
            return any(
                int(r.query.get("resourceVersion") or 0) >= compacted
                for r in kube.requests
                if r.verb == "watch" and r.resource == "pods"
            )

        # Only then may the step end: had it ended first, the new list would already show
        # it terminated and no watch would follow.
        await until(watching_from_the_new_list)
        (workspace / "go").touch()
    assert outcome == [0]
    assert output.text.endswith("$ echo finished\nfinished\n")
    watches = [r for r in kube.requests if r.verb == "watch" and r.resource == "pods"]
    resumed = [int(r.query["resourceVersion"]) for r in watches]
    assert any(version < compacted for version in resumed)  # answered with 410
    assert any(version >= compacted for version in resumed)  # from the new list


async def test_cancelling_a_step_deletes_its_pod_and_secret(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    output = Output()
    with anyio.move_on_after(20):
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(executor.run, step(["echo started", "sleep 30"]), output)
            await running_pod(kube, "dais-p7-s11-a1")
            cancelled = time.monotonic()
            tasks.cancel_scope.cancel()
    took = time.monotonic() - cancelled
    assert await kube.get("pods", "dais-p7-s11-a1", NAMESPACE) is None
    assert await kube.get("secrets", "dais-p7-s11-a1", NAMESPACE) is None
    assert took < 5
    deletes = [r for r in kube.requests if r.verb == "delete" and r.resource == "pods"]
    assert deletes[-1].query["gracePeriodSeconds"] == "1"


# --- Failing ----------------------------------------------------------------------------


async def test_an_image_that_cannot_be_pulled_fails_the_step_with_the_reason(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(start_timeout=0.5)
    await executor.prepare(checkout)
    await kube.fail_image_pull("registry.example.com/team/missing:1.0")
    with pytest.raises(ExecutorError) as raised:
        await executor.run(step(["true"], image="registry.example.com/team/missing:1.0"), Output())
    message = str(raised.value)
    assert "could not start within 0.5 s" in message
    assert "container step" in message
    assert "ImagePullBackOff" in message or "ErrImagePull" in message
    assert "not found" in message
    await gone(kube, "pods", "dais-p7-s11-a1")  # deleted, with a grace period


async def test_an_invalid_image_name_fails_the_step(
    make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(start_timeout=0.3)
    await executor.prepare(checkout)
    with pytest.raises(ExecutorError, match="InvalidImageName: .*invalid reference format"):
        await executor.run(step(["true"], image="Not A/Valid:Image"), Output())


@pytest.mark.parametrize("grace", [None, 0])
async def test_a_pod_deleted_by_someone_else_fails_the_step_as_deleted(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout, grace: int | None
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)

    async def delete_it() -> None:
        await running_pod(kube, "dais-p7-s11-a1")
        await kube.delete("pods", "dais-p7-s11-a1", NAMESPACE, grace=grace)

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(delete_it)
        with pytest.raises(ExecutorError) as raised:
            await executor.run(step(["sleep 30"]), Output())
    assert str(raised.value) == "pod dais-p7-s11-a1 was deleted while the step ran"
    assert await kube.get("secrets", "dais-p7-s11-a1", NAMESPACE) is None


async def test_api_errors_are_reported_as_such(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(request_timeout=1.0)  # also how long a watch retries a 500
    await executor.prepare(checkout)
    await kube.fail(403, verb="create", resource="pods")
    with pytest.raises(ExecutorError) as raised:
        await executor.run(step(["true"]), Output())
    assert str(raised.value) == (
        'Kubernetes API error: 403 Forbidden: pods is forbidden: User "system:serviceaccount:'
        'dais:dais" cannot create resource "pods" in API group "" in the namespace "dais-builds"'
    )
    assert await kube.get("secrets", "dais-p7-s11-a1", NAMESPACE) is None

    await kube.fail(500, verb="watch", resource="pods", times=10)
    with pytest.raises(ExecutorError) as raised:
        await executor.run(step(["sleep 30"], attempt=2), Output())
    assert str(raised.value) == (
        "Kubernetes API error: 500 InternalError: Internal error occurred: etcdserver: "
        "request timed out"
    )
    await gone(kube, "pods", "dais-p7-s11-a2")


async def test_a_wrong_token_is_an_api_error(
    make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(token="not-the-token")
    with pytest.raises(
        ExecutorError, match="^Kubernetes API error: 401 Unauthorized: Unauthorized$"
    ):
        await executor.prepare(checkout)


async def test_a_failing_checkout_fails_prepare_with_gits_words(
    make_executor: MakeExecutor, checkout: Checkout, tmp_path: Path
) -> None:
    executor = make_executor()
    broken = Checkout(
        pipeline_id=8,
        project_id=3,
        project_path="alice/app",
        sha=checkout.sha,
        git_dir=tmp_path / "nowhere.git",
        clone_url=f"file://{tmp_path / 'nowhere.git'}",
        token=TOKEN,
    )
    with pytest.raises(ExecutorError) as raised:
        await executor.prepare(broken)
    assert str(raised.value).startswith("the checkout failed (exit code 128): ")
    assert "nowhere.git" in str(raised.value)
    assert TOKEN not in str(raised.value)


# --- Artifacts --------------------------------------------------------------------------


async def test_collect_hands_matching_regular_files_to_the_sink(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    blob = bytes(range(256)) * 300
    run = step(
        [
            "mkdir -p dist/sub",
            "echo report > dist/report.txt",
            "cp dist/report.txt dist/sub/copy.txt",
            "ln dist/report.txt dist/hard.txt",
            "ln -s report.txt dist/link.txt",
            "echo big > dist/big.txt",
            "echo no > notes.txt",
        ]
    )
    assert (await executor.run(run, Output())).exit_code == 0
    (await kube.claim_path("dais-p7", NAMESPACE) / "dist" / "sub" / "blob.bin").write_bytes(blob)
    got: dict[str, bytes] = {}

    async def sink(path: str, size: int, chunks: AsyncIterator[bytes]) -> None:
        if path == "dist/big.txt":
            raise ValueError("dist/big.txt is over the limit of 1 byte")
        data = b"".join([chunk async for chunk in chunks])
        assert len(data) == size
        got[path] = data

    problems = await executor.collect(run, ["dist/**", "/etc/passwd", "../up", "notes.*"], sink)
    assert got == {
        "dist/report.txt": b"report\n",
        "dist/hard.txt": b"report\n",
        "dist/sub/copy.txt": b"report\n",
        "dist/sub/blob.bin": blob,
        "notes.txt": b"no\n",
    }
    assert sorted(problems) == sorted(
        [
            "/etc/passwd: refused: it reaches outside the workspace",
            "../up: refused: it reaches outside the workspace",
            "dist/link.txt: skipped: a symbolic link",
            "dist/big.txt: refused: dist/big.txt is over the limit of 1 byte",
        ]
    )
    followed = {r.name for r in kube.requests if r.resource == "pods/log"}
    assert {"dais-p7-s11-a1-list", "dais-p7-s11-a1-pack"} <= followed  # the collector pods
    assert await kube.objects("pods", NAMESPACE, "dais.dev/role=collect") == []


async def test_collect_over_the_limit_keeps_nothing(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor(artifact_limit=10_000)
    await executor.prepare(checkout)
    run = step(["head -c 50000 /dev/zero > big.bin"])
    assert (await executor.run(run, Output())).exit_code == 0

    async def sink(path: str, size: int, chunks: AsyncIterator[bytes]) -> None:
        raise AssertionError("nothing is handed over")

    problems = await executor.collect(run, ["*.bin"], sink)
    assert len(problems) == 1
    assert "over the limit of 10000" in problems[0]


async def test_collect_needs_a_claim(make_executor: MakeExecutor, checkout: Checkout) -> None:
    executor = make_executor(storage="emptyDir")
    await executor.prepare(checkout)

    async def sink(path: str, size: int, chunks: AsyncIterator[bytes]) -> None:
        raise AssertionError("nothing to collect")

    problems = await executor.collect(step(["true"]), ["dist/**"], sink)
    assert problems == [
        "dist/**: not collected: artifacts need storage=pvc on the kubernetes executor"
    ]


# --- Cleaning up ------------------------------------------------------------------------


def leftover(kind: str, name: str, pipeline: int | None) -> dict[str, Any]:
    labels = {"app": "other"} if pipeline is None else {
        "app.kubernetes.io/managed-by": "dais", "dais.dev/pipeline": str(pipeline)
    }  # fmt: skip
    meta = {"name": name, "labels": labels}
    if kind == "pods":
        container = {"name": "step", "image": "alpine:3.20", "command": ["sleep", "30"]}
        return {"metadata": meta, "spec": {"restartPolicy": "Never", "containers": [container]}}
    if kind == "secrets":
        return {"metadata": meta, "stringData": {"token": "old"}}
    return {
        "metadata": meta,
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}},
    }


async def test_sweep_removes_what_other_pipelines_left_and_keeps_the_rest(
    kube: KubernetesDouble, make_executor: MakeExecutor
) -> None:
    for kind in ("pods", "secrets", "persistentvolumeclaims"):
        await kube.create(kind, leftover(kind, "dais-p1-x", 1), NAMESPACE)
        await kube.create(kind, leftover(kind, "dais-p2-x", 2), NAMESPACE)
        await kube.create(kind, leftover(kind, "someone-elses", None), NAMESPACE)
    await kube.create("pods", leftover("pods", "dais-p2-elsewhere", 2), "default")
    executor = make_executor()

    assert await executor.sweep({1, 5}) == 3

    for kind in ("pods", "secrets", "persistentvolumeclaims"):
        names = {o["metadata"]["name"] for o in await kube.objects(kind, NAMESPACE)}
        assert names >= {"dais-p1-x", "someone-elses"}, kind
    await gone(kube, "pods", "dais-p2-x")
    assert await kube.get("secrets", "dais-p2-x", NAMESPACE) is None
    await gone(kube, "persistentvolumeclaims", "dais-p2-x")
    assert await kube.get("pods", "dais-p2-elsewhere", "default") is not None  # not its namespace


async def test_finish_removes_the_pipelines_objects_and_is_idempotent(
    kube: KubernetesDouble, make_executor: MakeExecutor, checkout: Checkout
) -> None:
    executor = make_executor()
    await executor.prepare(checkout)
    await kube.create("pods", leftover("pods", "dais-p1-x", 1), NAMESPACE)
    await executor.finish(7)
    await executor.finish(7)
    assert await kube.objects("secrets", NAMESPACE, "dais.dev/pipeline=7") == []
    assert await kube.objects("persistentvolumeclaims", NAMESPACE, "dais.dev/pipeline=7") == []
    assert await kube.get("pods", "dais-p1-x", NAMESPACE) is not None
    with pytest.raises(ExecutorError, match="was not prepared"):
        await executor.run(step(["true"]), Output())
