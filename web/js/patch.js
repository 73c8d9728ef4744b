// RFC 6902 JSON Patch (add / remove / replace, plus move / copy / test for completeness) applied
// in place. Owns one invariant: applying every event's patch to the welcome state reproduces the
// server's view exactly, so a malformed patch throws instead of guessing.

export class PatchError extends Error {}

/** Splits a JSON Pointer into unescaped tokens (`~1` → `/`, then `~0` → `~`). */
export function parsePointer(path) {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`bad pointer: ${path}`);
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(arr, token, forAdd) {
  if (forAdd && token === '-') return arr.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PatchError(`bad array index: ${token}`);
  const i = Number(token);
  if (i > arr.length || (!forAdd && i === arr.length)) throw new PatchError(`index out of range: ${token}`);
  return i;
}

function parentOf(doc, tokens) {
  let node = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[arrayIndex(node, t, false)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, t)) node = node[t];
    else throw new PatchError(`path not found at ${t}`);
  }
  return node;
}

function get(doc, tokens) {
  let node = doc;
  for (const t of tokens) {
    if (Array.isArray(node)) node = node[arrayIndex(node, t, false)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, t)) node = node[t];
    else throw new PatchError(`path not found at ${t}`);
  }
  return node;
}

function add(doc, tokens, value) {
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else if (parent !== null && typeof parent === 'object') parent[key] = value;
  else throw new PatchError('add into a scalar');
  return doc;
}

function remove(doc, tokens) {
  if (tokens.length === 0) throw new PatchError('cannot remove the root');
  const parent = parentOf(doc, tokens);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
  else if (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key)) delete parent[key];
  else throw new PatchError(`nothing to remove at ${key}`);
  return doc;
}

const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Applies `ops` to `doc` and returns the new document (the root may be replaced). */
export function applyPatch(doc, ops) {
  for (const op of ops) {
    const tokens = parsePointer(op.path);
    switch (op.op) {
      case 'add': doc = add(doc, tokens, clone(op.value)); break;
      case 'remove': doc = remove(doc, tokens); break;
      case 'replace':
        if (tokens.length === 0) { doc = clone(op.value); break; }
        get(doc, tokens); // must exist
        doc = remove(doc, tokens);
        doc = add(doc, tokens, clone(op.value));
        break;
      case 'move': {
        const from = parsePointer(op.from);
        const v = get(doc, from);
        doc = remove(doc, from);
        doc = add(doc, tokens, v);
        break;
      }
      case 'copy': doc = add(doc, tokens, clone(get(doc, parsePointer(op.from)))); break;
      case 'test':
        if (JSON.stringify(get(doc, tokens)) !== JSON.stringify(op.value)) throw new PatchError(`test failed at ${op.path}`);
        break;
      default: throw new PatchError(`unknown op ${op.op}`);
    }
  }
  return doc;
}
