"""The Python peer: the broadcast relay a user would write with `websockets` (Debian
python3-websockets, run with /usr/bin/python3). Same message pattern as gaveld: a command frame
in, one event frame to every connection, then an ack to the sender. Nothing is authenticated or
persisted. Run: /usr/bin/python3 relay-python.py PORT"""
import asyncio
import json
import sys
import time

import websockets

clients = set()
seq = 0


async def handle(ws, path=None):
    global seq
    clients.add(ws)
    try:
        async for data in ws:
            try:
                m = json.loads(data)
            except ValueError:
                await ws.send('{"type":"error","code":"bad_json"}')
                continue
            if m.get("type") == "hello":
                await ws.send(json.dumps({"type": "welcome", "protocol": 1,
                                          "committee": m.get("committee"), "seq": seq,
                                          "resumed": False}))
                continue
            if m.get("type") != "command":
                continue
            seq += 1
            frame = json.dumps({
                "type": "event", "seq": seq, "at": int(time.time() * 1000), "name": m["name"],
                "data": m.get("args"),
                "patch": [{"op": "replace", "path": "/last",
                           "value": {"id": m["id"], "name": m["name"], "args": m.get("args")}}],
            })
            websockets.broadcast(clients, frame)
            await ws.send(json.dumps({"type": "ack", "id": m["id"], "seq": seq}))
    finally:
        clients.discard(ws)


async def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    async with websockets.serve(handle, "127.0.0.1", port, compression=None,
                                max_queue=None, ping_interval=None) as server:
        real = server.sockets[0].getsockname()[1]
        print(f"relay listening on http://127.0.0.1:{real}", flush=True)
        await asyncio.Future()


asyncio.run(main())
