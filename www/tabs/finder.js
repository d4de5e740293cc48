// Tab 5: the indoor store-finder on the sample mall: pinyin search, a level map in SVG, routes across floors
// (default and accessible) with turn-by-turn steps, and the nearest restroom.
import * as mc from 'mallcare';
import sampleDoc from '../../data/finder/sample-mall.json';
import { h, s, t, mount, attempt, field, select, badge, missingNote, errorView, toRfc } from '../lib/ui.js';

const state = {
  query: 'xbk', level: 'L1', fromKind: 'parking', fromParking: 'B2-A-017', fromPlace: 'exit-s', to: 's-1-02',
  mode: 'default', optimize: 'distance', at: '2026-05-02T14:00', route: null, routeTitle: null, highlight: null, hits: [],
};
let refs = {};
let venue = null;
let venueError = null;
let geo = null; // drawing geometry: corridors, store boxes, connectors (from the venue document when it is the sample)

const KIND_ICON = {
  restroom: 'WC', accessibleRestroom: '♿', motherBabyRoom: 'MB', serviceDesk: 'i', atm: '¥', lockers: 'L',
  wheelchairRental: '♿', strollerRental: 'St', umbrellaRental: '☂', lostAndFound: '?', exit: '⇱', other: '•',
};
const KIND_NAME = {
  store: ['店铺', 'store'], restroom: ['洗手间', 'restroom'], accessibleRestroom: ['无障碍洗手间', 'accessible restroom'], motherBabyRoom: ['母婴室', 'mother & baby room'],
  serviceDesk: ['服务台', 'service desk'], atm: ['ATM', 'ATM'], lockers: ['储物柜', 'lockers'], wheelchairRental: ['轮椅借用', 'wheelchairs'],
  strollerRental: ['婴儿车借用', 'strollers'], umbrellaRental: ['雨伞借用', 'umbrellas'], lostAndFound: ['失物招领', 'lost and found'], exit: ['出入口', 'exit'], other: ['其他', 'other'],
};
const STEP_ICON = { depart: '●', walk: '↑', turn: '↱', elevator: '⇅', escalator: '⤴', stairs: '⌸', ramp: '⟋', walkway: '⇉', arrive: '◎' };
const CAT_COLOR = {
  supermarket: '#d8f0d2', cafe: '#ecdccb', restaurant: '#fde2c8', fastfood: '#fde2c8', dessert: '#fbd9e4', tea: '#e3f1d8', bakery: '#f6e7c8',
  fashion: '#e2e6fb', shoes: '#dfe9f7', sports: '#d6ecf3', outdoor: '#d6ecf3', kids: '#fff0c2', toys: '#fff0c2', beauty: '#f9dcec', jewelry: '#f3e5c4',
  watches: '#f3e5c4', electronics: '#dbe4ee', cinema: '#e6dcf3', fitness: '#d6ecf3', books: '#efe6d8', stationery: '#efe6d8', home: '#e9efe0', lifestyle: '#e9efe0',
};

function loadVenue() {
  if (venue || venueError) return;
  try { venue = mc.Venue.sample(); } catch (e) { venueError = e; return; }
  try {
    // The API exposes levels, places (label points) and routes; corridors and shop fronts come from the same
    // document the sample is built from, used only when it is byte-for-byte that venue (same fingerprint).
    const doc = mc.Venue.load(sampleDoc);
    if (doc.fingerprint === venue.fingerprint) geo = buildGeometry(sampleDoc);
    doc.free?.();
  } catch { geo = null; }
}

function buildGeometry(doc) {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const adj = new Map();
  for (const e of doc.edges ?? []) {
    for (const [a, b] of [[e.from, e.to], [e.to, e.from]]) { if (!adj.has(a)) adj.set(a, []); adj.get(a).push(b); }
  }
  const byLevel = new Map();
  const lv = (id) => { if (!byLevel.has(id)) byLevel.set(id, { edges: [], boxes: new Map(), connectors: [] }); return byLevel.get(id); };
  for (const e of doc.edges ?? []) {
    const a = nodes.get(e.from); const b = nodes.get(e.to);
    if (a && b && a.level === b.level) lv(a.level).edges.push({ a, b, kind: e.kind ?? 'corridor' });
  }
  for (const p of doc.places ?? []) {
    if (p.kind !== 'store') continue;
    const door = nodes.get(p.entrances?.[0]);
    const inner = door && (adj.get(door.id) ?? []).map((id) => nodes.get(id)).find(Boolean);
    if (!door || !inner) continue;
    let dx = door.x - inner.x; let dy = door.y - inner.y;
    const len = Math.hypot(dx, dy) || 1; dx /= len; dy /= len;
    const depth = 10; const width = 9;
    const cx = door.x + dx * depth / 2; const cy = door.y + dy * depth / 2;
    const w = Math.abs(dx) > 0.5 ? depth : width; const hgt = Math.abs(dx) > 0.5 ? width : depth;
    // Corner shops (a diagonal door) keep their label near the door, clear of the stairwell in the corner.
    const diagonal = Math.abs(dx) > 0.3 && Math.abs(dy) > 0.3;
    const lx = diagonal ? door.x + dx * 3 : cx; const ly = diagonal ? door.y + dy * 3 + 1.5 : cy;
    lv(p.level).boxes.set(p.id, { x: cx - w / 2, y: cy - hgt / 2, w, h: hgt, cx: lx, cy: ly });
  }
  for (const c of doc.connectors ?? []) {
    c.nodes.forEach((id) => { const n = nodes.get(id); if (n) lv(n.level).connectors.push({ id: c.id, kind: c.kind, x: n.x, y: n.y }); });
  }
  const xs = doc.nodes.map((n) => n.x); const ys = doc.nodes.map((n) => n.y);
  return { byLevel, bounds: { minX: Math.min(...xs) - 10, maxX: Math.max(...xs) + 10, minY: Math.min(...ys) - 5, maxY: Math.max(...ys) + 5 }, parking: doc.parking ?? [] };
}

let cache = null; // the venue's places and levels, read once (each getter call crosses the wasm boundary)
const places = () => (cache ??= { places: venue.places, levels: venue.levels }).places;
const placeById = (id) => places().find((p) => p.id === id);
const levels = () => (cache ??= { places: venue.places, levels: venue.levels }).levels;
const levelName = (id) => levels().find((l) => l.id === id)?.name ?? id;
const pName = (p) => (p ? t(p.name, p.nameEn || p.name) : '');

function fromEndpoint() {
  return state.fromKind === 'parking' ? { parking: state.fromParking.trim() } : { place: state.fromPlace };
}

function mapView() {
  const lvl = state.level;
  const g = geo?.byLevel.get(lvl);
  const all = places();
  const b = geo?.bounds ?? (() => {
    const xs = all.map((p) => p.x); const ys = all.map((p) => p.y);
    return { minX: Math.min(...xs) - 12, maxX: Math.max(...xs) + 12, minY: Math.min(...ys) - 12, maxY: Math.max(...ys) + 12 };
  })();
  const W = b.maxX - b.minX; const H = b.maxY - b.minY;
  const X = (x) => (x - b.minX).toFixed(2); const Y = (y) => (b.maxY - y).toFixed(2); // north up
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': t(`${levelName(lvl)} 平面图`, `map of ${levelName(lvl)}`) });
  svg.append(s('rect', { x: 1, y: 1, width: W - 2, height: H - 2, rx: 3, class: 'floor' }));
  if (g) {
    for (const e of g.edges) svg.append(s('line', { x1: X(e.a.x), y1: Y(e.a.y), x2: X(e.b.x), y2: Y(e.b.y), class: `corridor ${e.kind}` }));
  }
  const onLevel = all.filter((p) => p.level === lvl);
  const hitIds = new Set(state.hits.map((x) => x.id));
  const target = state.route?.to?.place;
  for (const p of onLevel) {
    const box = g?.boxes.get(p.id);
    const cls = ['place', p.kind, hitIds.has(p.id) ? 'hit' : '', p.id === target ? 'target' : '', p.id === state.highlight ? 'focus' : ''].filter(Boolean).join(' ');
    const title = s('title', {}, `${pName(p)} · ${p.unit ?? ''} ${p.category ?? t(...(KIND_NAME[p.kind] ?? [p.kind, p.kind]))}`);
    const grp = s('g', { class: cls, 'data-place': p.id, tabindex: 0 }, title);
    grp.addEventListener('click', () => { state.to = p.id; state.highlight = p.id; if (p.kind === 'store') computeRoute(); else redraw(); });
    if (p.kind === 'store' && box) {
      grp.append(s('rect', { x: X(box.x), y: Y(box.y + box.h), width: box.w, height: box.h, rx: 0.8, fill: CAT_COLOR[p.category] ?? '#eef0f3' }));
      const label = p.name.length > 4 ? p.name.slice(0, 4) : p.name;
      grp.append(s('text', { x: X(box.cx), y: (Number(Y(box.cy)) + 0.9).toFixed(2), class: 'store-label' }, t(label, (p.nameEn || p.name).split(' ')[0].slice(0, 9))));
    } else if (p.kind === 'store') {
      grp.append(s('circle', { cx: X(p.x), cy: Y(p.y), r: 1.8 }));
    } else {
      grp.append(s('circle', { cx: X(p.x), cy: Y(p.y), r: 2.6, class: 'amenity' }));
      grp.append(s('text', { x: X(p.x), y: (Number(Y(p.y)) + 0.9).toFixed(2), class: 'amenity-label' }, KIND_ICON[p.kind] ?? '•'));
    }
    svg.append(grp);
  }
  if (g) {
    for (const c of g.connectors) {
      const sym = c.kind === 'elevator' ? 'E' : c.kind === 'stairs' ? 'S' : '⇵';
      svg.append(s('g', { class: `connector ${c.kind}` }, s('title', {}, `${c.id} ${c.kind}`),
        s('rect', { x: (Number(X(c.x)) - 2).toFixed(2), y: (Number(Y(c.y)) - 2).toFixed(2), width: 4, height: 4, rx: 0.8 }),
        s('text', { x: X(c.x), y: (Number(Y(c.y)) + 0.9).toFixed(2) }, sym)));
    }
  }
  if (g) {
    for (const pk of geo.parking) {
      if (pk.level !== lvl || pk.x == null) continue;
      const sel = state.fromKind === 'parking' && pk.code.toUpperCase() === state.fromParking.trim().toUpperCase();
      svg.append(s('rect', { x: (Number(X(pk.x)) - 1.6).toFixed(2), y: (Number(Y(pk.y)) - 2.2).toFixed(2), width: 3.2, height: 4.4, class: `bay${sel ? ' sel' : ''}` }, s('title', {}, pk.code)));
    }
  }
  // The route on this level: each leg is a polyline in walking order.
  const r = state.route;
  if (r) {
    for (const leg of r.legs.filter((l) => l.level === lvl)) {
      const pts = leg.points.map(([x, y]) => `${X(x)},${Y(y)}`).join(' ');
      svg.append(s('polyline', { points: pts, class: 'route-casing' }));
      svg.append(s('polyline', { points: pts, class: 'route' }));
      const [sx, sy] = leg.points[0]; const [ex, ey] = leg.points[leg.points.length - 1];
      svg.append(s('circle', { cx: X(sx), cy: Y(sy), r: 1.6, class: 'leg-start' }));
      svg.append(s('circle', { cx: X(ex), cy: Y(ey), r: 1.6, class: 'leg-end' }));
    }
  }
  if (r) {
    if (r.from.level === lvl) svg.append(pin(X(r.from.x), Y(r.from.y), 'A', 'pin-from'));
    if (r.to.level === lvl) svg.append(pin(X(r.to.x), Y(r.to.y), 'B', 'pin-to'));
  }
  // compass
  svg.append(s('g', { class: 'compass' }, s('text', { x: W - 5, y: 6 }, 'N'), s('path', { d: `M ${W - 5} 7.5 l -1.5 4 l 1.5 -1 l 1.5 1 z` })));
  return svg;
}

function pin(x, y, label, cls) {
  return s('g', { class: `pin ${cls}` }, s('path', { d: `M ${x} ${y} l -2.6 -4.2 a 3 3 0 1 1 5.2 0 z` }),
    s('text', { x, y: (Number(y) - 4.6).toFixed(2) }, label));
}

function levelBar() {
  const used = new Set(state.route ? state.route.legs.map((l) => l.level) : []);
  const sorted = [...levels()].sort((a, b) => b.ordinal - a.ordinal);
  return h('div.levels', { role: 'tablist', 'aria-label': t('楼层', 'levels') }, sorted.map((l) =>
    h('button', { type: 'button', role: 'tab', 'aria-selected': String(l.id === state.level), dataset: { level: l.id }, class: used.has(l.id) ? 'on-route' : '',
      onclick: () => { state.level = l.id; redraw(); } }, l.name)));
}

function stepsView(r) {
  const lvlOf = (st) => st.level;
  return h('ol.steps', { id: 'route-steps' }, r.steps.map((st) => h('li', { class: `step ${st.kind}`, onclick: () => { state.level = lvlOf(st); redraw(); } },
    h('span.step-icon', { class: st.turn ?? '' }, STEP_ICON[st.kind] ?? '•'),
    h('span.step-text', t(st.text, st.textEn)),
    h('span.step-level', levelName(st.level)))));
}

function routeSummary(r) {
  const min = Math.max(1, Math.round(r.seconds / 60));
  return h('div.route-sum',
    h('div', h('strong.big', `${Math.round(r.metres)} ${t('米', 'm')}`), h('span.muted', t(` · 约 ${min} 分钟`, ` · about ${min} min`))),
    h('div.muted', `${t(r.from.name, r.from.nameEn)} (${r.from.levelName}) → ${t(r.to.name, r.to.nameEn)} (${r.to.levelName})`),
    h('div', badge(r.mode === 'accessible' ? t('无障碍路线：不走楼梯和扶梯', 'step-free: no stairs, no escalators') : r.mode === 'avoidElevators' ? t('不乘电梯', 'no elevators') : t('默认路线', 'default route'), r.mode === 'accessible' ? 'green' : 'blue'),
      r.connectors.length ? h('span.muted', ` ${t('经过', 'via')} ${r.connectors.join(' → ')}`) : null));
}

function routeOptions() {
  const o = { mode: state.mode, optimize: state.optimize };
  if (state.at) o.at = toRfc(state.at);
  return o;
}

/** The destination: unit, hours, phone, and whether it is open at `at` (public holidays from the calendar). */
function placeInfo() {
  const p = placeById(state.to);
  if (!p) return h('span');
  let open = null;
  if (p.hours && state.at && typeof mc.openingHoursAt === 'function') {
    try { open = mc.openingHoursAt(p.hours, toRfc(state.at)); } catch (e) { open = { error: e }; }
  }
  return h('div.place-info',
    h('strong', pName(p)), ' ', badge(levelName(p.level), 'blue'), p.unit ? h('span.muted', ` ${p.unit}`) : null,
    h('div.muted.small', [p.hours ? `${t('营业', 'hours')} ${p.hours}` : null, p.phone ? `☎ ${p.phone}` : null].filter(Boolean).join(' · ')),
    open && !open.error ? h('div', open.open ? badge(t('营业中', 'open'), 'green') : badge(t('已打烊', 'closed'), 'bad'),
      open.nextChange ? h('span.muted.small', t(` 下次变化 ${open.nextChange.slice(0, 16).replace('T', ' ')}`, ` next change ${open.nextChange.slice(0, 16).replace('T', ' ')}`)) : null) : null,
    open?.error ? errorView(open.error) : null);
}

function computeRoute() {
  state.routeTitle = null;
  attempt(refs.routeOut, () => {
    const r = venue.route(fromEndpoint(), { place: state.to }, routeOptions());
    state.route = r;
    state.level = r.legs[0]?.level ?? r.from.level;
    return h('div', routeSummary(r), stepsView(r));
  }) ?? (state.route = null);
  redraw();
}

function nearestRestroom() {
  const what = state.mode === 'accessible' ? 'accessibleRestroom' : 'restroom';
  attempt(refs.routeOut, () => {
    const [hit] = venue.nearest(fromEndpoint(), what, { ...routeOptions(), limit: 1 });
    state.route = hit.route;
    state.level = hit.route.legs[0]?.level ?? hit.place.level;
    return h('div', h('p.nearest', { id: 'nearest-out' }, t(`最近的${what === 'restroom' ? '洗手间' : '无障碍洗手间'}：`, `Nearest ${what === 'restroom' ? 'restroom' : 'accessible restroom'}: `),
      h('strong', pName(hit.place)), t(`（${levelName(hit.place.level)}，${Math.round(hit.metres)} 米）`, ` (${levelName(hit.place.level)}, ${Math.round(hit.metres)} m)`)),
    routeSummary(hit.route), stepsView(hit.route));
  });
  redraw();
}

function search() {
  attempt(refs.hits, () => {
    const hits = state.query.trim() ? venue.search(state.query, { limit: 8 }) : [];
    state.hits = hits;
    if (!hits.length) return h('p.muted', state.query.trim() ? t('没有找到。', 'Nothing found.') : t('输入店名、拼音或首字母，例如 xbk、xingbake、星巴可、starbuks。', 'Type a name, pinyin or initials: xbk, xingbake, 星巴可, starbuks.'));
    return h('ul.hits', { id: 'search-hits' }, hits.map((hit) => {
      const p = placeById(hit.id);
      return h('li', { class: hit.id === state.to ? 'sel' : '' },
        h('button.hit', { type: 'button', onclick: () => { state.to = hit.id; state.highlight = hit.id; state.level = p.level; computeRoute(); renderSelects(); search(); } },
          h('span.hit-name', p ? pName(p) : hit.id), h('span.hit-en', p ? t(p.nameEn, p.name) : ''),
          h('span.hit-meta', badge(levelName(p?.level), 'blue'), p?.category ? badge(p.category, 'muted') : badge(t(...(KIND_NAME[p?.kind] ?? ['', ''])), 'muted'),
            h('small.muted', `${hit.matched} · ${hit.field}`))));
    }));
  });
  redraw();
}

function redraw() {
  if (!refs.map) return;
  if (refs.placeInfo) mount(refs.placeInfo, placeInfo());
  mount(refs.levelBar, levelBar());
  attempt(refs.map, mapView);
  mount(refs.mapTitle, `${levelName(state.level)} · ${t(venue.summary.name, venue.summary.nameEn)}`);
}

function placeOptions(filter) {
  const groups = [...levels()].sort((a, b) => a.ordinal - b.ordinal).map((l) => {
    const ps = places().filter((p) => p.level === l.id && filter(p));
    return ps.length ? h('optgroup', { label: l.name }, ps.map((p) => h('option', { value: p.id }, pName(p)))) : null;
  });
  return groups;
}

function renderSelects() {
  if (refs.toSel) refs.toSel.value = state.to;
}

function renderAll() {
  const panel = refs.panel;
  if (typeof mc.Venue !== 'function') { mount(panel, h('h2', t('导购', 'Finder')), missingNote(['Venue'])); return; }
  loadVenue();
  if (!venue) { mount(panel, h('h2', t('导购', 'Finder')), errorView(venueError)); return; }
  const sum = venue.summary;
  Object.assign(refs, { map: h('div.map-box'), levelBar: h('div'), mapTitle: h('strong'), hits: h('div', { 'aria-live': 'polite' }), routeOut: h('div.route-out', { 'aria-live': 'polite' }), placeInfo: h('div') });
  const toSel = h('select', { id: 'finder-to', onchange: (e) => { state.to = e.target.value; computeRoute(); } }, placeOptions((p) => p.kind === 'store'));
  refs.toSel = toSel;
  const fromPlace = h('select', { id: 'finder-from-place', onchange: (e) => { state.fromPlace = e.target.value; } }, placeOptions((p) => true));
  const fromParking = h('input', { id: 'finder-from-parking', value: state.fromParking, size: 10, oninput: (e) => { state.fromParking = e.target.value; }, placeholder: 'B2-A-017' });
  const fromBox = h('div.from-box');
  const renderFrom = () => mount(fromBox, state.fromKind === 'parking' ? field(t('车位号', 'Parking space'), fromParking) : field(t('地点', 'Place'), fromPlace));
  const searchInput = h('input', { id: 'finder-search', type: 'search', value: state.query, placeholder: 'xbk / 星巴克 / starbucks', autocomplete: 'off',
    oninput: (e) => { state.query = e.target.value; search(); } });
  mount(panel,
    h('div.intro', h('h2', t('导购', 'Finder')),
      h('p', t(`示例广场：${sum.levels.length} 层（没有 4F）、${sum.stores} 家店铺、${sum.parking} 个车位。支持拼音和首字母搜索、跨楼层路线（含无障碍路线）和逐步导航。`,
        `${sum.nameEn}: ${sum.levels.length} levels (no 4F), ${sum.stores} stores, ${sum.parking} parking spaces. Pinyin and initials search, routes across floors (step-free too) with turn-by-turn steps.`))),
    h('div.grid-finder',
      h('div.stack',
        h('div.card', h('h3', t('搜索', 'Search')), field(t('店名 / 拼音 / 首字母', 'Name / pinyin / initials'), searchInput),
          h('div.chips', ['xbk', 'xingbake', '星巴可', 'starbuks', 'lego', 'yinhang', 'wc'].map((q) => h('button.chip-btn', { type: 'button', onclick: () => { state.query = q; searchInput.value = q; search(); } }, q))),
          refs.hits),
        h('div.card', h('h3', t('路线', 'Route')),
          h('div.seg', ['parking', 'place'].map((k) => h('button', { type: 'button', 'aria-pressed': String(state.fromKind === k), dataset: { from: k },
            onclick: (e) => { state.fromKind = k; for (const b of e.target.parentElement.children) b.setAttribute('aria-pressed', String(b.dataset.from === k)); renderFrom(); } },
          k === 'parking' ? t('从车位出发', 'From a parking space') : t('从地点出发', 'From a place')))),
          fromBox,
          field(t('目的地', 'To'), toSel),
          refs.placeInfo,
          h('div.row',
            field(t('方式', 'Mode'), select([['default', t('默认', 'default')], ['accessible', t('无障碍（轮椅、婴儿车）', 'step-free (wheelchair, stroller)')], ['avoidElevators', t('不乘电梯', 'avoid elevators')]], state.mode,
              { id: 'finder-mode', onchange: (e) => { state.mode = e.target.value; } })),
            field(t('优化', 'Optimise'), select([['distance', t('最短距离', 'distance')], ['time', t('最短时间', 'time')]], state.optimize, { onchange: (e) => { state.optimize = e.target.value; } }))),
          h('div.row', field(t('时间（避开已打烊的店）', 'At (closed shops avoided)'), h('input', { type: 'datetime-local', id: 'finder-at', value: state.at, oninput: (e) => { state.at = e.target.value; redraw(); } }))),
          h('div.row',
            h('button.primary', { type: 'button', id: 'finder-route', onclick: computeRoute }, t('规划路线', 'Find the way')),
            h('button', { type: 'button', id: 'finder-restroom', onclick: nearestRestroom }, t('最近的洗手间', 'Nearest restroom'))),
          refs.routeOut)),
      h('div.card.map-card',
        h('div.card-head', refs.mapTitle, refs.levelBar),
        refs.map,
        h('div.legend', h('span.chip.route-chip', t('路线', 'route')), h('span.chip', 'E ', t('电梯', 'elevator')), h('span.chip', '⇵ ', t('扶梯', 'escalator')),
          h('span.chip', 'S ', t('楼梯', 'stairs')), h('span.chip', 'WC ', t('洗手间', 'restroom')), h('span.chip.hit-chip', t('搜索结果', 'search hit')),
          h('span.muted', t('点击店铺即可规划到那里的路线。', 'Click a store to route there.'))))));
  toSel.value = state.to;
  fromPlace.value = state.fromPlace;
  renderFrom();
  search();
  if (state.route) computeRoute(); else redraw();
}

export default {
  id: 'finder',
  icon: 'compass',
  title: () => t('导购', 'Finder'),
  render(panel) {
    refs = { panel };
    renderAll();
  },
};
