// The projector: topic, current speaker with a large countdown, the queue, caucus timers and
// the voting board. Read-only; a display token sends no commands.
import { GavelClient } from './gavel-client.js';
import { h, section, $ } from './dom.js';
import { seatName } from './names.js';
import { mountStatus } from './status-badge.js';
import { runTimers, floorTimers } from './timer.js';
import { voteBoard, boardVote } from './vote-board.js';

const client = new GavelClient();
mountStatus(client, $('#status'));

const SESSION = { not_started: 'Not yet in session', open: 'In session', suspended: 'Suspended', adjourned: 'Adjourned' };
const MODE = { formal: 'Formal debate', moderated_caucus: 'Moderated caucus', unmoderated_caucus: 'Unmoderated caucus', voting: 'Voting procedure' };

const head = section($('#head'), (s) => [s.committee, s.session], (s) => [
  h('div', { class: 'head-text' },
    h('div', { class: 'committee' }, s.committee?.name ?? ''),
    h('h1', { class: 'topic' }, s.committee?.topic ?? '')),
  h('div', { class: 'session', dataset: { state: s.session?.state } },
    SESSION[s.session?.state] ?? '', s.session?.state === 'open' ? ` · ${MODE[s.session?.mode] ?? ''}` : '')]);

const floor = section($('#floor'), (s) => [s.speakers?.current?.seat, s.speakers?.current?.yieldedFrom, s.speakers?.queue, s.caucus, s.session?.state, s.session?.suspensionMs, s.seats ? 1 : 0], (s) => {
  const c = s.caucus;
  if (s.session?.state === 'suspended') {
    return h('div', { class: 'speaker' }, h('div', { class: 'label' }, 'The meeting is suspended'),
      s.session.suspensionMs ? [h('div', { class: 'label' }, 'Resumes in'), h('div', { class: 'timer speaker-timer', dataset: { timer: 'suspension' } })] : null);
  }
  if (c?.kind === 'unmoderated') {
    return h('div', { class: 'speaker caucus' }, h('div', { class: 'label' }, 'Unmoderated caucus'),
      c.topic ? h('div', { class: 'speaker-name' }, c.topic) : null,
      h('div', { class: 'timer speaker-timer', dataset: { timer: 'caucus' } }));
  }
  const parts = [];
  if (c) {
    parts.push(h('div', { class: 'caucus' },
      h('div', { class: 'label' }, 'Moderated caucus', c.topic ? ` — ${c.topic}` : ''),
      h('div', { class: 'timer caucus-timer', dataset: { timer: 'caucus' } })));
  }
  const list = c ? c : s.speakers;
  const cur = list?.current;
  parts.push(h('div', { class: 'speaker' },
    h('div', { class: 'label' }, cur ? 'Now speaking' : 'The floor is open'),
    h('div', { class: 'speaker-name', id: 'current-speaker' }, cur ? seatName(s, cur.seat) : ''),
    cur?.yieldedFrom ? h('div', { class: 'label' }, `Time yielded by ${seatName(s, cur.yieldedFrom)}`) : null,
    cur ? h('div', { class: 'timer speaker-timer', dataset: { timer: c ? 'caucus-speaker' : 'speaker' } }) : null));
  const queue = list?.queue ?? [];
  parts.push(h('div', { class: 'queue' }, h('div', { class: 'label' }, c ? 'Caucus speakers' : 'Speakers list'),
    queue.length ? h('ol', { id: 'queue' }, queue.slice(0, 6).map((q) => h('li', {}, seatName(s, q)))) : h('p', { class: 'muted' }, 'No one is waiting.'),
    queue.length > 6 ? h('p', { class: 'muted' }, `and ${queue.length - 6} more`) : null));
  return parts;
});

const board = section($('#board'), (s) => [boardVote(s), s.seats ? 1 : 0, s.drafts?.map((d) => [d.id, d.title]), s.motions], (s) => {
  const b = boardVote(s);
  if (!b) return h('div', { class: 'board-empty' }, h('div', { class: 'label' }, 'Voting board'), h('p', { class: 'muted' }, 'No vote has been taken yet.'));
  return voteBoard(s, b.vote, { closed: b.closed });
});

client.addEventListener('state', () => {
  const s = client.state;
  if (!s?.committee) return;
  head(s); floor(s); board(s);
  document.body.classList.toggle('voting', Boolean(s.vote));
  document.body.classList.toggle('no-board', !boardVote(s)); // the floor takes the whole screen
});
client.addEventListener('status', () => document.body.classList.toggle('stale', client.status.kind !== 'live'));
const tick = runTimers(client, floorTimers(() => client.state));
client.addEventListener('state', () => tick()); // fill fresh clocks at once, not on the next tick
client.start();
window.gavel = client;
