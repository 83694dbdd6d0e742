"""Ask round-trips through ``dais.runtime`` on asyncio (uvloop where installed).

Measures one asker, then 16 concurrent askers, for about 2 s each, and, as the peer, a
bare anyio request/reply over memory streams (what an ask costs without the runtime).
"""

from __future__ import annotations

import importlib.util
import statistics
from time import perf_counter, perf_counter_ns
from typing import Any

import anyio
from anyio import create_memory_object_stream, fail_after

from dais.runtime import Actor, ActorRef, ActorSystem, ChildSpec

DURATION = 2.0
CONCURRENT = 16


class Echo(Actor[int]):
    async def receive(self, message: int) -> int:
        return message


def _percentile_us(latencies_ns: list[int], q: float) -> float:
    ordered = sorted(latencies_ns)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1000


async def _askers(ref: ActorRef[int], count: int, duration: float) -> tuple[float, list[int]]:
    """Run ``count`` askers for ``duration`` seconds; return asks/s and every latency."""
    latencies: list[int] = []
    deadline = perf_counter() + duration

    async def asker() -> None:
        ask = ref.ask
        record = latencies.append
        clock = perf_counter_ns
        while perf_counter() < deadline:
            for i in range(100):
                began = clock()
                await ask(i)
                record(clock() - began)

    began = perf_counter()
    async with anyio.create_task_group() as tg:
        for _ in range(count):
            tg.start_soon(asker)
    return len(latencies) / (perf_counter() - began), latencies


async def _raw_peer(duration: float) -> float:
    """A bare anyio request/reply loop: the floor under any ask implementation."""
    requests: Any
    send, requests = create_memory_object_stream[tuple[int, Any]](1024)

    async def server() -> None:
        async for message, reply in requests:
            reply.send_nowait(message)

    done = 0
    async with anyio.create_task_group() as tg:
        tg.start_soon(server)
        deadline = perf_counter() + duration
        began = perf_counter()
        while perf_counter() < deadline:
            for i in range(100):
                reply_send, reply_receive = create_memory_object_stream[int](1)
                with reply_send, reply_receive:
                    send.send_nowait((i, reply_send))
                    with fail_after(5):
                        await reply_receive.receive()
            done += 100
        rate = done / (perf_counter() - began)
        send.close()
    requests.close()
    return rate


async def _measure() -> dict[str, float]:
    figures: dict[str, float] = {}
    async with ActorSystem("bench") as system:
        ref = await system.start_child(ChildSpec("echo", Echo))
        await _askers(ref, 1, 0.2)  # warm up
        for label, count in (("sequential", 1), (f"concurrent{CONCURRENT}", CONCURRENT)):
            rate, latencies = await _askers(ref, count, DURATION)
            figures[f"{label}_asks_per_s"] = rate
            figures[f"{label}_p50_us"] = _percentile_us(latencies, 0.50)
            figures[f"{label}_p99_us"] = _percentile_us(latencies, 0.99)
            figures[f"{label}_mean_us"] = statistics.fmean(latencies) / 1000
    figures["peer_raw_anyio_asks_per_s"] = await _raw_peer(DURATION / 2)
    return figures


def main() -> dict[str, float]:
    """Run the benchmark (about 6 s) and print its figures."""
    uvloop = importlib.util.find_spec("uvloop") is not None
    figures = anyio.run(_measure, backend="asyncio", backend_options={"use_uvloop": uvloop})
    loop = "asyncio+uvloop" if uvloop else "asyncio"
    print(f"ask round-trip on {loop}")
    for key, value in figures.items():
        print(f"  {key:<32} {value:>12,.1f}")
    return figures


if __name__ == "__main__":
    main()
