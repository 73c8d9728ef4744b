// Chair: motions (already in precedence order in the view) and drafts with their amendments.
import { h, section } from './dom.js';
import { seatName, rollOrder, isMember, MOTION_LABEL } from './names.js';
import { act } from './notify.js';

function describeArgs(args = {}) {
  const parts = [];
  if (args.totalMs) parts.push(`${args.totalMs / 60000} min`);
  if (args.speakerMs) parts.push(`${args.speakerMs / 1000} s each`);
  if (args.ms) parts.push(args.ms >= 60000 ? `${args.ms / 60000} min` : `${args.ms / 1000} s`);
  if (args.topic) parts.push(`“${args.topic}”`);
  for (const k of ['draft', 'amendment', 'vote', 'ruling']) if (args[k]) parts.push(args[k]);
  return parts.join(', ');
}

export function motionsPanel(client, el) {
  return section(el, (s) => [s.motions, s.seats ? 1 : 0], (s) => {
    const motions = s.motions ?? [];
    return [h('h2', {}, 'Motions'),
      motions.length === 0 ? h('p', { class: 'muted' }, 'No motion on the floor.') :
      h('ol', { class: 'motions' }, motions.map((m) => {
        const reason = h('input', { type: 'text', placeholder: 'reason', 'aria-label': 'Reason for ruling out' });
        // A delegation that seconds aloud: the dais records it for that seat.
        const seconder = h('select', { 'aria-label': 'Seconded by' },
          rollOrder(s, (seat, code) => isMember(seat) && code !== m.by).map((c) => h('option', { value: c }, seatName(s, c))));
        return h('li', { dataset: { motion: m.id, status: m.status } },
          h('strong', {}, MOTION_LABEL[m.kind] ?? m.kind), ` ${describeArgs(m.args)}`,
          h('div', { class: 'muted' }, `by ${seatName(s, m.by)}${m.secondedBy ? `, seconded by ${seatName(s, m.secondedBy)}` : ''} · ${m.status.replace(/_/g, ' ')}`),
          m.status === 'awaiting_second' ? h('div', { class: 'row' }, seconder,
            h('button', { type: 'button', dataset: { cmd: 'motion.second' }, onclick: () => act(client, 'motion.second', { motion: m.id, seat: seconder.value }) }, 'Second for')) : null,
          h('div', { class: 'row' },
            h('button', { type: 'button', dataset: { cmd: 'motion.put' }, disabled: m.status === 'voting', onclick: () => act(client, 'motion.put', { motion: m.id }) }, 'Put to vote'),
            reason,
            h('button', { type: 'button', onclick: () => act(client, 'motion.ruleOut', { motion: m.id, reason: reason.value || 'Out of order' }) }, 'Rule out'),
            h('button', { type: 'button', onclick: () => act(client, 'motion.ruleOut', { motion: m.id, reason: reason.value || 'Dilatory', dilatory: true }) }, 'Dilatory')));
      }))];
  });
}

export function draftsPanel(client, el) {
  return section(el, (s) => [s.drafts, s.seats ? 1 : 0], (s) => {
    const drafts = s.drafts ?? [];
    return [h('h2', {}, 'Drafts and amendments'),
      drafts.length === 0 ? h('p', { class: 'muted' }, 'No drafts submitted.') :
      h('ul', { class: 'plain' }, drafts.map((d) => h('li', { class: 'draft', dataset: { draft: d.id } },
        h('strong', {}, d.id), ` ${d.title ?? ''} · ${(d.status ?? '').replace(/_/g, ' ')}`,
        h('div', { class: 'muted' }, `Sponsors: ${(d.sponsors ?? []).map((c) => seatName(s, c)).join(', ')} · ${(d.signatories ?? []).length} signatories`),
        h('div', { class: 'row' },
          d.status === 'working_paper' || d.status === 'submitted_non_member'
            ? h('button', { type: 'button', dataset: { cmd: 'draft.approve' }, onclick: () => act(client, 'draft.approve', { draft: d.id }) }, 'Approve') : null,
          h('button', { type: 'button', dataset: { cmd: 'draft.withdraw' }, onclick: () => act(client, 'draft.withdraw', { draft: d.id }) }, 'Withdraw')),
        d.resolution ? h('div', {}, `Adopted as resolution ${d.resolution}`) : null,
        (d.amendments ?? []).map((a) => h('div', { class: 'amendment' }, `${a.id}: ${a.action} clause ${a.clause} by ${seatName(s, a.by)}${a.friendly ? ' (friendly)' : ''} · ${a.status ?? ''}`)))))];
  });
}
