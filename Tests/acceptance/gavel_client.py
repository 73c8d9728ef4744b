"""Blocking WebSocket clients for the acceptance tests. Debian's python3-websockets 10.4 has no
sync client: one asyncio loop runs in a background thread and the Client methods block on it."""

import asyncio
import copy
import json
import threading
import time

import websockets


class Loop:
    """One asyncio event loop in a daemon thread, shared by every client of the test run."""

    _instance = None

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    @classmethod
    def shared(cls):
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def run(self, coro, timeout=15):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)


class Closed(Exception):
    def __init__(self, code, reason):
        super().__init__(f"connection closed {code} {reason}")
        self.code = code
        self.reason = reason


class Client:
    """A blocking WebSocket client that keeps every frame it received, in order."""

    def __init__(self, url, subprotocols=("gavel.v1",)):
        self.loop = Loop.shared()
        self.url = url
        async def connect():
            return await websockets.connect(url, subprotocols=list(subprotocols) or None, max_size=2**24,
                                            open_timeout=5, ping_interval=None, compression=None,
                                            max_queue=None)

        self.ws = self.loop.run(connect())
        self.frames = []
        self.counter = 0

    def send_raw(self, data):
        self.loop.run(self.ws.send(data))

    def send(self, obj):
        self.send_raw(json.dumps(obj))

    def recv(self, timeout=5.0):
        try:
            text = self.loop.run(asyncio.wait_for(self.ws.recv(), timeout), timeout + 2)
        except websockets.exceptions.ConnectionClosed as closed:
            raise Closed(self.ws.close_code, self.ws.close_reason) from closed
        frame = json.loads(text)
        self.frames.append(frame)
        return frame

    def until(self, predicate, timeout=5.0):
        """Receives frames until one satisfies `predicate`; returns it."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no matching frame within {timeout}s; last frames: {self.frames[-5:]}")
            frame = self.recv(left)
            if predicate(frame):
                return frame

    def wait_event(self, seq, timeout=5.0):
        """Returns once the event `seq` has been received (now or earlier)."""
        if any(f["type"] == "event" and f["seq"] >= seq for f in self.frames):
            return
        self.until(lambda f: f["type"] == "event" and f["seq"] >= seq, timeout)

    def hello(self, token, committee, after=None):
        msg = {"type": "hello", "token": token, "committee": committee}
        if after is not None:
            msg["after"] = after
        self.send(msg)
        return self.until(lambda f: f["type"] == "welcome")

    def command(self, name, args=None, id=None):
        if id is None:
            self.counter += 1
            id = f"c-{self.counter}-{time.monotonic_ns() % 10**9}"
        self.send({"type": "command", "id": id, "name": name, "args": args or {}})
        return id

    def outcome(self, id, timeout=5.0):
        return self.until(lambda f: f["type"] in ("ack", "reject") and f.get("id") == id, timeout)

    def do(self, name, args=None, id=None, timeout=5.0):
        """Sends a command and returns its ack or reject."""
        return self.outcome(self.command(name, args, id), timeout)

    def ok(self, name, args=None):
        answer = self.do(name, args)
        assert answer["type"] == "ack", f"{name} {args}: {answer}"
        return answer

    def events(self):
        return [f for f in self.frames if f["type"] == "event"]

    def wait_closed(self, timeout=5.0):
        """Reads until the server closes; returns the close code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.recv(deadline - time.monotonic())
            except Closed as closed:
                return closed.code
            except (asyncio.TimeoutError, TimeoutError):
                break
        raise TimeoutError("the server did not close the connection")

    def close(self):
        try:
            self.loop.run(self.ws.close(), 5)
        except Exception:
            pass


def apply_patch(doc, ops):
    """RFC 6902 add/remove/replace, enough for the view's patches."""


    doc = copy.deepcopy(doc)
    for op in ops:
        path = op["path"]
        tokens = [] if path == "" else [t.replace("~1", "/").replace("~0", "~") for t in path[1:].split("/")]
        if not tokens:
            doc = copy.deepcopy(op.get("value"))
            continue
        parent = doc
        for t in tokens[:-1]:
            parent = parent[int(t)] if isinstance(parent, list) else parent[t]
        last = tokens[-1]
        if isinstance(parent, list):
            if op["op"] == "add":
                parent.insert(len(parent) if last == "-" else int(last), copy.deepcopy(op["value"]))
            elif op["op"] == "remove":
                del parent[int(last)]
            else:
                parent[int(last)] = copy.deepcopy(op["value"])
        else:
            if op["op"] == "remove":
                del parent[last]
            elif op["op"] == "replace":
                assert last in parent, f"replace of missing member {path}"
                parent[last] = copy.deepcopy(op["value"])
            else:
                parent[last] = copy.deepcopy(op["value"])
    return doc
