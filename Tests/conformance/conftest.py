"""Starts the servers under test: the GavelWire echo executable and a real gaveld."""
import os
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, os.environ.get("GAVEL_BIN", ".build/debug"))


@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    ws_path: str


def start(argv, ws_path):
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if "listening on http://" not in line:
        proc.kill()
        raise RuntimeError(f"{argv[0]} did not start: {line!r}")
    port = int(line.strip().rsplit(":", 1)[1].rstrip("/"))
    return Server(proc, port, ws_path)


def stop(server):
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()


@pytest.fixture(scope="module")
def echo_server():
    server = start([os.path.join(BIN, "wire-echo")], "/ws")
    yield server
    stop(server)


@pytest.fixture(scope="module")
def gaveld_server():
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "gaveld.toml")
        with open(config, "w") as f:
            f.write(textwrap.dedent(f"""\
                listen = "127.0.0.1:0"
                data_dir = "{tmp}/data"
                web_root = "{ROOT}/web"
                committees = ["{ROOT}/Config/committees/unsc.toml"]
                """))
        server = start([os.path.join(BIN, "gaveld"), "--config", config], "/ws")
        yield server
        stop(server)


@pytest.fixture(scope="module", params=["wire-echo", "gaveld"])
def any_server(request):
    return request.getfixturevalue("echo_server" if request.param == "wire-echo" else "gaveld_server")
