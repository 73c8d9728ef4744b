// The connection state, always visible: connecting / live / reconnecting in N s / offline.
export function mountStatus(client, el) {
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  const render = () => {
    const s = client.status;
    el.dataset.state = s.kind;
    if (s.kind === 'live') el.textContent = '● Live';
    else if (s.kind === 'connecting') el.textContent = '○ Connecting…';
    else if (s.kind === 'reconnecting') el.textContent = `○ Reconnecting in ${Math.max(0, Math.ceil((s.at - Date.now()) / 1000))} s`;
    else el.textContent = `✕ Offline${s.reason ? ` — ${s.reason}` : ''}`;
  };
  client.addEventListener('status', render);
  setInterval(() => { if (client.status.kind === 'reconnecting') render(); }, 500);
  render();
}
