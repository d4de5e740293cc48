// Tab 1: the business-day calendar (调休 included) and money in integer fen.
import * as mc from 'mallcare';
import placeholder2027 from '../../data/holiday-cn/2027.json';
import { h, t, mount, attempt, field, yuan, issuesView, errorView } from '../lib/ui.js';

const state = { year: 2026, month: 10, from: '2026-09-30', n: 3, amount: '￥１,２３４.５', weights: '3333,3333,3334' };
const pad = (n) => String(n).padStart(2, '0');
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

const KIND = {
  workday: ['工作日', 'Workday'],
  makeupWorkday: ['调休上班', 'Make-up workday'],
  weekend: ['周末', 'Weekend'],
  holiday: ['节假日', 'Holiday'],
};
const kindName = (k) => (KIND[k] ? t(...KIND[k]) : k);

let refs = {};

function monthView() {
  const { year, month } = state;
  const heads = t('一二三四五六日', 'MTWTFSS').split('');
  const title = t(`${year} 年 ${month} 月`, new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const grid = h('div.cal-grid', { role: 'grid', 'aria-label': title });
  heads.forEach((d, i) => grid.append(h('div.cal-head', { class: i >= 5 ? 'we' : '' }, d)));
  const first = new Date(Date.UTC(year, month - 1, 1));
  for (let i = 0; i < (first.getUTCDay() + 6) % 7; i++) grid.append(h('div.cal-pad'));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let due = null;
  try { due = mc.addBusinessDays(state.from, Number(state.n)); } catch { /* shown below */ }
  const counts = { workday: 0, makeupWorkday: 0, weekend: 0, holiday: 0 };
  let unknown = null;
  for (let d = 1; d <= days; d++) {
    const date = iso(year, month, d);
    let kind = 'unknown';
    try { kind = mc.dayKind(date); counts[kind]++; } catch (e) { unknown = e; }
    const mark = kind === 'holiday' ? t('休', 'off') : kind === 'makeupWorkday' ? t('班', 'work') : '';
    const cls = [kind, date === state.from ? 'from' : '', date === due ? 'due' : ''].filter(Boolean).join(' ');
    grid.append(h('button.cal-day', { type: 'button', class: cls, role: 'gridcell', title: `${date} · ${kind === 'unknown' ? t('日历未知', 'unknown year') : kindName(kind)}`,
      dataset: { date, kind },
      onclick: () => { state.from = date; refs.from.value = date; update(); } },
    h('span.num', d), mark ? h('span.mark', mark) : null));
  }
  return h('div',
    h('div.cal-nav',
      h('button.icon', { type: 'button', 'aria-label': t('上个月', 'previous month'), onclick: () => step(-1) }, '‹'),
      h('strong.cal-title', title),
      h('button.icon', { type: 'button', 'aria-label': t('下个月', 'next month'), onclick: () => step(1) }, '›'),
      h('button.link', { type: 'button', onclick: () => { state.year = 2026; state.month = 10; update(); } }, t('国庆 2026', 'National Day 2026')),
      h('button.link', { type: 'button', onclick: () => { state.year = 2026; state.month = 2; update(); } }, t('春节 2026', 'Spring Festival 2026'))),
    grid,
    h('div.legend', Object.keys(KIND).map((k) => h('span', { class: `chip ${k}` }, `${kindName(k)} ${counts[k]}`)),
      h('span.chip.from', t('起始日', 'start')), h('span.chip.due', t('到期日', 'due'))),
    unknown ? issuesView(unknown.issues ?? [], t('这个月份不在内置日历中（2007-2026）：mallcare 不会悄悄假设周一到周五上班', 'This month is outside the embedded calendar (2007-2026): mallcare never silently assumes a Monday-Friday year')) : null,
    unknown && year === 2027 ? loadYear() : null);
}

/** 2027's schedule is published in November: the shipped 2027.json is an empty placeholder, and loading it is refused. */
function loadYear() {
  const out = h('div', { id: 'load-2027' });
  return h('div.row', h('button', { type: 'button', onclick: () => attempt(out, () => {
    const y = mc.loadCalendarYear(placeholder2027);
    update();
    return h('p', t(`已加载 ${y} 年`, `Loaded ${y}`));
  }) }, t('loadCalendarYear(2027.json 占位文件)', 'loadCalendarYear(2027.json placeholder)')), out);
}

function step(dm) {
  state.month += dm;
  if (state.month < 1) { state.month = 12; state.year--; }
  if (state.month > 12) { state.month = 1; state.year++; }
  update();
}

function businessDays() {
  return attempt(refs.due, () => {
    const due = mc.addBusinessDays(state.from, Number(state.n));
    return h('div.result-line',
      h('span', t('结果', 'Result')), h('strong.big', due),
      h('span.muted', t(`（${kindName(mc.dayKind(due))}；区间内工作日 ${mc.businessDaysBetween(state.from, due)} 天；${state.from} 之后的下一个工作日是 ${mc.nextWorkday(state.from)}）`,
        `(${kindName(mc.dayKind(due)).toLowerCase()}; ${mc.businessDaysBetween(state.from, due)} working days after the start; next workday after ${state.from}: ${mc.nextWorkday(state.from)})`)));
  });
}

function moneyView() {
  const a = mc.parseAmount(state.amount);
  const out = [];
  if (a.ok) {
    out.push(h('div.result-line', h('strong.big', yuan(a.value)), h('span.muted', `= ${a.value} ${t('分', 'fen')}`),
      h('code', mc.formatAmount(a.value, { symbol: false, grouping: false }))));
    const weights = state.weights.split(/[,，\s]+/).filter(Boolean).map(Number);
    try {
      const parts = mc.splitAmount(a.value, weights);
      out.push(h('div.split', parts.map((p, i) => h('div.split-part', { style: { flexGrow: String(Math.max(weights[i] || 0, 1)) } },
        h('small', `${t('权重', 'weight')} ${weights[i]}`), h('strong', yuan(p))))),
      h('p.muted', t(`最大余额法：各份之和恰好等于 ${yuan(parts.reduce((x, y) => x + y, 0))}，一分不差。`,
        `Largest remainder: the parts add up to exactly ${yuan(parts.reduce((x, y) => x + y, 0))}, not a fen lost.`)));
    } catch (e) { out.push(errorView(e)); }
  } else {
    out.push(issuesView(a.issues, t('金额无效（parseAmount 从不四舍五入）', 'Not an amount (parseAmount never rounds)')));
  }
  return out;
}

function update() {
  mount(refs.month, monthView());
  businessDays();
  mount(refs.money, moneyView());
}

export default {
  id: 'calendar',
  icon: 'calendar',
  title: () => t('日历与金额', 'Calendar & money'),
  render(panel) {
    refs = {
      month: h('div.month'),
      due: h('div.due', { 'aria-live': 'polite' }),
      money: h('div.money', { 'aria-live': 'polite' }),
      from: h('input', { type: 'date', value: state.from, oninput: (e) => { state.from = e.target.value; update(); } }),
    };
    const amountChips = ['￥１,２３４.５', 'RMB 88', '1,2345.00', '12.345', '99元', '-¥0.01'];
    const amount = h('input', { id: 'amount', value: state.amount, oninput: (e) => { state.amount = e.target.value; update(); } });
    mount(panel,
      h('div.intro', h('h2', t('日历与金额', 'Calendar & money')),
        h('p', t('中国的工作日历（含调休），2007-2026 年内置；金额一律用整数“分”，解析时不做任何舍入。',
          "China's business-day calendar (make-up workdays included), 2007-2026 embedded; money is always integer fen, never rounded when parsed."))),
      h('div.grid2',
        h('div.card', h('h3', t('工作日历', 'Business-day calendar')), refs.month),
        h('div.stack',
          h('div.card', h('h3', t('按工作日计算期限', 'Deadlines in business days')),
            h('p.muted', t('例如“3 个工作日内审核”：跨越国庆长假时自动跳过假期，调休的周末照常计算。点击日历中的日期设为起始日。',
              'E.g. "reviewed within 3 working days": holiday weeks are skipped, make-up Saturdays count. Click a day in the calendar to start there.')),
            h('div.row', field(t('起始日', 'From'), refs.from),
              field(t('加工作日', '+ business days'), h('input', { type: 'number', value: state.n, style: { width: '6em' }, oninput: (e) => { state.n = e.target.value; update(); } }))),
            refs.due),
          h('div.card', h('h3', t('金额（分）', 'Amounts (fen)')),
            field(t('输入金额', 'Type an amount'), amount, t('支持 ¥/￥/RMB/元、全角数字、千分位', 'accepts ¥/￥/RMB/元, full-width digits, thousands groups')),
            h('div.chips', amountChips.map((c) => h('button.chip-btn', { type: 'button', onclick: () => { state.amount = c; amount.value = c; update(); } }, c))),
            field(t('按权重分摊', 'Split over weights'), h('input', { value: state.weights, oninput: (e) => { state.weights = e.target.value; update(); } })),
            refs.money))));
    update();
  },
};
