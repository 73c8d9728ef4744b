"""Cluster tests: several real gaveld processes (Tests/acceptance/gavel_harness.py) behind a real
nginx on loopback, and Litestream replicating their files. Each tool that is missing skips its
tests with a printed reason; nothing is faked."""

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "acceptance"))

from gavel_harness import Gaveld  # noqa: E402


@pytest.fixture
def hosts(tmp_path):
    """make(name, committees) → a started Gaveld in tmp_path/name (start=False: configured only);
    all stopped at the end. Making the same name again reuses its folder and data."""
    started = []

    def make(name, committees, store=None, start=True):
        server = Gaveld(tmp_path / name, committees=committees)
        if store:
            server.config.write_text(server.config.read_text() + "\n[store]\n" +
                                     "".join(f"{k} = {v}\n" for k, v in store.items()))
        started.append(server)
        return server.start() if start else server

    yield make
    for server in started:
        server.stop()
