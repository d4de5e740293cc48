// Compiled with `tsc --noEmit`: every foundation call is typed (no `any` leaks) and the convention types line up.
import init, {
  version, setLocale, getLocale, isWorkday, dayKind, addBusinessDays, businessDaysBetween, nextWorkday,
  loadCalendarYear, resetCalendar, calendarYears, parseAmount, parseTimestamp, formatAmount, splitAmount,
  type Issue, type Outcome, type MallcareError, type DayKind, type HolidayYear,
} from 'mallcare';
import { init as initMiniProgram, type MallcareApi } from 'mallcare/miniprogram';

async function main(): Promise<void> {
  await init();
  const v: string = version();
  setLocale('en');
  const l: 'zh-CN' | 'en' = getLocale();
  const w: boolean = isWorkday('2026-01-04');
  const k: DayKind = dayKind('2026-01-04');
  const d: string = addBusinessDays('2026-09-30', 3);
  const n: number = businessDaysBetween('2026-09-30', '2026-10-12');
  const nx: string = nextWorkday('2026-09-30');
  const doc: HolidayYear = { year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] };
  const y: number = loadCalendarYear(doc);
  resetCalendar();
  const ys: number[] = calendarYears();
  const a: Outcome<number> = parseAmount('¥1,234.50', { locale: 'en' });
  if (a.ok) { const fen: number = a.value; void fen; } else { const first: Issue | undefined = a.issues[0]; void first; }
  const t: Outcome<string> = parseTimestamp('2026-05-01T10:00:00Z');
  const f: string = formatAmount(123450, { symbol: false });
  const parts: number[] = splitAmount(1000, [1, 2, 3]);
  try { isWorkday('2027-01-01'); } catch (e) { const err = e as MallcareError; const c: string = err.code; void c; }
  const mp: MallcareApi = await initMiniProgram({ path: '/miniprogram_npm/mallcare/mallcare.wasm.br' });
  const w2: boolean = mp.isWorkday('2026-01-04');
  void [v, l, w, k, d, n, nx, y, ys, t, f, parts, w2];
}
void main;

// The pillars' calls: real types in and out (a wrong field or a misspelt method fails tsc).
import {
  validateIdCard, validateMobile, validateForm, formDescriptor, FormSchema, ReturnPolicy, PointsProgram, Venue,
  type IdCard, type ReturnDecision, type EarnResult, type Route, type SearchHit,
} from 'mallcare';

function pillars(): void {
  const id = validateIdCard('11010519491231002X', { today: '2026-11-22' });
  if (id.ok) { const c: IdCard = id.value; void c; }
  const m = validateMobile('+86 138 0013 8000');
  if (m.ok) { const e164: string = m.value.e164; void e164; }
  const form = FormSchema.load(formDescriptor('returnApplication'));
  const checked = form.validate({ orderId: 'A1' }, { locale: 'en' });
  const once = validateForm(formDescriptor('memberSignUp'), { mobile: '13800138000' });
  const policy = ReturnPolicy.statutory();
  const decisions: ReturnDecision[] = policy.evaluateMany([]).flatMap((o) => (o.ok ? [o.value] : []));
  const full: ReturnDecision = policy.evaluate('{}', { explain: true });
  const lean: ReturnDecision<false> = policy.evaluate('{}', { explain: false });
  // @ts-expect-error `{ explain: false }` decisions carry no messages
  const leanZh: string[] = lean.reasons.map((r) => r.zh);
  const leanMany: ReturnDecision<false>[] = policy.evaluateMany([], { explain: false }).flatMap((o) => (o.ok ? [o.value] : []));
  const asText: string = policy.evaluateJson('{}', { explain: false });
  void [full, leanZh, leanMany, asText];
  const program: PointsProgram | undefined = undefined as PointsProgram | undefined;
  const earned: EarnResult | undefined = program?.earn({ id: 'o1', lines: [] }, { tier: 'gold' }, '2026-11-22T10:00:00+08:00',
    { detail: 'total' });
  const venue = Venue.sample();
  const hits: SearchHit[] = venue.search('xbk');
  const route: Route = venue.route({ parking: 'B2-A-017' }, { place: hits[0]?.id ?? '' }, { mode: 'accessible' });
  const near = venue.nearest('B2-A-017', 'restroom');
  const fp: string = policy.fingerprint + venue.fingerprint;
  void [checked, once, decisions, earned, route, near, fp];
}
void pillars;

// Validation: the fast ID-card calls (verdict codes, batch codes, facts as numbers).
import { checkIdCard, checkIdCards, IdCardChecker, type IdCardCheck, type IdCardKind } from 'mallcare';

function validationFast(): void {
  const code: IdCardCheck = checkIdCard('11010519491231002X', { today: '2026-11-22' });
  const codes: Uint8Array = checkIdCards(['11010519491231002X', 42], { today: '2026-11-22' });
  const c = new IdCardChecker('2026-11-22');
  const ok: boolean = c.isValid('11010519491231002X');
  if (c.check('11010519491231002X') === 0 && c.valid) {
    const region: number | undefined = c.regionCode;
    const birth: number | undefined = c.birthDate;
    const sex: 'male' | 'female' | undefined = c.sex;
    const kind: IdCardKind | undefined = c.kind;
    const age: number | undefined = c.age;
    void [region, birth, sex, kind, age, c.provinceCode, c.upgraded];
  }
  const many: Uint8Array = c.checkMany([]);
  c.free();
  void [code, codes, ok, many];
}
void validationFast;
