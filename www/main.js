// The mallcare demo: one page, five tabs, each showing a pillar with Chinese retail data.
import init, * as mc from 'mallcare';
import { h, t, mount, errorView, icon } from './lib/ui.js';
import calendar from './tabs/calendar.js';
import validation from './tabs/validation.js';
import returns from './tabs/returns.js';
import points from './tabs/points.js';
import finder from './tabs/finder.js';

const TABS = [calendar, validation, returns, points, finder];
const $ = (id) => document.getElementById(id);
const panels = new Map(); // id -> { el, rendered }
let current = TABS[0].id;

function renderTab(tab) {
  const p = panels.get(tab.id);
  try {
    tab.render(p.el);
  } catch (e) {
    // A tab must never leave a blank page: show what went wrong in its panel.
    mount(p.el, h('h2', tab.title()), errorView(e));
  }
  p.rendered = mc.getLocale();
}

function show(id) {
  if (!panels.has(id)) id = TABS[0].id;
  current = id;
  for (const tab of TABS) {
    const p = panels.get(tab.id);
    const on = tab.id === id;
    p.el.hidden = !on;
    p.button.setAttribute('aria-selected', String(on));
    p.button.tabIndex = on ? 0 : -1;
    if (on && p.rendered !== mc.getLocale()) renderTab(tab);
  }
  if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
}

function renderChrome() {
  const zh = mc.getLocale() === 'zh-CN';
  document.documentElement.lang = zh ? 'zh-CN' : 'en';
  document.title = t('mallcare 演示', 'mallcare demo');
  $('tagline').textContent = t('售后与会员服务核心 — 同一份 Rust 代码运行在网页、小程序和服务器上',
    'After-sales and member-service core — the same Rust code in this page, in mini-programs and on the server');
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === mc.getLocale()));
  for (const tab of TABS) {
    const b = panels.get(tab.id).button;
    mount(b, icon(tab.icon), h('span', tab.title()));
  }
  mount($('footer'), t('所有结果均由 mallcare（WebAssembly）在本页内计算；不读取时钟，“现在”总是由页面传入。示例数据均为虚构。',
    'Every answer is computed in this page by mallcare (WebAssembly); nothing reads a clock: "now" is always passed in. All sample data is invented.'));
}

function setLocale(tag) {
  mc.setLocale(tag);
  const u = new URL(location.href);
  u.searchParams.set('lang', tag);
  history.replaceState(null, '', u);
  renderChrome();
  for (const p of panels.values()) p.rendered = null;
  show(current);
}

async function start() {
  await init();
  $('version').textContent = `v${mc.version()}`;
  const nav = $('tabs');
  const main = $('panels');
  $('loading').remove();
  for (const tab of TABS) {
    const button = h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, dataset: { tab: tab.id },
      onclick: () => show(tab.id) });
    const el = h('section.panel', { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}`, hidden: true });
    nav.append(button);
    main.append(el);
    panels.set(tab.id, { el, button, rendered: null });
  }
  nav.addEventListener('keydown', (e) => {
    const i = TABS.findIndex((x) => x.id === current);
    const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (j == null) return;
    const next = TABS[(j + TABS.length) % TABS.length].id;
    show(next);
    panels.get(next).button.focus();
  });
  for (const b of document.querySelectorAll('[data-locale]')) b.addEventListener('click', () => setLocale(b.dataset.locale));
  const saved = new URLSearchParams(location.search).get('lang');
  if (saved === 'en' || saved === 'zh-CN') mc.setLocale(saved);
  renderChrome();
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  show(location.hash.slice(1) || TABS[0].id);
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  const main = $('panels');
  mount(main, h('section.panel', h('h2', 'mallcare'), errorView(e, t('无法加载 mallcare', 'Could not load mallcare'))));
});
