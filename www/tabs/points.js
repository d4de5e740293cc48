// Tab 4: the points program of data/points/example-program.json: earn, ledger and balance, redeem, tier, parking.
import * as mc from 'mallcare';
import programDoc from '../../data/points/example-program.json';
import demo from '../data/points-demo.json';
import { h, t, mount, attempt, field, facts, select, badge, yuan, missingNote, jsonView, toRfc, errorView } from '../lib/ui.js';

const state = {
  memberKey: 'gold', orderKey: 'tuesday', at: demo.orders[0].at, withEarn: true, balanceAt: '2026-05-20T12:00',
  redeemPoints: 1500, redeemOrderFen: 30000, tierAt: '2026-08-10T12:00',
  entryAt: demo.parking.entryAt, exitAt: demo.parking.exitAt, spendToday: demo.parking.spendTodayFen / 100,
};
let refs = {};
let program = null;
let programError = null;
let lastEarn = null;

const member = () => demo.members.find((m) => m.key === state.memberKey);
const order = () => demo.orders.find((o) => o.key === state.orderKey);
const TYPE = { earn: ['获得', 'earn'], redeem: ['兑换', 'redeem'], expire: ['过期', 'expire'], clawback: ['扣回', 'clawback'], adjust: ['调整', 'adjust'] };
const name2 = (s) => { const [zh, en] = s.split(' / '); return t(zh, en ?? zh); };
const tierName = (id) => {
  const lv = programDoc.tiers.levels.find((l) => l.id === id);
  return lv ? t(lv.name, id) : id;
};

function load() {
  if (program || programError) return;
  try { program = mc.PointsProgram.load(programDoc); } catch (e) { programError = e; }
}

function tiersTable() {
  return h('table.tiers',
    h('thead', h('tr', h('th', t('等级', 'tier')), h('th.num', t('门槛（12 个月消费）', 'threshold (12-month spend)')), h('th.num', t('积分倍率', 'points ×')),
      h('th.num', t('免费停车', 'free parking')), h('th', t('生日礼', 'birthday gift')))),
    h('tbody', programDoc.tiers.levels.map((l) => {
      let b = null;
      try { b = program.benefits(l.id); } catch { /* shown as dashes */ }
      return h('tr', { class: l.id === member().member.tier ? 'sel' : '' }, h('td', badge(tierName(l.id), `tier-${l.id}`)), h('td.num', yuan(l.threshold)),
        h('td.num', b ? `${b.pointsMultiplierPercent}%` : '—'), h('td.num', b ? t(`${b.freeParkingMinutes} 分钟`, `${b.freeParkingMinutes} min`) : '—'), h('td', b?.birthdayGift ?? '—'));
    })));
}

function earnView() {
  const o = order();
  const r = program.earn(o.order, member().member, toRfc(state.at));
  lastEarn = r;
  const max = Math.max(...r.breakdown.map((b) => b.points), 1);
  return h('div',
    h('div.big-number', h('strong', { id: 'earn-total' }, r.points.toLocaleString('en-US')), h('span', t('分', 'points')),
      h('small.muted', t(`可积分金额 ${yuan(r.eligibleFen)}`, `eligible ${yuan(r.eligibleFen)}`))),
    h('h4', t('按规则分解（总和恰好等于总积分）', 'By rule (adds up to the total)')),
    h('div.bars', r.breakdown.map((b) => h('div.bar-row',
      h('span.bar-label', b.name ?? (b.ruleId === 'base' ? t('基础积分', 'base points') : b.ruleId.startsWith('tier:') ? t(`等级倍率 ${tierName(b.ruleId.slice(5))}`, `tier ${b.ruleId.slice(5)}`) : b.ruleId)),
      h('span.bar', h('span.fill', { style: { width: `${Math.max(2, (100 * Math.abs(b.points)) / max)}%` }, class: b.points < 0 ? 'neg' : '' })),
      h('span.bar-val', (b.points > 0 ? '+' : '') + b.points)))),
    h('h4', t('各行', 'Lines')),
    h('table', h('thead', h('tr', h('th', t('商品', 'item')), h('th.num', t('实付', 'paid')), h('th.num', t('积分', 'points')), h('th', t('可用日期', 'available on')))),
      h('tbody', r.lines.map((l) => h('tr', h('td', name2(o.names[l.index] ?? l.id ?? ''), l.excluded ? badge(t('不积分', 'excluded'), 'muted') : null),
        h('td.num', yuan(l.paidFen)), h('td.num', l.points), h('td', l.excluded ? '—' : l.availableOn))))),
    r.notes.length ? h('ul.reasons', r.notes.map((n) => h('li', h('code', n.code), ' ', n.message))) : null);
}

function ledgerEvents() {
  const evs = [...demo.ledger];
  if (state.withEarn && lastEarn) evs.push(...lastEarn.events);
  return evs.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The ledger as it stood at `at`: later events are not passed (the fold refuses them: POINTS_EVENT_AFTER_AS_OF). */
const eventsUntil = (at) => ledgerEvents().filter((e) => Date.parse(e.at) <= Date.parse(toRfc(at)));

function ledgerView() {
  const evs = ledgerEvents();
  const b = program.balance(eventsUntil(state.balanceAt), toRfc(state.balanceAt));
  return h('div',
    h('div.kpis',
      h('div.kpi', h('small', t('可用', 'available')), h('strong', { id: 'bal-available' }, b.available)),
      h('div.kpi', h('small', t('待生效', 'pending')), h('strong', b.pending)),
      h('div.kpi', h('small', t('欠分', 'debt')), h('strong', b.debt)),
      h('div.kpi', h('small', t('已过期', 'expired')), h('strong', b.expired))),
    b.expiringSoon.length ? h('p.warn-text', '⏳ ', t('即将过期：', 'Expiring soon: '), b.expiringSoon.map((x) => t(`${x.points} 分于 ${x.on}`, `${x.points} on ${x.on}`)).join('，')) : null,
    b.pendingSchedule.length ? h('p.muted', t('待生效：', 'Becoming available: '), b.pendingSchedule.map((x) => t(`${x.on} 起 ${x.points} 分`, `${x.points} on ${x.on}`)).join('，')) : null,
    h('table.ledger', h('thead', h('tr', h('th', t('时间', 'at')), h('th', t('类型', 'type')), h('th.num', t('积分', 'points')), h('th', t('可用', 'available')), h('th', t('备注', 'note')))),
      h('tbody', evs.map((e) => h('tr', { class: Date.parse(e.at) > Date.parse(toRfc(state.balanceAt)) ? 'future' : '' },
        h('td', e.at.slice(0, 16).replace('T', ' ')), h('td', badge(t(...(TYPE[e.type] ?? [e.type, e.type])), e.type === 'earn' ? 'green' : e.type === 'redeem' ? 'blue' : 'warn')),
        h('td.num', (e.type === 'earn' ? '+' : e.type === 'adjust' ? '' : '−') + e.points), h('td', e.availableOn ?? ''), h('td.muted', e.note ?? e.ref ?? ''))))),
    h('p.muted.small', t(`累计获得 ${b.lifetimeEarned} − 兑换 ${b.redeemed} − 过期 ${b.expired} − 扣回 ${b.clawedBack} = 可用 ${b.available} + 待生效 ${b.pending} − 欠分 ${b.debt}`,
      `earned ${b.lifetimeEarned} − redeemed ${b.redeemed} − expired ${b.expired} − clawed back ${b.clawedBack} = available ${b.available} + pending ${b.pending} − debt ${b.debt}`)));
}

function redeemView() {
  const d = program.redeem(eventsUntil(state.balanceAt), { kind: 'cash', points: Number(state.redeemPoints), orderFen: Math.round(Number(state.redeemOrderFen)) }, toRfc(state.balanceAt));
  return h('div', { class: d.allowed ? 'ok-box compact' : 'warn-box' },
    h('strong', d.allowed ? t(`✓ 可以抵扣 ${yuan(d.valueFen)}`, `✓ Allowed: worth ${yuan(d.valueFen)}`) : t('✗ 不能兑换', '✗ Refused')),
    h('span.muted', t(` · 可用 ${d.available} 分，本单最多 ${d.maxPoints} 分`, ` · ${d.available} available, at most ${d.maxPoints} on this order`)),
    d.reasons.length ? h('ul.reasons', d.reasons.map((r) => h('li', h('code', r.code), ' ', r.message))) : null);
}

function tierView() {
  const s = program.tier(demo.tierHistory, toRfc(state.tierAt));
  const next = s.next;
  const pct = next ? Math.min(100, (100 * s.qualifying) / next.threshold) : 100;
  return h('div',
    h('div.tier-now', badge(s.name ?? tierName(s.tier), `tier-${s.tier} big`),
      h('span', t(`有效期 ${s.since ?? '—'} 至 ${s.validUntil ?? '—'}`, `valid ${s.since ?? '—'} to ${s.validUntil ?? '—'}`))),
    h('p', t(`近 12 个月消费（${s.windowFrom} ~ ${s.windowTo}）：`, `Spend in the window ${s.windowFrom} – ${s.windowTo}: `), h('strong', yuan(s.qualifying))),
    next ? h('div.progress', h('div.progress-fill', { style: { width: `${pct}%` } })) : null,
    next ? h('p.muted', t(`距离 ${tierName(next.tier)} 还差 ${yuan(next.needed)}`, `${yuan(next.needed)} more for ${next.tier}`)) : null,
    s.keep ? h('p.muted', t(`保级：${s.keep.by ?? ''} 前还需 ${yuan(s.keep.needed)}`, `To keep it: ${yuan(s.keep.needed)} more by ${s.keep.by ?? ''}`)) : null,
    h('h4', t('等级变化', 'Changes')),
    h('ul.timeline', s.changes.map((c) => h('li', h('code', c.on), ' ', `${tierName(c.from)} → ${tierName(c.to)}`, ' ',
      badge({ upgrade: t('升级', 'upgrade'), returnUndo: t('退货撤销升级', 'undone by a return'), renewed: t('续期', 'renewed'), downgrade: t('降级', 'downgrade') }[c.reason] ?? c.reason,
        c.reason === 'upgrade' || c.reason === 'renewed' ? 'green' : 'warn'), c.ref ? h('span.muted', ` ${c.ref}`) : null))),
    h('table.small-table', h('tbody', demo.tierHistory.entries.map((e) => h('tr', h('td', e.at.slice(0, 10)), h('td.num', { class: e.spendFen < 0 ? 'bad-text' : '' }, yuan(e.spendFen)), h('td.muted', e.ref))))));
}

function parkingView() {
  const m = { ...member().member, availablePoints: (() => { try { return program.balance(eventsUntil(state.exitAt), toRfc(state.exitAt)).available; } catch { return 0; } })() };
  const f = program.parkingFee({ entryAt: toRfc(state.entryAt), exitAt: toRfc(state.exitAt) }, m, Math.round(Number(state.spendToday) * 100));
  const KIND = { freeMinutes: t('免费时段', 'free period'), tier: t('会员等级', 'member tier'), spend: t('当日消费', 'same-day spend') };
  return h('div',
    h('div.big-number', h('strong', { id: 'parking-fee' }, yuan(f.feeFen)), h('small.muted', t(`停车 ${f.minutes} 分钟，原价 ${yuan(f.grossFen)}`, `${f.minutes} min parked, ${yuan(f.grossFen)} before waivers`))),
    h('table', h('tbody', f.waived.map((w) => h('tr', h('td', KIND[w.kind] ?? w.kind), h('td.num', t(`${w.minutes} 分钟`, `${w.minutes} min`)), h('td.num', `−${yuan(w.fen)}`), h('td.muted', w.reason?.message ?? ''))),
      f.overnightFen ? h('tr', h('td', t('过夜费', 'overnight')), h('td'), h('td.num', yuan(f.overnightFen)), h('td')) : null)),
    f.payWithPoints ? h('p', t(`用积分支付：需要 ${f.payWithPoints.points} 分`, `Pay with points: ${f.payWithPoints.points} points needed`),
      f.payWithPoints.enough === undefined ? null : f.payWithPoints.enough ? badge(t('积分足够', 'enough'), 'green') : badge(t(`积分不足（可用 ${m.availablePoints}）`, `not enough (${m.availablePoints} available)`), 'warn')) : null);
}

function updateAll() {
  attempt(refs.earn, earnView);
  attempt(refs.ledger, ledgerView);
  attempt(refs.redeem, redeemView);
  attempt(refs.tier, tierView);
  attempt(refs.parking, parkingView);
}

function renderAll() {
  const panel = refs.panel;
  if (typeof mc.PointsProgram !== 'function') { mount(panel, h('h2', t('积分', 'Points')), missingNote(['PointsProgram'])); return; }
  load();
  if (!program) { mount(panel, h('h2', t('积分', 'Points')), errorView(programError)); return; }
  Object.assign(refs, { earn: h('div', { 'aria-live': 'polite' }), ledger: h('div'), redeem: h('div'), tier: h('div'), parking: h('div') });
  const inp = (k, type = 'datetime-local', extra = {}) => h('input', { type, value: state[k], ...extra, oninput: (e) => { state[k] = e.target.value; updateAll(); } });
  mount(panel,
    h('div.intro', h('h2', t('积分', 'Points')),
      h('p', t(`示例方案：${programDoc.name}（版本 ${program.version}，指纹 ${program.fingerprint}）。积分为整数、金额为整数分，每个结果都列出产生它的规则。`,
        `Example program: ${programDoc.name} (version ${program.version}, fingerprint ${program.fingerprint}). Points are integers, money integer fen; every answer names the rules behind it.`))),
    h('div.row.member-pick', field(t('会员', 'Member'), select(demo.members.map((m) => [m.key, t(m.name.zh, m.name.en)]), state.memberKey,
      { id: 'pts-member', onchange: (e) => { state.memberKey = e.target.value; renderAll(); } }))),
    h('div.grid2',
      h('div.stack',
        h('div.card', h('h3', t('下单得积分', 'Earn on an order')),
          h('div.row',
            field(t('订单', 'Order'), select(demo.orders.map((o) => [o.key, t(o.title.zh, o.title.en)]), state.orderKey,
              { id: 'pts-order', onchange: (e) => { state.orderKey = e.target.value; state.at = order().at; renderAll(); } })),
            field(t('时间', 'At'), inp('at'))),
          refs.earn),
        h('div.card', h('h3', t('会员等级', 'Tier status')), h('div.row', field(t('查询时间', 'As of'), inp('tierAt'))), refs.tier)),
      h('div.stack',
        h('div.card', h('h3', t('积分账户', 'Ledger and balance')),
          h('div.row', field(t('查询时间', 'As of'), inp('balanceAt')),
            h('label.check', h('input', { type: 'checkbox', checked: state.withEarn, onchange: (e) => { state.withEarn = e.target.checked; updateAll(); } }), t('计入左侧订单的积分', "include the order's points"))),
          refs.ledger,
          h('h4', t('积分抵现', 'Pay with points')),
          h('div.row', field(t('积分', 'Points'), inp('redeemPoints', 'number', { style: { width: '7em' }, step: 100 })),
            field(t('订单金额（分）', 'Order (fen)'), inp('redeemOrderFen', 'number', { style: { width: '8em' } }))),
          refs.redeem),
        h('div.card', h('h3', t('停车费', 'Parking fee')),
          h('div.row', field(t('入场', 'Entry'), inp('entryAt')), field(t('离场', 'Exit'), inp('exitAt')),
            field(t('当日消费（元）', 'Spent today (¥)'), inp('spendToday', 'number', { style: { width: '7em' } }))),
          refs.parking),
        h('div.card', h('h3', t('等级权益', 'Tiers and benefits')), tiersTable(), jsonView('example-program.json', programDoc)))));
  updateAll();
}

export default {
  id: 'points',
  icon: 'gift',
  title: () => t('积分', 'Points'),
  render(panel) {
    refs = { panel };
    renderAll();
  },
};
