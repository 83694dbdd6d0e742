"""Prometheus metrics: HTTP requests, actors, pub/sub, and the process itself."""

from __future__ import annotations

import math
from bisect import bisect_left
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, ProcessCollector, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from prometheus_client.metrics_core import Metric

    from dais.runtime import ActorSystem

__all__ = ["CONTENT_TYPE", "Metrics"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

_BOUNDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, math.inf)


class _ActorCollector(Collector):
    """Reads the runtime's counters at scrape time, so the hot path pays nothing for them."""

    def __init__(self, system: Callable[[], ActorSystem | None]) -> None:
        self._system = system

    def collect(self) -> Iterator[Metric]:
        system = self._system()
        if system is None:
            return
        depth = GaugeMetricFamily("dais_actor_mailbox_depth", "Messages waiting.", labels=["actor"])
        size = GaugeMetricFamily("dais_actor_mailbox_size", "Mailbox capacity.", labels=["actor"])
        handled = CounterMetricFamily(
            "dais_actor_messages_handled", "Messages handled.", labels=["actor"]
        )
        failed = CounterMetricFamily(
            "dais_actor_messages_failed", "Handlers that raised.", labels=["actor"]
        )
        resumed = CounterMetricFamily(
            "dais_actor_messages_resumed",
            "Handlers that raised an unexpected error after which the actor resumed.",
            labels=["actor"],
        )
        crashes = CounterMetricFamily("dais_actor_crashes", "Unexpected errors.", labels=["actor"])
        restarts = CounterMetricFamily(
            "dais_actor_restarts", "Restarts by a supervisor.", labels=["actor"]
        )
        timing = HistogramMetricFamily(
            "dais_actor_handling_seconds", "Time spent in the handler.", labels=["actor"]
        )
        for m in system.metrics():
            depth.add_metric([m.name], m.mailbox_depth)
            size.add_metric([m.name], m.mailbox_size)
            handled.add_metric([m.name], m.handled)
            failed.add_metric([m.name], m.failed)
            resumed.add_metric([m.name], m.resumed)
            crashes.add_metric([m.name], m.crashes)
            restarts.add_metric([m.name], m.restarts)
            buckets = [  # the runtime's counts are cumulative already (le semantics)
                ("+Inf" if bound == float("inf") else repr(bound), count)
                for bound, count in zip(m.buckets, m.bucket_counts, strict=True)
            ]
            timing.add_metric([m.name], buckets, m.handling_seconds_sum)
        yield from (depth, size, handled, failed, resumed, crashes, restarts, timing)


class _HTTPCollector(Collector):
    """Exposes the request counters that :meth:`Metrics.observe_request` keeps."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def collect(self) -> Iterator[Metric]:
        m = self._metrics
        requests = CounterMetricFamily(
            "dais_http_requests", "HTTP requests answered.", labels=["method", "route", "status"]
        )
        for (method, route, status), count in m.request_counts.items():
            requests.add_metric([method, route, str(status)], count)
        duration = HistogramMetricFamily(
            "dais_http_request_duration_seconds",
            "Time to answer an HTTP request.",
            labels=["method", "route"],
        )
        for (method, route), (counts, total) in m.durations.items():
            cumulative, buckets = 0, []
            for bound, count in zip(_BOUNDS, counts, strict=True):
                cumulative += count
                buckets.append(("+Inf" if bound == math.inf else repr(bound), cumulative))
            duration.add_metric([method, route], buckets, total[0])
        in_flight = GaugeMetricFamily(
            "dais_http_requests_in_flight", "HTTP requests being answered."
        )
        in_flight.add_metric([], m.in_flight)
        yield from (requests, duration, in_flight)


class Metrics:
    """The registry behind ``/metrics``, one per app (so tests do not share counters).

    HTTP counters are plain dicts updated on the event loop and read at scrape time (also on
    the event loop): measured, prometheus_client's locked children cost 4x as much per
    request, and they sit on the path of every request.
    """

    def __init__(self, system: Callable[[], ActorSystem | None] = lambda: None) -> None:
        self.request_counts: dict[tuple[str, str, int], int] = {}
        self.durations: dict[tuple[str, str], tuple[list[int], list[float]]] = {}
        self.in_flight = 0
        self.registry = CollectorRegistry(auto_describe=True)
        ProcessCollector(registry=self.registry)
        self.registry.register(_HTTPCollector(self))
        self.registry.register(_ActorCollector(system))

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        self.request_counts[key] = self.request_counts.get(key, 0) + 1
        slot = self.durations.get((method, route))
        if slot is None:
            slot = self.durations[(method, route)] = ([0] * len(_BOUNDS), [0.0])
        slot[0][bisect_left(_BOUNDS, seconds)] += 1
        slot[1][0] += seconds

    def render(self) -> bytes:
        return generate_latest(self.registry)
