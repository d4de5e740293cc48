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
