// The Node.js peer: the broadcast relay a user would write with the `ws` package (Debian
// node-ws). Same message pattern as gaveld: a command frame in, one event frame to every
// connection, then an ack to the sender. Nothing is authenticated or persisted.
// Run: NODE_PATH=/usr/share/nodejs node relay-node.js PORT
'use strict';
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 0);
const wss = new WebSocketServer({ host: '127.0.0.1', port, path: '/ws', perMessageDeflate: false });
let seq = 0;

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    let m;
    try { m = JSON.parse(data); } catch { ws.send('{"type":"error","code":"bad_json"}'); return; }
    if (m.type === 'hello') {
      ws.send(JSON.stringify({ type: 'welcome', protocol: 1, committee: m.committee, seq, resumed: false }));
      return;
    }
    if (m.type !== 'command') return;
    seq += 1;
    const frame = JSON.stringify({
      type: 'event', seq, at: Date.now(), name: m.name, data: m.args,
      patch: [{ op: 'replace', path: '/last', value: { id: m.id, name: m.name, args: m.args } }],
    });
    for (const c of wss.clients) if (c.readyState === 1) c.send(frame);
    ws.send(JSON.stringify({ type: 'ack', id: m.id, seq }));
  });
});

wss.on('listening', () => {
  process.stdout.write(`relay listening on http://127.0.0.1:${wss.address().port}\n`);
});
