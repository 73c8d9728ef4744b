// Tiny DOM helpers so the views stay declarative without a framework.

/** h('button', {class: 'x', onclick}, 'text', child…) → Element. Falsy children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const typing = (el) => {
  const a = document.activeElement;
  return a && el.contains(a) && (['INPUT', 'TEXTAREA', 'SELECT'].includes(a.tagName) || a.isContentEditable);
};

/**
 * Re-renders `el` from `render(state)` only when `select(state)` changed, so buttons and
 * focus survive unrelated events. While the user is typing in a field of `el`, the update waits
 * until the focus leaves it, so an event never wipes half-entered input.
 */
export function section(el, select, render) {
  let last;
  let deferred = null;
  const paint = (state) => el.replaceChildren(...[render(state)].flat().filter(Boolean));
  el.addEventListener('focusout', () => {
    setTimeout(() => {
      if (deferred && !typing(el)) { const s = deferred; deferred = null; paint(s); }
    }, 0);
  });
  return (state) => {
    const slice = JSON.stringify(select(state) ?? null);
    if (slice === last) return;
    last = slice;
    if (typing(el)) { deferred = state; return; }
    deferred = null;
    paint(state);
  };
}

export const $ = (sel, root = document) => root.querySelector(sel);
