// The one connection every screen shares. Owns: hello/resume with the last applied seq, gap-free
// event application, reconnect with exponential backoff and jitter, the server clock offset, and
// exactly-once commands (client ids, re-sent unchanged after a resume until acked or rejected).
import { applyPatch } from './patch.js';

// Close codes after which reconnecting cannot help (4409: this token was opened elsewhere;
// reconnecting would only push that newer screen off). 4408 (too slow) does resume.
const FATAL = {
  4400: 'protocol error', 4401: 'token unknown or revoked', 4403: 'role not allowed here',
  4404: 'unknown committee', 4409: 'this token was opened on another screen',
};

/** Reads `#token=…&committee=…` (never sent to the server in a URL). */
export function readFragment(hash = location.hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  return { token: p.get('token') || '', committee: p.get('committee') || null };
}

/** Without `committee=` in the fragment: the server's only committee if it has one, else `unsc`. */
async function defaultCommittee() {
  try {
    const health = await (await fetch('/healthz', { cache: 'no-store' })).json();
    const list = Array.isArray(health.committees) ? health.committees.map((c) => (typeof c === 'string' ? c : c.id))
      : Object.keys(health.committees ?? {});
    if (list.length === 1 && list[0]) return list[0];
  } catch { /* not fatal: fall back to the default */ }
  return 'unsc';
}

export class GavelClient extends EventTarget {
  constructor({ token, committee, url } = readFragment()) {
    super();
    this.token = token;
    this.committee = committee;
    this.url = url || `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
    this.state = null;
    this.seq = 0;
    this.role = null;
    this.seat = null;
    this.clockOffset = 0;
    this.status = { kind: 'connecting' };
    this.pending = new Map(); // id → {frame, resolve, reject}
    this.counter = 0;
    this.prefix = `c-${Math.random().toString(36).slice(2, 10)}`;
    this.attempt = 0;
    this.ws = null;
    this.retryTimer = null;
  }

  /** Milliseconds since the epoch on the server's clock. */
  serverNow() { return Date.now() + this.clockOffset; }

  start() {
    // A new token or committee in the fragment means a new identity: start clean.
    window.addEventListener('hashchange', () => location.reload());
    if (this.committee) this.connect();
    else defaultCommittee().then((c) => { this.committee = c; this.connect(); });
    return this;
  }

  setStatus(status) {
    this.status = status;
    this.dispatchEvent(new CustomEvent('status', { detail: status }));
  }

  connect() {
    clearTimeout(this.retryTimer);
    if (!this.token) { this.setStatus({ kind: 'offline', reason: 'no token in the URL (#token=…)' }); return; }
    this.setStatus({ kind: 'connecting' });
    let ws;
    try { ws = new WebSocket(this.url.replace(/\/ws$/, `/ws/${encodeURIComponent(this.committee)}`), 'gavel.v1'); } catch (e) { this.scheduleRetry(); return; }
    this.ws = ws;
    ws.onopen = () => {
      const hello = { type: 'hello', token: this.token, committee: this.committee };
      if (this.state) hello.after = this.seq;
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (m) => this.receive(ws, m.data);
    ws.onclose = (e) => this.closed(ws, e.code);
  }

  closed(ws, code) {
    if (ws !== this.ws) return;
    this.ws = null;
    if (FATAL[code]) {
      this.setStatus({ kind: 'offline', reason: FATAL[code], code });
      for (const id of [...this.pending.keys()]) {
        this.settle(id, (p) => p.reject(Object.assign(new Error(`Not sent: ${FATAL[code]}.`), { code: 'offline' })));
      }
      return;
    }
    this.scheduleRetry();
  }

  scheduleRetry() {
    // Full jitter keeps a hall of phones from reconnecting in lockstep after a restart.
    const cap = Math.min(15000, 500 * 2 ** this.attempt);
    const delay = 250 + Math.floor(Math.random() * cap);
    this.attempt += 1;
    this.setStatus({ kind: 'reconnecting', at: Date.now() + delay });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  receive(ws, text) {
    let msg;
    try { msg = JSON.parse(text); } catch { return; }
    switch (msg.type) {
      case 'welcome': return this.welcome(ws, msg);
      case 'event': return this.event(ws, msg);
      case 'ack': return this.settle(msg.id, (p) => p.resolve(msg));
      case 'reject': return this.settle(msg.id, (p) => p.reject(Object.assign(new Error(msg.message), { code: msg.code })));
      case 'error': this.dispatchEvent(new CustomEvent('servererror', { detail: msg })); return;
      default: return;
    }
  }

  welcome(ws, msg) {
    this.clockOffset = (msg.serverTime ?? Date.now()) - Date.now();
    this.role = msg.role;
    this.seat = msg.seat ?? null;
    if (!msg.resumed || !this.state) {
      this.state = msg.state ?? {};
    }
    this.seq = msg.seq;
    this.attempt = 0;
    this.setStatus({ kind: 'live' });
    this.dispatchEvent(new CustomEvent('welcome', { detail: msg }));
    this.changed(null);
    // Commands that were never answered are re-sent with their ids: the server dedupes them.
    for (const p of this.pending.values()) ws.send(p.frame);
  }

  event(ws, msg) {
    if (msg.seq <= this.seq) return; // already applied (duplicate after a resume)
    if (msg.seq !== this.seq + 1) { ws.close(); return; } // a gap: resume from what we have
    try {
      this.state = applyPatch(this.state, msg.patch || []);
    } catch (e) {
      // Our copy diverged: drop it and take a fresh welcome.
      this.state = null;
      ws.close();
      return;
    }
    this.seq = msg.seq;
    this.changed(msg);
  }

  changed(event) {
    this.dispatchEvent(new CustomEvent('state', { detail: { state: this.state, event } }));
  }

  settle(id, fn) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    fn(p);
  }

  /** Sends a command; resolves with the ack, rejects with an Error carrying `code`. */
  send(name, args = {}) {
    this.counter += 1;
    const id = `${this.prefix}-${this.counter}`;
    const frame = JSON.stringify({ type: 'command', id, name, args });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { frame, resolve, reject });
      if (this.ws && this.status.kind === 'live') this.ws.send(frame);
    });
  }
}
