// Tab 2: form validation with mallcare's shipped descriptors, and the single-field validators.
import * as mc from 'mallcare';
import { h, t, text, mount, attempt, field, facts, select, issuesView, missing, missingNote, jsonView, yuan } from '../lib/ui.js';

const SAMPLES = {
  returnApplication: {
    good: {
      orderNo: 'JD20260503-88123', purchaseDate: '2026-05-03', requestDate: '2026-05-07', contactName: '王小明',
      mobile: '138 0013 8000', kind: 'return', refundMethod: 'original',
      items: [
        { gtin: '6901234567892', quantity: 1, paidAmount: '¥399.00', reason: 'sizeOrFit', note: '鞋码偏小，吊牌完好' },
        { gtin: '6920152400012', quantity: 2, paidAmount: '59.8', reason: 'noReason7Days', note: '' },
      ],
    },
    bad: {
      orderNo: 'A1', purchaseDate: '2026-05-03', requestDate: '2026-05-01', contactName: '王小明2',
      mobile: '1380013800', kind: 'return', refundMethod: 'wechat',
      items: [
        { gtin: '6901234567890', quantity: 0, paidAmount: '12.345', reason: 'sizeOrFit', note: '' },
        { gtin: '6920152400012', quantity: 1, paidAmount: '¥59.80', reason: '', note: '' },
      ],
    },
  },
  memberSignUp: {
    good: {
      name: '李思琪', mobile: '186-1234-5678', email: 'siqi.li@example.cn', idCard: '440304198808153625', birthday: '1988-08-15',
      gender: 'female', postalCode: '518000', password: 'Mall2026ok', agreeTerms: true,
    },
    bad: {
      name: '李4', mobile: '', email: '', idCard: '440304198808153626', birthday: '1988-08-15', gender: 'female',
      postalCode: '990000', password: 'short', agreeTerms: false,
    },
  },
};

const ENUM_LABELS = {
  return: ['退货', 'return'], exchange: ['换货', 'exchange'], repair: ['维修', 'repair'],
  quality: ['质量问题', 'quality problem'], wrongItem: ['发错货', 'wrong item'], notAsDescribed: ['与描述不符', 'not as described'],
  sizeOrFit: ['尺码不合适', 'size or fit'], noReason7Days: ['七天无理由', '7-day no reason'], other: ['其他', 'other'],
  original: ['原路退回', 'to the original payment'], storeCredit: ['商场储值', 'store credit'], cash: ['现金', 'cash'],
  male: ['男', 'male'], female: ['女', 'female'], unspecified: ['不愿透露', 'prefer not to say'],
};
// Field order and labels as the shipped files have them (formDescriptor answers JSON with sorted keys).
const FIELD_ORDER = {
  returnApplication: ['orderNo', 'purchaseDate', 'requestDate', 'contactName', 'mobile', 'kind', 'refundMethod', 'items'],
  memberSignUp: ['name', 'mobile', 'email', 'idCard', 'birthday', 'gender', 'postalCode', 'password', 'agreeTerms'],
  invoiceRequest: [], deliveryAddress: [],
};
const ITEM_ORDER = ['gtin', 'quantity', 'paidAmount', 'reason', 'note'];
const EXTRA_LABELS = { agreeTerms: ['我已阅读并同意会员条款', 'I accept the membership terms'] };
const ordered = (obj, order) => Object.entries(obj).sort(([a], [b]) => {
  const i = order.indexOf(a); const j = order.indexOf(b);
  return (i < 0 ? 999 : i) - (j < 0 ? 999 : j);
});
const enumLabel = (v) => (ENUM_LABELS[v] ? t(...ENUM_LABELS[v]) : String(v));
const PLACEHOLDER = { mobile: '138 0013 8000', idCard: '18 位身份证号', gtin: '69xxxxxxxxxxx', amount: '¥0.00', email: 'name@example.cn', postalCode: '200000' };

const state = {
  form: 'returnApplication',
  today: '2026-05-20',
  values: structuredClone(SAMPLES.returnApplication.bad),
  single: { mobile: '147 1234 5678', idCard: '440304198808153626', uscc: '913100006000373412', gtin: '2001234012805', layout: '2XIIIIIPPPPPC', today: '2026-05-20' },
};
let refs = {};

/** The rules of a field merged into one view: type, required, enum, label, defaultField. */
function merged(rule) {
  const rules = Array.isArray(rule) ? rule : [rule];
  const out = {};
  for (const r of rules) for (const [k, v] of Object.entries(r)) if (out[k] === undefined) out[k] = v;
  return out;
}

function control(name, rule, value, onValue) {
  const r = merged(rule);
  const id = `f-${name.replace(/[^\w]/g, '-')}`;
  if (r.enum && r.enum.every((v) => typeof v === 'boolean')) {
    return h('input', { id, type: 'checkbox', checked: value === true, onchange: (e) => onValue(e.target.checked) });
  }
  if (r.enum || r.type === 'enum') {
    const opts = [['', t('— 请选择 —', '— choose —')], ...(r.enum || []).map((v) => [v, enumLabel(v)])];
    if (value != null && value !== '' && !(r.enum || []).includes(value)) opts.push([value, `${value} ✗`]); // what a client really sent
    return select(opts, value ?? '',
      { id, onchange: (e) => onValue(e.target.value === '' ? undefined : e.target.value) });
  }
  const type = r.type === 'date' ? 'date' : r.type === 'integer' || r.type === 'number' ? 'number' : name.endsWith('password') ? 'password' : 'text';
  return h('input', { id, type, value: value ?? '', placeholder: PLACEHOLDER[r.type] ?? '', autocomplete: 'off',
    oninput: (e) => {
      const v = e.target.value;
      onValue(v === '' ? undefined : type === 'number' ? Number(v) : v);
    } });
}

/** The form value to send: empty fields left out, as a form library would. */
function cleaned(v) {
  if (Array.isArray(v)) return v.map(cleaned);
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== '') o[k] = cleaned(x);
    return o;
  }
  return v;
}

function fieldBox(path, label, required, ctl) {
  return h('div.form-field', { dataset: { path } },
    h('label', { for: ctl.id }, label, required ? h('span.req', ' *') : null), ctl, h('div.field-msgs'));
}

function renderForm(doc) {
  const box = h('form.form', { onsubmit: (e) => { e.preventDefault(); validate(); }, novalidate: true });
  for (const [name, rule] of ordered(doc.fields, FIELD_ORDER[state.form] ?? [])) {
    const r = merged(rule);
    const label = text(r.label) || (EXTRA_LABELS[name] ? t(...EXTRA_LABELS[name]) : name);
    if (r.type === 'array' && r.defaultField) {
      const item = merged(r.defaultField);
      const cols = ordered(item.fields || {}, ITEM_ORDER);
      const rows = state.values[name] || (state.values[name] = []);
      const table = h('div.items', { dataset: { path: name } },
        h('div.items-head', h('strong', label, r.required ? h('span.req', ' *') : null),
          h('button.small', { type: 'button', onclick: () => { rows.push({}); renderAll(); } }, t('+ 添加商品', '+ add item'))),
        h('div.field-msgs'),
        rows.map((row, i) => h('div.item-row', { dataset: { path: `${name}[${i}]` } },
          h('span.item-no', `#${i + 1}`),
          cols.map(([c, cr]) => {
            const m = merged(cr);
            return fieldBox(`${name}[${i}].${c}`, text(m.label) || c, m.required, control(`${name}-${i}-${c}`, cr, row[c], (v) => { row[c] = v; validate(); }));
          }),
          h('button.small.ghost', { type: 'button', 'aria-label': t('删除', 'remove'), onclick: () => { rows.splice(i, 1); renderAll(); } }, '×'),
          h('div.field-msgs.row-msgs'))));
      box.append(table);
    } else {
      box.append(fieldBox(name, label, r.required, control(name, rule, state.values[name], (v) => { state.values[name] = v; validate(); })));
    }
  }
  if (doc.rules?.length) {
    box.append(h('p.muted.cross', t('跨字段规则：', 'Cross-field rules: '), doc.rules.map((r) => h('code', r.type)).reduce((a, c) => (a.length ? [...a, ' ', c] : [c]), [])));
  }
  box.append(h('div.row', h('button.primary', { type: 'submit', id: 'form-validate' }, t('提交校验', 'Validate')),
    h('button', { type: 'button', onclick: () => fill('good') }, t('填入正确示例', 'Fill a valid sample')),
    h('button', { type: 'button', onclick: () => fill('bad') }, t('填入错误示例', 'Fill a sample with errors'))));
  return box;
}

function fill(which) {
  state.values = structuredClone(SAMPLES[state.form][which]);
  renderAll();
}

function validate() {
  const form = refs.formBox;
  for (const m of form.querySelectorAll('.field-msgs')) m.replaceChildren();
  for (const f of form.querySelectorAll('.has-error')) f.classList.remove('has-error');
  attempt(refs.formResult, () => {
    const value = cleaned(state.values);
    const r = mc.validateForm(state.form, value, { today: state.today });
    if (r.ok) {
      return h('div.ok-box', h('strong', '✓ ', t('校验通过：以下是规范化后的值（手机号 11 位、金额为分）', 'Valid: the normalised value (mobile as 11 digits, amounts in fen)')),
        h('pre', JSON.stringify(r.value, null, 2)));
    }
    const unplaced = [];
    for (const i of r.issues) {
      const target = form.querySelector(`[data-path="${CSS.escape(i.path)}"]`) ?? (i.path === '' ? null : form.querySelector(`[data-path="${CSS.escape(i.path.replace(/\.[^.[\]]+$|\[\d+\]$/, ''))}"]`));
      if (target) {
        target.classList.add('has-error');
        const msgs = target.querySelector(':scope > .field-msgs');
        msgs.append(h('div.msg', { title: i.code }, i.message, ' ', h('code', i.code)));
      } else unplaced.push(i);
    }
    return h('div', issuesView(r.issues, t(`${r.issues.length} 个问题（每个都带有路径，已显示在对应字段下）`, `${r.issues.length} issues (each with its path, shown under its field)`)),
      unplaced.length ? h('p.muted', t('无对应字段的问题：', 'Issues without a field: '), unplaced.map((i) => i.path).join(', ')) : null);
  });
}

// ---- single-field validators ----

const SINGLE = [
  { key: 'mobile', title: ['手机号', 'Mobile number'], fn: 'validateMobile', chips: ['13800138000', '+86 186-1234-5678', '199 1234 5678', '147 1234 5678', '1234567890'],
    facts: (v) => [['E.164', v.e164], [t('号码', 'national'), v.national], [t('运营商', 'carrier'), v.carrierName ?? v.carrier], [t('号段类型', 'kind'), v.kind], [t('号段', 'segment'), v.segment]] },
  { key: 'idCard', title: ['身份证号', 'Resident ID card'], fn: 'validateIdCard', today: true, chips: ['110105199003071239', '44030419880815362X', '440304198808153625', '110105900307123', '310115202703158828'],
    facts: (v) => [[t('号码', 'number'), v.number], [t('类型', 'kind'), v.kind], [t('地区码', 'region'), v.regionCode], [t('省份', 'province'), t(v.province, v.provinceEn)],
      [t('出生日期', 'birth date'), v.birthDate], [t('性别', 'sex'), v.sex === 'male' ? t('男', 'male') : t('女', 'female')], [t('年龄', 'age'), v.age],
      [t('由 15 位升级', 'upgraded from'), v.upgradedFrom]] },
  { key: 'uscc', title: ['统一社会信用代码', 'Unified social credit code'], fn: 'validateUscc', chips: ['913100006000373412', '914403001923625828', '92330106312356786R', '913100006000373413'],
    facts: (v) => [[t('代码', 'code'), v.code], [t('登记管理部门', 'authority'), t(v.authority, v.authorityEn)], [t('机构类别', 'type'), v.organisationType],
      [t('地区', 'region'), `${v.regionCode} ${v.province ?? ''}`], [t('组织机构代码', 'organisation code'), v.organisationCode], [t('校验码', 'check'), v.check]] },
  { key: 'gtin', title: ['商品条码 GTIN', 'Barcode (GTIN)'], fn: 'validateGtin', layout: true, chips: ['6901234567892', '6920152400012', '2001234012805', '6901234567890', '01234565'],
    facts: (v) => [[t('条码', 'code'), v.code], [t('格式', 'format'), v.format], ['GTIN-14', v.gtin14], [t('店内码', 'in-store'), v.inStore ? t('是', 'yes') : t('否', 'no')],
      ...(v.variableMeasure ? [[t('商品编号', 'item'), v.variableMeasure.item], [t('价格', 'price'), v.variableMeasure.priceFen != null ? yuan(v.variableMeasure.priceFen) : null],
        [t('重量', 'weight'), v.variableMeasure.weightGrams != null ? `${v.variableMeasure.weightGrams} g` : null]] : [])] },
];

function singleCard(def) {
  const out = h('div.single-out', { 'aria-live': 'polite', id: `out-${def.key}` });
  const run = () => attempt(out, () => {
    const opts = {};
    if (def.today && state.single.today) opts.today = state.single.today;
    if (def.layout && state.single.layout) opts.layout = state.single.layout;
    const r = mc[def.fn](state.single[def.key], opts);
    return r.ok ? h('div.ok-box.compact', h('strong', '✓ ', t('有效', 'valid')), facts(def.facts(r.value).filter((x) => x[1] != null)))
      : issuesView(r.issues);
  });
  const input = h('input', { id: `single-${def.key}`, value: state.single[def.key], autocomplete: 'off', oninput: (e) => { state.single[def.key] = e.target.value; run(); } });
  const card = h('div.card', h('h3', t(...def.title), h('code.fn', `${def.fn}()`)),
    field(t('输入', 'Input'), input),
    def.today ? field('today', h('input', { type: 'date', value: state.single.today, oninput: (e) => { state.single.today = e.target.value; run(); } }),
      t('用于计算年龄并拒绝未来的出生日期', 'for the age, and to refuse a birth date in the future')) : null,
    def.layout ? field(t('店内码版式', 'In-store layout'), h('input', { value: state.single.layout, oninput: (e) => { state.single.layout = e.target.value; run(); } }),
      t('2=前缀 X=任意 I=商品 P=价格(分) W=重量(克) C=校验', '2=prefix X=any I=item P=price (fen) W=weight (g) C=check')) : null,
    h('div.chips', def.chips.map((c) => h('button.chip-btn', { type: 'button', onclick: () => { state.single[def.key] = c; input.value = c; run(); } }, c))),
    out);
  run();
  return card;
}

function renderAll() {
  const panel = refs.panel;
  const miss = missing('validateForm', 'formDescriptor', 'validateMobile', 'validateIdCard', 'validateUscc', 'validateGtin');
  if (miss.length) { mount(panel, h('h2', t('表单校验', 'Validation')), missingNote(miss)); return; }
  let doc;
  try { doc = mc.formDescriptor(state.form); } catch (e) { doc = null; refs.formError = e; }
  refs.formBox = h('div');
  refs.formResult = h('div.form-result', { 'aria-live': 'polite' });
  if (doc) mount(refs.formBox, renderForm(doc));
  else attempt(refs.formBox, () => { throw refs.formError; });
  const names = typeof mc.formDescriptorNames === 'function' ? mc.formDescriptorNames() : ['returnApplication', 'memberSignUp'];
  const FORM_TITLES = { returnApplication: ['退换货申请', 'Return application'], memberSignUp: ['会员注册', 'Member sign-up'],
    invoiceRequest: ['开票申请', 'Invoice request'], deliveryAddress: ['收货地址', 'Delivery address'] };
  mount(panel,
    h('div.intro', h('h2', t('表单校验', 'Validation')),
      h('p', t('表单规则来自 mallcare 内置的表单描述（与 async-validator / Ant Design 规则写法一致），浏览器、小程序和服务器用同一份规则给出同样的结论，每个问题都带有字段路径。',
        "Forms use mallcare's shipped descriptors (written like async-validator / Ant Design rules): the browser, mini-programs and the server reach the same verdict, and every issue carries its field path."))),
    h('div.grid-form',
      h('div.card',
        h('div.card-head', h('h3', t('整张表单', 'A whole form')),
          h('div.seg', names.filter((n) => SAMPLES[n]).map((n) => h('button', { type: 'button', 'aria-pressed': String(n === state.form), dataset: { form: n },
            onclick: () => { state.form = n; state.values = structuredClone(SAMPLES[n].bad); renderAll(); } }, t(...(FORM_TITLES[n] ?? [n, n])))))),
        h('div.row', field('today', h('input', { type: 'date', value: state.today, oninput: (e) => { state.today = e.target.value; validate(); } }))),
        refs.formBox, refs.formResult,
        doc ? jsonView(t(`表单描述 formDescriptor("${state.form}")`, `Descriptor formDescriptor("${state.form}")`), doc) : null),
      h('div.stack', h('h3.side-title', t('单字段校验（提取的信息）', 'Single fields (the facts they carry)')), SINGLE.map(singleCard))));
  if (doc) validate();
}

export default {
  id: 'validation',
  icon: 'check',
  title: () => t('表单校验', 'Validation'),
  render(panel) {
    refs = { panel };
    renderAll();
  },
};
