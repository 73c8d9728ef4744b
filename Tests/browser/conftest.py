import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import harness  # noqa: E402


@pytest.fixture
def gaveld():
    root = harness.temp_root()
    server = harness.Gaveld(root).start()
    try:
        yield server
    finally:
        server.stop()
        harness.remove_root(root)


@pytest.fixture
def browser():
    driver = harness.chromium()
    try:
        yield driver
    finally:
        driver.quit()
