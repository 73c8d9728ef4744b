// The chair console: one screen that drives the floor.
import { GavelClient } from './gavel-client.js';
import { h, $ } from './dom.js';
import { seatName, rollOrder } from './names.js';
import { mountStatus } from './status-badge.js';
import { runTimers, floorTimers } from './timer.js';
import { mountNotices, act, notice } from './notify.js';
import { motionForm } from './motion-form.js';
import { sessionPanel, rollCallPanel, speakersPanel, pointsPanel } from './chair-floor.js';
import { votePanel } from './chair-vote.js';
import { motionsPanel, draftsPanel } from './chair-motions.js';
import { draftForm } from './draft-form.js';
import { installShortcuts, SHORTCUTS } from './shortcuts.js';

const client = new GavelClient();
mountStatus(client, $('#status'));
mountNotices($('#notices'));

const panels = [
  sessionPanel(client, $('#session')), rollCallPanel(client, $('#rollcall')), speakersPanel(client, $('#speakers')),
  pointsPanel(client, $('#points')), motionsPanel(client, $('#motions')), votePanel(client, $('#voting')),
  draftsPanel(client, $('#drafts')),
];

// Motions proposed by the dais on behalf of a seat (a delegate's spoken motion).
const forSeat = h('select', { 'aria-label': 'On behalf of' });
$('#motion-propose').append(motionForm(async (m) => {
  if (await act(client, 'motion.propose', { ...m, seat: forSeat.value })) notice('Motion entered.');
}, { seatPicker: forSeat }));
$('#draft-submit').append(draftForm(client, () => client.state));
$('#shortcuts').append(...SHORTCUTS.map(([k, what]) => h('li', {}, h('kbd', {}, k), ` ${what}`)));

let seatsKey = '';
client.addEventListener('state', () => {
  const s = client.state;
  if (!s?.committee) return;
  $('#committee-name').textContent = s.committee.name ?? '';
  $('#topic').textContent = s.committee.topic ?? '';
  const key = JSON.stringify(s.seats);
  if (key !== seatsKey) {
    seatsKey = key;
    forSeat.replaceChildren(...rollOrder(s).map((c) => h('option', { value: c }, seatName(s, c))));
  }
  for (const p of panels) p(s);
});
client.addEventListener('status', () => document.body.classList.toggle('stale', client.status.kind !== 'live'));
installShortcuts(client);
const tick = runTimers(client, floorTimers(() => client.state));
client.addEventListener('state', () => tick()); // fill fresh clocks at once, not on the next tick
client.start();
window.gavel = client;
