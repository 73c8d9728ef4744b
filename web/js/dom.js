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

/**
 * Re-renders `el` from `render(state)` only when `select(state)` changed, so buttons and
 * focus survive unrelated events.
 */
export function section(el, select, render) {
  let last;
  return (state) => {
    const slice = JSON.stringify(select(state) ?? null);
    if (slice === last) return;
    last = slice;
    el.replaceChildren(...[render(state)].flat().filter(Boolean));
  };
}

export const $ = (sel, root = document) => root.querySelector(sel);
