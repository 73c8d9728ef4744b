"""Routing by committee (issue 11): two gaveld hosts with different committees behind nginx on
loopback (TLS terminated by nginx, deploy/nginx-gavel-routes.conf). Clients of each committee
reach its host through /ws/COMMITTEE; a committee moved to the other host (stop, move the file,
start, change its map line, reload nginx) continues from its log, and its clients resume."""

import json
import re
import shutil

import pytest

from gavel_harness import REPO, Client, Closed, committee_toml
from router import Router, nginx_missing_reason

pytestmark = pytest.mark.skipif(nginx_missing_reason() is not None, reason=str(nginx_missing_reason()))

DISEC = committee_toml("disec", "First Committee", "ga_committee")
UNSC = committee_toml("unsc", "Security Council", "security_council")


@pytest.fixture
def router(tmp_path):
    r = Router(tmp_path / "nginx")
    yield r
    r.stop()


def join(router, server, committee, role="chair", after=None):
    """A client through the router on /ws/COMMITTEE with a token issued on `server`'s files."""
    token = server.token(role, committee)
    client = Client(router.url(f"/ws/{committee}"))
    client.token = token
    return client, client.hello(token, committee, after)


def healthz(server):
    return json.loads(server.http("/healthz")[2])


def test_each_committee_reaches_its_host(hosts, router):
    a = hosts("a", {"disec": DISEC})
    b = hosts("b", {"unsc": UNSC})
    router.route({"gavel": a.port, "gavel_b": b.port}, {"disec": "gavel", "unsc": "gavel_b"})

    disec, welcome_a = join(router, a, "disec")
    unsc, welcome_b = join(router, b, "unsc")
    assert welcome_a["type"] == welcome_b["type"] == "welcome"
    seq_a = disec.ok("agenda.set", {"topic": "Cyber norms"})["seq"]
    seq_b = unsc.ok("agenda.set", {"topic": "Peacekeeping mandates"})["seq"]
    # Each command was committed by the host that holds the committee, and only there.
    assert healthz(a)["seq"] == {"disec": seq_a}
    assert healthz(b)["seq"] == {"unsc": seq_b}

    # A path that names one committee and a hello that names another is refused by gaveld (4404):
    # the router cannot be used to reach a committee through another committee's route.
    other = Client(router.url("/ws/disec"))
    other.send({"type": "hello", "token": unsc.token, "committee": "unsc"})
    with pytest.raises(Closed) as closed:
        other.until(lambda f: f["type"] == "welcome")
    assert closed.value.code == 4404

    # The web clients come through the same TLS front, and build /ws/COMMITTEE themselves.
    status, page = router.http("/delegate")
    assert status == 200 and "<html" in page.lower()
    script = router.http("/js/gavel-client.js")[1]
    assert re.search(r"/ws/\$\{encodeURIComponent\(this\.committee\)\}", script)
    for c in (disec, unsc, other):
        c.close()


def test_a_moved_committee_continues_from_its_log(hosts, router, tmp_path):
    a = hosts("a", {"disec": DISEC})
    b = hosts("b", {"unsc": UNSC})
    router.route({"gavel": a.port, "gavel_b": b.port}, {"disec": "gavel", "unsc": "gavel_b"})
    display, welcome = join(router, b, "unsc", role="display")
    chair, _ = join(router, b, "unsc")
    acked = [chair.ok("agenda.set", {"topic": f"Topic {i}"})["seq"] for i in range(5)]
    display.wait_event(acked[-1])

    # Move unsc from b to a: stop it, move the file, restart a with unsc added, re-route, reload.
    assert b.stop() == 0
    for c in (display, chair):
        c.close()
    assert not (b.data / "unsc.gavel-wal").exists(), "a clean stop leaves no WAL behind"
    shutil.move(str(b.data / "unsc.gavel"), str(a.data / "unsc.gavel"))
    assert a.stop() == 0
    a = hosts("a", {"disec": DISEC, "unsc": UNSC})  # same folder and data dir, one more committee
    router.route({"gavel": a.port}, {"disec": "gavel", "unsc": "gavel"})
    assert healthz(a)["seq"]["unsc"] == acked[-1]

    # The display resumes from an event it had applied, with the token issued on b (credentials
    # live in the committee file, so they moved with it): the missed events come from the log.
    resumed = Client(router.url("/ws/unsc"))
    back = resumed.hello(display.token, "unsc", after=acked[1])
    if back.get("resumed"):
        resumed.wait_event(acked[-1])
        assert [f["seq"] for f in resumed.events()] == list(range(acked[1] + 1, acked[-1] + 1))
    else:
        assert back["seq"] == acked[-1] and "state" in back
    # The chair continues the same log: the next seq follows the moved file's last one.
    chair2 = Client(router.url("/ws/unsc"))
    chair2.hello(chair.token, "unsc")
    next_seq = chair2.ok("agenda.set", {"topic": "After the move"})["seq"]
    assert next_seq == acked[-1] + 1
    resumed.wait_event(next_seq)
    assert resumed.events()[-1]["seq"] == next_seq
    for c in (resumed, chair2):
        c.close()


def test_the_shipped_nginx_config_passes_nginx_t(router, tmp_path):
    """deploy/nginx-gavel.conf as an operator installs it, with this test's certificate."""
    conf = (REPO / "deploy" / "nginx-gavel.conf").read_text()
    conf = conf.replace("/etc/letsencrypt/live/gavel.example.org/fullchain.pem", str(router.cert))
    conf = conf.replace("/etc/letsencrypt/live/gavel.example.org/privkey.pem", str(router.key))
    (router.root / "conf.d").mkdir()
    (router.root / "conf.d" / "gavel.conf").write_text(conf)
    main = router.root / "check.conf"
    main.write_text(f"pid {router.root}/check.pid;\nerror_log {router.root}/check.log;\nevents {{}}\n"
                    f"http {{ include conf.d/gavel.conf; }}\n")
    import subprocess

    from router import NGINX

    out = subprocess.run([NGINX, "-t", "-p", f"{router.root}/", "-c", str(main)], capture_output=True, text=True,
                         timeout=30)
    assert out.returncode == 0, out.stderr
    assert "test is successful" in out.stderr
