// The delegate terminal: one seat's screen (the seat comes from the token, never from args).
import { GavelClient } from './gavel-client.js';
import { h, section, $ } from './dom.js';
import { seatName, rollOrder, MOTION_LABEL, POINT_LABEL } from './names.js';
import { mountStatus } from './status-badge.js';
import { runTimers, floorTimers } from './timer.js';
import { mountNotices, act, notice } from './notify.js';
import { motionForm } from './motion-form.js';
import { DelegateVote } from './delegate-vote.js';
import { draftForm } from './draft-form.js';
import { amendmentForm } from './amendment-form.js';

const client = new GavelClient();
mountStatus(client, $('#status'));
mountNotices($('#notices'));
const voteView = new DelegateVote(client, $('#vote'));
const me = () => client.seat;

const header = section($('#who'), (s) => [s.committee, s.seats?.[me()], me()], (s) => [
  h('h1', { id: 'seat-name' }, seatName(s, me())),
  h('div', { class: 'muted' }, `${s.committee?.name ?? ''} · ${me() ?? ''}`)]);

const attendance = section($('#attendance'), (s) => [s.attendance?.[me()], s.seats?.[me()]?.kind, s.session?.state, s.session?.pendingDeclarations?.[me()]], (s) => {
  const status = s.attendance?.[me()];
  const pending = s.session?.pendingDeclarations?.[me()];
  const label = { present: 'Present', present_and_voting: 'Present and voting' }[status] ?? 'Not checked in';
  const kind = s.seats?.[me()]?.kind;
  return [h('h2', {}, 'Attendance'), h('p', { id: 'attendance-status', dataset: { status: status ?? 'absent' } }, label),
    pending ? h('p', { class: 'hint', id: 'attendance-pending' }, `Declared ${pending === 'present' ? 'present' : 'present and voting'}: waiting for the chair to confirm.`) : null,
    h('div', { class: 'row' },
      h('button', { type: 'button', 'aria-pressed': String(status === 'present'), dataset: { status: 'present' }, onclick: () => act(client, 'attendance.declare', { status: 'present' }) }, 'Present'),
      kind === 'member' ? h('button', { type: 'button', 'aria-pressed': String(status === 'present_and_voting'), dataset: { status: 'present_and_voting' }, onclick: () => act(client, 'attendance.declare', { status: 'present_and_voting' }) }, 'Present and voting') : null)];
});

function yieldControls(s) {
  const others = rollOrder(s, (_, c) => c !== me());
  const target = h('select', { 'aria-label': 'Yield to delegate' }, others.map((c) => h('option', { value: c }, seatName(s, c))));
  return h('div', { class: 'yield' }, h('p', { class: 'your-turn' }, 'You have the floor.'),
    h('div', { class: 'row' },
      h('button', { type: 'button', onclick: () => act(client, 'speaker.yield', { to: 'chair' }) }, 'Yield to the chair'),
      h('button', { type: 'button', onclick: () => act(client, 'speaker.yield', { to: 'questions' }) }, 'Yield to questions')),
    h('div', { class: 'row' }, target,
      h('button', { type: 'button', onclick: () => act(client, 'speaker.yield', { to: 'delegate', seat: target.value }) }, 'Yield to delegate')));
}

const floor = section($('#floor'), (s) => [s.speakers?.queue, s.speakers?.current?.seat, s.speakers?.open, s.caucus?.kind, s.caucus?.queue, s.caucus?.current?.seat, s.committee?.topic], (s) => {
  const inCaucus = s.caucus?.kind === 'moderated';
  const list = inCaucus ? s.caucus : s.speakers;
  const queue = list?.queue ?? [];
  const pos = queue.indexOf(me());
  const current = list?.current;
  return [h('h2', {}, inCaucus ? `Moderated caucus: ${s.caucus.topic ?? ''}` : 'Speakers list'),
    h('p', { class: 'muted' }, s.committee?.topic ?? ''),
    current ? h('p', {}, 'Speaking: ', h('strong', {}, seatName(s, current.seat)), ' ',
      h('span', { class: 'timer small', dataset: { timer: inCaucus ? 'caucus-speaker' : 'speaker' } })) : h('p', { class: 'muted' }, 'Nobody has the floor.'),
    h('p', { id: 'queue-position' }, pos >= 0 ? `You are number ${pos + 1} on the list.` : 'You are not on the list.'),
    pos >= 0
      ? h('button', { type: 'button', onclick: () => act(client, 'speakers.remove', { seat: me() }) }, 'Leave the list')
      : h('button', { type: 'button', class: 'primary', onclick: () => act(client, 'speakers.add') }, 'Join the speakers list'),
    current?.seat === me() ? yieldControls(s) : null];
});

const pointKind = h('select', { 'aria-label': 'Kind of point' }, Object.entries(POINT_LABEL).map(([k, v]) => h('option', { value: k }, v)));
const pointText = h('input', { type: 'text', placeholder: 'What is it about? (optional)', 'aria-label': 'Point text' });
$('#point-form').append(pointKind, pointText, h('button', { type: 'submit' }, 'Raise'));
$('#point-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const args = { kind: pointKind.value };
  if (pointText.value.trim()) args.text = pointText.value.trim();
  if (await act(client, 'point.raise', args)) { pointText.value = ''; notice('Point raised.'); }
});

$('#motion-propose').append(motionForm(async (m) => {
  if (await act(client, 'motion.propose', m)) notice('Motion proposed.');
}));

const motions = section($('#motions'), (s) => s.motions, (s) => [h('h2', {}, 'Motions'),
  (s.motions ?? []).length === 0 ? h('p', { class: 'muted' }, 'No motion on the floor.') :
  h('ul', { class: 'plain' }, s.motions.map((m) => h('li', {},
    h('strong', {}, MOTION_LABEL[m.kind] ?? m.kind), ` by ${seatName(s, m.by)} · ${m.status.replace(/_/g, ' ')}`,
    m.status === 'awaiting_second' && m.by !== me()
      ? h('button', { type: 'button', onclick: () => act(client, 'motion.second', { motion: m.id }) }, 'Second') : null,
    m.by === me() ? h('button', { type: 'button', onclick: () => act(client, 'motion.withdraw', { motion: m.id }) }, 'Withdraw') : null)))]);

const drafts = section($('#drafts'), (s) => s.drafts, (s) => [h('h2', {}, 'Drafts'),
  (s.drafts ?? []).length === 0 ? h('p', { class: 'muted' }, 'No drafts yet.') :
  h('ul', { class: 'plain' }, s.drafts.map((d) => {
    const signed = (d.signatories ?? []).includes(me());
    const sponsor = (d.sponsors ?? []).includes(me());
    return h('li', { dataset: { draft: d.id } }, h('strong', {}, d.id), ` ${d.title ?? ''} · ${d.status ?? ''}`,
      h('div', { class: 'muted' }, `Sponsors: ${(d.sponsors ?? []).join(', ')} · Signatories: ${(d.signatories ?? []).join(', ') || '—'}`),
      sponsor ? null : h('button', { type: 'button', dataset: { cmd: signed ? 'draft.unsign' : 'draft.sign' }, onclick: () => act(client, signed ? 'draft.unsign' : 'draft.sign', { draft: d.id }) }, signed ? 'Remove signature' : 'Sign'),
      (d.amendments ?? []).filter((a) => a.status !== 'withdrawn').map((a) => h('div', { class: 'amendment' },
        `Amendment ${a.id}: ${a.action} clause ${a.clause} · ${a.status ?? ''}`,
        sponsor && !a.friendly ? h('button', { type: 'button', onclick: () => act(client, 'amendment.accept', { amendment: a.id }) }, 'Accept as friendly') : null)));
  }))]);

let amendments = null; // the amendment form, whose draft list follows the view
const render = () => {
  const s = client.state;
  if (!s || !s.committee) return;
  header(s); attendance(s); floor(s); motions(s); drafts(s);
  amendments?.refresh();
  voteView.render(s);
};
client.addEventListener('state', render);
client.addEventListener('welcome', () => {
  if (!$('#draft-form')) $('#draft-submit').append(draftForm(client, () => client.state, { sponsor: client.seat ?? '' }));
  if (!amendments) {
    amendments = amendmentForm(client, () => client.state);
    $('#amendment-submit').append(amendments.form);
  }
});
client.addEventListener('status', () => document.body.classList.toggle('stale', client.status.kind !== 'live'));
const tick = runTimers(client, floorTimers(() => client.state));
client.addEventListener('state', () => tick()); // fill fresh clocks at once, not on the next tick
client.start();
window.gavel = client; // for the browser tests and for debugging from the console
