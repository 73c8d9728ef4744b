// Chair: session controls, roll call with the quorum, the speakers list with its timer, the
// caucus and points. Renders from the view; every button is one command.
import { h, section } from './dom.js';
import { seatName, rollOrder, POINT_LABEL } from './names.js';
import { act } from './notify.js';

const STATUS = [['present', 'Present'], ['present_and_voting', 'P&V'], ['absent', 'Absent']];

export function sessionPanel(client, el) {
  return section(el, (s) => s.session, (s) => {
    const st = s.session?.state;
    const btn = (name, label, enabled, args = () => ({})) => h('button', { type: 'button', disabled: !enabled, dataset: { cmd: name }, onclick: () => act(client, name, args()) }, label);
    const minutes = h('input', { type: 'number', min: 1, step: 1, placeholder: 'min', class: 'count', 'aria-label': 'Suspension in minutes (optional)' });
    return [h('h2', {}, 'Session'),
      h('p', { id: 'session-state', dataset: { state: st } }, `${(st ?? '').replace('_', ' ')} · ${(s.session?.mode ?? '').replace(/_/g, ' ')}`),
      h('div', { class: 'row' },
        btn('session.open', 'Open', st === 'not_started' || st === 'adjourned'),
        btn('session.suspend', 'Suspend', st === 'open', () => (minutes.value ? { durationMs: Number(minutes.value) * 60000 } : {})), minutes,
        btn('session.resume', 'Resume', st === 'suspended'),
        btn('session.adjourn', 'Adjourn', st === 'open' || st === 'suspended'))];
  });
}

export function rollCallPanel(client, el) {
  return section(el, (s) => [s.attendance, s.quorum, s.seats, s.session?.pendingDeclarations], (s) => {
    const q = s.quorum ?? {};
    const pending = s.session?.pendingDeclarations ?? {};
    const rows = rollOrder(s).map((code) => {
      const seat = s.seats[code];
      const cur = s.attendance?.[code] ?? 'absent';
      return h('tr', { dataset: { seat: code, status: cur } },
        h('th', { scope: 'row' }, seat.name, seat.veto ? h('span', { class: 'veto-mark' }, 'P5') : null,
          seat.kind !== 'member' ? h('span', { class: 'kind' }, seat.kind) : null,
          pending[code] ? h('span', { class: 'pending', title: 'Click the highlighted status to confirm' }, `asks: ${pending[code] === 'present' ? 'present' : 'P&V'}`) : null),
        h('td', {}, STATUS.filter(([v]) => v !== 'present_and_voting' || seat.kind === 'member').map(([value, label]) =>
          h('button', { type: 'button', class: `att ${value}${pending[code] === value ? ' asked' : ''}`, 'aria-pressed': String(cur === value), dataset: { status: value },
            onclick: () => act(client, 'attendance.mark', { seat: code, status: value }) }, label))));
    });
    return [h('h2', {}, 'Roll call'),
      h('p', { id: 'quorum', class: q.canDecide ? 'ok' : 'warn' },
        `Members present: ${q.present ?? 0} of ${q.members ?? 0} · to open ${q.toOpen ?? '–'} ${q.canOpen ? '✓' : '✗'} · to decide ${q.toDecide ?? '–'} ${q.canDecide ? '✓' : '✗'}`),
      h('div', { class: 'scroll' }, h('table', { class: 'rollcall' }, h('tbody', {}, rows)))];
  });
}

export function speakersPanel(client, el) {
  return section(el, (s) => [s.speakers, s.caucus, s.seats ? 1 : 0], (s) => {
    const c = s.caucus;
    const mod = c?.kind === 'moderated';
    const list = mod ? c : s.speakers;
    const cur = list?.current;
    const queue = list?.queue ?? [];
    const add = h('select', { 'aria-label': 'Seat to add' }, rollOrder(s).filter((x) => !queue.includes(x)).map((x) => h('option', { value: x }, seatName(s, x))));
    const time = h('input', { type: 'number', min: 5, step: 5, value: Math.round((s.speakers?.speakingTimeMs ?? 90000) / 1000), 'aria-label': 'Speaking time in seconds' });
    return [h('h2', {}, mod ? `Moderated caucus — ${c.topic ?? ''}` : 'General speakers list'),
      c ? h('div', { class: 'caucus-bar' }, `${c.kind} caucus: `, h('span', { class: 'timer', dataset: { timer: 'caucus' } }),
        h('button', { type: 'button', onclick: () => act(client, 'caucus.end') }, 'End caucus')) : null,
      h('div', { class: 'current' },
        h('div', { class: 'label' }, cur ? 'Speaking' : 'Nobody has the floor'),
        h('div', { class: 'speaker-name', id: 'current-speaker' }, cur ? seatName(s, cur.seat) : '—'),
        cur?.yieldedFrom ? h('div', { class: 'muted' }, `yielded by ${seatName(s, cur.yieldedFrom)}`) : null,
        h('div', { class: 'timer big-timer', dataset: { timer: mod ? 'caucus-speaker' : 'speaker' } })),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', onclick: () => act(client, 'speakers.next') }, 'Next speaker [N]'),
        cur?.running
          ? h('button', { type: 'button', onclick: () => act(client, 'speaker.pause') }, 'Pause [Space]')
          : h('button', { type: 'button', disabled: !cur, onclick: () => act(client, 'speaker.resume') }, 'Resume [Space]'),
        h('button', { type: 'button', disabled: !cur, onclick: () => act(client, 'speaker.end') }, 'End speech [E]')),
      cur && !mod ? yieldRow(client, s, cur) : null,
      h('ol', { class: 'queue', id: 'chair-queue' }, queue.map((x) => h('li', {}, seatName(s, x),
        h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${seatName(s, x)}`, onclick: () => act(client, 'speakers.remove', { seat: x }) }, '×')))),
      h('div', { class: 'row' }, add, h('button', { type: 'button', onclick: () => act(client, 'speakers.add', { seat: add.value }) }, 'Add')),
      h('div', { class: 'row' }, h('label', {}, 'Speaking time (s) ', time),
        h('button', { type: 'button', onclick: () => act(client, 'speakers.setTime', { ms: Number(time.value) * 1000 }) }, 'Set'))];
  });
}

/** The speaker's spoken yield, entered by the dais (rules.md §3.3). */
function yieldRow(client, s, cur) {
  const to = h('select', { 'aria-label': 'Yield to delegation', id: 'yield-seat' },
    rollOrder(s).filter((x) => x !== cur.seat).map((x) => h('option', { value: x }, seatName(s, x))));
  return h('div', { class: 'row' }, h('span', { class: 'label' }, 'Yield'),
    h('button', { type: 'button', onclick: () => act(client, 'speaker.yield', { to: 'chair' }) }, 'to the chair'),
    h('button', { type: 'button', onclick: () => act(client, 'speaker.yield', { to: 'questions' }) }, 'to questions'),
    to, h('button', { type: 'button', onclick: () => act(client, 'speaker.yield', { to: 'delegate', seat: to.value }) }, 'to delegation'));
}

export function pointsPanel(client, el) {
  return section(el, (s) => [s.points, s.seats ? 1 : 0], (s) => {
    const points = s.points ?? [];
    if (!points.length) return null;
    return [h('h2', {}, 'Points'), h('ul', { class: 'plain' }, points.map((p) => {
      const ruling = h('input', { type: 'text', placeholder: 'ruling (optional)', 'aria-label': 'Ruling' });
      return h('li', { class: 'point', dataset: { point: p.id } },
        h('strong', {}, POINT_LABEL[p.kind] ?? p.kind), ` — ${seatName(s, p.by)}${p.text ? `: ${p.text}` : ''}`,
        h('div', { class: 'row' }, ruling, h('button', { type: 'button',
          onclick: () => act(client, 'point.resolve', { id: p.id, ...(ruling.value.trim() ? { ruling: ruling.value.trim() } : {}) }) }, 'Resolve')));
    }))];
  });
}
