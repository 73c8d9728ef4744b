"""The clock jumps (issue 10): timers run on the monotonic clock, events keep the wall time.
gaveld runs under an LD_PRELOAD shim (clockshift.c) that steps only ITS wall clock; the
machine's clock is never touched. A one-hour step forward must not end a running speech early,
a step back must not hold it open, and the events' times follow the (stepped) wall clock without
ever going backwards in the log."""
import os
import pathlib
import sqlite3
import subprocess
import time

import pytest

HERE = pathlib.Path(__file__).resolve().parent
HOUR_MS = 3_600_000


@pytest.fixture
def shifted_gaveld(fresh_gaveld, tmp_path):
    shim = tmp_path / "clockshift.so"
    out = subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(shim), str(HERE / "clockshift.c"), "-ldl"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip(f"cannot build the clock shim: {out.stderr.strip()}")
    shift = tmp_path / "shift-ms"
    shift.write_text("0")
    os.environ["LD_PRELOAD"] = str(shim)
    os.environ["GAVEL_CLOCK_SHIFT_FILE"] = str(shift)
    try:
        server = fresh_gaveld().start()  # the daemon inherits the shim; nothing else does
    finally:
        del os.environ["LD_PRELOAD"]
        del os.environ["GAVEL_CLOCK_SHIFT_FILE"]
    return server, shift


def speech(server, chair, seat, ms):
    chair.ok("speakers.setTime", {"ms": ms})
    delegate, _ = server.join("delegate", seat=seat)
    delegate.ok("speakers.add")
    started = time.monotonic()
    ack = chair.ok("speakers.next")
    return started, ack["seq"]


def wait_speech_end(chair, after_seq, timeout):
    return chair.until(lambda f: f["type"] == "event" and f["seq"] > after_seq and f["name"] == "speechEnded",
                       timeout=timeout)


@pytest.mark.parametrize("step_ms", [HOUR_MS, -HOUR_MS], ids=["forward", "back"])
def test_a_clock_step_neither_shortens_nor_stretches_a_speech(shifted_gaveld, step_ms):
    server, shift = shifted_gaveld
    chair, _ = server.join("chair")
    chair.ok("session.open")
    for seat in ("BRA", "CHN", "FRA"):
        chair.ok("attendance.mark", {"seat": seat, "status": "present"})
    started, seq = speech(server, chair, "FRA", 3000)

    shift.write_text(str(step_ms))
    # Any batch re-arms the timers; with wall-clock arming this is where a forward step fired
    # the expiry at once and a backward step postponed it by an hour.
    bra, _ = server.join("delegate", seat="BRA")
    bra.ok("speakers.add")
    ended = wait_speech_end(chair, seq, timeout=10)
    elapsed = time.monotonic() - started
    assert 2.8 <= elapsed < 6, f"the 3 s speech ended after {elapsed:.1f} s"
    assert ended["data"]["reason"] == "expired"

    db = sqlite3.connect(f"file:{server.data / 'disec.gavel'}?mode=ro", uri=True)
    ats = [at for (at,) in db.execute("SELECT at FROM events ORDER BY seq")]
    db.close()
    assert ats == sorted(ats), "event times went backwards in the log"
    wall_now = int(time.time() * 1000) + step_ms
    if step_ms > 0:
        # Events keep the (stepped) wall time.
        assert abs(ended["at"] - wall_now) < 60_000
    else:
        # A step back: the expiry is stamped no earlier than the events before it.
        assert ended["at"] >= ats[-2]
