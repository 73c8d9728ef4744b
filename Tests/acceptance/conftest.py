import pytest

from gavel_harness import Gaveld


@pytest.fixture(scope="module")
def gaveld(tmp_path_factory):
    """One daemon per test module (fast); tests that restart it make their own."""
    server = Gaveld(tmp_path_factory.mktemp("gaveld"), limits={"hello_timeout_ms": 1500}).start()
    yield server
    server.stop()


@pytest.fixture
def fresh_gaveld(tmp_path):
    servers = []

    def make(**kw):
        server = Gaveld(tmp_path / f"g{len(servers)}", **kw)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
