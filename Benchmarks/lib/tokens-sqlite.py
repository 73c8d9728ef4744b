"""Stand-in for `gavel token issue` while the CLI is not built: writes the chair's and every
seat's credential row (SHA-256 of the token, as GavelStore stores it) into DATA/bench.gavel in
one transaction, and prints "CODE TOKEN" lines. Usage: tokens-sqlite.py DATA_FILE N"""
import hashlib
import secrets
import sqlite3
import sys
import time

path, n = sys.argv[1], int(sys.argv[2])
rows, out = [], []
now = int(time.time() * 1000)
for code in ["chair"] + [f"S{i:04d}" for i in range(1, n + 1)]:
    token = secrets.token_urlsafe(32)
    role, seat = ("chair", None) if code == "chair" else ("delegate", code)
    rows.append((hashlib.sha256(token.encode()).digest(), role, seat, "bench", now))
    out.append(f"{code} {token}")
db = sqlite3.connect(path, timeout=30)
with db:
    db.executemany("INSERT INTO credentials (token_hash, role, seat, label, issued_at) VALUES (?, ?, ?, ?, ?)", rows)
db.close()
print("\n".join(out))
