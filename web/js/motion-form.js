// A form for `motion.propose {kind, args}` (protocol.md §7): shows the fields each kind takes
// and converts minutes/seconds to the milliseconds the protocol wants.
import { h } from './dom.js';
import { MOTION_LABEL } from './names.js';

const FIELDS = {
  set_speaking_time: [['seconds', 'Speaking time (s)', 'number', (v, a) => { a.ms = v * 1000; }]],
  moderated_caucus: [
    ['total', 'Total (min)', 'number', (v, a) => { a.totalMs = v * 60000; }],
    ['speaker', 'Per speaker (s)', 'number', (v, a) => { a.speakerMs = v * 1000; }],
    ['topic', 'Topic', 'text', (v, a) => { a.topic = v; }]],
  unmoderated_caucus: [
    ['total', 'Total (min)', 'number', (v, a) => { a.totalMs = v * 60000; }],
    ['topic', 'Topic (optional)', 'text', (v, a) => { if (v) a.topic = v; }]],
  extend_caucus: [['minutes', 'Extension (min)', 'number', (v, a) => { a.ms = v * 60000; }]],
  suspend_meeting: [['minutes', 'Duration (min, optional)', 'number', (v, a) => { if (v) a.durationMs = v * 60000; }]],
  set_agenda: [['topic', 'Topic', 'text', (v, a) => { a.topic = v; }]],
  introduce_draft: [['draft', 'Draft', 'text', (v, a) => { a.draft = v; }]],
  introduce_amendment: [['amendment', 'Amendment', 'text', (v, a) => { a.amendment = v; }]],
  divide_question: [
    ['draft', 'Draft', 'text', (v, a) => { a.draft = v; }],
    ['parts', 'Parts (clauses, e.g. 1,2;3)', 'text', (v, a) => { a.parts = v.split(';').map((p) => p.split(',').map((n) => Number(n.trim())).filter(Boolean)); }]],
  reorder_drafts: [['order', 'Drafts in order (comma separated)', 'text', (v, a) => { a.order = v.split(',').map((s) => s.trim()).filter(Boolean); }]],
  reconsider: [['vote', 'Vote id', 'text', (v, a) => { a.vote = v; }]],
  appeal: [['ruling', 'Ruling id', 'text', (v, a) => { a.ruling = v; }]],
};

/** Builds the form; `submit({kind, args})` is called with the parsed motion. */
export function motionForm(submit, { seatPicker = null } = {}) {
  const kind = h('select', { name: 'kind', 'aria-label': 'Motion' },
    Object.entries(MOTION_LABEL).map(([k, label]) => h('option', { value: k }, label)));
  const fields = h('div', { class: 'motion-fields' });
  const showFields = () => {
    fields.replaceChildren(...(FIELDS[kind.value] ?? []).map(([name, label, type]) =>
      h('label', {}, label, h('input', { name, type, ...(type === 'number' ? { min: 0, step: 'any' } : {}) }))));
  };
  kind.addEventListener('change', showFields);
  showFields();
  const form = h('form', { class: 'motion-form' }, seatPicker, kind, fields, h('button', { type: 'submit' }, 'Propose'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const args = {};
    for (const [name, , type, apply] of FIELDS[kind.value] ?? []) {
      const raw = form.elements[name].value.trim();
      if (raw === '' && type === 'number') continue;
      apply(type === 'number' ? Number(raw) : raw, args);
    }
    submit({ kind: kind.value, args });
  });
  return form;
}
