"""Online backup and restore with the CLI (issue 11): `gavel backup FILE DEST` beside a gaveld
that is committing all the time (SQLite's backup API, never `cp`), each copy verified and
holding every event acknowledged before it began; then the host loses its file, `gavel restore`
puts a copy back, and the committee continues from it."""

import json
import subprocess
import threading

from gavel_harness import BIN, committee_toml

DISEC = committee_toml("disec", "First Committee", "ga_committee")


def gavel(*args):
    return subprocess.run([str(BIN / "gavel"), *map(str, args)], capture_output=True, text=True, timeout=60)


def test_backup_beside_a_live_writer_and_restore(hosts, tmp_path):
    server = hosts("live", {"disec": DISEC})
    chair, _ = server.join("chair")
    acked = []
    stop = threading.Event()

    def write():
        i = 0
        while not stop.is_set():
            acked.append(chair.ok("agenda.set", {"topic": f"Live topic {i}"})["seq"])
            i += 1
            stop.wait(0.06)  # pacing under the rate limit

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    copies = []
    try:
        for round in range(4):
            before = acked[-1] if acked else 0
            dest = tmp_path / f"disec-{round}.gavel"
            out = gavel("backup", server.data / "disec.gavel", dest)
            assert out.returncode == 0, out.stderr
            through = int(out.stdout.rsplit("seq ", 1)[1])
            assert through >= before, f"round {round}: copy ends at {through}, {before} was acknowledged"
            verify = gavel("verify", dest)
            assert verify.returncode == 0, verify.stdout + verify.stderr
            copies.append((dest, through))
    finally:
        stop.set()
        writer.join(10)
    assert copies[-1][1] > copies[0][1], "the writer kept committing while the copies were taken"

    # An existing destination is never overwritten.
    again = gavel("backup", server.data / "disec.gavel", copies[0][0])
    assert again.returncode == 1 and "already exists" in again.stderr

    # The host loses its file; the last copy comes back while gaveld is stopped.
    assert server.stop() == 0
    chair.close()
    (server.data / "disec.gavel").unlink()
    dest, through = copies[-1]
    out = gavel("restore", dest, server.data / "disec.gavel")
    assert out.returncode == 0, out.stderr
    server.start()
    assert json.loads(server.http("/healthz")[2])["seq"]["disec"] == through
    back = server.client()
    back.hello(chair.token, "disec")
    assert back.ok("agenda.set", {"topic": "After the restore"})["seq"] == through + 1
    back.close()


def test_restore_refuses_a_damaged_backup(hosts, tmp_path):
    server = hosts("src", {"disec": DISEC})
    chair, _ = server.join("chair")
    for i in range(3):
        chair.ok("agenda.set", {"topic": f"Topic {i}"})
    chair.close()
    copy = tmp_path / "copy.gavel"
    assert gavel("backup", server.data / "disec.gavel", copy).returncode == 0
    db = __import__("sqlite3").connect(str(copy))
    with db:  # an attacker edits a committed event (the triggers that forbid it go first)
        db.execute("DROP TRIGGER events_no_update")
        db.execute("UPDATE events SET payload = replace(payload, 'Topic 1', 'Topic X')")
    db.close()
    out = gavel("restore", copy, tmp_path / "restored.gavel")
    assert out.returncode == 1 and "does not verify" in out.stderr
    assert not (tmp_path / "restored.gavel").exists()
