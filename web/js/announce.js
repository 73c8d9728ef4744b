// The chair's announcement of a closed vote (rules.md §8.2, R5.6.6). Owns the wording: a veto
// ("owing to the negative vote of a permanent member") is never worded like a lack of votes.
// The server stores its own announcement with each result (`votes[].announcement`, the text of
// the record); screens show that one when present and build the same wording otherwise.

const NOUN = { draft: 'draft resolution', amendment: 'amendment', motion: 'motion', part: 'part' };

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The resolution number: adopted drafts so far, counting this one (SIM-SC/RES/n). */
function resolutionSymbol(state, vote) {
  const draft = (state?.drafts ?? []).find((d) => d.id === vote.subject?.id);
  if (draft?.resolution) return draft.resolution;
  const prefix = state?.committee?.symbolPrefix || 'SIM';
  let n = 0;
  for (const v of state?.votes ?? []) {
    if (v.subject?.kind === 'draft' && v.outcome === 'adopted') n += 1;
    if (v.id === vote.id) break;
  }
  return `${prefix}/RES/${Math.max(n, 1)}`;
}

export function announcement(vote, state) {
  return vote.announcement || buildAnnouncement(vote, state);
}

export function buildAnnouncement(vote, state) {
  const noun = NOUN[vote.subject?.kind] ?? 'proposal';
  const Noun = `The ${noun}`;
  const t = vote.tally ?? {};
  const received = `${Noun} received ${plural(t.yes ?? 0, 'vote', 'votes')} in favour, ${t.no ?? 0} against and ${plural(t.abstain ?? 0, 'abstention', 'abstentions')}.`;
  if (vote.outcome === 'void') {
    return vote.reason === 'no_quorum' ? 'The vote is void for want of a quorum.' : 'The vote was cancelled.';
  }
  if (vote.outcome === 'adopted') {
    const as = vote.subject?.kind === 'draft' ? ` as resolution ${resolutionSymbol(state, vote)}` : '';
    return `${received} ${Noun} has been adopted${as}.`;
  }
  switch (vote.reason) {
    case 'veto': {
      const several = (vote.vetoedBy ?? []).length > 1;
      return `${received} ${Noun} has not been adopted, owing to the ${several ? 'negative votes of permanent members' : 'negative vote of a permanent member'} of the Council.`;
    }
    case 'insufficient_votes':
      return `${received} ${Noun} has not been adopted, having failed to obtain the required number of votes.`;
    case 'tie':
      return `${received} ${Noun} has not been adopted, the votes being equally divided.`;
    case 'no_votes_cast':
      return `${received} ${Noun} has not been adopted, no votes having been cast.`;
    default:
      return `${received} ${Noun} has not been adopted.`;
  }
}

/** A short headline for boards: "ADOPTED", "NOT ADOPTED — VETO", … */
export function headline(vote) {
  if (vote.outcome === 'adopted') return 'Adopted';
  if (vote.outcome === 'void') return 'Void';
  if (vote.reason === 'veto') return `Not adopted — veto (${(vote.vetoedBy ?? []).join(', ')})`;
  if (vote.reason === 'insufficient_votes') return 'Not adopted — insufficient votes';
  return 'Not adopted';
}

/** The subject's human label: a draft's symbol and title, a motion's kind. */
export function subjectLabel(state, subject) {
  if (!subject) return '';
  if (subject.kind === 'draft') {
    const d = (state?.drafts ?? []).find((x) => x.id === subject.id);
    return d ? `Draft resolution ${d.id}${d.title ? ` — ${d.title}` : ''}` : `Draft resolution ${subject.id}`;
  }
  if (subject.kind === 'motion') {
    const m = (state?.motions ?? []).find((x) => x.id === subject.id);
    return m ? `Motion: ${m.kind.replace(/_/g, ' ')}` : `Motion ${subject.id}`;
  }
  if (subject.kind === 'amendment') return `Amendment ${subject.id}`;
  return `${subject.kind} ${subject.id}`;
}
