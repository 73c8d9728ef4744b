"""Thousands of connect/disconnect cycles (issue 10): polite closes, abrupt TCP drops, drops
before hello and drops mid-handshake. Afterwards the daemon's open sockets, file descriptors
and resident memory are back at their baseline. GAVEL_LONG_TESTS=1 runs 20,000 cycles."""
import json
import os
import socket
import struct

from conftest import LONG
from test_clients import connections_open, wait_for
from wsraw import RawWebSocket

CYCLES = 20_000 if LONG else 3_000


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def cycle(server, token, i):
    kind = i % 4
    if kind == 3:  # gone during the HTTP upgrade
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        s.sendall(b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n")
        s.close()
        return
    ws = RawWebSocket("127.0.0.1", server.port)
    if kind == 2:  # gone before hello
        ws.close()
        return
    ws.send_text(json.dumps({"type": "hello", "token": token, "committee": "disec"}))
    opcode, data = ws.recv_frame()
    assert json.loads(data)["type"] == "welcome"
    if kind == 0:  # polite close
        ws.send_frame(0x8, struct.pack("!H", 1000))
        ws.close_code()
    ws.close()  # kind 1: abrupt TCP close, no close frame


def settle(server, baseline_connections):
    wait_for(lambda: connections_open(server) == baseline_connections, 20, "every connection to be gone")


def test_connect_disconnect_cycles_leak_nothing(fresh_gaveld):
    server = fresh_gaveld().start()
    pid = server.proc.pid
    tokens = [server.token("delegate", seat=s) for s in ("BRA", "CHN")] + [server.token("display")]
    for i in range(200):  # warm up caches, allocator arenas, the store's statements
        cycle(server, tokens[i % 3], i)
    settle(server, 0)
    fd_base, rss_base = fds(pid), rss_kib(pid)

    for i in range(CYCLES):
        cycle(server, tokens[i % 3], i)
    settle(server, 0)

    assert fds(pid) <= fd_base, f"file descriptors grew from {fd_base} to {fds(pid)}"
    grown = rss_kib(pid) - rss_base
    assert grown < 16 * 1024, f"RSS grew by {grown} KiB over {CYCLES} cycles"
    status, _, _ = server.http("/healthz")
    assert status == 200
