"""Describes the machine and the software under test, as JSON for report.py: CPU, cores,
memory, kernel, load at the start (a busy machine skews every figure), and versions."""
import json
import os
import platform
import subprocess
import sys
import time


def out(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def mem_gib():
    with open("/proc/meminfo") as f:
        kb = int(f.readline().split()[1])
    return round(kb / 1024 / 1024, 1)


def source():
    """The commit measured, and whether the working tree differed from it."""
    commit = out("git", "rev-parse", "--short=12", "HEAD")
    if not commit:
        return ""
    changed = out("git", "status", "--porcelain", "--untracked-files=no")
    return commit + (" with local changes" if changed else "")


mode, gen_cpu, srv_cpu, bin_dir = sys.argv[1:5]
ws_version = out("/usr/bin/python3", "-c", "import websockets; print(websockets.__version__)")
node_ws = out("dpkg-query", "-W", "-f=${Version}", "node-ws")
print(json.dumps({
    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    "mode": mode,
    "cpu": cpu_model(),
    "cores": os.cpu_count(),
    "memory_gib": mem_gib(),
    "kernel": platform.release(),
    "os": out("sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"),
    "load_at_start": os.getloadavg()[0],
    "generator_cpu": int(gen_cpu),
    "server_cpu": int(srv_cpu),
    "versions": {
        "swift": out("swift", "--version").splitlines()[0] if out("swift", "--version") else "",
        "libwebsockets": out("pkg-config", "--modversion", "libwebsockets"),
        "sqlite": out("sqlite3", "--version").split(" ")[0],
        "node": out("node", "--version"),
        "node-ws": node_ws,
        "python": out("/usr/bin/python3", "--version"),
        "python3-websockets": ws_version,
        "gcc": out("cc", "-dumpversion"),
    },
    "gaveld": os.path.exists(os.path.join(bin_dir, "gaveld")),
    "source": source(),
}))
