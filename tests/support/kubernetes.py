"""A local double of the Kubernetes REST API, served over real HTTP, for tests.

What it implements. The API as ``kubernetes_asyncio`` (or any client) speaks it, on
``127.0.0.1`` on a port of its own, in a thread with its own event loop, behind a bearer token
(anything else gets a ``401`` Status):

- a generic object store by group/version/resource/namespace/name (:class:`ObjectStore`) with
  one resourceVersion counter for everything, as etcd has: create (``201``), get, list,
  replace (``PUT``, with the resourceVersion precondition), delete (grace periods, finalizers,
  ``preconditions``) and deletecollection. Registered: ``namespaces``, ``pods``, ``secrets``,
  ``configmaps``, ``persistentvolumeclaims``; another kind is one :class:`ResourceType` away;
- label selectors (``a=b``, ``a==b``, ``a!=b``, ``a in (x,y)``, ``a notin (x)``, ``a``, ``!a``,
  ``a>1``, ``a<1``) and field selectors (``metadata.name``, ``metadata.namespace`` and the
  kind's own, such as ``status.phase`` for pods);
- ``watch=true``: newline-delimited ``{"type": ..., "object": ...}`` events. No
  resourceVersion (or ``"0"``): the current objects as ``ADDED``, then changes; ``N``: every
  change after ``N``. Objects entering or leaving the selector arrive as ``ADDED``/``DELETED``.
  ``timeoutSeconds`` ends the stream. A resourceVersion older than the kept history gets one
  ``ERROR`` event holding a ``410`` Status with reason ``Expired``, as the watch cache answers
  it; :meth:`KubernetesDouble.compact` throws the history away to provoke that;
- errors as ``Status`` objects with the codes, reasons and messages of apimachinery's
  ``errors.go`` (``NotFound``, ``AlreadyExists``, ``Conflict``, ``Invalid`` with causes,
  ``BadRequest``, ``Unauthorized``, ``Forbidden``, ``Expired``, ``InternalError``...);
- a node that runs pods: a pod is bound at once (once its claims exist), its init containers
  run in order (native sidecars, ``restartPolicy: Always``, start and keep running), then its
  containers; phase ``Pending`` -> ``Running`` -> ``Succeeded``/``Failed``, with
  ``initContainerStatuses`` and ``containerStatuses`` in the ``waiting``/``running``/
  ``terminated`` states the kubelet reports (``ErrImagePull``, ``ImagePullBackOff``,
  ``InvalidImageName``, ``CreateContainerConfigError``, exit codes, ``Completed``/``Error``).
  After the regular containers end, sidecars get SIGTERM. Deleting a running pod is graceful
  (``deletionTimestamp``, SIGTERM, the grace period, SIGKILL, then ``DELETED``); a claim in use
  is kept by its ``kubernetes.io/pvc-protection`` finalizer until no running pod mounts it;
- ``pods/log`` with ``container``, ``follow`` (until the container ends), ``timestamps``
  (RFC3339NanoFixed, as the kubelet writes them), ``tailLines``, ``limitBytes``,
  ``sinceSeconds``, ``sinceTime`` and ``previous``;
- ``/version``, ``/api``, ``/api/v1``, ``/apis`` discovery.

How containers run. There are no images and no containers: a container's ``command`` and
``args`` (after the kubelet's ``$(VAR)`` expansion) run as a local process group whose output
is the container's log, so logs and exit codes are real. Its environment holds ``env``
(values, ``secretKeyRef``, ``configMapKeyRef``, ``fieldRef``) and ``envFrom``, plus ``PATH``,
``HOSTNAME`` and a private ``HOME`` and ``TMPDIR``, and nothing of the test process. Volumes are
directories (an ``emptyDir`` per pod, one per claim) and a container starts in its
``workingDir`` mapped into them, so commands must use paths relative to it: absolute paths
(``/workspace``) are not remapped. A container without ``command`` runs what ``images`` names
for its image, else it waits until stopped, as a server would.

What it does not do: scheduling (one node, ``dais-double``, takes every pod), resources and
QoS enforcement, probes, restarting regular containers (``restartPolicy`` ``Always`` and
``OnFailure`` behave as ``Never``; sidecars are restarted), networking and Services, PATCH and
server-side apply (``405``), pagination (``limit`` is ignored, which the API allows),
bookmarks other than the one closing ``sendInitialEvents``, protobuf, exec/attach/
port-forward, and controllers other than PVC protection.

Shaped from the upstream reference: ``api/openapi-spec/v3/api__v1_openapi.json`` (read through
the models and API docstrings ``kubernetes_asyncio`` generates from it: ``V1Status``,
``V1ContainerStatus``, ``V1ContainerState*``, ``V1PodStatus``, ``V1WatchEvent``, the ``args``
expansion rules of ``V1Container``, the ``read_namespaced_pod_log`` and ``list_namespaced_pod``
parameters), kubernetes/kubernetes ``staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go``
(Status shapes and messages), the watch cache's ``too old resource version: %d (%d)`` answer,
``pkg/kubelet/kuberuntime/logs/logs.go`` (timestamp format, ``since`` filtering, follow until
the container stops), and ``kubernetes_asyncio``'s ``client/rest.py``, ``client/api_client.py``
and ``watch/watch.py`` (how the client sends queries and reads streams; booleans arrive as
``True``, which the server's ``strconv.ParseBool`` accepts).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import collections
import contextlib
import copy
import hmac
import inspect
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Self, TypeVar

import anyio
import anyio.to_thread
import attrs
from aiohttp import web
from kubernetes_asyncio.client import ApiClient, Configuration

__all__ = [
    "FieldError",
    "KubernetesDouble",
    "LabelSelector",
    "ObjectStore",
    "RecordedRequest",
    "ResourceType",
    "StatusError",
]

HOST = "127.0.0.1"
NODE = "dais-double"
POD_IP = "127.0.0.1"
PVC_PROTECTION = "kubernetes.io/pvc-protection"
DEFAULT_WATCH_SECONDS = 1800  # the apiserver picks between --min-request-timeout and twice it
_EXIT_DRAIN = 1.0  # seconds to read what a container's killed leftovers still write

Json = dict[str, Any]
T = TypeVar("T")


# --- Time -------------------------------------------------------------------------------


def _rfc3339(ns: int | None = None) -> str:
    seconds = (time.time_ns() if ns is None else ns) // 1_000_000_000
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def _rfc3339_nano_fixed(ns: int) -> str:
    seconds, nanos = divmod(ns, 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{nanos:09d}Z"


_TIME = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)")


def _parse_time(text: str) -> int:
    """Nanoseconds since the epoch of an RFC 3339 time, fractions and offsets allowed."""
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(text)
    whole, fraction, zone = match.groups()
    moment = datetime.fromisoformat(whole + ("+00:00" if zone == "Z" else zone))
    return int(moment.timestamp()) * 1_000_000_000 + int((fraction or "").ljust(9, "0"))


# --- Errors -----------------------------------------------------------------------------

_REASONS = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    410: "Expired",
    422: "Invalid",
    429: "TooManyRequests",
    500: "InternalError",
    503: "ServiceUnavailable",
    504: "Timeout",
}


@attrs.frozen
class FieldError:
    """One field a request got wrong, as apimachinery's ``field.Error`` renders it."""

    type: str  # FieldValueRequired, FieldValueInvalid, FieldValueDuplicate, ...
    field: str
    value: Any = None
    detail: str = ""

    def body(self) -> str:
        value = json.dumps(self.value)
        match self.type:
            case "FieldValueRequired":
                return "Required value" + (f": {self.detail}" if self.detail else "")
            case "FieldValueDuplicate":
                return f"Duplicate value: {value}"
            case "FieldValueNotFound":
                return f"Not found: {value}"
            case "FieldValueNotSupported":
                return f"Unsupported value: {value}: supported values: {self.detail}"
            case "FieldValueForbidden":
                return f"Forbidden: {self.detail}"
            case "FieldValueTooLong":
                return f"Too long: {self.detail}"
            case _:
                return f"Invalid value: {value}: {self.detail}"

    def __str__(self) -> str:
        return f"{self.field}: {self.body()}"


class StatusError(Exception):
    """An API failure, answered as a ``Status`` object (``errors.go``)."""

    def __init__(
        self, code: int, message: str, *, reason: str | None = None, details: Json | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason or _REASONS.get(code, "Unknown")
        self.details: Json | None = details

    def status(self) -> Json:
        body: Json = {
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": self.message,
            "reason": self.reason,
            "code": self.code,
        }
        if self.details is not None:
            body["details"] = self.details
        return body

    @classmethod
    def not_found(cls, rt: ResourceType, name: str) -> StatusError:
        details = {"name": name, "group": rt.group, "kind": rt.resource}
        return cls(404, f'{rt.group_resource} "{name}" not found', details=_compact(details))

    @classmethod
    def already_exists(cls, rt: ResourceType, name: str) -> StatusError:
        details = {"name": name, "group": rt.group, "kind": rt.resource}
        return cls(
            409,
            f'{rt.group_resource} "{name}" already exists',
            reason="AlreadyExists",
            details=_compact(details),
        )

    @classmethod
    def conflict(cls, rt: ResourceType, name: str, why: str) -> StatusError:
        details = {"name": name, "group": rt.group, "kind": rt.resource}
        message = f'Operation cannot be fulfilled on {rt.group_resource} "{name}": {why}'
        return cls(409, message, details=_compact(details))

    @classmethod
    def invalid(cls, rt: ResourceType, name: str, errors: Sequence[FieldError]) -> StatusError:
        causes = [{"reason": e.type, "message": e.body(), "field": e.field} for e in errors]
        joined = str(errors[0]) if len(errors) == 1 else f"[{', '.join(map(str, errors))}]"
        details = {"name": name, "group": rt.group, "kind": rt.kind, "causes": causes}
        return cls(422, f'{rt.kind} "{name}" is invalid: {joined}', details=_compact(details))

    @classmethod
    def bad_request(cls, message: str) -> StatusError:
        return cls(400, message)

    @classmethod
    def expired(cls, message: str) -> StatusError:
        return cls(410, message, reason="Expired")

    @classmethod
    def unknown_path(cls) -> StatusError:
        return cls(404, "the server could not find the requested resource", details={})

    @classmethod
    def injected(
        cls, code: int, rt: ResourceType | None, verb: str, namespace: str, name: str
    ) -> StatusError:
        """What the apiserver says for ``code`` when a test injects it (see ``fail``)."""
        what = rt.group_resource if rt else "resource"
        if code == 403:
            subject = f'{what} "{name}"' if name else what
            scope = f' in the namespace "{namespace}"' if namespace else " at the cluster scope"
            group = rt.group if rt else ""
            message = (
                f'{subject} is forbidden: User "system:serviceaccount:dais:dais" cannot {verb} '
                f'resource "{rt.resource if rt else what}" in API group "{group}"{scope}'
            )
            return cls(403, message, details=_compact({"name": name, "kind": what}))
        if code == 500:
            return cls(500, "Internal error occurred: etcdserver: request timed out")
        if code == 429:
            return cls(429, "Too many requests: please try again later", details={})
        if code == 503:
            return cls(503, "the server is currently unable to handle the request")
        return cls(code, f"injected failure {code}")


def _compact(details: Json) -> Json:
    return {k: v for k, v in details.items() if v not in ("", None)}


# --- Resource types ---------------------------------------------------------------------


@attrs.frozen
class ResourceType:
    """One kind the API serves, and the field-selector labels it supports beyond
    ``metadata.name`` and ``metadata.namespace``."""

    group: str
    version: str
    resource: str  # plural, lower case: "pods"
    kind: str
    namespaced: bool = True
    has_status: bool = False  # status is kept across a PUT (a status subresource)
    fields: tuple[str, ...] = ()
    verbs: tuple[str, ...] = (
        "create",
        "delete",
        "deletecollection",
        "get",
        "list",
        "update",
        "watch",
    )

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def group_resource(self) -> str:
        return f"{self.resource}.{self.group}" if self.group else self.resource


NAMESPACES = ResourceType(
    "", "v1", "namespaces", "Namespace", namespaced=False, has_status=True,
    fields=("status.phase",), verbs=("create", "get", "list", "watch"),
)  # fmt: skip
PODS = ResourceType(
    "", "v1", "pods", "Pod", has_status=True,
    fields=(
        "spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
        "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
        "status.nominatedNodeName",
    ),
)  # fmt: skip
SECRETS = ResourceType("", "v1", "secrets", "Secret", fields=("type",))
CONFIGMAPS = ResourceType("", "v1", "configmaps", "ConfigMap")
PVCS = ResourceType("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", has_status=True)
CORE_TYPES = (NAMESPACES, PODS, SECRETS, CONFIGMAPS, PVCS)


def _field_value(obj: Json, label: str) -> str:
    value: Any = obj
    for part in label.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


# --- Selectors --------------------------------------------------------------------------

_LABEL_VALUE = re.compile(r"(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?")
_QUALIFIED_NAME = re.compile(r"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_DNS1123_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
_SELECTOR_TOKEN = re.compile(r"\s*(?:(!=|==|=|!|\(|\)|,|>|<)|([^\s!=(),<>]+))")


def _qualified_name_problem(key: str) -> str | None:
    prefix, _, name = key.rpartition("/")
    if "/" in key and (not prefix or len(prefix) > 253 or not _DNS1123_SUBDOMAIN.fullmatch(prefix)):
        return "prefix part must be a lowercase RFC 1123 subdomain"
    if not name or len(name) > 63 or not _QUALIFIED_NAME.fullmatch(name):
        return (
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must "
            "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
            "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
        )
    return None


def _label_value_problem(value: str) -> str | None:
    if len(value) > 63:
        return "must be no more than 63 characters"
    if not _LABEL_VALUE.fullmatch(value):
        return (
            "a valid label must be an empty string or consist of alphanumeric characters, "
            "'-', '_' or '.', and must start and end with an alphanumeric character"
        )
    return None


@attrs.frozen
class Requirement:
    key: str
    operator: str  # exists, !, =, ==, !=, in, notin, >, <
    values: tuple[str, ...] = ()

    def matches(self, labels: Mapping[str, str]) -> bool:
        has = self.key in labels
        value = labels.get(self.key, "")
        match self.operator:
            case "exists":
                return has
            case "!":
                return not has
            case "=" | "==" | "in":
                return has and value in self.values
            case "!=" | "notin":
                return not has or value not in self.values
            case _:
                try:
                    left, right = int(value), int(self.values[0])
                except ValueError:
                    return False
                return has and (left > right if self.operator == ">" else left < right)


@attrs.frozen
class LabelSelector:
    """A parsed ``labelSelector``; every requirement must hold."""

    requirements: tuple[Requirement, ...] = ()

    @classmethod
    def parse(cls, text: str | None) -> LabelSelector:
        """:raises StatusError: 400, naming what could not be parsed."""
        tokens = _tokens(text or "")
        reqs: list[Requirement] = []
        i = 0

        def fail(why: str) -> StatusError:
            return StatusError.bad_request(f"unable to parse requirement: {why}")

        def ident(what: str) -> str:
            nonlocal i
            if i >= len(tokens) or not tokens[i][1]:
                found = tokens[i][0] if i < len(tokens) else "end of string"
                raise fail(f"found '{found}', expected: {what}")
            i += 1
            return tokens[i - 1][1]

        def peek() -> str | None:
            return tokens[i][0] if i < len(tokens) else None

        while i < len(tokens):
            if peek() == "!":
                i += 1
                req = Requirement(ident("identifier after '!'"), "!")
            else:
                key = ident("!, identifier, or 'end of string'")
                op = peek()
                if op in (None, ","):
                    req = Requirement(key, "exists")
                elif op in ("=", "==", "!="):
                    i += 1
                    value = "" if peek() in (None, ",") else ident("value")
                    req = Requirement(key, op, (value,))
                elif op in ("in", "notin"):
                    i += 1
                    if peek() != "(":
                        raise fail(f"found '{peek()}', expected: '('")
                    i += 1
                    values: list[str] = []
                    while peek() != ")":
                        if peek() is None:
                            raise fail("found 'end of string', expected: ')'")
                        values.append("" if peek() == "," else ident("value"))
                        if peek() == ",":
                            i += 1
                    i += 1
                    req = Requirement(key, op, tuple(values))
                elif op in (">", "<"):
                    i += 1
                    value = ident("integer")
                    if not value.isdigit():
                        raise fail(
                            f"for 'Gt', 'Lt' operators, the value must be an integer: {value}"
                        )
                    req = Requirement(key, op, (value,))
                else:
                    raise fail(f"found '{op}', expected: in, notin, =, ==, !=, gt, lt")
            if (problem := _qualified_name_problem(req.key)) is not None:
                raise fail(f"key: Invalid value: {json.dumps(req.key)}: {problem}")
            for value in req.values:
                if (
                    req.operator not in (">", "<")
                    and (problem := _label_value_problem(value)) is not None
                ):
                    raise fail(f"values[0]: Invalid value: {json.dumps(value)}: {problem}")
            reqs.append(req)
            if i < len(tokens):
                if tokens[i][0] != ",":
                    raise fail(f"found '{tokens[i][0]}', expected: ',' or 'end of string'")
                i += 1
                if i >= len(tokens):
                    raise fail("found 'end of string', expected: identifier")
        return cls(tuple(reqs))

    def matches(self, labels: Mapping[str, str] | None) -> bool:
        return all(req.matches(labels or {}) for req in self.requirements)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(text, identifier or "") pairs; "in"/"notin" come back as operators."""
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _SELECTOR_TOKEN.match(text, position)
        if match is None:  # pragma: no cover - the pattern matches any non-space text
            raise StatusError.bad_request(f"unable to parse requirement: {text[position:]}")
        symbol, word = match.groups()
        if word in ("in", "notin") and tokens and tokens[-1][1]:
            tokens.append((word, ""))
        else:
            tokens.append((symbol, "") if symbol else (word, word))
        position = match.end()
    return tokens


@attrs.frozen
class FieldSelector:
    """A parsed ``fieldSelector``: ``label=value``, ``label==value``, ``label!=value``."""

    terms: tuple[tuple[str, bool, str], ...] = ()  # (label, equal, value)

    @classmethod
    def parse(cls, text: str | None, rt: ResourceType) -> FieldSelector:
        """:raises StatusError: 400 for a malformed term or a label ``rt`` does not support."""
        terms = []
        for term in filter(None, (text or "").split(",")):
            match = re.fullmatch(r"\s*([^=!\s]+)\s*(!=|==|=)\s*(.*?)\s*", term)
            if match is None:
                raise StatusError.bad_request(
                    f"invalid selector: '{text}'; can't understand '{term}'"
                )
            label, op, value = match.groups()
            if label not in ("metadata.name", "metadata.namespace", *rt.fields):
                raise StatusError.bad_request(f"field label not supported: {label}")
            terms.append((label, op != "!=", value))
        return cls(tuple(terms))

    def matches(self, obj: Json) -> bool:
        return all((_field_value(obj, label) == value) == eq for label, eq, value in self.terms)


# --- The store --------------------------------------------------------------------------


@attrs.frozen
class _Change:
    revision: int
    type: str  # ADDED, MODIFIED, DELETED
    rt: ResourceType
    namespace: str
    obj: Json
    old: Json | None


class _Watcher:
    """One watch stream's queue; a watcher that falls ``capacity`` events behind is closed, as
    the apiserver closes a watcher whose channel is full (the client then re-watches)."""

    def __init__(
        self, rt: ResourceType, namespace: str | None, match: Callable[[Json], bool], capacity: int
    ) -> None:
        self.rt = rt
        self.namespace = namespace
        self.match: Callable[[Json], bool] = match
        self.queue: asyncio.Queue[tuple[str, Json] | None] = asyncio.Queue(capacity + 1)
        self.capacity = capacity
        self.closed = False

    def offer(self, change: _Change) -> None:
        if self.closed:
            return
        event = _translate(change, self.match)
        if event is None:
            return
        if self.queue.qsize() >= self.capacity:
            self.close()
            return
        self.queue.put_nowait(event)

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.queue.put_nowait(None)


def _translate(change: _Change, match: Callable[[Json], bool]) -> tuple[str, Json] | None:
    now = match(change.obj)
    before = change.old is not None and match(change.old)
    if change.type == "MODIFIED":
        if before and now:
            return "MODIFIED", change.obj
        if now:
            return "ADDED", change.obj
        return ("DELETED", change.obj) if before else None
    return (change.type, change.obj) if now else None


class ObjectStore:
    """Objects by resource type, namespace and name, with one resourceVersion counter, a
    bounded history of changes and watch fan-out. Everything it returns is a copy."""

    def __init__(self, *, history_limit: int = 10_000, watch_queue: int = 1_000) -> None:
        self.revision = 0
        self.compacted = 0  # a watch may resume from any revision >= this
        self._objects: dict[ResourceType, dict[tuple[str, str], Json]] = collections.defaultdict(
            dict
        )
        self._history: collections.deque[_Change] = collections.deque()
        self._history_limit = history_limit
        self._watch_queue = watch_queue
        self._watchers: set[_Watcher] = set()

    def find(self, rt: ResourceType, namespace: str, name: str) -> Json | None:
        obj = self._objects[rt].get((namespace, name))
        return copy.deepcopy(obj) if obj is not None else None

    def items(self, rt: ResourceType, namespace: str | None = None) -> list[Json]:
        found = [
            copy.deepcopy(obj)
            for (ns, _), obj in sorted(self._objects[rt].items())
            if namespace is None or ns == namespace
        ]
        return found

    def put(self, rt: ResourceType, obj: Json, *, added: bool) -> Json:
        meta = obj["metadata"]
        key = (meta.get("namespace", ""), meta["name"])
        old = self._objects[rt].get(key)
        self.revision += 1
        meta["resourceVersion"] = str(self.revision)
        stored = copy.deepcopy(obj)
        self._objects[rt][key] = stored
        self._record(
            _Change(self.revision, "ADDED" if added else "MODIFIED", rt, key[0], stored, old)
        )
        return copy.deepcopy(stored)

    def drop(self, rt: ResourceType, namespace: str, name: str) -> Json | None:
        old = self._objects[rt].pop((namespace, name), None)
        if old is None:
            return None
        self.revision += 1
        final = copy.deepcopy(old)
        final["metadata"]["resourceVersion"] = str(self.revision)
        self._record(_Change(self.revision, "DELETED", rt, namespace, final, None))
        return copy.deepcopy(final)

    def _record(self, change: _Change) -> None:
        self._history.append(change)
        while len(self._history) > self._history_limit:
            self.compacted = self._history.popleft().revision
        for watcher in list(self._watchers):
            if watcher.rt is change.rt and watcher.namespace in (None, change.namespace):
                watcher.offer(change)

    def watch(
        self,
        rt: ResourceType,
        namespace: str | None,
        match: Callable[[Json], bool],
        resource_version: int | None,
    ) -> tuple[list[tuple[str, Json]], _Watcher]:
        """The events to send first and the watcher that queues the rest; registered in one
        step, so nothing falls between them.

        :raises StatusError: 410 Expired when ``resource_version`` is older than the history.
        """
        if not resource_version:
            first = [("ADDED", obj) for obj in self.items(rt, namespace) if match(obj)]
        elif resource_version < self.compacted:
            raise StatusError.expired(
                f"too old resource version: {resource_version} ({self.compacted})"
            )
        else:
            first = []
            for change in self._history:
                if (
                    change.revision > resource_version
                    and change.rt is rt
                    and namespace in (None, change.namespace)
                    and (event := _translate(change, match)) is not None
                ):
                    first.append((event[0], copy.deepcopy(event[1])))
        watcher = _Watcher(rt, namespace, match, self._watch_queue)
        self._watchers.add(watcher)
        return first, watcher

    def unwatch(self, watcher: _Watcher) -> None:
        self._watchers.discard(watcher)
        watcher.close()

    def close_watches(self) -> int:
        watchers = list(self._watchers)
        for watcher in watchers:
            self.unwatch(watcher)
        return len(watchers)

    def compact(self) -> int:
        """Forget every change so far, as an etcd compaction does; the counter moves on (as
        writes to other kinds move it), so even a watcher that saw everything gets 410."""
        self.revision += 1
        self.compacted = self.revision
        self._history.clear()
        return self.compacted

    @property
    def live_watches(self) -> int:
        return len(self._watchers)


# --- Validation and defaults ------------------------------------------------------------

_ENV_NAME = re.compile(r"[-._a-zA-Z][-._a-zA-Z0-9]*")
_DATA_KEY = re.compile(r"[-._a-zA-Z0-9]+")
_IMAGE = re.compile(
    r"(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
    r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?"
)
_SUBDOMAIN_MESSAGE = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
    "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
)
_LABEL_MESSAGE = (
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
    "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
    "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
)
_ACCESS_MODES = ("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod")


def _validate_metadata(obj: Json, rt: ResourceType) -> list[FieldError]:
    meta = obj["metadata"]
    errors = []
    name = meta.get("name") or ""
    if not name:
        errors.append(
            FieldError(
                "FieldValueRequired", "metadata.name", detail="name or generateName is required"
            )
        )
    elif len(name) > 253 or not _DNS1123_SUBDOMAIN.fullmatch(name):
        errors.append(FieldError("FieldValueInvalid", "metadata.name", name, _SUBDOMAIN_MESSAGE))
    for field in ("labels", "annotations"):
        for key, value in (meta.get(field) or {}).items():
            if (problem := _qualified_name_problem(key)) is not None:
                errors.append(FieldError("FieldValueInvalid", f"metadata.{field}", key, problem))
            if field == "labels":
                if not isinstance(value, str) or (problem := _label_value_problem(value)):
                    errors.append(
                        FieldError("FieldValueInvalid", "metadata.labels", value, str(problem))
                    )
    return errors


def _validate_pod(pod: Json) -> list[FieldError]:
    spec = pod.get("spec") or {}
    errors: list[FieldError] = []
    volumes = set()
    for i, volume in enumerate(spec.get("volumes") or []):
        name = volume.get("name", "")
        if not _DNS1123_LABEL.fullmatch(name) or len(name) > 63:
            errors.append(
                FieldError("FieldValueInvalid", f"spec.volumes[{i}].name", name, _LABEL_MESSAGE)
            )
        elif name in volumes:
            errors.append(FieldError("FieldValueDuplicate", f"spec.volumes[{i}].name", name))
        volumes.add(name)
    if not spec.get("containers"):
        errors.append(FieldError("FieldValueRequired", "spec.containers"))
    names: set[str] = set()
    for kind in ("initContainers", "containers"):
        for i, container in enumerate(spec.get(kind) or []):
            where = f"spec.{kind}[{i}]"
            name = container.get("name") or ""
            if not name:
                errors.append(FieldError("FieldValueRequired", f"{where}.name"))
            elif len(name) > 63 or not _DNS1123_LABEL.fullmatch(name):
                errors.append(
                    FieldError("FieldValueInvalid", f"{where}.name", name, _LABEL_MESSAGE)
                )
            elif name in names:
                errors.append(FieldError("FieldValueDuplicate", f"{where}.name", name))
            names.add(name)
            if not container.get("image"):
                errors.append(FieldError("FieldValueRequired", f"{where}.image"))
            policy = container.get("restartPolicy")
            if policy is not None and (kind == "containers" or policy != "Always"):
                errors.append(
                    FieldError(
                        "FieldValueNotSupported", f"{where}.restartPolicy", policy, '"Always"'
                    )
                )
            for j, mount in enumerate(container.get("volumeMounts") or []):
                if mount.get("name") not in volumes:
                    errors.append(
                        FieldError(
                            "FieldValueNotFound",
                            f"{where}.volumeMounts[{j}].name",
                            mount.get("name"),
                        )
                    )
                if not mount.get("mountPath"):
                    errors.append(
                        FieldError("FieldValueRequired", f"{where}.volumeMounts[{j}].mountPath")
                    )
            for j, var in enumerate(container.get("env") or []):
                if not _ENV_NAME.fullmatch(var.get("name") or ""):
                    errors.append(FieldError(
                        "FieldValueInvalid", f"{where}.env[{j}].name", var.get("name"),
                        "a valid environment variable name must consist of alphabetic characters, "
                        "digits, '_', '-', or '.', and must not start with a digit",
                    ))  # fmt: skip
                source = var.get("valueFrom")
                if source is not None and len(source) != 1:
                    errors.append(FieldError(
                        "FieldValueInvalid", f"{where}.env[{j}].valueFrom", "",
                        "may not have more than one field specified at a time",
                    ))  # fmt: skip
    policy = spec.get("restartPolicy", "Always")
    if policy not in ("Always", "OnFailure", "Never"):
        errors.append(FieldError(
            "FieldValueNotSupported", "spec.restartPolicy", policy, '"Always", "Never", "OnFailure"'
        ))  # fmt: skip
    for i, alias in enumerate(spec.get("hostAliases") or []):
        for j, hostname in enumerate(alias.get("hostnames") or []):
            if not _DNS1123_SUBDOMAIN.fullmatch(hostname):
                errors.append(FieldError(
                    "FieldValueInvalid", f"spec.hostAliases[{i}].hostnames[{j}]", hostname,
                    _SUBDOMAIN_MESSAGE,
                ))  # fmt: skip
    return errors


def _default_pod(pod: Json) -> None:
    spec = pod.setdefault("spec", {})
    spec.setdefault("restartPolicy", "Always")
    spec.setdefault("terminationGracePeriodSeconds", 30)
    spec.setdefault("dnsPolicy", "ClusterFirst")
    spec.setdefault("schedulerName", "default-scheduler")
    spec.setdefault("serviceAccountName", "default")
    spec.setdefault("securityContext", {})
    spec.setdefault("enableServiceLinks", True)
    spec.setdefault("priority", 0)
    for container in [*(spec.get("initContainers") or []), *spec.get("containers", [])]:
        image = container.get("image", "")
        latest = ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest")
        container.setdefault("imagePullPolicy", "Always" if latest else "IfNotPresent")
        container.setdefault("terminationMessagePath", "/dev/termination-log")
        container.setdefault("terminationMessagePolicy", "File")
        container.setdefault("resources", {})
    pod["status"] = {"phase": "Pending", "qosClass": _qos_class(spec)}


def _qos_class(spec: Json) -> str:
    resources = [c.get("resources") or {} for c in spec.get("containers", [])]
    if not any(r.get("requests") or r.get("limits") for r in resources):
        return "BestEffort"
    guaranteed = all(
        set((r.get("limits") or {}).keys()) >= {"cpu", "memory"}
        and all(
            (r.get("requests") or r.get("limits") or {}).get(k) == v for k, v in r["limits"].items()
        )
        for r in resources
    )
    return "Guaranteed" if guaranteed else "Burstable"


def _admit_secret(secret: Json) -> list[FieldError]:
    errors = []
    data = dict(secret.get("data") or {})
    for key, value in (secret.pop("stringData", None) or {}).items():
        data[key] = base64.b64encode(str(value).encode()).decode()
    total = 0
    for key, value in data.items():
        if not _DATA_KEY.fullmatch(key):
            errors.append(FieldError(
                "FieldValueInvalid", "data", key,
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
            ))  # fmt: skip
        try:
            total += len(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError, TypeError):
            raise StatusError.bad_request(
                f'Secret in version "v1" cannot be handled as a Secret: illegal base64 data '
                f"at input byte 0 (key {key})"
            ) from None
    if total > 1024 * 1024:
        errors.append(
            FieldError("FieldValueTooLong", "data", "", "must have at most 1048576 bytes")
        )
    if data:
        secret["data"] = data
    secret.setdefault("type", "Opaque")
    return errors


def _admit_claim(claim: Json) -> list[FieldError]:
    spec = claim.setdefault("spec", {})
    errors = []
    modes = spec.get("accessModes") or []
    if not modes:
        errors.append(
            FieldError(
                "FieldValueRequired",
                "spec.accessModes",
                detail="at least 1 access mode is required",
            )
        )
    for mode in modes:
        if mode not in _ACCESS_MODES:
            supported = ", ".join(f'"{m}"' for m in _ACCESS_MODES)
            errors.append(FieldError("FieldValueNotSupported", "spec.accessModes", mode, supported))
    storage = ((spec.get("resources") or {}).get("requests") or {}).get("storage")
    if not storage:
        errors.append(FieldError("FieldValueRequired", "spec.resources[storage]"))
    spec.setdefault("volumeMode", "Filesystem")
    spec.setdefault("storageClassName", "standard")
    spec["volumeName"] = f"pvc-{claim['metadata']['uid']}"
    meta = claim["metadata"]
    meta["finalizers"] = [*(meta.get("finalizers") or []), PVC_PROTECTION]
    # No provisioner to wait for: the claim binds at once.
    claim["status"] = {"phase": "Bound", "accessModes": modes, "capacity": {"storage": storage}}
    return errors


# --- Container logs and the kubelet's expansion -----------------------------------------


def expand(text: str, env: Mapping[str, str]) -> str:
    """The kubelet's ``$(VAR)`` expansion of ``command``, ``args`` and ``env`` values, as
    ``V1Container.args`` documents it: ``$(VAR)`` becomes its value when ``VAR`` is defined
    and stays as it is otherwise, and ``$$`` becomes ``$``."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "$" and i + 1 < len(text):
            following = text[i + 1]
            if following == "$":
                out.append("$")
                i += 2
                continue
            if following == "(":
                end = text.find(")", i + 2)
                if end != -1:
                    name = text[i + 2 : end]
                    out.append(env[name] if name in env else text[i : end + 1])
                    i = end + 1
                    continue
            out.append("$" + following)
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


class _ContainerLog:
    """A container's log: lines with the time the runtime read them (strictly increasing)."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, bytes]] = []
        self.closed = False
        self._partial = b""
        self._changed = asyncio.Event()
        self._last = 0

    def feed(self, data: bytes) -> None:
        data = self._partial + data
        *lines, self._partial = data.split(b"\n")
        for line in lines:
            self._append(line + b"\n")

    def close(self) -> None:
        if self._partial:
            self._append(self._partial)
            self._partial = b""
        self.closed = True
        self.wake()

    def _append(self, line: bytes) -> None:
        self._last = max(self._last + 1, time.time_ns())
        self.entries.append((self._last, line))
        self.wake()

    def wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def changed(self, seconds: float) -> None:
        """Return when the log grows or closes, or after ``seconds``."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), seconds)

    def text(self) -> bytes:
        return b"".join(line for _, line in self.entries) + self._partial


@attrs.define
class _Process:
    process: asyncio.subprocess.Process | None  # None: it could not be started
    done: asyncio.Future[int]
    started_at: str


@attrs.define
class _PodRuntime:
    """What the node keeps of a pod beside its API object."""

    namespace: str
    name: str
    uid: str
    spec: Json
    root: Path
    logs: dict[str, _ContainerLog] = attrs.Factory(dict)
    previous: dict[str, _ContainerLog] = attrs.Factory(dict)
    processes: dict[str, _Process] = attrs.Factory(dict)
    lifecycle: asyncio.Task[None] | None = None
    main_done: bool = False
    terminating: bool = False
    removed: bool = False

    def wake_logs(self) -> None:
        for log in self.logs.values():
            log.wake()


# --- The cluster ------------------------------------------------------------------------


@attrs.define
class _Fault:
    code: int
    verb: str | None
    resource: str | None
    name: str | None
    message: str | None
    times: int


@attrs.define
class RecordedRequest:
    """One request, recorded as it arrives; ``status`` is 0 until it is answered (a watch or
    a followed log is answered when its stream ends)."""

    method: str
    path: str
    query: Mapping[str, str]
    verb: str = "discovery"  # get, list, watch, create, update, delete, deletecollection
    resource: str = ""  # group_resource; "pods/log" for logs; "" for discovery
    namespace: str = ""
    name: str = ""
    status: int = 0


class _Cluster:
    """The double's state and behaviour; lives on the double's event loop only."""

    def __init__(
        self,
        root: Path,
        tasks: asyncio.TaskGroup,
        *,
        namespaces: Iterable[str],
        images: Mapping[str, Sequence[str]],
        history_limit: int,
        watch_queue: int,
        pull_backoff: float,
    ) -> None:
        self.root = root
        self.tasks = tasks
        self.store = ObjectStore(history_limit=history_limit, watch_queue=watch_queue)
        self.types: dict[tuple[str, str, str], ResourceType] = {}
        for rt in CORE_TYPES:
            self.register(rt)
        self.images = dict(images)
        self.image_errors: dict[str, tuple[str, str]] = {}
        self.faults: list[_Fault] = []
        self.requests: list[RecordedRequest] = []
        self.pods: dict[str, _PodRuntime] = {}
        self.pull_backoff = pull_backoff
        self.stopping = False
        self.log_epoch = 0  # bumped to end every log stream
        for name in namespaces:
            self.create(NAMESPACES, "", {"metadata": {"name": name}})

    def register(self, rt: ResourceType) -> None:
        self.types[(rt.group, rt.version, rt.resource)] = rt

    def resource(self, name: str) -> ResourceType:
        """A type by ``resource`` or ``resource.group``: ``pods``, ``deployments.apps``."""
        for rt in self.types.values():
            if name in (rt.resource, rt.group_resource):
                return rt
        raise KeyError(name)

    # Verbs ----------------------------------------------------------------------------

    def create(self, rt: ResourceType, namespace: str, body: Json) -> Json:
        obj = copy.deepcopy(body)
        self._check_type(rt, obj)
        meta = obj.setdefault("metadata", {})
        if rt.namespaced:
            if self.store.find(NAMESPACES, "", namespace) is None:
                raise StatusError.not_found(NAMESPACES, namespace)
            if meta.get("namespace", namespace) != namespace:
                raise StatusError.bad_request(
                    "the namespace of the provided object does not match the namespace sent "
                    "on the request"
                )
            meta["namespace"] = namespace
        if not meta.get("name") and meta.get("generateName"):
            alphabet = "bcdfghjklmnpqrstvwxz2456789"
            meta["name"] = meta["generateName"] + "".join(random.choices(alphabet, k=5))
        for field in ("resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds"):
            meta.pop(field, None)
        meta["uid"] = str(uuid.uuid4())
        meta["creationTimestamp"] = _rfc3339()
        obj["apiVersion"], obj["kind"] = rt.api_version, rt.kind
        errors = _validate_metadata(obj, rt)
        if rt is PODS:
            errors += _validate_pod(obj)
            _default_pod(obj)
        elif rt is SECRETS:
            errors += _admit_secret(obj)
        elif rt is PVCS:
            errors += _admit_claim(obj)
        elif rt is NAMESPACES:
            obj["status"] = {"phase": "Active"}
        if errors:
            raise StatusError.invalid(rt, meta.get("name", ""), errors)
        if self.store.find(rt, namespace, meta["name"]) is not None:
            raise StatusError.already_exists(rt, meta["name"])
        stored = self.store.put(rt, obj, added=True)
        if rt is PVCS:
            self.claim_path(namespace, meta["name"], stored).mkdir(parents=True)
        if rt is PODS:
            self._admit_pod(stored)
        return stored

    def get(self, rt: ResourceType, namespace: str, name: str) -> Json:
        obj = self.store.find(rt, namespace, name)
        if obj is None:
            raise StatusError.not_found(rt, name)
        return obj

    def select(
        self, rt: ResourceType, namespace: str | None, labels: str | None, fields: str | None
    ) -> Callable[[Json], bool]:
        label_selector = LabelSelector.parse(labels)
        field_selector = FieldSelector.parse(fields, rt)
        return lambda obj: (
            label_selector.matches(obj["metadata"].get("labels")) and field_selector.matches(obj)
        )

    def list(self, rt: ResourceType, namespace: str | None, match: Callable[[Json], bool]) -> Json:
        items = []
        for obj in self.store.items(rt, namespace):
            if match(obj):
                # A typed list's items carry neither kind nor apiVersion.
                obj.pop("kind", None)
                obj.pop("apiVersion", None)
                items.append(obj)
        return {
            "kind": f"{rt.kind}List",
            "apiVersion": rt.api_version,
            "metadata": {"resourceVersion": str(self.store.revision)},
            "items": items,
        }

    def replace(
        self, rt: ResourceType, namespace: str, name: str, body: Json, *, status: bool = False
    ) -> Json:
        current = self.get(rt, namespace, name)
        obj = copy.deepcopy(body)
        self._check_type(rt, obj)
        meta = obj.setdefault("metadata", {})
        if meta.get("name", name) != name:
            raise StatusError.bad_request(
                f"the name of the object ({meta.get('name')}) does not match the name on the "
                f"URL ({name})"
            )
        wanted = meta.get("resourceVersion")
        if wanted and wanted != current["metadata"]["resourceVersion"]:
            raise StatusError.conflict(
                rt, name, "the object has been modified; please apply your changes to the latest "
                "version and try again",
            )  # fmt: skip
        if status:
            current["status"] = obj.get("status", {})
            obj = current
        else:
            for field in ("uid", "creationTimestamp", "namespace", "deletionTimestamp",
                          "deletionGracePeriodSeconds", "name"):  # fmt: skip
                if field in current["metadata"]:
                    meta[field] = current["metadata"][field]
                else:
                    meta.pop(field, None)
            obj["apiVersion"], obj["kind"] = rt.api_version, rt.kind
            if rt.has_status:
                obj["status"] = current.get("status", {})
            errors = _validate_metadata(obj, rt)
            if rt is PODS:
                spec = copy.deepcopy(obj.get("spec") or {})
                probe = {"spec": spec}
                _default_pod(probe)
                spec.setdefault("nodeName", current["spec"].get("nodeName"))
                if spec != current["spec"]:
                    errors.append(FieldError(
                        "FieldValueForbidden", "spec", detail="pod updates may not change fields "
                        "other than `spec.containers[*].image`, `spec.initContainers[*].image`, "
                        "`spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to "
                        "existing tolerations) or `spec.terminationGracePeriodSeconds`",
                    ))  # fmt: skip
            elif rt is SECRETS:
                errors += _admit_secret(obj)
            if errors:
                raise StatusError.invalid(rt, name, errors)
        if current["metadata"].get("deletionTimestamp") and not obj["metadata"].get("finalizers"):
            if rt is not PODS:
                return self._remove(rt, namespace, name)
        return self.store.put(rt, obj, added=False)

    def delete(self, rt: ResourceType, namespace: str, name: str, options: Json) -> Json:
        obj = self.get(rt, namespace, name)
        meta = obj["metadata"]
        preconditions = options.get("preconditions") or {}
        if preconditions.get("uid") not in (None, meta["uid"]):
            raise StatusError.conflict(
                rt, name, f"Precondition failed: UID in precondition: {preconditions['uid']}, "
                f"UID in object meta: {meta['uid']}",
            )  # fmt: skip
        if preconditions.get("resourceVersion") not in (None, meta["resourceVersion"]):
            raise StatusError.conflict(
                rt, name, "Precondition failed: ResourceVersion in precondition: "
                f"{preconditions['resourceVersion']}, ResourceVersion in object meta: "
                f"{meta['resourceVersion']}",
            )  # fmt: skip
        policy = options.get("propagationPolicy")
        if policy not in (None, "Orphan", "Background", "Foreground"):
            raise StatusError.invalid(
                rt, name, [FieldError("FieldValueNotSupported", "propagationPolicy", policy,
                                      '"Foreground", "Background", "Orphan", "nil"')],
            )  # fmt: skip
        if options.get("dryRun"):
            return obj
        grace = options.get("gracePeriodSeconds")
        if rt is PODS:
            return self._delete_pod(obj, grace)
        if meta.get("finalizers"):
            if not meta.get("deletionTimestamp"):
                meta["deletionTimestamp"] = _rfc3339()
                meta["deletionGracePeriodSeconds"] = 0
                obj = self.store.put(rt, obj, added=False)
            if rt is PVCS:
                self._release_claims()
                return self.store.find(rt, namespace, name) or obj
            return obj
        self._remove(rt, namespace, name)
        details = {"name": name, "group": rt.group, "kind": rt.resource, "uid": meta["uid"]}
        return {
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Success",
            "details": _compact(details),
        }

    def delete_collection(
        self, rt: ResourceType, namespace: str | None, match: Callable[[Json], bool], options: Json
    ) -> Json:
        deleted = []
        for obj in self.store.items(rt, namespace):
            if match(obj):
                meta = obj["metadata"]
                with contextlib.suppress(StatusError):
                    self.delete(rt, meta.get("namespace", ""), meta["name"], options)
                    obj.pop("kind", None)
                    obj.pop("apiVersion", None)
                    deleted.append(obj)
        return {
            "kind": f"{rt.kind}List",
            "apiVersion": rt.api_version,
            "metadata": {"resourceVersion": str(self.store.revision)},
            "items": deleted,
        }

    def _remove(self, rt: ResourceType, namespace: str, name: str) -> Json:
        final = self.store.drop(rt, namespace, name)
        assert final is not None
        if rt is PVCS:
            shutil.rmtree(self.claim_path(namespace, name, final), ignore_errors=True)
        return final

    def _check_type(self, rt: ResourceType, obj: Json) -> None:
        if obj.get("apiVersion") not in (None, rt.api_version):
            raise StatusError.bad_request(
                f"the API version in the data ({obj['apiVersion']}) does not match the "
                f"expected API version ({rt.api_version})"
            )
        if obj.get("kind") not in (None, rt.kind):
            raise StatusError.bad_request(
                f"the kind in the data ({obj['kind']}) does not match the expected kind ({rt.kind})"
            )

    def claim_path(self, namespace: str, name: str, claim: Json | None = None) -> Path:
        claim = claim or self.get(PVCS, namespace, name)
        return self.root / "claims" / str(claim["metadata"]["uid"])

    # PVC protection -------------------------------------------------------------------

    def _release_claims(self) -> None:
        in_use = set()
        for pod in self.store.items(PODS):
            if pod["status"].get("phase") in ("Succeeded", "Failed"):
                continue
            for volume in pod["spec"].get("volumes") or []:
                if claim := volume.get("persistentVolumeClaim"):
                    in_use.add((pod["metadata"]["namespace"], claim.get("claimName")))
        for claim in self.store.items(PVCS):
            meta = claim["metadata"]
            key = (meta["namespace"], meta["name"])
            if meta.get("deletionTimestamp") and key not in in_use:
                meta["finalizers"] = [f for f in meta.get("finalizers", []) if f != PVC_PROTECTION]
                if meta["finalizers"]:
                    self.store.put(PVCS, claim, added=False)
                else:
                    self._remove(PVCS, *key)

    # The node -------------------------------------------------------------------------

    def _admit_pod(self, pod: Json) -> None:
        meta = pod["metadata"]
        runtime = _PodRuntime(
            meta["namespace"],
            meta["name"],
            meta["uid"],
            pod["spec"],
            self.root / "pods" / meta["uid"],
        )
        self.pods[runtime.uid] = runtime
        runtime.lifecycle = self.tasks.create_task(self._lifecycle(runtime))

    def _update_pod(self, runtime: _PodRuntime, change: Callable[[Json], None]) -> None:
        pod = self.store.find(PODS, runtime.namespace, runtime.name)
        if pod is None or pod["metadata"]["uid"] != runtime.uid:
            return
        before = copy.deepcopy(pod)
        change(pod)
        if pod != before:  # as the kubelet, write only what changed
            self.store.put(PODS, pod, added=False)

    def _condition(
        self, pod: Json, kind: str, ok: bool, reason: str = "", message: str = ""
    ) -> None:
        conditions = pod["status"].setdefault("conditions", [])
        for condition in conditions:
            if condition["type"] == kind:
                break
        else:
            condition = {"type": kind}
            conditions.append(condition)
        status = "True" if ok else "False"
        if condition.get("status") != status:
            condition["lastTransitionTime"] = _rfc3339()
        condition["status"] = status
        condition["lastProbeTime"] = None
        for key, value in (("reason", reason), ("message", message)):
            if value:
                condition[key] = value
            else:
                condition.pop(key, None)

    def _set_container(self, runtime: _PodRuntime, name: str, **fields: Any) -> None:
        def change(pod: Json) -> None:
            for kind in ("initContainerStatuses", "containerStatuses"):
                for status in pod["status"].get(kind) or []:
                    if status["name"] == name:
                        status.update(fields)

        self._update_pod(runtime, change)

    def _volume_problem(self, runtime: _PodRuntime) -> str | None:
        for volume in runtime.spec.get("volumes") or []:
            if claim := volume.get("persistentVolumeClaim"):
                found = self.store.find(PVCS, runtime.namespace, claim.get("claimName", ""))
                if found is None:
                    return f'persistentvolumeclaim "{claim.get("claimName")}" not found'
                if found["metadata"].get("deletionTimestamp"):
                    return f'persistentvolumeclaim "{claim.get("claimName")}" is being deleted'
        return None

    async def _lifecycle(self, runtime: _PodRuntime) -> None:
        spec = runtime.spec
        while (problem := self._volume_problem(runtime)) is not None:

            def unschedulable(pod: Json, problem: str = problem) -> None:
                self._condition(
                    pod,
                    "PodScheduled",
                    False,
                    "Unschedulable",
                    f"0/1 nodes are available: {problem}.",
                )

            self._update_pod(runtime, unschedulable)
            await asyncio.sleep(0.1)
        inits = spec.get("initContainers") or []
        containers = spec["containers"]

        def status_of(container: Json, reason: str) -> Json:
            return {
                "name": container["name"],
                "image": container["image"],
                "imageID": "",
                "ready": False,
                "restartCount": 0,
                "started": False,
                "state": {"waiting": {"reason": reason}},
                "lastState": {},
            }

        def bind(pod: Json) -> None:
            pod["spec"]["nodeName"] = NODE
            status = pod["status"]
            status.update(hostIP=POD_IP, hostIPs=[{"ip": POD_IP}], podIP=POD_IP)
            status.update(podIPs=[{"ip": POD_IP}], startTime=_rfc3339())
            self._condition(pod, "PodReadyToStartContainers", True)
            self._condition(pod, "Initialized", not inits, *(() if not inits else (
                "ContainersNotInitialized",
                f"containers with incomplete status: [{' '.join(c['name'] for c in inits)}]",
            )))  # fmt: skip
            names = " ".join(c["name"] for c in containers)
            for kind in ("Ready", "ContainersReady"):
                self._condition(
                    pod,
                    kind,
                    False,
                    "ContainersNotReady",
                    f"containers with unready status: [{names}]",
                )
            self._condition(pod, "PodScheduled", True)
            waiting = "PodInitializing" if inits else "ContainerCreating"
            if inits:
                status["initContainerStatuses"] = [status_of(c, "PodInitializing") for c in inits]
            status["containerStatuses"] = [status_of(c, waiting) for c in containers]

        self._update_pod(runtime, bind)
        runtime.root.mkdir(parents=True, exist_ok=True)
        sidecars: list[Json] = []
        for container in inits:
            await self._start(runtime, container, init=True)
            if container.get("restartPolicy") == "Always":
                sidecars.append(container)
                continue
            code = await asyncio.shield(runtime.processes[container["name"]].done)
            if code != 0:
                await self._stop(runtime, [c["name"] for c in reversed(sidecars)])
                self._finish(runtime)
                return

        def initialized(pod: Json) -> None:
            self._condition(pod, "Initialized", True)
            for status in pod["status"]["containerStatuses"]:
                status["state"] = {"waiting": {"reason": "ContainerCreating"}}

        self._update_pod(runtime, initialized)
        async with asyncio.TaskGroup() as starting:
            for container in containers:
                starting.create_task(self._start(runtime, container, init=False))
        for container in containers:
            await asyncio.shield(runtime.processes[container["name"]].done)
        runtime.main_done = True
        await self._stop(runtime, [c["name"] for c in reversed(sidecars)])
        self._finish(runtime)

    def _finish(self, runtime: _PodRuntime) -> None:
        def finish(pod: Json) -> None:
            status = pod["status"]
            codes = [
                s["state"].get("terminated", {}).get("exitCode", 1)
                for s in status.get("containerStatuses") or []
            ]
            inits_ok = all(
                s["state"].get("terminated", {}).get("exitCode") == 0
                for s, c in zip(
                    status.get("initContainerStatuses") or [],
                    runtime.spec.get("initContainers") or [],
                    strict=True,
                )  # fmt: skip
                if c.get("restartPolicy") != "Always"
            )
            status["phase"] = "Succeeded" if inits_ok and codes and not any(codes) else "Failed"
            for kind in ("Ready", "ContainersReady"):
                self._condition(pod, kind, False, "PodCompleted")
            self._condition(pod, "PodReadyToStartContainers", False)

        self._update_pod(runtime, finish)
        self._release_claims()

    def _image_problem(self, image: str) -> tuple[str, str] | None:
        if not _IMAGE.fullmatch(image):
            return "InvalidImageName", (
                f'Failed to apply default image tag "{image}": couldn\'t parse image name '
                f'"{image}": invalid reference format'
            )
        return self.image_errors.get(image)

    async def _start(self, runtime: _PodRuntime, container: Json, *, init: bool) -> None:
        """Start one container, first waiting as the kubelet would while its image cannot be
        pulled or its configuration resolved."""
        name, image = container["name"], container["image"]
        while (problem := self._image_problem(image)) is not None:
            reason, message = problem
            if reason == "InvalidImageName":
                self._set_container(
                    runtime, name, state={"waiting": {"reason": reason, "message": message}}
                )
                await asyncio.Event().wait()  # it never starts
            self._set_container(
                runtime, name, state={"waiting": {"reason": reason, "message": message}}
            )
            await asyncio.sleep(self.pull_backoff)
            backoff = f'Back-off pulling image "{image}": {reason}: {message}'
            self._set_container(
                runtime, name, state={"waiting": {"reason": "ImagePullBackOff", "message": backoff}}
            )
            await asyncio.sleep(self.pull_backoff)
        while True:
            try:
                env = self._environment(runtime, container)
                break
            except LookupError as exc:
                waiting = {"reason": "CreateContainerConfigError", "message": str(exc.args[0])}
                self._set_container(runtime, name, state={"waiting": waiting})
                await asyncio.sleep(0.1)
        command = [expand(arg, env) for arg in container.get("command") or []]
        if not command:  # the image's entrypoint
            command = list(self.images.get(image, ["/bin/sh", "-c", "exec sleep 1000000"]))
        argv = [*command, *(expand(arg, env) for arg in container.get("args") or [])]
        cwd = self._working_dir(runtime, container)
        log = _ContainerLog()
        if name in runtime.logs:
            runtime.previous[name] = runtime.logs[name]
        runtime.logs[name] = log
        loop = asyncio.get_running_loop()
        started = _rfc3339()
        container_id = f"containerd://{secrets.token_hex(32)}"
        try:
            process = await asyncio.create_subprocess_exec(
                *argv, cwd=cwd, env=env, stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        except OSError as exc:
            log.close()
            done: asyncio.Future[int] = loop.create_future()
            done.set_result(128)
            runtime.processes[name] = _Process(None, done, started)
            message = (
                f"failed to create containerd task: OCI runtime create failed: exec: "
                f'"{argv[0] if argv else ""}": {exc.strerror}'
            )
            terminated = {"exitCode": 128, "reason": "StartError", "message": message,
                          "startedAt": started, "finishedAt": _rfc3339(),
                          "containerID": container_id}  # fmt: skip
            self._set_container(
                runtime, name, state={"terminated": terminated}, containerID=container_id
            )
            return
        runtime.processes[name] = _Process(process, loop.create_future(), started)
        sidecar = init and container.get("restartPolicy") == "Always"
        self._set_container(
            runtime, name, state={"running": {"startedAt": started}}, started=True,
            ready=not init or sidecar, containerID=container_id,
            imageID=f"docker.io/library/{image}@sha256:{secrets.token_hex(32)}",
        )  # fmt: skip
        if not init:
            self._update_pod(runtime, lambda pod: pod["status"].update(phase="Running"))
        self.tasks.create_task(self._pump(runtime, container, container_id, init=init))

    async def _pump(
        self, runtime: _PodRuntime, container: Json, container_id: str, *, init: bool
    ) -> None:
        """Copy a container's output into its log until it exits; then record how."""
        name = container["name"]
        entry = runtime.processes[name]
        process, log = entry.process, runtime.logs[name]
        assert process is not None and process.stdout is not None
        stdout = process.stdout

        async def read() -> None:
            while chunk := await stdout.read(65536):
                log.feed(chunk)

        reader = asyncio.ensure_future(read())
        try:
            code = await process.wait()
            # The container's first process is gone: the runtime kills the rest of it.
            _signal_group(process.pid, signal.SIGKILL)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(reader), _EXIT_DRAIN)
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
            if process.returncode is None:
                _signal_group(process.pid, signal.SIGKILL)
                await process.wait()
            log.close()
        code = 128 - code if code < 0 else code
        terminated = {
            "exitCode": code,
            "reason": "Completed" if code == 0 else "Error",
            "startedAt": entry.started_at,
            "finishedAt": _rfc3339(),
            "containerID": container_id,
        }
        sidecar = init and container.get("restartPolicy") == "Always"
        self._set_container(
            runtime,
            name,
            state={"terminated": terminated},
            ready=init and code == 0 and not sidecar,
        )
        entry.done.set_result(code)
        if sidecar and not (runtime.main_done or runtime.terminating or self.stopping):
            self.tasks.create_task(self._restart(runtime, container, terminated))

    async def _restart(self, runtime: _PodRuntime, container: Json, last: Json) -> None:
        await asyncio.sleep(0.5)
        if runtime.main_done or runtime.terminating or runtime.removed or self.stopping:
            return
        pod = self.store.find(PODS, runtime.namespace, runtime.name)
        statuses = (pod or {}).get("status", {}).get("initContainerStatuses") or []
        count = next((s["restartCount"] for s in statuses if s["name"] == container["name"]), 0)
        self._set_container(
            runtime, container["name"], restartCount=count + 1, lastState={"terminated": last}
        )
        await self._start(runtime, container, init=True)

    async def _stop(
        self, runtime: _PodRuntime, names: Sequence[str], grace: float | None = None
    ) -> None:
        """SIGTERM, then SIGKILL after the grace period, as the kubelet stops containers."""
        if grace is None:
            grace = float(runtime.spec.get("terminationGracePeriodSeconds", 30))
        running = [runtime.processes[n] for n in names if n in runtime.processes]
        running = [p for p in running if p.process is not None and not p.done.done()]
        for entry in running:
            assert entry.process is not None
            _signal_group(entry.process.pid, signal.SIGTERM)
        if running:
            _, late = await asyncio.wait([p.done for p in running], timeout=grace)
            for entry in running:
                if not entry.done.done():
                    assert entry.process is not None
                    _signal_group(entry.process.pid, signal.SIGKILL)
            if late:
                await asyncio.wait([p.done for p in running])

    def _delete_pod(self, pod: Json, grace: int | None) -> Json:
        meta = pod["metadata"]
        runtime = self.pods.get(meta["uid"])
        if grace is None:
            grace = int(pod["spec"].get("terminationGracePeriodSeconds", 30))
        terminal = pod["status"].get("phase") in ("Succeeded", "Failed")
        if runtime is None or terminal or not pod["spec"].get("nodeName") or grace <= 0:
            final = self.store.drop(PODS, meta["namespace"], meta["name"])
            if runtime is not None:
                self.tasks.create_task(self._terminate(runtime, 0, removed=True))
            self._release_claims()
            return final or pod
        if meta.get("deletionTimestamp"):
            return pod
        meta["deletionTimestamp"] = _rfc3339(time.time_ns() + grace * 1_000_000_000)
        meta["deletionGracePeriodSeconds"] = grace
        stored = self.store.put(PODS, pod, added=False)
        self.tasks.create_task(self._terminate(runtime, grace, removed=False))
        return stored

    async def _terminate(self, runtime: _PodRuntime, grace: float, *, removed: bool) -> None:
        if runtime.terminating:
            return
        runtime.terminating = True
        if runtime.lifecycle is not None:
            runtime.lifecycle.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runtime.lifecycle
        regular = [c["name"] for c in runtime.spec["containers"]]
        inits = [c["name"] for c in reversed(runtime.spec.get("initContainers") or [])]
        await self._stop(runtime, [*regular, *inits], grace)
        if not removed:

            def terminal(pod: Json) -> None:
                statuses = pod["status"].get("containerStatuses") or []
                ok = statuses and all(
                    s["state"].get("terminated", {}).get("exitCode") == 0 for s in statuses
                )
                pod["status"]["phase"] = "Succeeded" if ok else "Failed"

            self._update_pod(runtime, terminal)
            self.store.drop(PODS, runtime.namespace, runtime.name)
        runtime.removed = True
        runtime.wake_logs()
        self.pods.pop(runtime.uid, None)
        shutil.rmtree(runtime.root, ignore_errors=True)
        self._release_claims()

    async def shutdown(self) -> None:
        self.stopping = True
        self.store.close_watches()
        await asyncio.gather(
            *(self._terminate(runtime, 0, removed=True) for runtime in list(self.pods.values()))
        )

    def _working_dir(self, runtime: _PodRuntime, container: Json) -> Path:
        working = container.get("workingDir") or "/"
        mounts = sorted(container.get("volumeMounts") or [], key=lambda m: -len(m["mountPath"]))
        for mount in mounts:
            base = mount["mountPath"].rstrip("/")
            if working == base or working.startswith(base + "/"):
                volume = self._volume_path(runtime, mount["name"]) / (mount.get("subPath") or "")
                path = volume / working[len(base) :].lstrip("/")
                path.mkdir(parents=True, exist_ok=True)
                return path
        path = runtime.root / "containers" / str(container["name"]) / working.lstrip("/")
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _volume_path(self, runtime: _PodRuntime, name: str) -> Path:
        for volume in runtime.spec.get("volumes") or []:
            if volume["name"] == name:
                if claim := volume.get("persistentVolumeClaim"):
                    return self.claim_path(runtime.namespace, claim["claimName"])
                path = runtime.root / "volumes" / name
                path.mkdir(parents=True, exist_ok=True)
                return path
        raise LookupError(f"volume {name} not found")

    def _environment(self, runtime: _PodRuntime, container: Json) -> dict[str, str]:
        """The container's environment, in the kubelet's order: envFrom, then env (each value
        expanded against what came before).

        :raises LookupError: a secret, config map or key that is not there (not optional).
        """
        home = runtime.root / "home" / container["name"]
        tmp = runtime.root / "tmp" / container["name"]
        home.mkdir(parents=True, exist_ok=True)
        tmp.mkdir(parents=True, exist_ok=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "HOSTNAME": runtime.name,
            "HOME": str(home),
            "TMPDIR": str(tmp),
        }
        for source in container.get("envFrom") or []:
            prefix = source.get("prefix", "")
            for kind, rt in (("secretRef", SECRETS), ("configMapRef", CONFIGMAPS)):
                if ref := source.get(kind):
                    data = self._data(
                        rt, runtime.namespace, ref["name"], ref.get("optional", False)
                    )
                    env.update({prefix + k: v for k, v in data.items() if _ENV_NAME.fullmatch(k)})
        pod = self.store.find(PODS, runtime.namespace, runtime.name) or {}
        for var in container.get("env") or []:
            name = var["name"]
            if "valueFrom" not in var:
                env[name] = expand(var.get("value", ""), env)
                continue
            source = var["valueFrom"]
            for kind, rt, what in (
                ("secretKeyRef", SECRETS, "Secret"),
                ("configMapKeyRef", CONFIGMAPS, "ConfigMap"),
            ):
                if ref := source.get(kind):
                    data = self._data(
                        rt, runtime.namespace, ref["name"], ref.get("optional", False)
                    )
                    if ref["key"] in data:
                        env[name] = data[ref["key"]]
                    elif not ref.get("optional", False):
                        raise LookupError(
                            f"couldn't find key {ref['key']} in {what} "
                            f"{runtime.namespace}/{ref['name']}"
                        )
            if ref := source.get("fieldRef"):
                env[name] = _field_ref(pod, ref["fieldPath"])
            if source.get("resourceFieldRef"):
                env[name] = "0"
        return env

    def _data(self, rt: ResourceType, namespace: str, name: str, optional: bool) -> dict[str, str]:
        obj = self.store.find(rt, namespace, name)
        if obj is None:
            if optional:
                return {}
            raise LookupError(f'{rt.kind.lower()} "{name}" not found')
        if rt is SECRETS:
            return {
                k: base64.b64decode(v).decode(errors="replace")
                for k, v in (obj.get("data") or {}).items()
            }
        return dict(obj.get("data") or {})


def _field_ref(pod: Json, path: str) -> str:
    if match := re.fullmatch(r"metadata\.(labels|annotations)\['(.+)'\]", path):
        return str((pod.get("metadata", {}).get(match[1]) or {}).get(match[2], ""))
    return _field_value(pod, path)


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


# --- HTTP -------------------------------------------------------------------------------

_TRUE = ("1", "t", "T", "TRUE", "true", "True")
_FALSE = ("0", "f", "F", "FALSE", "false", "False")


def _bool(query: Mapping[str, str], name: str) -> bool:
    value = query.get(name)
    if value is None or value == "":
        return False
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise StatusError.bad_request(f'strconv.ParseBool: parsing "{value}": invalid syntax')


def _int(query: Mapping[str, str], name: str) -> int | None:
    value = query.get(name)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise StatusError.bad_request(
            f'strconv.ParseInt: parsing "{value}": invalid syntax'
        ) from None


def _json(body: Json, status: int = 200) -> web.Response:
    return web.Response(
        body=json.dumps(body).encode(), status=status, content_type="application/json"
    )


class _Http:
    """Routes requests to the cluster as the apiserver's paths lay them out."""

    def __init__(self, cluster: _Cluster, token: str, version: str, failures: list[BaseException]):
        self.cluster = cluster
        self.token = token
        self.version = version
        self.failures = failures

    async def handle(self, request: web.Request) -> web.StreamResponse:
        record = RecordedRequest(request.method, request.path, dict(request.query))
        self.cluster.requests.append(record)
        try:
            response = await self._handle(request, record)
        except StatusError as exc:
            response = _json(exc.status(), exc.code)
        except (ConnectionResetError, asyncio.CancelledError):
            raise
        except Exception as exc:  # a bug in the double: answer 500 and fail the test
            self.failures.append(exc)
            response = _json(StatusError(500, f"Internal error occurred: {exc!r}").status(), 500)
        record.status = response.status
        return response

    async def _handle(self, request: web.Request, record: RecordedRequest) -> web.StreamResponse:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode()):
            raise StatusError(401, "Unauthorized")
        parts = [p for p in request.path.split("/") if p]
        if parts == ["version"]:
            return _json(self._version())
        if parts == ["api"]:
            return _json({
                "kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [
                    {"clientCIDR": "0.0.0.0/0", "serverAddress": f"{HOST}:443"}
                ],
            })  # fmt: skip
        if parts == ["apis"]:
            return _json(self._groups())
        if parts[:2] == ["api", "v1"]:
            group, version, rest = "", "v1", parts[2:]
        elif len(parts) >= 3 and parts[0] == "apis":
            group, version, rest = parts[1], parts[2], parts[3:]
        else:
            raise StatusError.unknown_path()
        if not rest:
            return _json(self._resources(group, version))
        namespace, resource, name, sub = _route(rest)
        rt = self.cluster.types.get((group, version, resource))
        if rt is None or (namespace and not rt.namespaced) or sub not in ("", "log", "status"):
            raise StatusError.unknown_path()
        if sub == "log" and rt is not PODS:
            raise StatusError.unknown_path()
        query = request.query
        verb = _verb(request.method, name, query)
        if rt.namespaced and not namespace and verb not in ("list", "watch"):
            raise StatusError.unknown_path()
        if verb not in rt.verbs and sub != "log":
            kind = json.dumps(rt.group_resource)
            raise StatusError(
                405, f"{verb} is not supported on resources of kind {kind}",
                details={"group": rt.group, "kind": rt.resource},
            )  # fmt: skip
        record.verb, record.namespace, record.name = verb, namespace, name
        record.resource = f"{rt.group_resource}/{sub}" if sub else rt.group_resource
        self._inject(rt, verb, record.resource, namespace, name)
        cluster = self.cluster
        if sub == "log":
            return await self._log(request, namespace, name)
        if verb == "get":
            return _json(cluster.get(rt, namespace, name))
        if verb in ("list", "watch", "deletecollection"):
            match = cluster.select(
                rt, namespace or None, query.get("labelSelector"), query.get("fieldSelector")
            )
            if verb == "list":
                return _json(cluster.list(rt, namespace or None, match))
            if verb == "watch":
                return await self._watch(request, rt, namespace or None, match)
            options = await self._delete_options(request)
            return _json(cluster.delete_collection(rt, namespace or None, match, options))
        if verb == "create":
            return _json(cluster.create(rt, namespace, await self._body(request)), 201)
        if verb == "update":
            return _json(
                cluster.replace(
                    rt, namespace, name, await self._body(request), status=sub == "status"
                )
            )
        if verb == "delete":
            return _json(cluster.delete(rt, namespace, name, await self._delete_options(request)))
        raise StatusError(
            405,
            f"{request.method} is not supported on resources of kind {rt.group_resource!r}",
        )

    def _inject(
        self, rt: ResourceType, verb: str, resource: str, namespace: str, name: str
    ) -> None:
        for fault in self.cluster.faults:
            if (
                fault.times > 0
                and fault.verb in (None, verb)
                and fault.resource in (None, resource, rt.resource)
                and fault.name in (None, name)
            ):
                fault.times -= 1
                error = StatusError.injected(fault.code, rt, verb, namespace, name)
                if fault.message is not None:
                    error = StatusError(fault.code, fault.message, details=error.details)
                raise error

    async def _body(self, request: web.Request) -> Json:
        raw = await request.read()
        try:
            body = json.loads(raw or b"null")
        except ValueError as exc:
            raise StatusError.bad_request(
                f"couldn't get version/kind; json parse error: {exc}"
            ) from None
        if not isinstance(body, dict):
            raise StatusError.bad_request("Object 'Kind' is missing in the request body")
        return body

    async def _delete_options(self, request: web.Request) -> Json:
        raw = await request.read()
        options: Json = {}
        if raw.strip():
            options = await self._body(request)
        grace = _int(request.query, "gracePeriodSeconds")
        if grace is not None:
            options["gracePeriodSeconds"] = grace
        if "propagationPolicy" in request.query:
            options["propagationPolicy"] = request.query["propagationPolicy"]
        if request.query.get("dryRun"):
            options["dryRun"] = [request.query["dryRun"]]
        return options

    async def _watch(
        self,
        request: web.Request,
        rt: ResourceType,
        namespace: str | None,
        match: Callable[[Json], bool],
    ) -> web.StreamResponse:
        query = request.query
        timeout = _int(query, "timeoutSeconds") or DEFAULT_WATCH_SECONDS
        raw_version = query.get("resourceVersion") or None
        try:
            version = int(raw_version) if raw_version is not None else None
        except ValueError:
            raise StatusError.bad_request(f'invalid resource version "{raw_version}"') from None
        initial_bookmark = _bool(query, "sendInitialEvents")
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        store = self.cluster.store
        try:
            first, watcher = store.watch(
                rt, namespace, match, None if initial_bookmark else version
            )
        except StatusError as exc:
            error = {"type": "ERROR", "object": exc.status()}
            await response.write(json.dumps(error).encode() + b"\n")
            await response.write_eof()
            return response
        deadline = time.monotonic() + timeout
        try:
            for kind, obj in first:
                await response.write(json.dumps({"type": kind, "object": obj}).encode() + b"\n")
            if initial_bookmark:
                bookmark = {
                    "kind": rt.kind, "apiVersion": rt.api_version,
                    "metadata": {"resourceVersion": str(store.revision),
                                 "annotations": {"k8s.io/initial-events-end": "true"}},
                }  # fmt: skip
                await response.write(
                    json.dumps({"type": "BOOKMARK", "object": bookmark}).encode() + b"\n"
                )
            while (left := deadline - time.monotonic()) > 0:
                try:
                    queued = await asyncio.wait_for(watcher.queue.get(), left)
                except TimeoutError:
                    break
                if queued is None:
                    break
                kind, obj = queued
                await response.write(json.dumps({"type": kind, "object": obj}).encode() + b"\n")
            await response.write_eof()
        except (ConnectionResetError, ConnectionError):
            pass
        finally:
            store.unwatch(watcher)
        return response

    async def _log(self, request: web.Request, namespace: str, name: str) -> web.StreamResponse:
        cluster = self.cluster
        pod = cluster.get(PODS, namespace, name)
        query = request.query
        spec = pod["spec"]
        containers = [c["name"] for c in spec["containers"]]
        inits = [c["name"] for c in spec.get("initContainers") or []]
        container = query.get("container")
        if not container:
            if len(containers) != 1 or inits:
                message = (
                    f"a container name must be specified for pod {name}, choose one of: "
                    f"[{' '.join(containers)}]"
                )
                if inits:
                    message += f" or one of the init containers: [{' '.join(inits)}]"
                raise StatusError.bad_request(message)
            container = containers[0]
        if container not in containers and container not in inits:
            raise StatusError.bad_request(f"container {container} is not valid for pod {name}")
        runtime = cluster.pods.get(pod["metadata"]["uid"])
        logs = (runtime.previous if _bool(query, "previous") else runtime.logs) if runtime else {}
        log = logs.get(container)
        if log is None:
            if _bool(query, "previous"):
                raise StatusError.bad_request(
                    f'previous terminated container "{container}" in pod "{name}" not found'
                )
            reason = "ContainerCreating"
            for status in [*(pod["status"].get("initContainerStatuses") or []),
                           *(pod["status"].get("containerStatuses") or [])]:  # fmt: skip
                if status["name"] == container and "waiting" in status["state"]:
                    reason = status["state"]["waiting"].get("reason", reason)
            raise StatusError.bad_request(
                f'container "{container}" in pod "{name}" is waiting to start: {reason}'
            )
        follow, timestamps = _bool(query, "follow"), _bool(query, "timestamps")
        tail, limit = _int(query, "tailLines"), _int(query, "limitBytes")
        since_seconds = _int(query, "sinceSeconds")
        errors = []
        if tail is not None and tail < 0:
            errors.append(
                FieldError(
                    "FieldValueInvalid", "tailLines", tail, "must be greater than or equal to 0"
                )
            )
        if limit is not None and limit < 1:
            errors.append(
                FieldError("FieldValueInvalid", "limitBytes", limit, "must be greater than 0")
            )
        if since_seconds is not None and since_seconds < 1:
            errors.append(
                FieldError(
                    "FieldValueInvalid", "sinceSeconds", since_seconds, "must be greater than 0"
                )
            )
        if since_seconds is not None and query.get("sinceTime"):
            errors.append(
                FieldError(
                    "FieldValueForbidden",
                    "sinceSeconds",
                    detail="at most one of `sinceTime` or `sinceSeconds` may be specified",
                )
            )
        if errors:
            rt = ResourceType("", "v1", "pods", "PodLogOptions")
            raise StatusError.invalid(rt, "", errors)
        since = 0
        if since_seconds is not None:
            since = time.time_ns() - since_seconds * 1_000_000_000
        if query.get("sinceTime"):
            try:
                since = _parse_time(query["sinceTime"])
            except ValueError:
                raise StatusError.bad_request(
                    f'parsing time "{query["sinceTime"]}" as RFC3339: cannot parse'
                ) from None
        response = web.StreamResponse(headers={"Content-Type": "text/plain"})
        await response.prepare(request)
        position = max(0, len(log.entries) - tail) if tail is not None else 0
        remaining = limit if limit is not None else -1
        epoch = cluster.log_epoch
        try:
            while True:
                while position < len(log.entries) and remaining != 0:
                    stamp, line = log.entries[position]
                    position += 1
                    if stamp < since:
                        continue
                    if timestamps:
                        line = _rfc3339_nano_fixed(stamp).encode() + b" " + line
                    if remaining > 0:
                        line = line[:remaining]
                        remaining -= len(line)
                    await response.write(line)
                done = log.closed and position >= len(log.entries)
                if not follow or remaining == 0 or done or runtime is None or runtime.removed:
                    break
                if cluster.stopping:
                    break
                if cluster.log_epoch != epoch:  # the connection drops mid-stream
                    if request.transport is not None:
                        request.transport.abort()
                    return response
                await log.changed(0.5)
            await response.write_eof()
        except (ConnectionResetError, ConnectionError):
            pass
        return response

    def _version(self) -> Json:
        major, minor, *_ = self.version.split(".")
        return {
            "major": major, "minor": minor, "gitVersion": f"v{self.version}",
            "gitCommit": "0" * 40, "gitTreeState": "clean", "buildDate": "2025-01-01T00:00:00Z",
            "goVersion": "go1.23.4", "compiler": "gc", "platform": "linux/amd64",
        }  # fmt: skip

    def _groups(self) -> Json:
        groups: dict[str, list[str]] = {}
        for group, version, _ in self.cluster.types:
            if group:
                groups.setdefault(group, [])
                if version not in groups[group]:
                    groups[group].append(version)
        return {
            "kind": "APIGroupList",
            "apiVersion": "v1",
            "groups": [
                {
                    "name": name,
                    "versions": [{"groupVersion": f"{name}/{v}", "version": v} for v in versions],
                    "preferredVersion": {
                        "groupVersion": f"{name}/{versions[0]}",
                        "version": versions[0],
                    },
                }
                for name, versions in sorted(groups.items())
            ],
        }

    def _resources(self, group: str, version: str) -> Json:
        found = [rt for (g, v, _), rt in self.cluster.types.items() if (g, v) == (group, version)]
        if not found:
            raise StatusError.unknown_path()
        resources = []
        for rt in found:
            resources.append({
                "name": rt.resource, "singularName": rt.kind.lower(), "namespaced": rt.namespaced,
                "kind": rt.kind, "verbs": list(rt.verbs),
            })  # fmt: skip
            if rt is PODS:
                resources.append({"name": "pods/log", "singularName": "", "namespaced": True,
                                  "kind": "Pod", "verbs": ["get"]})  # fmt: skip
        group_version = f"{group}/{version}" if group else version
        return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": group_version,
                "resources": resources}  # fmt: skip


def _route(rest: list[str]) -> tuple[str, str, str, str]:
    """(namespace, resource, name, subresource) of a path below a group version."""
    if rest[0] == "namespaces" and len(rest) >= 3:
        namespace, tail = rest[1], rest[2:]
    elif rest[0] == "namespaces":
        return "", "namespaces", rest[1] if len(rest) > 1 else "", ""
    else:
        namespace, tail = "", rest
    if len(tail) > 3:
        raise StatusError.unknown_path()
    tail = [*tail, "", ""]
    return namespace, tail[0], tail[1], tail[2]


def _verb(method: str, name: str, query: Mapping[str, str]) -> str:
    match method, bool(name):
        case "GET", False:
            return "watch" if _bool(query, "watch") else "list"
        case "GET", True:
            return "get"
        case "POST", False:
            return "create"
        case "PUT", True:
            return "update"
        case "DELETE", True:
            return "delete"
        case "DELETE", False:
            return "deletecollection"
        case "PATCH", True:
            return "patch"
    raise StatusError(405, f"{method} is not supported here")


# --- The double -------------------------------------------------------------------------


class KubernetesDouble:
    """The API server, on ``127.0.0.1`` in a thread of its own; use ``async with``.

    :param token: the bearer token it accepts (random when not given): :attr:`token`.
    :param namespaces: the namespaces that exist from the start (``default`` besides).
    :param images: what a container of an image runs when its spec has no ``command``
        (its ``args`` are appended), e.g. ``{"postgres:16": ["sleep", "60"]}``.
    :param history_limit: changes kept for watches to resume from; older ones get ``410``.
    :param watch_queue: events a watcher may fall behind before its stream is closed.
    :param pull_backoff: seconds between ``ErrImagePull`` and ``ImagePullBackOff`` states.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        namespaces: Iterable[str] = (),
        images: Mapping[str, Sequence[str]] | None = None,
        history_limit: int = 10_000,
        watch_queue: int = 1_000,
        pull_backoff: float = 0.05,
        version: str = "1.32.0",
    ) -> None:
        self.token = token or secrets.token_urlsafe(24)
        self.url = ""
        self._namespaces = ["default", *[n for n in namespaces if n != "default"]]
        self._images = dict(images or {})
        self._history_limit = history_limit
        self._watch_queue = watch_queue
        self._pull_backoff = pull_backoff
        self._version = version
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._cluster: _Cluster | None = None
        self._failures: list[BaseException] = []

    async def __aenter__(self) -> Self:
        self._thread = threading.Thread(target=self._serve, name="kubernetes-double", daemon=True)
        self._thread.start()
        await anyio.to_thread.run_sync(self._ready.wait)
        if self._failures:
            raise self._failures[0]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._thread is not None and self._loop is not None and self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        await anyio.to_thread.run_sync(self._thread.join)
        if self._failures:
            raise RuntimeError("the Kubernetes double failed") from self._failures[0]

    def _serve(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported by __aenter__/__aexit__
            self._failures.append(exc)
        finally:
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        root = Path(tempfile.mkdtemp(prefix="kubernetes-double-"))
        sock = socket.socket()
        sock.bind((HOST, 0))
        try:
            async with asyncio.TaskGroup() as tasks:
                cluster = _Cluster(
                    root, tasks, namespaces=self._namespaces, images=self._images,
                    history_limit=self._history_limit, watch_queue=self._watch_queue,
                    pull_backoff=self._pull_backoff,
                )  # fmt: skip
                self._cluster = cluster
                http = _Http(cluster, self.token, self._version, self._failures)
                app = web.Application(client_max_size=4 * 1024 * 1024)
                app.router.add_route("*", "/{tail:.*}", http.handle)
                runner = web.AppRunner(
                    app, handle_signals=False, access_log=None, shutdown_timeout=1.0
                )
                await runner.setup()
                site = web.SockSite(runner, sock)
                await site.start()
                self.url = f"http://{HOST}:{sock.getsockname()[1]}"
                self._ready.set()
                try:
                    await self._stop.wait()
                finally:
                    await cluster.shutdown()
                    await runner.cleanup()
        finally:
            sock.close()
            shutil.rmtree(root, ignore_errors=True)

    async def _call(self, fn: Callable[[_Cluster], T | Awaitable[T]]) -> T:
        """Run ``fn`` on the double's loop (where its state lives) and wait for it."""
        assert self._loop is not None and self._cluster is not None
        cluster = self._cluster

        async def run() -> T:
            result = fn(cluster)
            if inspect.isawaitable(result):
                return await result
            return result

        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(run(), self._loop))

    # The client side --------------------------------------------------------------------

    def configuration(self) -> Configuration:
        """A client configuration for this server and token."""
        return Configuration(
            host=self.url,
            api_key={"BearerToken": self.token},
            api_key_prefix={"BearerToken": "Bearer"},
        )

    def api_client(self) -> ApiClient:
        """A ``kubernetes_asyncio`` client for this server; close it (``async with``)."""
        return ApiClient(configuration=self.configuration())

    # Reading and writing the state --------------------------------------------------------

    async def get(self, resource: str, name: str, namespace: str = "default") -> Json | None:
        """The object as stored (kind, apiVersion and all), or ``None``."""

        def get(cluster: _Cluster) -> Json | None:
            rt = cluster.resource(resource)
            return cluster.store.find(rt, namespace if rt.namespaced else "", name)

        return await self._call(get)

    async def objects(
        self, resource: str, namespace: str | None = None, label_selector: str | None = None
    ) -> list[Json]:
        """The objects of a resource (in every namespace when ``namespace`` is ``None``)."""

        def select(cluster: _Cluster) -> list[Json]:
            rt = cluster.resource(resource)
            match = LabelSelector.parse(label_selector)
            return [
                obj
                for obj in cluster.store.items(rt, namespace)
                if match.matches(obj["metadata"].get("labels"))
            ]

        return await self._call(select)

    async def create(self, resource: str, obj: Json, namespace: str = "default") -> Json:
        """Create an object as a client would (validation and all).

        :raises StatusError: as the API would answer.
        """
        return await self._call(lambda c: c.create(c.resource(resource), namespace, obj))

    async def delete(
        self, resource: str, name: str, namespace: str = "default", grace: int | None = None
    ) -> Json:
        """Delete an object as someone else (``kubectl delete``) would.

        :raises StatusError: as the API would answer (``404`` when it is not there).
        """
        options = {} if grace is None else {"gracePeriodSeconds": grace}
        return await self._call(lambda c: c.delete(c.resource(resource), namespace, name, options))

    async def revision(self) -> int:
        """The store's current resourceVersion."""
        return await self._call(lambda c: c.store.revision)

    async def claim_path(self, name: str, namespace: str = "default") -> Path:
        """The directory standing for a claim's volume."""
        return await self._call(lambda c: c.claim_path(namespace, name))

    async def logs(self, pod: str, container: str, namespace: str = "default") -> bytes:
        """What a container of a pod still on the node has written so far."""

        def read(cluster: _Cluster) -> bytes:
            found = cluster.store.find(PODS, namespace, pod)
            runtime = cluster.pods.get(found["metadata"]["uid"]) if found else None
            log = runtime.logs.get(container) if runtime else None
            return log.text() if log else b""

        return await self._call(read)

    async def wait_for(
        self,
        resource: str,
        name: str,
        predicate: Callable[[Json | None], bool],
        namespace: str = "default",
        within: float = 10.0,
    ) -> Json | None:
        """Poll an object (``None`` once it is gone) until ``predicate`` holds.

        :raises TimeoutError: it did not within ``within`` seconds.
        """
        with anyio.fail_after(within):
            while True:
                obj = await self.get(resource, name, namespace)
                if predicate(obj):
                    return obj
                await anyio.sleep(0.02)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request answered so far, oldest first."""
        return list(self._cluster.requests) if self._cluster else []

    # Misbehaviour --------------------------------------------------------------------------

    async def fail_image_pull(
        self, image: str, message: str | None = None, reason: str = "ErrImagePull"
    ) -> None:
        """Make pulling ``image`` fail: its containers wait in ``reason`` then
        ``ImagePullBackOff``, over and over, until the pod is deleted."""
        text = message or (
            f'failed to pull and unpack image "docker.io/library/{image}": failed to resolve '
            f'reference "docker.io/library/{image}": not found'
        )
        await self._call(lambda c: c.image_errors.__setitem__(image, (reason, text)))

    async def fail(
        self,
        code: int,
        *,
        verb: str | None = None,
        resource: str | None = None,
        name: str | None = None,
        message: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` matching requests with ``code`` (and the Status the
        apiserver gives for it, or ``message``). ``verb``: get, list, watch, create, update,
        delete, deletecollection; ``resource``: ``pods``, ``secrets``, ``pods/log``...; ``None``
        matches any."""
        fault = _Fault(code, verb, resource, name, message, times)
        await self._call(lambda c: c.faults.append(fault))

    async def compact(self, *, close_watches: bool = True) -> int:
        """Forget the watch history, so a watch resuming from any earlier resourceVersion gets
        ``410 Expired``; with ``close_watches``, open watch streams end too, so their clients
        resume now. Returns the compacted revision."""

        def compact(cluster: _Cluster) -> int:
            revision = cluster.store.compact()
            if close_watches:
                cluster.store.close_watches()
            return revision

        return await self._call(compact)

    async def close_watches(self) -> int:
        """End every open watch stream (as an apiserver restart does); returns how many."""
        return await self._call(lambda c: c.store.close_watches())

    async def close_log_streams(self) -> None:
        """End every open ``pods/log`` stream, as an apiserver or kubelet restart (or a load
        balancer's idle timeout) does; the containers go on running."""

        def close(cluster: _Cluster) -> None:
            cluster.log_epoch += 1
            for runtime in cluster.pods.values():
                runtime.wake_logs()

        await self._call(close)

    async def live_watches(self) -> int:
        """How many watch streams are open."""
        return await self._call(lambda c: c.store.live_watches)
