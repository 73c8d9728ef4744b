// Renders server timers. Owns: no countdown state of its own — remaining time is always
// computed from the server's `startedAt`, `elapsedMs`, `running` and the clock offset.

/** Milliseconds used so far by a server timer at server time `now`. */
export function usedMs(t, now) {
  if (!t) return 0;
  return (t.elapsedMs ?? 0) + (t.running && t.startedAt ? Math.max(0, now - t.startedAt) : 0);
}

/** Milliseconds left (negative when overrun). */
export const remainingMs = (t, totalMs, now) => totalMs - usedMs(t, now);

export function formatMs(ms) {
  const neg = ms < 0;
  const s = Math.ceil(Math.abs(ms) / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return neg ? `−${text}` : text;
}

/**
 * Keeps every `[data-timer]` element up to date. Each element names its timer with
 * `data-timer="speaker"|"caucus"|"caucus-speaker"`; `source(kind)` returns {timer, totalMs}.
 */
export function runTimers(client, source) {
  const tick = () => {
    const now = client.serverNow();
    for (const el of document.querySelectorAll('[data-timer]')) {
      const src = source(el.dataset.timer);
      if (!src || !src.timer) { el.textContent = ''; el.classList.remove('low', 'over', 'paused'); continue; }
      const left = remainingMs(src.timer, src.totalMs, now);
      el.textContent = formatMs(left);
      el.classList.toggle('paused', !src.timer.running);
      el.classList.toggle('low', left >= 0 && left <= 10000);
      el.classList.toggle('over', left < 0);
    }
  };
  setInterval(tick, 200);
  return tick;
}

/** The floor's timer sources from the public view. */
export function floorTimers(state) {
  return (kind) => {
    if (kind === 'speaker') {
      const c = state()?.speakers?.current;
      return c && { timer: c, totalMs: c.timeMs };
    }
    if (kind === 'suspension') {
      const session = state()?.session;
      return session?.state === 'suspended' && session.suspensionMs
        && { timer: { startedAt: session.since, elapsedMs: 0, running: true }, totalMs: session.suspensionMs };
    }
    const caucus = state()?.caucus;
    if (kind === 'caucus') return caucus && { timer: caucus, totalMs: caucus.totalMs };
    if (kind === 'caucus-speaker') {
      const c = caucus?.current;
      return c && { timer: c, totalMs: c.timeMs ?? caucus.speakerMs };
    }
    return null;
  };
}
