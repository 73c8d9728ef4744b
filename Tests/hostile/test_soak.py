"""Soak (issue 10): many clients casting commands, dropping their connections at random and
resuming. At the end: every command has exactly one outcome, every acknowledged command is in
the log at its ack's seq (none lost, none twice), every client's patched state equals the
server's, and the daemon's RSS stayed flat. CI runs 60 clients for 25 s; GAVEL_LONG_TESTS=1
runs 1,000 clients for 10 minutes (docs/hardening.md)."""
import asyncio
import json
import random
import sqlite3
import time

import websockets

from conftest import LONG
from gavel_harness import apply_patch
from test_leaks import rss_kib

CLIENTS = 1000 if LONG else 60
SECONDS = 600 if LONG else 25
SEATS = ["BRA", "CHN", "FRA", "GHA", "IND"]


class SoakClient:
    def __init__(self, n, url, token, role, rng):
        self.n, self.url, self.token, self.role, self.rng = n, url, token, role, rng
        self.state, self.seq = None, 0
        self.outcomes = {}  # command id -> first ack/reject seen
        self.sent = 0
        self.reconnects = 0

    async def connect(self):
        ws = await websockets.connect(self.url, subprotocols=["gavel.v1"], ping_interval=None, compression=None,
                                      max_queue=None, max_size=2**24, open_timeout=30)
        hello = {"type": "hello", "token": self.token, "committee": "disec"}
        if self.state is not None:
            hello["after"] = self.seq
        await ws.send(json.dumps(hello))
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] == "welcome":
                break
        if frame["resumed"]:
            assert frame["seq"] == self.seq
        else:
            self.state, self.seq = frame["state"], frame["seq"]
        return ws

    def apply(self, frame):
        if frame["type"] == "event":
            assert frame["seq"] == self.seq + 1, f"client {self.n}: gap or duplicate {self.seq} -> {frame['seq']}"
            self.state = apply_patch(self.state, frame["patch"])
            self.seq = frame["seq"]
        elif frame["type"] in ("ack", "reject"):
            first = self.outcomes.setdefault(frame["id"], frame)
            assert first == frame, f"client {self.n}: two outcomes for {frame['id']}: {first} then {frame}"

    def next_command(self):
        self.sent += 1
        cid = f"k{self.n}-{self.sent}"
        if self.role == "chair":
            pick = self.rng.random()
            if pick < 0.6:
                return cid, "agenda.set", {"topic": f"Soak topic {self.n}.{self.sent}"}
            if pick < 0.8:
                return cid, "speakers.next", {}
            return cid, "speaker.end", {}
        return cid, self.rng.choice(["speakers.add", "speakers.remove"]), {}

    async def run(self, until):
        ws = await self.connect()
        pending = None
        while time.monotonic() < until:
            if self.role != "display":
                if pending is None:
                    pending = self.next_command()
                cid, name, args = pending
                await ws.send(json.dumps({"type": "command", "id": cid, "name": name, "args": args}))
            drop = self.rng.random() < 0.05
            try:
                deadline = time.monotonic() + (0.05 if drop else 0.5 if self.role == "display" else 30)
                while True:
                    if self.role != "display" and pending and pending[0] in self.outcomes:
                        pending = None
                        break
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self.apply(json.loads(await asyncio.wait_for(ws.recv(), left)))
            except asyncio.TimeoutError:
                pass
            if drop:  # a laptop lid closing: abrupt, maybe before the outcome arrived
                ws.transport.abort()
                self.reconnects += 1
                ws = await self.connect()  # a pending command is re-sent with the same id
            else:
                await asyncio.sleep(self.rng.random() * 0.3)  # pacing of a human, not a wait
        return ws

    async def settle(self, ws, target):
        while self.seq < target:
            self.apply(json.loads(await asyncio.wait_for(ws.recv(), 30)))
        await ws.close()


async def soak(server, tokens):
    rng = random.Random(1994)
    url = server.url()
    clients = []
    for n in range(CLIENTS):
        role = "chair" if n % 20 == 0 else "display" if n % 5 == 1 else "delegate"
        token = tokens["chair"] if role == "chair" else tokens["display"] if role == "display" else \
            tokens[SEATS[n % len(SEATS)]]
        clients.append(SoakClient(n, url, token, role, random.Random(rng.random())))
    until = time.monotonic() + SECONDS
    rss = []

    async def sample():
        while time.monotonic() < until:
            rss.append(rss_kib(server.proc.pid))
            await asyncio.sleep(1)

    sampler = asyncio.ensure_future(sample())
    sockets = await asyncio.gather(*(c.run(until) for c in clients))
    await sampler
    _, _, body = await asyncio.get_running_loop().run_in_executor(None, server.http, "/healthz")
    final = json.loads(body)["seq"]["disec"]
    await asyncio.gather(*(c.settle(ws, final) for c, ws in zip(clients, sockets)))
    return clients, final, rss


def test_soak_resume_exactly_once_and_flat_memory(fresh_gaveld):
    server = fresh_gaveld(limits={"commands_per_second": 1000, "command_burst": 1000}).start()
    tokens = {seat: server.token("delegate", seat=seat) for seat in SEATS}
    tokens["chair"] = server.token("chair")
    tokens["display"] = server.token("display")
    chair, _ = server.join("chair")
    chair.ok("session.open")
    for seat in SEATS:
        chair.ok("attendance.mark", {"seat": seat, "status": "present_and_voting"})
    chair.close()

    clients, final, rss = asyncio.run(soak(server, tokens))

    _, truth = server.join("auditor")
    assert truth["seq"] == final
    for c in clients:
        assert c.seq == final and c.state == truth["state"], f"client {c.n} drifted from the server"
    acked = {(c.token, cid): f["seq"] for c in clients for cid, f in c.outcomes.items() if f["type"] == "ack"}
    assert len(acked) > CLIENTS, "the soak acknowledged too few commands to mean anything"
    db = sqlite3.connect(f"file:{server.data / 'disec.gavel'}?mode=ro", uri=True)
    logged = {}
    for command_id, seq in db.execute("SELECT command_id, seq FROM outcomes WHERE command_id LIKE 'k%'"):
        assert command_id not in logged, f"{command_id} has two outcomes in the log"
        logged[command_id] = seq
    db.close()
    for (_, cid), seq in acked.items():
        assert logged.get(cid) == seq, f"acknowledged {cid} at seq {seq}, the log says {logged.get(cid)}"
    assert sum(c.reconnects for c in clients) > CLIENTS // 4
    # Flat: after the first quarter (caches and arenas warm), RSS grows by less than 32 MiB.
    warm = rss[len(rss) // 4:]
    assert warm and max(warm) - warm[0] < 32 * 1024, f"RSS grew from {warm[0]} to {max(warm)} KiB"
