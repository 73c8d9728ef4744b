// Submitting a draft resolution (`draft.submit`): one clause per line, "P:" marks a preambular
// clause; sponsor codes are checked against the roster before anything is sent.
import { h } from './dom.js';
import { rollOrder } from './names.js';
import { act, notice } from './notify.js';

/** The draft submission form: one clause per line, "P:" marks a preambular clause. */
export function draftForm(client, getState, { sponsor = '' } = {}) {
  const title = h('input', { type: 'text', name: 'title', placeholder: 'Title', required: true });
  const sponsors = h('input', { type: 'text', name: 'sponsors', placeholder: 'Sponsors (codes, comma separated)', required: true, value: sponsor });
  const clauses = h('textarea', { name: 'clauses', rows: 3, placeholder: 'One clause per line; start with P: for a preambular clause' });
  const form = h('form', { class: 'stack', id: 'draft-form' }, title, sponsors, clauses, h('button', { type: 'submit' }, 'Submit draft'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const known = new Set(rollOrder(getState()));
    const codes = sponsors.value.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);
    const bad = codes.filter((c) => !known.has(c));
    if (bad.length) { notice(`Unknown seat codes: ${bad.join(', ')}`, 'error'); return; }
    const list = clauses.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) =>
      /^p:/i.test(l) ? { kind: 'preambular', text: l.slice(2).trim() } : { kind: 'operative', text: l });
    if (await act(client, 'draft.submit', { title: title.value, sponsors: codes, clauses: list })) { form.reset(); sponsors.value = sponsor; }
  });
  return form;
}
