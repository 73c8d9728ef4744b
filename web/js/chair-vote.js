// Chair: vote control — open (subject and method), live tally and who has not voted, the
// roll-call caller that records spoken answers for the `next` seat, close, cancel, and the
// result with its official wording.
import { h, section } from './dom.js';
import { seatName, CHOICE_LABEL } from './names.js';
import { act } from './notify.js';
import { voteBoard } from './vote-board.js';
import { announcement, headline, subjectLabel } from './announce.js';

/** Records the spoken answer of the seat being called (keyboard Y/N/A/P uses this too). */
export function recordForNext(client, choice) {
  const v = client.state?.vote;
  if (!v?.next) return null;
  const rights = document.querySelector('#with-rights')?.checked;
  return act(client, 'vote.record', { seat: v.next, choice, ...(rights ? { rights: true } : {}) });
}

function subjects(s) {
  const opts = [];
  for (const m of s.motions ?? []) opts.push([`motion:${m.id}`, `Motion ${m.id}: ${m.kind.replace(/_/g, ' ')} (${m.status.replace(/_/g, ' ')})`]);
  for (const d of s.drafts ?? []) {
    opts.push([`draft:${d.id}`, `Draft ${d.id}${d.title ? ` — ${d.title}` : ''}`]);
    for (const a of d.amendments ?? []) opts.push([`amendment:${a.id}`, `Amendment ${a.id} to ${d.id}`]);
  }
  return opts;
}

function openForm(client, s) {
  const subject = h('select', { id: 'vote-subject', 'aria-label': 'Subject' }, subjects(s).map(([v, l]) => h('option', { value: v }, l)));
  const method = h('select', { id: 'vote-method', 'aria-label': 'Method' },
    [['', 'Method from the rules'], ['placard', 'Placard'], ['roll_call', 'Roll call'], ['recorded', 'Recorded']].map(([v, l]) => h('option', { value: v }, l)));
  const form = h('form', { class: 'row', id: 'vote-open-form' }, subject, method, h('button', { type: 'submit', class: 'primary' }, 'Open vote'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!subject.value) return;
    const [kind, ...rest] = subject.value.split(':');
    const args = { subject: { kind, id: rest.join(':') } };
    if (method.value) args.method = method.value;
    act(client, 'vote.open', args);
  });
  return form;
}

function placardForm(client) {
  const n = (name) => h('label', {}, `${name} `, h('input', { type: 'number', min: 0, name, value: 0, class: 'count' }));
  const form = h('form', { class: 'row', id: 'placard-form' }, n('yes'), n('no'), n('abstain'), h('button', { type: 'submit' }, 'Enter count'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (k) => Number(form.elements[k].value || 0);
    act(client, 'vote.count', { yes: v('yes'), no: v('no'), abstain: v('abstain') });
  });
  return form;
}

function caller(client, s, v) {
  // Procedural questions and second rounds take yes or no only (rules.md §5.1, §5.3).
  const answers = v.round === 2 ? ['yes', 'no'] : v.question === 'procedural' ? ['yes', 'no', 'pass'] : ['yes', 'no', 'abstain', 'pass'];
  if (v.method === 'roll_call') {
    if (!v.next) return h('p', { class: 'muted' }, 'Every seat has been called. Close the vote to announce the result.');
    return h('div', { class: 'caller', id: 'roll-caller', dataset: { next: v.next } },
      h('div', { class: 'label' }, v.round === 2 ? 'Second round — calling' : 'Calling'),
      h('div', { class: 'speaker-name' }, seatName(s, v.next)),
      h('div', { class: 'row' }, answers.map((c) => h('button', { type: 'button', class: `vote-choice ${c}`, dataset: { choice: c },
        onclick: () => recordForNext(client, c) }, `${CHOICE_LABEL[c]} [${c[0].toUpperCase()}]`)),
        h('label', {}, h('input', { type: 'checkbox', id: 'with-rights' }), ' with rights')));
  }
  const missing = (v.eligible ?? []).filter((c) => v.ballots?.[c] === undefined);
  const seat = h('select', { 'aria-label': 'Seat', id: 'record-seat' }, missing.map((c) => h('option', { value: c }, seatName(s, c))));
  return h('div', { class: 'caller', id: 'record-caller' }, h('div', { class: 'label' }, 'Record a spoken answer'),
    h('div', { class: 'row' }, seat, answers.filter((c) => c !== 'pass').map((c) => h('button', { type: 'button', class: `vote-choice ${c}`, dataset: { choice: c },
      onclick: () => act(client, 'vote.record', { seat: seat.value, choice: c }) }, CHOICE_LABEL[c]))),
    v.method === 'placard' ? placardForm(client) : null);
}

export function votePanel(client, el) {
  return section(el, (s) => [s.vote, s.votes?.at(-1)?.id, s.motions, s.drafts, s.seats ? 1 : 0], (s) => {
    const v = s.vote;
    if (!v) {
      const last = s.votes?.at(-1);
      return [h('h2', {}, 'Voting'), openForm(client, s),
        last ? h('div', { class: 'last-result', id: 'chair-result', dataset: { outcome: last.outcome, reason: last.reason } },
          h('div', { class: 'label' }, `Last result — ${subjectLabel(s, last.subject)}`),
          h('div', { class: 'headline' }, headline(last)),
          h('p', { class: 'announcement' }, announcement(last, s))) : null];
    }
    const missing = (v.eligible ?? []).filter((c) => v.ballots?.[c] === undefined || (v.round === 2 && v.ballots[c] === 'pass'));
    return [h('h2', {}, 'Voting'),
      h('p', { class: 'muted' }, `${v.question} · ${String(v.threshold ?? '').replace(/_/g, ' ').toLowerCase()} · ${(v.method ?? '').replace('_', ' ')}${v.round === 2 ? ' · second round' : ''}`),
      caller(client, s, v),
      h('p', { id: 'not-voted' }, missing.length
        ? `Not yet voted (${missing.length}): ${missing.slice(0, 24).map((c) => seatName(s, c)).join(', ')}${missing.length > 24 ? ', …' : ''}`
        : 'Every eligible seat has answered.'),
      voteBoard(s, v),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', id: 'vote-close', onclick: () => act(client, 'vote.close') }, 'Close vote'),
        h('button', { type: 'button', class: 'danger', onclick: () => { if (confirm('Cancel this vote?')) act(client, 'vote.cancel'); } }, 'Cancel vote'))];
  });
}
