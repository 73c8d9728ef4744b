"""Hostile clients, faults and soak against a real gaveld. Reuses the acceptance harness
(Tests/acceptance/gavel_harness.py) and the raw RFC 6455 client (Tests/conformance/wsraw.py)
rather than copying them. GAVEL_LONG_TESTS=1 runs the long variants (docs/hardening.md)."""
import os
import pathlib
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "acceptance"))
sys.path.insert(0, str(HERE.parent / "conformance"))

from gavel_harness import Gaveld  # noqa: E402

LONG = os.environ.get("GAVEL_LONG_TESTS") == "1"


@pytest.fixture
def fresh_gaveld(tmp_path):
    servers = []

    def make(**kw):
        server = Gaveld(tmp_path / f"g{len(servers)}", **kw)
        servers.append(server)
        return server

    yield make
    for server in servers:
        try:
            server.stop()
        except Exception:
            pass


@pytest.fixture(scope="module")
def gaveld(tmp_path_factory):
    server = Gaveld(tmp_path_factory.mktemp("hostile"), limits={"hello_timeout_ms": 2000}).start()
    yield server
    server.stop()
