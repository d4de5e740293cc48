// Tab 3: returns, exchanges and repairs: ReturnPolicy (statutory floor and the example store policy).
import * as mc from 'mallcare';
import storePolicy from '../../data/eligibility/example-store-policy.json';
import samples from '../data/orders.json';
import { h, t, mount, attempt, field, facts, select, badge, yuan, missingNote, jsonView, toRfc, errorView } from '../lib/ui.js';

const REASONS = {
  noReason: ['无理由', 'no reason'], changedMind: ['不想要了', 'changed mind'], size: ['尺码不合适', 'size'],
  qualityDefect: ['质量问题', 'quality defect'], spoiled: ['变质', 'spoiled'], wrongItem: ['发错货', 'wrong item'],
  damagedInTransit: ['运输损坏', 'damaged in transit'], notAsDescribed: ['与描述不符', 'not as described'],
};
const WANTS = { refund: ['退货退款', 'refund'], exchange: ['换货', 'exchange'], repair: ['维修', 'repair'] };
const CONDITIONS = {
  tagsRemoved: ['吊牌已拆', 'tags removed'], sealBroken: ['封口已拆', 'seal broken'], activated: ['已激活', 'activated'],
  used: ['已使用', 'used'], soiled: ['有污渍', 'soiled'], damaged: ['有损坏', 'damaged'], accessoriesMissing: ['配件缺失', 'accessories missing'],
  packagingMissing: ['包装缺失', 'packaging missing'], privatelyRepaired: ['私自拆修', 'privately repaired'], serialDefaced: ['序列号损毁', 'serial defaced'],
};
const STATUS = {
  approved: ['可以办理', 'approved', 'ok'], needsEvidence: ['需补充凭证', 'needs evidence', 'warn'],
  partial: ['部分可办理', 'partial', 'warn'], rejected: ['不予办理', 'rejected', 'bad'],
};
const BASIS = { law: ['法定', 'law'], threeGuarantees: ['三包', '三包 (three guarantees)'], store: ['门店政策', 'store policy'] };
const APPROVAL = { auto: ['自动通过', 'automatic'], staff: ['店员审核', 'staff'], manager: ['经理审批', 'manager'] };
const METHODS = { wechat: ['微信支付', 'WeChat Pay'], alipay: ['支付宝', 'Alipay'], card: ['银行卡', 'bank card'], cash: ['现金', 'cash'], storedValue: ['储值卡', 'stored-value card'] };
const CHANNELS = { online: ['网购', 'online'], store: ['门店', 'in store'], tv: ['电视购物', 'TV'], phone: ['电话购物', 'phone'], mail: ['邮购', 'mail'] };
const L = (map, k) => (map[k] ? t(map[k][0], map[k][1]) : k);

const state = { orderKey: samples.orders[0].key, policy: 'store', item: null };
let refs = {};
let policies = null;

function loadPolicies() {
  if (policies) return policies;
  policies = { statutory: mc.ReturnPolicy.statutory(), store: null, storeError: null };
  try { policies.store = mc.ReturnPolicy.load(storePolicy); } catch (e) { policies.storeError = e; }
  return policies;
}

const currentOrder = () => samples.orders.find((o) => o.key === state.orderKey);
const lineName = (o, id) => (o.names[id] ? t(o.names[id].zh, o.names[id].en) : id);

function pickOrder(key) {
  state.orderKey = key;
  const s = currentOrder().suggest;
  state.item = { ...structuredClone(s), condition: { ...(s.condition || {}) } };
}

function request() {
  const o = currentOrder();
  const it = state.item;
  const item = { lineId: it.lineId, quantity: Number(it.quantity), reason: it.reason, want: it.want };
  const condition = Object.fromEntries(Object.entries(it.condition || {}).filter(([, v]) => v));
  if (Object.keys(condition).length) item.condition = condition;
  if (Number(it.photos) > 0) item.evidence = { photos: Number(it.photos) };
  if (it.faultAt) item.faultAt = toRfc(it.faultAt);
  return { now: toRfc(it.now), order: o.order, items: [item] };
}

function orderCard(o) {
  const ord = o.order;
  const paid = ord.payments.reduce((a, p) => a + p.amountFen, 0);
  return h('div.order-card',
    h('div.order-meta',
      badge(L(CHANNELS, ord.channel), ord.channel === 'store' ? 'blue' : 'purple'), h('code', ord.id),
      h('span', t('下单 ', 'sold '), ord.soldAt.slice(0, 16).replace('T', ' ')),
      ord.signedAt ? h('span', t('签收 ', 'signed for '), ord.signedAt.slice(0, 16).replace('T', ' ')) : null,
      ord.member?.tier ? badge(t(`会员 ${ord.member.tier}`, `member ${ord.member.tier}`), 'gold') : null),
    h('table.lines',
      h('thead', h('tr', h('th', ''), h('th', t('商品', 'item')), h('th', t('品类', 'category')), h('th.num', t('数量', 'qty')), h('th.num', t('单价', 'unit price')))),
      h('tbody', ord.lines.map((l) => h('tr', { class: l.id === state.item.lineId ? 'sel' : '', onclick: () => { state.item.lineId = l.id; state.item.quantity = 1; renderAll(); } },
        h('td', h('input', { type: 'radio', name: 'ret-line', checked: l.id === state.item.lineId, 'aria-label': lineName(o, l.id) })),
        h('td', lineName(o, l.id), l.giftOf ? badge(t('赠品', 'gift'), 'muted') : null, l.tags?.includes('nearExpiry') ? badge(t('临期', 'near expiry'), 'warn') : null),
        h('td', h('code', l.category)), h('td.num', l.quantity), h('td.num', yuan(l.unitPriceFen)))))),
    h('div.order-pay',
      (ord.discounts || []).map((d) => h('span', `${d.kind === 'coupon' ? t('优惠券', 'coupon') : t('立减', 'discount')} −${yuan(d.amountFen)}${d.thresholdFen ? t(`（满 ${yuan(d.thresholdFen)}）`, ` (min. ${yuan(d.thresholdFen)})`) : ''}`)),
      ord.points ? h('span', t(`积分抵扣 ${ord.points.points} 分 = −${yuan(ord.points.valueFen)}`, `${ord.points.points} points = −${yuan(ord.points.valueFen)}`)) : null,
      h('span', t('实付 ', 'paid '), h('strong', yuan(paid)), ' · ', ord.payments.map((p) => `${L(METHODS, p.method)} ${yuan(p.amountFen)}`).join(' + '))));
}

function requestForm(o) {
  const it = state.item;
  const line = o.order.lines.find((l) => l.id === it.lineId) ?? o.order.lines[0];
  const upd = (k, conv = (x) => x) => (e) => { it[k] = conv(e.target.value); evaluate(); };
  return h('div.req-form',
    h('div.row',
      field(t('数量', 'Quantity'), select(Array.from({ length: line.quantity }, (_, i) => [i + 1, i + 1]), it.quantity, { id: 'ret-qty', onchange: upd('quantity', Number) })),
      field(t('原因', 'Reason'), select(Object.keys(REASONS).map((k) => [k, L(REASONS, k)]), it.reason, { id: 'ret-reason', onchange: upd('reason') })),
      field(t('诉求', 'Wants'), select(Object.keys(WANTS).map((k) => [k, L(WANTS, k)]), it.want, { id: 'ret-want', onchange: upd('want') })),
      field(t('现在 now（北京时间）', 'now (China time)'), h('input', { id: 'ret-now', type: 'datetime-local', value: it.now, oninput: upd('now') })),
      field(t('故障发生', 'Fault at'), h('input', { type: 'datetime-local', value: it.faultAt ?? '', oninput: upd('faultAt') })),
      field(t('照片数', 'Photos'), h('input', { type: 'number', min: 0, value: it.photos ?? 0, style: { width: '5em' }, oninput: upd('photos', Number) }))),
    h('fieldset.conds', h('legend', t('商品状态', 'Condition')),
      Object.keys(CONDITIONS).map((k) => h('label.check', h('input', { type: 'checkbox', checked: !!it.condition[k], onchange: (e) => { it.condition[k] = e.target.checked; evaluate(); } }), L(CONDITIONS, k)))));
}

function reasonList(reasons) {
  return h('ul.reasons', reasons.map((r) => h('li', h('code', r.code), ' ', h('span.rule', r.rule), h('div', t(r.zh, r.en)))));
}

function decisionView(d, o) {
  const st = STATUS[d.status] ?? [d.status, d.status, ''];
  const item = d.items[0];
  const m = item?.money;
  return h('div.decision',
    h('div.decision-head',
      h('span', { class: `status ${st[2]}`, id: 'ret-status' }, t(st[0], st[1])),
      h('div.refund-total', h('small', t('退款合计', 'Refund total')), h('strong', yuan(d.refund.totalFen)),
        d.refund.points ? h('small', t(`退回积分 ${d.refund.points}`, `${d.refund.points} points back`)) : null),
      h('div.approval', h('small', t('审批级别', 'Approval')), h('strong', L(APPROVAL, d.approval)))),
    item ? h('div.grid2',
      h('div',
        h('h4', t('允许的处理方式与截止日期', 'Allowed resolutions and deadlines')),
        item.allowed.length ? h('table.allowed', h('thead', h('tr', h('th', t('方式', 'resolution')), h('th', t('截止（当日 24 时）', 'until (24:00)')), h('th', t('依据', 'basis')), h('th', t('规则', 'rule')))),
          h('tbody', item.allowed.map((a) => h('tr', { class: a.resolution === item.want ? 'sel' : '' }, h('td', L(WANTS, a.resolution)), h('td', a.until ?? t('尚未起算', 'not started')),
            h('td', badge(L(BASIS, a.basis), a.basis === 'store' ? 'blue' : 'green')), h('td', h('code', a.rule))))))
          : h('p.bad-text', t('没有可办理的方式。', 'No resolution is allowed.')),
        facts([
          [t('是否满足诉求', 'Granted'), item.granted ? t('是', 'yes') : t('否', 'no')],
          [t('运费承担', 'Freight paid by'), item.freightPayer === 'merchant' ? t('商家', 'merchant') : t('顾客', 'customer')],
          [t('免费上门取件', 'Free pick-up'), item.freePickup ? t('是', 'yes') : t('否', 'no')],
          [t('审核截止', 'Review by'), d.reviewBy], [t('退款发出截止', 'Refund issued by'), d.refundBy],
          [t('保修至', 'Warranty until'), item.warrantyUntil],
          item.evidenceNeeded.length ? [t('需补充', 'Still needed'), item.evidenceNeeded.map((e) => t(`${e.count} 张照片（${e.rule}）`, `${e.count} photo(s) (${e.rule})`)).join('; ')] : null,
          item.exchange ? [t('换货差价', 'Exchange difference'), yuan(item.exchange.differenceFen)] : null,
        ])),
      h('div',
        h('h4', t('退款计算（分）', 'Refund, to the fen')),
        m ? h('table.money',
          h('tbody',
            h('tr', h('td', t('标价', 'list price')), h('td.num', yuan(m.listFen))),
            h('tr', h('td', t('本行实付', 'line paid')), h('td.num', yuan(m.linePaidFen))),
            h('tr', h('td', t('分摊的订单优惠', 'share of order discounts')), h('td.num', `−${yuan(m.discountFen)}`)),
            h('tr', h('td', t(`分摊的积分抵扣（${m.points} 分）`, `share of points (${m.points})`)), h('td.num', `−${yuan(m.pointsValueFen)}`)),
            h('tr.sub', h('td', t('现金部分', 'cash share')), h('td.num', yuan(m.paidFen))),
            m.rateDeductionFen ? h('tr', h('td', t('按比例扣减', 'rate deduction')), h('td.num', `−${yuan(m.rateDeductionFen)}`)) : null,
            m.restockingFeeFen ? h('tr', h('td', t('手续费', 'restocking fee')), h('td.num', `−${yuan(m.restockingFeeFen)}`)) : null,
            h('tr.sub', h('td', t('本件退款', 'item refund')), h('td.num', yuan(m.refundFen))),
            d.refund.couponBreakageFen ? h('tr', h('td', t('满减门槛失效，扣回优惠', 'coupon threshold no longer met')), h('td.num', `−${yuan(d.refund.couponBreakageFen)}`)) : null,
            d.refund.giftDeductionFen ? h('tr', h('td', t('赠品未退回，扣除', 'gift not returned')), h('td.num', `−${yuan(d.refund.giftDeductionFen)}`)) : null,
            d.refund.shippingFen ? h('tr', h('td', t('退运费', 'shipping refunded')), h('td.num', yuan(d.refund.shippingFen))) : null,
            h('tr.total', h('td', t('合计', 'total')), h('td.num', yuan(d.refund.totalFen))))) : null,
        h('h4', t('退回支付方式', 'Back to the payment methods')),
        d.refund.byPayment.length ? h('table.pay', h('tbody', d.refund.byPayment.map((p) => h('tr', h('td', L(METHODS, p.method)), h('td.num', yuan(p.amountFen)),
          h('td.muted', p.creditBy ? t(`${p.creditBy} 前到账`, `credited by ${p.creditBy}`) : ''))))) : h('p.muted', t('无退款', 'no refund')))) : null,
    h('div.grid2',
      h('div', h('h4', t('原因', 'Reasons')), reasonList([...(item?.reasons ?? []), ...d.reasons])),
      h('div', h('h4', t('规则轨迹', 'Rule trace')),
        h('div.trace', [...new Set([...(item?.rules ?? []), ...d.rules])].map((r) => h('code.rule-chip', { class: r.startsWith('law:') ? 'law' : '' }, r))),
        h('p.muted', t(`政策 ${d.policy.version} · 指纹 ${d.policy.fingerprint}`, `policy ${d.policy.version} · fingerprint ${d.policy.fingerprint}`)))),
    jsonView(t('完整决定 JSON', 'The whole decision (JSON)'), d));
}

function compareView(req) {
  const p = loadPolicies();
  const rows = [];
  for (const [key, pol, name] of [['statutory', p.statutory, t('仅法定', 'law only')], ['store', p.store, t('示例百货政策', 'example store policy')]]) {
    if (!pol) continue;
    try {
      const d = pol.evaluate(req);
      const it = d.items[0];
      rows.push(h('tr', { class: key === state.policy ? 'sel' : '' }, h('td', name), h('td', t(...(STATUS[d.status] ?? [d.status, d.status]).slice(0, 2))),
        h('td', it.allowed.map((a) => `${L(WANTS, a.resolution)} → ${a.until ?? '…'}`).join(t('；', '; ')) || '—'), h('td.num', yuan(d.refund.totalFen))));
    } catch (e) {
      rows.push(h('tr', h('td', name), h('td', { colspan: 3 }, e.code ?? String(e))));
    }
  }
  return h('table.compare', h('thead', h('tr', h('th', t('政策', 'policy')), h('th', t('结论', 'status')), h('th', t('可办理', 'allowed')), h('th.num', t('退款', 'refund')))), h('tbody', rows));
}

function evaluate() {
  const p = loadPolicies();
  const o = currentOrder();
  const req = request();
  if (state.policy === 'store' && !p.store) { mount(refs.decision, errorView(p.storeError)); return; }
  const pol = state.policy === 'store' ? p.store : p.statutory;
  attempt(refs.decision, () => decisionView(pol.evaluate(req), o));
  attempt(refs.compare, () => compareView(req));
  mount(refs.reqJson, jsonView(t('发送给 ReturnPolicy.evaluate 的请求', 'The request sent to ReturnPolicy.evaluate'), req));
}

function renderAll() {
  const panel = refs.panel;
  if (typeof mc.ReturnPolicy !== 'function') { mount(panel, h('h2', t('退换货', 'Returns')), missingNote(['ReturnPolicy'])); return; }
  const p = loadPolicies();
  if (!state.item) pickOrder(state.orderKey);
  const o = currentOrder();
  refs.decision = h('div.decision-box', { 'aria-live': 'polite', id: 'ret-decision' });
  refs.compare = h('div');
  refs.reqJson = h('div');
  const lint = p.store ? p.store.lint() : [];
  mount(panel,
    h('div.intro', h('h2', t('退换货', 'Returns')),
      h('p', t('门店政策叠加在法定底线（七天无理由、三包、质量问题）之上：门店只能比法律更宽松。选择订单、商品、原因和“现在”，看 mallcare 的决定。',
        'The store policy is layered on the statutory floor (7-day no-reason, 三包, defects): a store can give more than the law, never less. Pick an order, a line, a reason and "now" and see the decision.'))),
    h('div.grid-ret',
      h('div.stack',
        h('div.card',
          h('h3', t('1 · 订单', '1 · Order')),
          field(t('示例订单', 'Sample order'), select(samples.orders.map((x) => [x.key, t(x.title.zh, x.title.en)]), state.orderKey,
            { id: 'ret-order', onchange: (e) => { pickOrder(e.target.value); renderAll(); } })),
          orderCard(o)),
        h('div.card',
          h('h3', t('2 · 申请', '2 · Request')),
          h('div.seg', { role: 'group', 'aria-label': t('政策', 'policy') },
            [['statutory', t('仅法定底线', 'Law only')], ['store', t('示例百货政策', 'Example store policy')]].map(([k, l]) =>
              h('button', { type: 'button', 'aria-pressed': String(state.policy === k), dataset: { policy: k }, onclick: () => { state.policy = k; renderAll(); } }, l))),
          requestForm(o),
          h('div.row', h('button.primary', { type: 'button', id: 'ret-evaluate', onclick: evaluate }, t('评估', 'Evaluate')),
            h('button', { type: 'button', onclick: () => { pickOrder(state.orderKey); renderAll(); } }, t('恢复建议值', 'Reset to the suggestion'))),
          refs.reqJson),
        h('div.card', h('h3', t('法定 vs 门店', 'Law vs store')), refs.compare),
        p.store ? h('details.card.lint', h('summary', t(`示例政策 ${p.store.version}：法定底线检查 ${lint.length} 条`, `Example policy ${p.store.version}: floor lint, ${lint.length} findings`)),
          h('ul.reasons', lint.map((f) => h('li', badge(f.severity, f.severity === 'error' ? 'bad' : 'warn'), ' ', h('code', f.code), ' ', h('span.rule', f.rule ?? f.path), h('div', t(f.zh, f.en))))),
          jsonView('example-store-policy.json', storePolicy)) : null),
      h('div.card', h('h3', t('3 · 决定', '3 · Decision')), refs.decision)));
  evaluate();
}

export default {
  id: 'returns',
  icon: 'returns',
  title: () => t('退换货', 'Returns'),
  render(panel) {
    refs = { panel };
    renderAll();
  },
};
