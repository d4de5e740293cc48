// Small DOM and i18n helpers shared by the tabs (no framework).
import * as mc from 'mallcare';

/** The module locale, as mallcare knows it. */
export const locale = () => (typeof mc.getLocale === 'function' ? mc.getLocale() : 'zh-CN');
export const isZh = () => locale() !== 'en';
/** Pick the text of the current locale: `t('中文', 'English')`. */
export const t = (zh, en) => (isZh() ? zh : en);
/** A descriptor label / message: a string or `{ "zh-CN", en }`. */
export const text = (v) => (v == null ? '' : typeof v === 'string' ? v : (isZh() ? v['zh-CN'] ?? v.en : v.en ?? v['zh-CN']) ?? '');

/**
 * Builds an element: `h('div.card', { onclick }, child, ...)`. Attributes starting with `on` become listeners,
 * `class`, `style`, `dataset` and boolean properties are handled; children may be strings, nodes, arrays or null.
 */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs != null && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = [el.className, v].filter(Boolean).join(' ');
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An SVG element with attributes. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** Replaces the children of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Fen as "¥1,234.50", through mallcare (falls back to a plain format if the call is missing). */
export function yuan(fen) {
  if (fen == null) return '—';
  try { return mc.formatAmount(fen); } catch { return `¥${(fen / 100).toFixed(2)}`; }
}

/** A list of issues `{ code, path, message }` as a table. */
export function issuesView(issues, title) {
  return h('div.issues', { role: 'alert' },
    title ? h('div.issues-title', title) : null,
    h('table', h('thead', h('tr', h('th', t('代码', 'code')), h('th', t('路径', 'path')), h('th', t('说明', 'message')))),
      h('tbody', issues.map((i) => h('tr',
        h('td', h('code', i.code)), h('td', h('code', i.path === '' ? '""' : i.path)), h('td', i.message))))));
}

/** What an exception shows: a MallcareError's issues, or the plain error (never a blank panel). */
export function errorView(e, title) {
  if (e && e.name === 'MallcareError' && Array.isArray(e.issues)) {
    return issuesView(e.issues, title ?? t(`mallcare 拒绝了输入（${e.code}）`, `mallcare refused the input (${e.code})`));
  }
  return h('div.issues', { role: 'alert' }, h('div.issues-title', title ?? t('出错了', 'Something went wrong')),
    h('pre', String(e && e.stack ? e.message : e)));
}

/**
 * Runs `fn` and puts what it returns (nodes) into `target`; a thrown error is shown there as its issues.
 * Returns the value or undefined.
 */
export function attempt(target, fn) {
  try {
    const out = fn();
    if (target && out !== undefined) mount(target, out);
    return out;
  } catch (e) {
    if (target) mount(target, errorView(e));
    return undefined;
  }
}

/** A note for an API the package in use does not have (a pillar still being finished). */
export function missingNote(names) {
  return h('div.note', t(`当前 mallcare 包中没有 ${names.join('、')}：此部分暂不可用。重新构建包（bash scripts/build-pkg.sh）后再试。`,
    `This mallcare build has no ${names.join(', ')}: this part is unavailable. Rebuild the package (bash scripts/build-pkg.sh) and reload.`));
}

/** Which of the named exports are missing. */
export const missing = (...names) => names.filter((n) => typeof mc[n] !== 'function');

/** A label + control pair. */
export const field = (label, control, hint) => h('label.field', h('span.label', label), control, hint ? h('small.hint', hint) : null);

/** A small key/value list. */
export function facts(rows) {
  return h('dl.facts', rows.filter((r) => r && r[1] !== undefined).map(([k, v]) => [h('dt', k), h('dd', v == null ? '—' : v)]));
}

/** A select element from `[value, label]` pairs. */
export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map(([v, l]) => h('option', { value: v, selected: String(v) === String(value) }, l)));
}

/** A collapsible JSON view. */
export function jsonView(summary, value) {
  return h('details.json', h('summary', summary), h('pre', JSON.stringify(value, null, 2)));
}

/** `YYYY-MM-DDTHH:MM` (datetime-local) to RFC 3339 in China time, and back. */
export const toRfc = (local) => (local && local.length === 16 ? `${local}:00+08:00` : local);
export const fromRfc = (ts) => (ts ? ts.slice(0, 16) : '');

/** A badge. */
export const badge = (label, kind = '') => h(`span.badge${kind ? '.' + kind : ''}`, label);

/** Small stroke icons (inline SVG: no icon font, no emoji font needed). */
const ICONS = {
  calendar: 'M3 5h14v12H3z M3 9h14 M7 3v4 M13 3v4',
  check: 'M3 4h14v12H3z M6 10l3 3 5-6',
  returns: 'M8 5L4 9l4 4 M4 9h9a4 4 0 0 1 0 8h-3',
  gift: 'M3 8h14v3H3z M4 11h12v6H4z M10 8v9 M10 8c-2-4-6-3-4-1 M10 8c2-4 6-3 4-1',
  compass: 'M10 2a8 8 0 1 0 0 16a8 8 0 1 0 0-16z M13 7l-2 4-4 2 2-4z',
};
export function icon(name) {
  return s('svg', { viewBox: '0 0 20 20', width: 18, height: 18, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6,
    'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true' }, s('path', { d: ICONS[name] ?? '' }));
}
