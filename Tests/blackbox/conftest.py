"""Black-box acceptance suite written from shared/protocol.md and shared/rules.md only: a real
gaveld over real WebSockets and the real `gavel` CLI. Reuses Tests/acceptance/gavel_harness.py."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "acceptance"))

from gavel_harness import REPO, Gaveld, committee_toml  # noqa: E402

# Generous flood limits: these tests drive whole sessions quickly from one credential.
LIMITS = {"commands_per_second": 5000, "command_burst": 10000, "hello_timeout_ms": 1500}

SC_SEATS = [
    ("BRA", "Brazil", "member", False), ("CHN", "China", "member", True),
    ("FRA", "France", "member", True), ("GBR", "United Kingdom", "member", True),
    ("RUS", "Russian Federation", "member", True), ("USA", "United States", "member", True),
    ("GHA", "Ghana", "member", False), ("IND", "India", "member", False),
    ("JPN", "Japan", "member", False), ("KEN", "Kenya", "member", False),
    ("MEX", "Mexico", "member", False), ("NOR", "Norway", "member", False),
    ("PAK", "Pakistan", "member", False), ("SEN", "Senegal", "member", False),
    ("VNM", "Viet Nam", "member", False),
    ("TJK", "Tajikistan", "participant", False), ("CIS", "Commonwealth of Independent States", "invitee", False),
]
GA_SEATS = [
    ("BRA", "Brazil", "member", False), ("CHN", "China", "member", True),
    ("FRA", "France", "member", False), ("GHA", "Ghana", "member", False),
    ("IND", "India", "member", False), ("VAT", "Holy See", "observer", False),
]


def committees():
    return {
        "ga": committee_toml("ga", "First Committee", "ga_committee", seats=GA_SEATS, topic="Disarmament"),
        "sc": committee_toml("sc", "Security Council", "security_council", seats=SC_SEATS,
                             topic="The situation in Tajikistan"),
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One daemon per module hosting a GA committee `ga` and a Security Council `sc`."""
    s = Gaveld(tmp_path_factory.mktemp("bb"), limits=LIMITS, committees=committees()).start()
    yield s
    s.stop()


@pytest.fixture
def fresh(tmp_path):
    """Factory of daemons owned by one test (for restarts, kills and config edits)."""
    made = []

    def make(limits=None, committees_=None):
        s = Gaveld(tmp_path / f"g{len(made)}", limits={**LIMITS, **(limits or {})},
                   committees=committees_ or committees())
        made.append(s)
        return s

    yield make
    for s in made:
        try:
            s.stop()
        except Exception:
            pass
