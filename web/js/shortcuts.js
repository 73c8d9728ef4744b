// Chair keyboard shortcuts for the frequent actions. Ignored while typing in a field.
// During a roll call with a seat being called, Y/N/A/P record that seat's spoken answer;
// otherwise N recognises the next speaker.
import { act } from './notify.js';
import { recordForNext } from './chair-vote.js';

export const SHORTCUTS = [
  ['N', 'Next speaker (no roll call in progress)'],
  ['Space', 'Pause / resume the speaker'],
  ['E', 'End the speech'],
  ['Y / N / A / P', 'Record yes / no / abstain / pass for the seat being called'],
  ['C', 'Close the vote'],
];

export function installShortcuts(client) {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    const s = client.state;
    const calling = s?.vote?.method === 'roll_call' && s.vote.next;
    const key = e.key.toLowerCase();
    let handled = true;
    if (calling && ['y', 'n', 'a', 'p'].includes(key)) {
      recordForNext(client, { y: 'yes', n: 'no', a: 'abstain', p: 'pass' }[key]);
    } else if (key === 'n') act(client, 'speakers.next');
    else if (e.key === ' ') {
      if (t instanceof HTMLButtonElement) return; // let Space press the focused button
      const cur = (s?.caucus?.kind === 'moderated' ? s.caucus : s?.speakers)?.current;
      if (cur) act(client, cur.running ? 'speaker.pause' : 'speaker.resume');
    } else if (key === 'e') act(client, 'speaker.end');
    else if (key === 'c' && s?.vote) act(client, 'vote.close');
    else handled = false;
    if (handled) e.preventDefault();
  });
}
