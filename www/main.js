import init, * as mc from 'mallcare';

const $ = (id) => document.getElementById(id);
let year = 2026, month = 10; // 1-based

function render() {
  const zh = mc.getLocale() === 'zh-CN';
  $('month').textContent = `${year}-${String(month).padStart(2, '0')}`;
  const grid = $('calendar');
  grid.textContent = '';
  const heads = zh ? ['一', '二', '三', '四', '五', '六', '日'] : ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
  for (const h of heads) { const d = document.createElement('div'); d.className = 'head'; d.textContent = h; grid.append(d); }
  const first = new Date(Date.UTC(year, month - 1, 1));
  for (let i = 0; i < (first.getUTCDay() + 6) % 7; i++) grid.append(document.createElement('div'));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let d = 1; d <= days; d++) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const cell = document.createElement('div');
    cell.textContent = d;
    try { cell.className = mc.dayKind(date); cell.title = `${date}: ${mc.dayKind(date)}`; }
    catch (e) { cell.className = 'unknown'; cell.title = e.issues[0].message; }
    grid.append(cell);
  }
  try {
    $('due').textContent = `→ ${mc.addBusinessDays($('from').value, Number($('n').value))}`;
    $('due').className = '';
  } catch (e) { $('due').textContent = e.issues.map((i) => `${i.code}: ${i.message}`).join('\n'); $('due').className = 'err'; }
  const a = mc.parseAmount($('amount').value);
  $('amountOut').textContent = a.ok ? `${a.value} 分 = ${mc.formatAmount(a.value)}` : a.issues.map((i) => `${i.code}: ${i.message}`).join('\n');
  $('amountOut').className = a.ok ? '' : 'err';
  try {
    const weights = $('weights').value.split(',').map((s) => Number(s.trim()));
    const total = a.ok ? a.value : 0;
    const parts = mc.splitAmount(total, weights);
    $('splitOut').textContent = parts.map((p) => mc.formatAmount(p)).join(' + ') + ` = ${mc.formatAmount(parts.reduce((x, y) => x + y, 0))}`;
    $('splitOut').className = '';
  } catch (e) { $('splitOut').textContent = e.issues.map((i) => `${i.code} ${i.path}: ${i.message}`).join('\n'); $('splitOut').className = 'err'; }
}

await init();
$('version').textContent = `v${mc.version()}`;
$('prev').onclick = () => { if (--month < 1) { month = 12; year--; } render(); };
$('next').onclick = () => { if (++month > 12) { month = 1; year++; } render(); };
$('locale').onchange = (e) => { mc.setLocale(e.target.value); render(); };
for (const id of ['from', 'n', 'amount', 'weights']) $(id).oninput = render;
render();
