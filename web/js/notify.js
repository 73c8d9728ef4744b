// Command feedback: every command's rejection is shown as the server's sentence, so the
// chair or delegate knows what to do next; nothing fails silently.

let region;

export function mountNotices(el) { region = el; region.setAttribute('role', 'alert'); }

export function notice(text, kind = 'info') {
  if (!region) return;
  const item = document.createElement('div');
  item.className = `notice ${kind}`;
  item.textContent = text;
  region.prepend(item);
  while (region.children.length > 3) region.lastChild.remove();
  setTimeout(() => item.remove(), kind === 'error' ? 9000 : 4000);
}

/** Sends a command and reports a rejection; resolves with the ack or null. */
export async function act(client, name, args = {}) {
  try {
    return await client.send(name, args);
  } catch (e) {
    notice(`${e.code ? `${e.code}: ` : ''}${e.message}`, 'error');
    return null;
  }
}
