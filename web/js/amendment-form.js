// Proposing an amendment to a draft (`amendment.submit {draft, clause, action, text}`): clause
// numbers are the draft's operative numbers, as the view lists them.
import { h } from './dom.js';
import { act, notice } from './notify.js';

export function amendmentForm(client, getState) {
  const draft = h('select', { name: 'draft', 'aria-label': 'Draft' });
  const clause = h('input', { type: 'number', name: 'clause', min: 1, step: 1, placeholder: 'Clause', 'aria-label': 'Operative clause number', class: 'count' });
  const action = h('select', { name: 'action', 'aria-label': 'Action' },
    [['modify', 'Modify'], ['add', 'Add after'], ['strike', 'Strike']].map(([v, l]) => h('option', { value: v }, l)));
  const text = h('textarea', { name: 'text', rows: 2, placeholder: 'New text (not needed to strike)' });
  const form = h('form', { class: 'stack', id: 'amendment-form' }, draft, h('div', { class: 'row' }, action, clause), text,
    h('button', { type: 'submit' }, 'Submit amendment'));
  const refresh = () => {
    const ids = (getState()?.drafts ?? []).filter((d) => !['withdrawn', 'adopted', 'rejected', 'vetoed'].includes(d.status)).map((d) => d.id);
    const keep = draft.value;
    if (JSON.stringify(ids) === JSON.stringify([...draft.options].map((o) => o.value))) return;
    draft.replaceChildren(...ids.map((id) => h('option', { value: id }, id)));
    if (ids.includes(keep)) draft.value = keep;
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!draft.value) { notice('There is no draft to amend.', 'error'); return; }
    const args = { draft: draft.value, clause: Number(clause.value), action: action.value, text: text.value.trim() };
    if (await act(client, 'amendment.submit', args)) { form.reset(); notice('Amendment submitted.'); }
  });
  refresh();
  return { form, refresh };
}
