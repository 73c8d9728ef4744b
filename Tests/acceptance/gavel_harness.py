"""Harness for the acceptance tests: a real gaveld (built in $GAVEL_BIN) on 127.0.0.1:0 with a
temporary data dir, tokens from the real `gavel token issue`, and real WebSocket clients
(Debian's python3-websockets 10.4, which has no sync client: one asyncio loop runs in a
background thread and the Client methods block on it)."""

import asyncio
import json
import os
import pathlib
import signal
import socket
import subprocess
import threading
import time

import websockets

BIN = pathlib.Path(os.environ.get("GAVEL_BIN", ".build/debug")).resolve()
REPO = pathlib.Path(__file__).resolve().parents[2]


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
    import copy

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


SEATS = [
    # code, name, kind, veto
    ("BRA", "Brazil", "member", False),
    ("CHN", "China", "member", True),
    ("FRA", "France", "member", True),
    ("GHA", "Ghana", "member", False),
    ("IND", "India", "member", False),
    ("TJK", "Tajikistan", "participant", False),
]


def committee_toml(cid, name, body, seats=SEATS, topic="The situation in Tajikistan"):
    lines = [f'id = "{cid}"', f'name = "{name}"', f'body = "{body}"', f'topic = "{topic}"', ""]
    for code, sname, kind, veto in seats:
        lines += ["[[seats]]", f'code = "{code}"', f'name = "{sname}"', f'kind = "{kind}"',
                  f"veto = {'true' if veto else 'false'}", ""]
    return "\n".join(lines)


_CLI = {}


def cli_has_tokens():
    """Whether `gavel token` is built (the stand-in below is used until it is)."""
    if "ok" not in _CLI:
        try:
            out = subprocess.run([str(BIN / "gavel"), "token", "issue", "--help"], capture_output=True, text=True,
                                 timeout=20)
            _CLI["ok"] = out.returncode == 0 and "--committee" in out.stdout + out.stderr
        except OSError:
            _CLI["ok"] = False
    return _CLI["ok"]


class Gaveld:
    """A real gaveld process with its own config and data directory."""

    def __init__(self, root, limits=None, committees=None):
        self.root = pathlib.Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.data = self.root / "data"
        self.config = self.root / "gaveld.toml"
        self.proc = None
        self.port = None
        self.committees = committees or {
            "disec": committee_toml("disec", "First Committee", "ga_committee"),
            "unsc": committee_toml("unsc", "Security Council", "security_council"),
        }
        for cid, text in self.committees.items():
            (self.root / f"{cid}.toml").write_text(text)
        limit_lines = "\n".join(f"{k} = {v}" for k, v in (limits or {}).items())
        files = ", ".join(f'"{cid}.toml"' for cid in self.committees)
        self.config.write_text(
            f'listen = "127.0.0.1:0"\ndata_dir = "{self.data}"\nlog_level = "warning"\n'
            f"committees = [{files}]\n\n[limits]\n{limit_lines}\n")
        self.stderr_path = self.root / "gaveld.stderr"

    def start(self, timeout=20):
        self.stderr = open(self.stderr_path, "ab")
        self.proc = subprocess.Popen(
            [str(BIN / "gaveld"), "--config", str(self.config), "--listen", "127.0.0.1:0", "--data", str(self.data)],
            stdout=subprocess.PIPE, stderr=self.stderr, cwd=str(REPO))
        line = self._readline(timeout)
        prefix = "gaveld listening on http://127.0.0.1:"
        assert line.startswith(prefix), f"unexpected ready line {line!r}; stderr: {self.stderr_text()}"
        self.port = int(line[len(prefix):].strip())
        return self

    def _readline(self, timeout):
        result = []
        reader = threading.Thread(target=lambda: result.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not result:
            self.proc.kill()
            raise TimeoutError(f"gaveld did not print its ready line; stderr: {self.stderr_text()}")
        return result[0].decode()

    def stderr_text(self):
        try:
            return self.stderr_path.read_text()
        except OSError:
            return ""

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        self.stderr.close()
        return code

    def url(self, path="/ws"):
        return f"ws://127.0.0.1:{self.port}{path}"

    def client(self, path="/ws", **kw):
        return Client(self.url(path), **kw)

    def token(self, role, committee="disec", seat=None):
        if not cli_has_tokens():
            return self._sqlite_token(role, committee, seat)
        args = [str(BIN / "gavel"), "token", "issue", "--data", str(self.data), "--committee", committee,
                "--role", role]
        if seat:
            args += ["--seat", seat]
        out = subprocess.run(args, capture_output=True, text=True, timeout=20)
        assert out.returncode == 0, f"token issue failed: {out.stderr}"
        return out.stdout.strip()

    def _sqlite_token(self, role, committee, seat):
        """Test-only stand-in for `gavel token issue` while the CLI is not built: writes the
        credential row (SHA-256 of the token) the way GavelStore does."""
        import hashlib
        import secrets
        import sqlite3

        token = secrets.token_urlsafe(32)
        db = sqlite3.connect(str(self.data / f"{committee}.gavel"), timeout=10)
        with db:
            db.execute("INSERT INTO credentials (token_hash, role, seat, label, issued_at) VALUES (?, ?, ?, ?, ?)",
                       (hashlib.sha256(token.encode()).digest(), role, seat, "test", int(time.time() * 1000)))
        db.close()
        return token

    def revoke(self, token, committee="disec"):
        if not cli_has_tokens():
            import hashlib
            import sqlite3

            db = sqlite3.connect(str(self.data / f"{committee}.gavel"), timeout=10)
            with db:
                db.execute("UPDATE credentials SET revoked_at = ? WHERE token_hash = ?",
                           (int(time.time() * 1000), hashlib.sha256(token.encode()).digest()))
            db.close()
            return
        out = subprocess.run(
            [str(BIN / "gavel"), "token", "revoke", "--data", str(self.data), "--committee", committee,
             "--token", token], capture_output=True, text=True, timeout=20)
        assert out.returncode == 0, f"token revoke failed: {out.stderr}"

    def join(self, role, committee="disec", seat=None, after=None, path="/ws"):
        """A client that said hello; returns (client, welcome)."""
        token = self.token(role, committee, seat)
        c = self.client(path)
        c.token = token
        return c, c.hello(token, committee, after)

    def http(self, path):
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=5) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
