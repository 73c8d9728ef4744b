// The voting board in the manner of the UN chamber boards: one light per eligible seat
// (green yes, red no, amber abstain, blue pass, grey not yet), veto holders marked, totals,
// and for a closed vote the result with its official wording. Shared by display and chair.
import { h } from './dom.js';
import { seatName, rollOrder, isMember, CHOICE_LABEL } from './names.js';
import { announcement, headline, subjectLabel } from './announce.js';

function seatsOf(state, vote, closed) {
  if (!closed) {
    // Alphabetical, as on the chamber boards; the seat being called is highlighted instead.
    const set = new Set(vote.eligible ?? []);
    return rollOrder(state, (_, code) => set.has(code));
  }
  const cast = new Set(Object.keys(vote.ballots ?? {}));
  return rollOrder(state, (s, code) => isMember(s) || cast.has(code));
}

export function voteBoard(state, vote, { closed = false } = {}) {
  const seats = seatsOf(state, vote, closed);
  const ballots = vote.ballots ?? {};
  const t = vote.tally ?? {};
  // Column count follows the electorate: 15 Council seats fit in two, a 193-seat GA in eight.
  const cols = seats.length <= 16 ? 2 : seats.length <= 45 ? 3 : seats.length <= 100 ? 5 : 8;
  const list = h('ol', { class: 'board-seats', 'aria-label': 'Votes by seat', style: `--cols: ${cols}`, dataset: { cols } },
    seats.map((code) => {
      const choice = ballots[code] ?? 'none';
      const veto = state?.seats?.[code]?.veto;
      const calling = !closed && vote.next === code;
      return h('li', { class: `seat${calling ? ' calling' : ''}`, dataset: { seat: code, choice },
        title: `${seatName(state, code)}: ${choice === 'none' ? 'not yet' : CHOICE_LABEL[choice] ?? choice}` },
        h('span', { class: 'light', 'aria-hidden': 'true' }),
        h('span', { class: 'seat-name', title: seatName(state, code) }, seatName(state, code)),
        veto ? h('span', { class: 'veto-mark', title: 'Permanent member (veto)' }, 'P5') : null,
        h('span', { class: 'answer' }, choice === 'none' ? (calling ? 'calling…' : '') : CHOICE_LABEL[choice] ?? choice));
    }));
  const totals = h('dl', { class: 'totals' },
    h('div', { class: 'tot yes' }, h('dt', {}, 'Yes'), h('dd', { 'data-total': 'yes' }, t.yes ?? 0)),
    h('div', { class: 'tot no' }, h('dt', {}, 'No'), h('dd', { 'data-total': 'no' }, t.no ?? 0)),
    h('div', { class: 'tot abstain' }, h('dt', {}, 'Abstain'), h('dd', { 'data-total': 'abstain' }, t.abstain ?? 0)),
    closed
      ? h('div', { class: 'tot none' }, h('dt', {}, 'Not voting'), h('dd', { 'data-total': 'notVoting' }, t.notVoting ?? 0))
      : h('div', { class: 'tot pass' }, h('dt', {}, 'Pass'), h('dd', { 'data-total': 'pass' }, t.pass ?? 0)));
  const method = { roll_call: 'Roll-call vote', recorded: 'Recorded vote', placard: 'Vote by show of placards' }[vote.method] ?? 'Vote';
  const title = h('div', { class: 'board-title' },
    h('div', { class: 'board-kicker' }, closed ? 'Result' : `${method}${vote.round === 2 ? ' — second round' : ''}`),
    h('div', { class: 'board-subject' }, subjectLabel(state, vote.subject)),
    h('div', { class: 'board-question' }, `${vote.question ?? ''} question${vote.threshold ? ` · ${String(vote.threshold).replace(/_/g, ' ').toLowerCase()}` : ''}`));
  const result = closed
    ? h('div', { class: `board-result ${vote.outcome}`, id: 'vote-result', dataset: { outcome: vote.outcome ?? '', reason: vote.reason ?? '' } },
        h('div', { class: 'headline' }, headline(vote)),
        h('p', { class: 'wording' }, announcement(vote, state)))
    : (vote.next ? h('div', { class: 'board-next' }, `Now calling: ${seatName(state, vote.next)}`) : null);
  return h('section', { class: `vote-board${closed ? ' closed' : ' open'}`, dataset: { vote: vote.id } }, title, list, totals, result);
}

/** The vote to show: the open one, else the last closed one (or null). */
export function boardVote(state) {
  if (state?.vote) return { vote: state.vote, closed: false };
  const votes = state?.votes ?? [];
  return votes.length ? { vote: votes[votes.length - 1], closed: true } : null;
}
