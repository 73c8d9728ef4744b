// The delegate's vote panel. Owns which answers a seat may give now (rules.md §5.3–§5.4):
// hidden when not eligible; no abstain for present-and-voting seats on substantive questions,
// on procedural questions (unless the server accepted one), or in the second round; pass only
// in a roll call's first round; disabled while another seat is being called. The confirmed
// ballot (with its seq) is kept in sessionStorage and checked against the server's view.
import { h } from './dom.js';
import { seatName, CHOICE_LABEL } from './names.js';
import { saveBallot, loadBallot, verifyBallot } from './ballot-store.js';
import { subjectLabel, announcement, headline } from './announce.js';
import { notice } from './notify.js';

export class DelegateVote {
  constructor(client, el) {
    this.client = client;
    this.el = el;
    this.noAbstain = new Set(); // vote ids where the server refused an abstention
    this.sending = false;
    this.last = '';
  }

  allowedChoices(vote, state, seat) {
    const choices = ['yes', 'no'];
    const pv = state.attendance?.[seat] === 'present_and_voting';
    const abstainOk = vote.round !== 2 && !this.noAbstain.has(vote.id)
      && !(vote.question === 'substantive' && pv) && vote.question !== 'procedural';
    if (abstainOk) choices.push('abstain');
    if (vote.method === 'roll_call' && vote.round !== 2) choices.push('pass');
    return choices;
  }

  async cast(vote, choice) {
    const { client } = this;
    this.sending = true;
    this.render(client.state, true);
    try {
      const ack = await client.send('vote.cast', { choice });
      saveBallot(client.committee, client.seat, { vote: vote.id, choice, seq: ack.seq, round: vote.round ?? 1 });
    } catch (e) {
      if (e.code === 'abstain_not_allowed') this.noAbstain.add(vote.id);
      notice(`${e.code}: ${e.message}`, 'error');
    }
    this.sending = false;
    this.render(client.state, true);
  }

  confirmation(state, seat, vote) {
    const stored = loadBallot(this.client.committee, seat);
    const check = verifyBallot(stored, state, seat);
    const server = vote?.ballots?.[seat];
    if (check.status === 'confirmed') {
      return h('div', { id: 'ballot-confirmation', class: 'confirmation ok', dataset: { status: 'confirmed', choice: check.server, seq: stored.seq } },
        h('div', { class: 'big' }, `✓ Your vote is recorded: ${CHOICE_LABEL[check.server]}`),
        h('div', {}, `Confirmed by the server at seq ${stored.seq}.`));
    }
    if (check.status === 'mismatch') {
      return h('div', { id: 'ballot-confirmation', class: 'confirmation warn', dataset: { status: 'mismatch', choice: check.server } },
        `The record shows ${CHOICE_LABEL[check.server]}, not ${CHOICE_LABEL[stored.choice]}. Tell the chair at once.`);
    }
    if (server !== undefined) {
      return h('div', { id: 'ballot-confirmation', class: 'confirmation ok', dataset: { status: 'recorded', choice: server } },
        h('div', { class: 'big' }, `✓ Recorded for your delegation: ${CHOICE_LABEL[server]}`));
    }
    return null;
  }

  render(state, force = false) {
    const seat = this.client.seat;
    if (!state || !seat) return;
    const vote = state.vote;
    const lastClosed = (state.votes ?? []).at(-1);
    const key = JSON.stringify([vote, lastClosed?.id, state.attendance?.[seat], this.sending, [...this.noAbstain]]);
    if (key === this.last && !force) return;
    this.last = key;
    if (!vote) {
      const stored = loadBallot(this.client.committee, seat);
      const parts = [h('h2', {}, 'Voting')];
      if (lastClosed) {
        parts.push(h('p', { class: 'muted' }, subjectLabel(state, lastClosed.subject)),
          h('p', { class: 'result-headline', id: 'vote-result', dataset: { outcome: lastClosed.outcome } }, headline(lastClosed)),
          h('p', {}, announcement(lastClosed, state)));
        if (stored?.vote === lastClosed.id) parts.push(this.confirmation(state, seat, lastClosed));
      } else parts.push(h('p', { class: 'muted' }, 'No vote in progress.'));
      this.el.replaceChildren(...parts.filter(Boolean));
      return;
    }
    const parts = [h('h2', {}, 'Voting'), h('p', { class: 'subject' }, subjectLabel(state, vote.subject),
      ` · ${vote.question}${vote.method === 'roll_call' ? ' · roll call' : ''}${vote.round === 2 ? ' · second round' : ''}`)];
    if (!(vote.eligible ?? []).includes(seat)) {
      parts.push(h('p', { class: 'muted', id: 'not-eligible' }, 'Your delegation does not vote on this question.'));
      this.el.replaceChildren(...parts);
      return;
    }
    if ((vote.art27Parties ?? []).includes(seat)) {
      parts.push(h('p', { class: 'hint', id: 'art27' }, 'Your delegation is a party to the dispute and shall abstain (Charter Art. 27(3)).'));
      this.el.replaceChildren(...parts);
      return;
    }
    const mine = vote.ballots?.[seat];
    const canAnswer = vote.round === 2
      ? (vote.secondRound ?? []).includes(seat) && mine === 'pass'
      : mine === undefined;
    if (!canAnswer) {
      parts.push(this.confirmation(state, seat, vote) ?? h('p', { class: 'muted' }, 'Your delegation is not called in this round.'));
    } else {
      const turn = vote.method !== 'roll_call' || vote.next === seat;
      if (vote.method === 'placard') parts.push(h('p', { class: 'hint' }, 'Raise your placard when the chair calls for it, or record your vote here.'));
      if (mine === 'pass') parts.push(h('p', { class: 'hint' }, 'You passed in the first round. Answer yes or no.'));
      if (!turn) parts.push(h('p', { class: 'hint', id: 'waiting-turn' }, vote.next ? `Now calling ${seatName(state, vote.next)}. Wait for your name.` : 'Waiting for the chair.'));
      else if (vote.method === 'roll_call') parts.push(h('p', { class: 'your-turn' }, 'Your delegation is called. Answer now.'));
      parts.push(h('div', { class: 'vote-buttons' }, this.allowedChoices(vote, state, seat).map((choice) =>
        h('button', { type: 'button', class: `vote-choice ${choice}`, dataset: { choice }, disabled: !turn || this.sending,
          onclick: () => this.cast(vote, choice) }, CHOICE_LABEL[choice]))));
    }
    this.el.replaceChildren(...parts.filter(Boolean));
  }
}
