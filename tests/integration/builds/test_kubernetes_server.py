"""A real `dais serve` with ``DAIS_EXECUTOR=kubernetes`` against the Kubernetes API double:
each step a pod whose init container clones the commit from dais over smart HTTP with the
pipeline's job token, its output followed as the pod's log, its pod and secrets gone once it
ends or is cancelled."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio.from_thread
import attrs
import pytest

from tests.integration.gitserver.conftest import Forge, running_forge, server_environment
from tests.support.kubernetes import KubernetesDouble

pytestmark = pytest.mark.e2e

NAMESPACE = "dais-builds"
PATIENCE = 30.0


@attrs.frozen
class Cluster:
    """The double, reached from sync tests through a portal onto its event loop."""

    double: KubernetesDouble
    portal: anyio.from_thread.BlockingPortal

    def objects(self, resource: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.portal.call(self.double.objects, resource, NAMESPACE)
        return found


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with (
        anyio.from_thread.start_blocking_portal("asyncio") as portal,
        portal.wrap_async_context_manager(
            KubernetesDouble(token="k8s-test-token", namespaces=[NAMESPACE])
        ) as double,
    ):
        yield Cluster(double, portal)


@pytest.fixture
def forge(cluster: Cluster, database_url: str, tmp_path: Path) -> Iterator[Forge]:
    env = server_environment(
        database_url,
        tmp_path / "data",
        DAIS_EXECUTOR="kubernetes",
        DAIS_K8S_API_URL=cluster.double.url,
        DAIS_K8S_TOKEN="k8s-test-token",
        DAIS_K8S_NAMESPACE=NAMESPACE,
    )
    yield from running_forge(env, tmp_path)


def _commit(forge: Forge, auth: dict[str, str], project: str, content: str) -> str:
    r = forge.http.put(
        f"/api/projects/{project}/repository/files",
        json={"branch": "main", "path": ".platformci.yml", "content": content, "message": "CI"},
        headers=auth,
    )
    assert r.status_code in (200, 201), r.text
    sha: str = r.json()["commit"]
    return sha


def _pipelines(forge: Forge, auth: dict[str, str], project: str, sha: str) -> list[Any]:
    found: list[Any] = forge.http.get(
        f"/api/projects/{project}/pipelines", params={"sha": sha}, headers=auth
    ).json()
    return found


def _settled(forge: Forge, auth: dict[str, str], project: str, sha: str) -> Any:
    deadline = time.monotonic() + PATIENCE
    found: list[Any] = []
    while time.monotonic() < deadline:
        found = _pipelines(forge, auth, project, sha)
        if found and found[0]["state"] not in ("pending", "running"):
            return forge.http.get(
                f"/api/projects/{project}/pipelines/{found[0]['number']}", headers=auth
            ).json()
        time.sleep(0.1)
    raise AssertionError(f"the pipeline of {sha} did not finish: {found}")


def _until_gone(cluster: Cluster, *resources: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while any(cluster.objects(r) for r in resources):
        assert time.monotonic() < deadline, {r: cluster.objects(r) for r in resources}
        time.sleep(0.1)


def test_steps_run_as_pods_that_clone_with_the_job_token(forge: Forge, cluster: Cluster) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    pipeline_file = (
        "steps:\n"
        "  - name: build\n"
        "    image: python:3.12\n"
        "    commands: ['ls', 'echo building $DAIS_PROJECT at $DAIS_COMMIT_SHA']\n"
        "  - name: check\n"
        "    commands: ['test -f README.md', 'echo checked']\n"
    )
    seen: dict[str, Any] = {}
    stop = threading.Event()

    def watch_pods() -> None:
        while not stop.is_set():
            for pod in cluster.objects("pods"):
                seen[pod["metadata"]["name"]] = pod
            time.sleep(0.02)

    watcher = threading.Thread(target=watch_pods)
    watcher.start()
    try:
        sha = _commit(forge, alice.auth, project.id, pipeline_file)
        done = _settled(forge, alice.auth, project.id, sha)
    finally:
        stop.set()
        watcher.join()
    assert done["state"] == "success", done
    assert done["executor"] == "kubernetes"
    log = forge.http.get(
        f"/api/projects/{project.id}/pipelines/{done['number']}/steps/build/log",
        headers=alice.auth,
    ).text
    assert f"building {project.path} at {sha}" in log and "README.md" in log
    # The pods asked for the file's images (the default for a step without one) and kept
    # the job token out of their specs; once done they are gone with their secrets.
    images = {c["image"] for pod in seen.values() for c in pod["spec"]["containers"]}
    assert {"python:3.12", "alpine:3.20"} <= images, images
    assert all("dais_pat_" not in str(pod["spec"]) for pod in seen.values())
    _until_gone(cluster, "pods", "secrets")


def test_a_cancelled_pipeline_deletes_its_pod(forge: Forge, cluster: Cluster) -> None:
    alice = forge.user("alice")
    project = forge.project(alice, readme=True)
    sha = _commit(
        forge,
        alice.auth,
        project.id,
        "steps:\n  - name: wait\n    commands: ['echo waiting', 'sleep 300']\n",
    )
    deadline = time.monotonic() + PATIENCE
    number = None
    while number is None and time.monotonic() < deadline:
        running = [
            p for p in _pipelines(forge, alice.auth, project.id, sha) if p["state"] == "running"
        ]
        if running and cluster.objects("pods"):
            number = running[0]["number"]
        time.sleep(0.1)
    assert number is not None, "the step's pod never started"
    r = forge.http.post(f"/api/projects/{project.id}/pipelines/{number}/cancel", headers=alice.auth)
    assert r.status_code == 200, r.text
    assert _settled(forge, alice.auth, project.id, sha)["state"] == "cancelled"
    _until_gone(cluster, "pods", "secrets")
