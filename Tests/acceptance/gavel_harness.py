"""Harness for the acceptance tests: a real gaveld (built in $GAVEL_BIN) on 127.0.0.1:0 with a
temporary data dir, tokens from the real `gavel token issue`, and real WebSocket clients
(gavel_client)."""

import os
import pathlib
import signal
import socket
import subprocess
import threading

from gavel_client import Client, Closed, Loop, apply_patch  # noqa: F401 (re-exported)

BIN = pathlib.Path(os.environ.get("GAVEL_BIN", ".build/debug")).resolve()
REPO = pathlib.Path(__file__).resolve().parents[2]


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
        args = [str(BIN / "gavel"), "token", "issue", "--data", str(self.data), "--committee", committee,
                "--role", role]
        if seat:
            args += ["--seat", seat]
        out = subprocess.run(args, capture_output=True, text=True, timeout=20)
        assert out.returncode == 0, f"token issue failed: {out.stderr}"
        return out.stdout.strip()

    def revoke(self, token, committee="disec"):
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
