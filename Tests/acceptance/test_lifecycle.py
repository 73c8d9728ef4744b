"""Revocation, graceful shutdown and slow consumers (protocol.md §1, §4; design rules 1 and 7)."""

import base64
import json
import os
import signal
import socket
import sqlite3
import struct
import time

from gavel_harness import Closed


def test_revoked_token_is_cut_off_with_4401(gaveld):
    client, _ = gaveld.join("delegate", seat="BRA")
    gaveld.revoke(client.token)
    assert client.wait_closed(timeout=5) == 4401
    again = gaveld.client()
    again.send({"type": "hello", "token": client.token, "committee": "disec"})
    assert again.wait_closed() == 4401


def test_sigterm_during_a_burst_loses_no_acknowledged_command(fresh_gaveld):
    server = fresh_gaveld(limits={"commands_per_second": 10000, "command_burst": 10000}).start()
    chair, _ = server.join("chair")
    ids = [chair.command("agenda.set", {"topic": f"Burst {i}"}, id=f"burst-{i}") for i in range(300)]
    acks = {}
    # Let part of the burst through, then stop the daemon while the rest is in flight.
    while len(acks) < 20:
        frame = chair.until(lambda f: f["type"] in ("ack", "reject"))
        acks[frame["id"]] = frame
    server.proc.send_signal(signal.SIGTERM)
    code = None
    while code is None:
        try:
            frame = chair.recv(timeout=10)
            if frame["type"] in ("ack", "reject"):
                acks[frame["id"]] = frame
        except Closed as closed:
            code = closed.code
    assert code == 1001
    assert server.proc.wait(10) == 0
    acked = {i: f["seq"] for i, f in acks.items() if f["type"] == "ack"}
    assert len(acked) >= 20

    db = sqlite3.connect(str(server.data / "disec.gavel"))
    logged = dict(db.execute("SELECT command_id, seq FROM events WHERE command_id LIKE 'burst-%'").fetchall())
    db.close()
    for command_id, seq in acked.items():
        assert logged.get(command_id) == seq, f"acked {command_id} at seq {seq} is not in the log"

    server.start()
    _, welcome = server.join("display")
    assert welcome["seq"] >= max(acked.values())


def raw_stalled_client(port, token):
    """A WebSocket client that says hello and then never reads (a tiny receive buffer)."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)
    assert b" 101 " in response.split(b"\r\n")[0], response
    payload = json.dumps({"type": "hello", "token": token, "committee": "disec"}).encode()
    mask = os.urandom(4)
    header = bytes([0x81]) + (bytes([0x80 | len(payload)]) if len(payload) < 126 else
                              bytes([0x80 | 126]) + struct.pack(">H", len(payload)))
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    return sock


def test_a_stalled_client_is_dropped_4408_and_live_ones_keep_receiving(fresh_gaveld):
    server = fresh_gaveld(limits={"commands_per_second": 10000, "command_burst": 10000, "outbox_frames": 64}).start()
    chair, _ = server.join("chair")
    live, _ = server.join("display")
    stalled = raw_stalled_client(server.port, server.token("display"))
    # The stalled client must have joined (it is a subscriber) before the flood starts.
    deadline = time.monotonic() + 10
    while 'gavel_connections{role="display"} 2' not in server.http("/metrics")[2]:
        assert time.monotonic() < deadline, "the stalled client never joined"
        time.sleep(0.05)
    # Several MB first (each draft event carries its ~12 KB text twice: in data and in the patch),
    # enough to fill the stalled socket's kernel buffers; then many small frames to overflow its
    # outbox.
    # In chunks the chair and the live display keep up with; the stalled client never reads.
    chair.ok("session.open")
    clauses = [{"kind": "preambular", "text": "Recalling " + "r" * 390}] + [
        {"kind": "operative", "text": f"Decides {i} " + "d" * 390} for i in range(29)]
    last = 0
    commands = [("draft.submit", {"title": f"Draft {i}", "sponsors": ["BRA"], "clauses": clauses}) for i in range(250)]
    commands += [("agenda.set", {"topic": f"Small arms {i}"}) for i in range(150)]
    for start in range(0, len(commands), 10):
        ids = [chair.command(name, args) for name, args in commands[start:start + 10]]
        for i in ids:
            answer = chair.outcome(i, timeout=30)
            assert answer["type"] == "ack", answer
            last = max(last, answer["seq"])
    live.wait_event(last, timeout=30)
    seqs = [e["seq"] for e in live.events()]
    assert seqs == list(range(seqs[0], last + 1))

    _, _, metrics = server.http("/metrics")
    drops = [line for line in metrics.splitlines() if line.startswith("gavel_outbox_drops_total")]
    assert drops and float(drops[0].split()[-1]) >= 1, drops
    # The stalled socket was cut: reading it to the end finds EOF (or a reset), not more frames.
    stalled.settimeout(10)
    try:
        while stalled.recv(1 << 16):
            pass
    except ConnectionResetError:
        pass
    stalled.close()
    chair.close()
    live.close()


def test_a_newer_connection_replaces_the_older_when_configured(fresh_gaveld):
    server = fresh_gaveld(limits={"replace_connections": "true"}).start()
    first, _ = server.join("delegate", seat="GHA")
    second = server.client()
    second.hello(first.token, "disec")
    assert first.wait_closed() == 4409
    assert second.do("speakers.add")["type"] in ("ack", "reject")  # the new one is served
    second.close()
