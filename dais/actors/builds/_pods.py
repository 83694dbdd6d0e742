"""Manifests for the Kubernetes executor: a step's pod, its secrets, the pipeline's
workspace claim, the collector pods; pure functions of the configuration, the checkout and
the step (``kubernetes.py`` sends them)."""

from __future__ import annotations

import base64
import math
import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .executor import Checkout, StepRun
    from .pipeline import Service

Json = dict[str, Any]  # an API object, as the server sends it

WORKSPACE: Final = "/workspace"
MANAGED_BY: Final = "app.kubernetes.io/managed-by"
PIPELINE: Final = "dais.dev/pipeline"
PROJECT: Final = "dais.dev/project"
STEP: Final = "dais.dev/step"
ROLE: Final = "dais.dev/role"

STEP_CONTAINER: Final = "step"
CLONE_CONTAINER: Final = "clone"


@attrs.frozen
class KubernetesConfig:
    """How the executor reaches the cluster and shapes its pods.

    ``api_url`` ``None`` uses the in-cluster service account, else the kubeconfig
    (``KUBECONFIG`` or ``~/.kube/config``); with ``api_url``, ``token`` is the bearer token
    and ``ca_file`` the CA that signed the server's certificate. Resources are per container
    (the step's, and each service's); ``None`` for a limit sets none. ``storage`` is
    ``"emptyDir"`` (a clone per step, nothing shared) or ``"pvc"`` (one claim per pipeline,
    shared by its steps and needed for artifacts). Times are in seconds: ``request_timeout``
    bounds each API call, and also how long a broken watch or log stream keeps reconnecting
    through transient failures; ``grace`` is the pods' termination grace period;
    ``start_timeout`` how long a pod may wait on an image pull, a configuration error or a
    node. ``artifact_limit`` bounds the bytes of one collect's tar.
    """

    namespace: str = "dais-builds"
    api_url: str | None = None
    token: str | None = attrs.field(default=None, repr=False)
    verify_tls: bool = True
    ca_file: Path | None = None
    requests_cpu: str = "250m"
    requests_memory: str = "256Mi"
    limits_cpu: str | None = "2"
    limits_memory: str | None = "2Gi"
    default_image: str = "alpine:3.20"
    git_image: str = "alpine/git:2.45.2"
    storage: str = attrs.field(
        default="emptyDir", validator=attrs.validators.in_(("emptyDir", "pvc"))
    )
    storage_size: str = "1Gi"
    storage_class: str | None = None
    access_mode: str = "ReadWriteOnce"
    request_timeout: float = 30.0
    grace: float = 10.0
    start_timeout: float = 300.0
    artifact_limit: int = 512 * 1024 * 1024  # bytes of tar one collect may stream


# --- Manifests (pure) -------------------------------------------------------------------


def pipeline_labels(checkout: Checkout) -> dict[str, str]:
    """The labels on everything the executor creates for a pipeline."""
    return {
        MANAGED_BY: "dais",
        PIPELINE: str(checkout.pipeline_id),
        PROJECT: str(checkout.project_id),
    }


def pod_name(step: StepRun) -> str:
    """The pod (and Secret) of one attempt of one step."""
    return f"dais-p{step.pipeline_id}-s{step.step_id}-a{step.attempt}"


def claim_name(pipeline_id: int) -> str:
    return f"dais-p{pipeline_id}"


def token_secret_name(pipeline_id: int) -> str:
    return f"dais-p{pipeline_id}-token"


def kubelet_escape(text: str) -> str:
    """``text`` as ``command``/``args`` must carry it to arrive unchanged: the kubelet
    expands ``$(VAR)`` there and reduces ``$$`` to ``$``, so every ``$`` is doubled."""
    return text.replace("$", "$$")


def step_script(commands: Sequence[str]) -> str:
    """The shell script a step runs under ``sh -e``: each command echoed, then run."""
    lines = []
    for command in commands:
        lines.append(f"printf '%s\\n' {shlex.quote('$ ' + command)}")
        lines.append(command)
    return "\n".join(lines) + "\n"


# Clones into the working directory (the workspace) unless a checkout is there already; the
# fetch by commit needs no ref to point at it, and if the server refuses that, every ref is
# fetched. The token is read from the environment by the shell, never written out.
CLONE_SCRIPT: Final = """\
if [ -d .git ]; then
  echo "the workspace holds a checkout already"
  exit 0
fi
authorized() {
  if [ -n "$DAIS_JOB_TOKEN" ]; then
    git -c "http.extraHeader=Authorization: Bearer $DAIS_JOB_TOKEN" "$@"
  else
    git "$@"
  fi
}
echo "$ git fetch $DAIS_CLONE_URL $DAIS_SHA"
git init -q .
git remote add origin "$DAIS_CLONE_URL"
if ! authorized fetch -q --no-tags origin "$DAIS_SHA" 2>/dev/null; then
  authorized fetch -q --no-tags origin '+refs/*:refs/dais/*'
fi
git -c advice.detachedHead=false checkout -q --detach "$DAIS_SHA"
echo "checked out $DAIS_SHA"
"""

# The workspace's regular files, then an empty name, then its symbolic links.
LIST_SCRIPT: Final = """\
{
  find . -path ./.git -prune -o -type f -print0
  printf '\\0'
  find . -path ./.git -prune -o -type l -print0
} | base64
"""

# The files named by the arguments as a tar, base64-encoded, then a trailer line with the
# tar's SHA-256 and size (or "too-large" and the size, over the limit).
PACK_SCRIPT: Final = """\
archive=$(mktemp)
tar -cf "$archive" "$@" || echo "tar exited with $?" >&2
size=$(wc -c < "$archive" | tr -d ' ')
if [ "$size" -gt "$DAIS_LIMIT" ]; then
  echo "DAIS-ARTIFACTS too-large $size"
  exit 3
fi
base64 "$archive"
echo "DAIS-ARTIFACTS $(sha256sum "$archive" | cut -d ' ' -f 1) $size"
rm -f "$archive"
"""


def _resources(config: KubernetesConfig) -> Json:
    resources: Json = {"requests": {"cpu": config.requests_cpu, "memory": config.requests_memory}}
    limits = {"cpu": config.limits_cpu, "memory": config.limits_memory}
    if any(limits.values()):
        resources["limits"] = {k: v for k, v in limits.items() if v}
    return resources


def shell(script: str, *args: str) -> list[str]:
    """``sh -ec script`` with positional ``args``, escaped for the kubelet."""
    argv = ["/bin/sh", "-ec", script, *(("sh", *args) if args else ())]
    return [kubelet_escape(arg) for arg in argv]


def _workspace_volume(config: KubernetesConfig, pipeline_id: int) -> Json:
    if config.storage == "pvc":
        return {
            "name": "workspace",
            "persistentVolumeClaim": {"claimName": claim_name(pipeline_id)},
        }
    return {"name": "workspace", "emptyDir": {}}


def clone_container(config: KubernetesConfig, checkout: Checkout) -> Json:
    return {
        "name": CLONE_CONTAINER,
        "image": config.git_image,
        "command": shell(CLONE_SCRIPT),
        "workingDir": WORKSPACE,
        "env": [
            {
                "name": "DAIS_JOB_TOKEN",
                "valueFrom": {
                    "secretKeyRef": {
                        "name": token_secret_name(checkout.pipeline_id),
                        "key": "token",
                    }
                },
            },
            {"name": "DAIS_CLONE_URL", "value": checkout.clone_url},
            {"name": "DAIS_SHA", "value": checkout.sha},
        ],
        "resources": _resources(config),
        "volumeMounts": [{"name": "workspace", "mountPath": WORKSPACE}],
    }


def service_container_names(services: Sequence[Service]) -> list[str]:
    """Container names (RFC 1123 labels, unique, never ``step`` or ``clone``) for services."""
    names: list[str] = []
    for service in services:
        base = ("svc-" + re.sub(r"[^a-z0-9-]", "-", service.name.lower()))[:60].rstrip("-")
        name, n = base, 2
        while name in names:
            name, n = f"{base[:57]}-{n}", n + 1
        names.append(name)
    return names


_HOSTNAME = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")


def step_pod(config: KubernetesConfig, checkout: Checkout, step: StepRun) -> Json:
    """The pod that runs one attempt of a step (its environment in the Secret of its name)."""
    name = pod_name(step)
    env_from = [{"secretRef": {"name": name}}]
    mount = [{"name": "workspace", "mountPath": WORKSPACE}]
    init: list[Json] = []
    if config.storage == "emptyDir":
        init.append(clone_container(config, checkout))
    for service, container in zip(
        step.services, service_container_names(step.services), strict=True
    ):
        sidecar: Json = {
            "name": container,
            "image": service.image,
            "restartPolicy": "Always",  # a native sidecar
            "envFrom": env_from,
            "resources": _resources(config),
        }
        if service.commands:
            sidecar["command"] = shell("\n".join(service.commands))
        init.append(sidecar)
    spec: Json = {
        "restartPolicy": "Never",
        "terminationGracePeriodSeconds": math.ceil(config.grace),
        "automountServiceAccountToken": False,  # the step gets no API credentials
        "enableServiceLinks": False,
        "containers": [
            {
                "name": STEP_CONTAINER,
                "image": step.image or config.default_image,
                "command": shell(step_script(step.commands)),
                "workingDir": WORKSPACE,
                "envFrom": env_from,
                "resources": _resources(config),
                "volumeMounts": mount,
            }
        ],
        "volumes": [_workspace_volume(config, step.pipeline_id)],
    }
    if init:
        spec["initContainers"] = init
    hostnames = [s.name for s in step.services if _HOSTNAME.fullmatch(s.name)]
    if hostnames:
        spec["hostAliases"] = [{"ip": "127.0.0.1", "hostnames": hostnames}]
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": name,
            "labels": {**pipeline_labels(checkout), STEP: str(step.step_id)},
            "annotations": {"dais.dev/step-name": step.name, "dais.dev/attempt": str(step.attempt)},
        },
        "spec": spec,
    }


def job_pod(
    config: KubernetesConfig,
    checkout: Checkout,
    name: str,
    role: str,
    container: Json,
    step_id: int | None = None,
) -> Json:
    labels = {**pipeline_labels(checkout), ROLE: role}
    if step_id is not None:
        labels[STEP] = str(step_id)
    container = {
        "workingDir": WORKSPACE,
        "resources": _resources(config),
        "volumeMounts": [{"name": "workspace", "mountPath": WORKSPACE}],
        **container,
    }
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "labels": labels},
        "spec": {
            "restartPolicy": "Never",
            "terminationGracePeriodSeconds": math.ceil(config.grace),
            "automountServiceAccountToken": False,
            "enableServiceLinks": False,
            "containers": [container],
            "volumes": [_workspace_volume(config, checkout.pipeline_id)],
        },
    }


def secret_manifest(name: str, labels: dict[str, str], data: dict[str, str]) -> Json:
    return {
        "apiVersion": "v1",
        "kind": "Secret",
        "type": "Opaque",
        "metadata": {"name": name, "labels": labels},
        "data": {k: base64.b64encode(v.encode()).decode() for k, v in data.items()},
    }
