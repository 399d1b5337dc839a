// The laborsim workbench: pick a baseline, build a variant from schema-generated forms, run
// both over paired replicates, read the difference with its 95% interval. Vanilla JS, charts
// drawn as SVG by hand; no network besides the laborsim server (or none, in a saved report).
'use strict';

const I18N = {
  en: {
    title: 'Labour-market policy workbench', lang_button: 'Tiếng Việt',
    step_baseline: 'Pick a province baseline', baseline: 'Baseline',
    step_variant: 'Build a variant',
    variant_help: 'Edit a policy of the baseline or add one; only what you change goes into the variant.',
    add_policy: 'Add a policy', add: 'Add', upload_yaml: 'Or upload a variant YAML', variant_yaml: 'Variant YAML',
    edit: 'Edit', close: 'Close', remove: 'Remove', restore: 'Restore', new_policy: 'new',
    step_run: 'Run', replicates: 'Replicates', scale: 'Scale (agents per person)', seed: 'Seed (optional)',
    run: 'Run baseline and variant', cancel: 'Cancel', step_results: 'See the difference',
    indicator: 'Indicator', region: 'Region', chart_levels: 'Baseline and variant (mean over replicates)',
    chart_difference: 'Difference variant − baseline, with its 95% band', dates: 'Dates (YYYY-MM, comma-separated)',
    update: 'Update', summary_effects: 'Effects at the chosen dates', summary_costs: 'Spending and cost per additional person',
    step_downloads: 'Take away',
    footer: 'laborsim: differences are paired by seed over replicates; the band is the 95% confidence interval of the mean difference.',
    col_indicator: 'Indicator', col_region: 'Region', col_date: 'Date', col_measure: 'Measure', col_baseline: 'Baseline',
    col_variant: 'Variant', col_difference: 'Difference', col_ci: '95% CI', col_p: 'p',
    col_policy: 'Policy', col_run: 'Run', col_spending: 'Spending', col_beneficiaries: 'Beneficiaries',
    col_outcome: 'Additional', col_extra_spending: 'Extra spending', col_cost_per: 'Cost per additional person',
    measure_value: 'in month', measure_cumulative: 'cumulative', run_baseline: 'baseline', run_variant: 'variant',
    all_regions: 'all regions', policy_period: 'policy period', baseline_series: 'baseline', variant_series: 'variant',
    running: 'Running', eta: 'about {s} left', done: 'Finished in {s}', cancelled: 'Cancelled', failed: 'Failed',
    valid: 'The variant is valid.', validating: 'Checking…', invalid: 'The variant has errors:',
    warning: 'Warning', no_changes: 'The variant changes nothing yet: edit a policy or add one.',
    dl_yaml: 'Variant scenario (YAML)', dl_csv: 'Difference table (CSV, every indicator and month)',
    dl_summary_csv: 'Difference table at the chosen dates (CSV)', dl_report: 'This page as a report (HTML, works offline)',
    dl_h5: 'Run file', pp: 'pp', million: 'million VND', billion: 'billion VND', per_month: '/month',
    not_costed: 'n/a (no gain at a cost)', uploaded: 'Uploaded {f}: the variant is the file as written (forms are off).',
    seconds: '{n} s', minutes: '{n} min', replicates_n: '{n} replicates',
    ind_labor_force: 'Labour force', ind_employed: 'Employed', ind_unemployment_rate: 'Unemployment rate',
    ind_trained_rate: 'Trained rate', ind_certified_rate: 'Rate with a degree or certificate',
    ind_certified_workers: 'Workers with a degree or certificate', ind_trained_workers: 'Trained workers',
    ind_mean_wage: 'Mean wage', ind_hires: 'Hires', ind_enrolments: 'Enrolments', ind_graduates: 'Graduates',
    ind_high_quality_rate: 'High-quality rate',
  },
  vi: {
    title: 'Bàn làm việc chính sách thị trường lao động', lang_button: 'English',
    step_baseline: 'Chọn kịch bản gốc của tỉnh', baseline: 'Kịch bản gốc',
    step_variant: 'Xây dựng phương án',
    variant_help: 'Sửa một chính sách của kịch bản gốc hoặc thêm chính sách mới; chỉ những gì bạn thay đổi được đưa vào phương án.',
    add_policy: 'Thêm chính sách', add: 'Thêm', upload_yaml: 'Hoặc tải lên tệp YAML của phương án', variant_yaml: 'YAML của phương án',
    edit: 'Sửa', close: 'Đóng', remove: 'Bỏ', restore: 'Khôi phục', new_policy: 'mới',
    step_run: 'Chạy mô phỏng', replicates: 'Số lần lặp', scale: 'Tỷ lệ mẫu (tác tử trên một người)', seed: 'Hạt giống (tuỳ chọn)',
    run: 'Chạy kịch bản gốc và phương án', cancel: 'Huỷ', step_results: 'Xem khác biệt',
    indicator: 'Chỉ tiêu', region: 'Vùng', chart_levels: 'Kịch bản gốc và phương án (trung bình các lần lặp)',
    chart_difference: 'Chênh lệch phương án − gốc, với khoảng tin cậy 95%', dates: 'Thời điểm (YYYY-MM, cách nhau bởi dấu phẩy)',
    update: 'Cập nhật', summary_effects: 'Tác động tại các thời điểm đã chọn', summary_costs: 'Chi tiêu và chi phí cho mỗi người tăng thêm',
    step_downloads: 'Tải về',
    footer: 'laborsim: chênh lệch được ghép cặp theo hạt giống qua các lần lặp; dải màu là khoảng tin cậy 95% của chênh lệch trung bình.',
    col_indicator: 'Chỉ tiêu', col_region: 'Vùng', col_date: 'Thời điểm', col_measure: 'Cách tính', col_baseline: 'Gốc',
    col_variant: 'Phương án', col_difference: 'Chênh lệch', col_ci: 'KTC 95%', col_p: 'p',
    col_policy: 'Chính sách', col_run: 'Kịch bản', col_spending: 'Chi tiêu', col_beneficiaries: 'Người thụ hưởng',
    col_outcome: 'Tăng thêm', col_extra_spending: 'Chi tiêu tăng thêm', col_cost_per: 'Chi phí cho mỗi người tăng thêm',
    measure_value: 'trong tháng', measure_cumulative: 'cộng dồn', run_baseline: 'gốc', run_variant: 'phương án',
    all_regions: 'toàn bộ', policy_period: 'thời gian áp dụng chính sách', baseline_series: 'gốc', variant_series: 'phương án',
    running: 'Đang chạy', eta: 'còn khoảng {s}', done: 'Xong sau {s}', cancelled: 'Đã huỷ', failed: 'Lỗi',
    valid: 'Phương án hợp lệ.', validating: 'Đang kiểm tra…', invalid: 'Phương án có lỗi:',
    warning: 'Cảnh báo', no_changes: 'Phương án chưa thay đổi gì: hãy sửa hoặc thêm một chính sách.',
    dl_yaml: 'Kịch bản phương án (YAML)', dl_csv: 'Bảng chênh lệch (CSV, mọi chỉ tiêu và tháng)',
    dl_summary_csv: 'Bảng chênh lệch tại các thời điểm đã chọn (CSV)', dl_report: 'Trang này dưới dạng báo cáo (HTML, dùng ngoại tuyến)',
    dl_h5: 'Tệp kết quả', pp: 'điểm %', million: 'triệu đồng', billion: 'tỷ đồng', per_month: '/tháng',
    not_costed: 'không áp dụng (không tăng với chi phí)', uploaded: 'Đã tải lên {f}: phương án là tệp như đã viết (biểu mẫu tắt).',
    seconds: '{n} giây', minutes: '{n} phút', replicates_n: '{n} lần lặp',
    ind_labor_force: 'Lực lượng lao động', ind_employed: 'Số người có việc làm', ind_unemployment_rate: 'Tỷ lệ thất nghiệp',
    ind_trained_rate: 'Tỷ lệ lao động qua đào tạo', ind_certified_rate: 'Tỷ lệ lao động có bằng cấp, chứng chỉ',
    ind_certified_workers: 'Lao động có bằng cấp, chứng chỉ', ind_trained_workers: 'Lao động qua đào tạo',
    ind_mean_wage: 'Tiền lương bình quân', ind_hires: 'Tuyển dụng', ind_enrolments: 'Nhập học', ind_graduates: 'Tốt nghiệp',
    ind_high_quality_rate: 'Tỷ lệ lao động chất lượng cao',
  },
};

const state = {
  lang: localStorage.getItem('laborsim-lang') || 'en',
  report: window.LABORSIM_REPORT || null,  // a saved report: the data, no server
  scenarios: [], schema: null, baseline: null, baselineFile: '',
  policies: [],  // {id, type, values, original (null: new), removed, open}
  lineMap: {},   // variant YAML line -> {policy, key}
  uploaded: null, runId: null, poll: null, series: null, summary: null, variantResolved: null,
};

function t(key, vars) {
  let s = (I18N[state.lang] && I18N[state.lang][key]) || I18N.en[key] || key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace('{' + k + '}', v);
  return s;
}
const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

async function api(path, options) {
  const res = await fetch(path, options);
  const text = await res.text();
  let body = null;
  try { body = JSON.parse(text); } catch (e) { body = {error: text}; }
  if (!res.ok) { const err = new Error(body.error || res.statusText); err.body = body; err.status = res.status; throw err; }
  return body;
}

// ---- numbers in planners' units ---------------------------------------------------------

const isRate = (u) => u === '1' || u === '1/month';
const isMoney = (u) => (u || '').startsWith('VND');
function localise(s) {  // Vietnamese: '.' groups thousands, ',' marks decimals
  if (state.lang !== 'vi') return s;
  return s.replace(/\d[\d.,]*\d/g, (n) => n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
}
function grouped(v, decimals) {
  if (!isFinite(v)) return 'n/a';
  const fixed = Math.abs(v).toFixed(decimals || 0);
  const [int, frac] = fixed.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (v < 0 && g !== '0' ? '-' : '') + g + (frac ? '.' + frac : '');
}
function gFormat(v, precision) {  // C's %.{precision}g
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= precision) {
    let [m, e] = v.toExponential(precision - 1).split('e');
    if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    const n = parseInt(e, 10);
    return m + 'e' + (n < 0 ? '-' : '+') + String(Math.abs(n)).padStart(2, '0');
  }
  let s = v.toFixed(Math.max(0, precision - 1 - exp));
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}
// The same rules as `laborsim compare`'s table (sim/analysis/compare_format.cpp).
function signedValue(v, units) {
  if (!isFinite(v)) return 'n/a';
  if (isRate(units)) return (v >= 0 ? '+' : '') + (100 * v).toFixed(2) + ' ' + t('pp');
  if (Math.abs(v) >= 1000) return (v >= 0 ? '+' : '') + grouped(v);
  const s = gFormat(v, 4);
  return (v >= 0 ? '+' : '') + s;
}
function intervalText(e, units) {
  if (!e || !isFinite(e.low)) return 'n/a';
  let lo = signedValue(e.low, units);
  const hi = signedValue(e.high, units);
  if (isRate(units)) lo = lo.slice(0, lo.length - (' ' + t('pp')).length);
  return '[' + lo + ', ' + hi + ']';
}
function moneyText(vnd) {
  if (!isFinite(vnd)) return 'n/a';
  if (Math.abs(vnd) >= 1e9) return (vnd / 1e9).toFixed(2) + ' ' + t('billion');
  return (vnd / 1e6).toFixed(2) + ' ' + t('million');
}
function levelText(v, units) {
  if (!isFinite(v)) return 'n/a';
  if (isRate(units)) return (100 * v).toFixed(2) + '%';
  if (isMoney(units)) return moneyText(v) + (units.endsWith('/month') ? t('per_month') : '');
  if (Math.abs(v) >= 1000) return grouped(v);
  return gFormat(v, 4);
}
function pText(p) { return !isFinite(p) ? 'n/a' : p < 0.001 ? '<0.001' : p.toFixed(3); }
function axisText(v, units) {
  if (isRate(units)) return (100 * v).toFixed(Math.abs(v) < 0.01 ? 2 : 1) + '%';
  if (isMoney(units)) return Math.abs(v) >= 1e9 ? (v / 1e9).toFixed(1) + ' ' + t('billion') : (v / 1e6).toFixed(2) + (state.lang === 'vi' ? ' tr' : ' M');
  return grouped(v, Math.abs(v) < 10 && v !== 0 ? 1 : 0);
}
const indicatorName = (n) => (I18N.en['ind_' + n] ? t('ind_' + n) : n.replace(/_/g, ' '));
// A province's name for people: the title of the shipped scenario that models it alone
// ("Cao Bằng"), else the region's own name.
function regionName(id) {
  if (id === 'all') return t('all_regions');
  const regions = (state.baseline && (state.baseline.regions || state.baseline.resolved.regions)) || [];
  if (regions.length === 1 && regions[0].id === id && state.baseline.resolved.title) return state.baseline.resolved.title;
  const alone = state.scenarios.find((s) => s.baseline && s.regions && s.regions.length === 1 && s.regions[0] === id);
  if (alone) return alone.title;
  const r = regions.find((x) => x.id === id);
  return r ? r.name : id;
}
function durationText(s) { return s < 90 ? t('seconds', {n: Math.round(s)}) : t('minutes', {n: Math.round(s / 60)}); }

// ---- SVG charts -------------------------------------------------------------------------

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function niceTicks(lo, hi, n) {
  if (lo === hi) { lo -= 1; hi += 1; }
  const step0 = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}
const monthIndex = (d) => { const [y, m] = d.split('-').map(Number); return y * 12 + m - 1; };

// lines: [{label, color, points: [[month, y]], band: [[month, lo, hi]]}]; shade: [[m0, m1]]
function lineChart(container, lines, units, shade, zeroLine) {
  const W = 520, H = 280, L = 78, R = 12, T = 22, B = 30;
  const xs = lines.flatMap((l) => l.points.map((p) => p[0]));
  let ys = lines.flatMap((l) => l.points.map((p) => p[1]).concat((l.band || []).flatMap((b) => [b[1], b[2]])));
  ys = ys.filter(isFinite);
  if (zeroLine) ys.push(0);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  const pad = (y1 - y0) * 0.06 || Math.abs(y1) * 0.05 || 1;
  y0 -= pad; y1 += pad;
  const X = (m) => L + ((m - x0) / Math.max(1, x1 - x0)) * (W - L - R);
  const Y = (v) => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);
  const s = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img'});
  for (const [m0, m1] of shade || []) {
    const a = Math.max(m0, x0), b = Math.min(m1, x1);
    if (b < a) continue;
    s.append(svg('rect', {x: X(a), y: T, width: Math.max(1, X(b) - X(a)), height: H - T - B, fill: 'var(--shade)', class: 'policy-period'}));
    s.append(svg('text', {x: X(a) + 3, y: T + 11}, t('policy_period')));
  }
  for (const v of niceTicks(y0, y1, 5)) {
    s.append(svg('line', {x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: '#e4e9ef'}));
    s.append(svg('text', {x: L - 6, y: Y(v) + 4, 'text-anchor': 'end'}, axisText(v, units)));
  }
  for (let y = Math.ceil(x0 / 12); y * 12 <= x1; y += Math.max(1, Math.round((x1 - x0) / 12 / 8))) {
    s.append(svg('line', {x1: X(y * 12), x2: X(y * 12), y1: H - B, y2: H - B + 4, stroke: '#8a99a8'}));
    s.append(svg('text', {x: X(y * 12), y: H - B + 16, 'text-anchor': 'middle'}, String(y)));
  }
  if (zeroLine) s.append(svg('line', {x1: L, x2: W - R, y1: Y(0), y2: Y(0), stroke: '#5c6b7a', 'stroke-dasharray': '3 3'}));
  s.append(svg('line', {x1: L, x2: L, y1: T, y2: H - B, stroke: '#8a99a8'}));
  let legendX = L + 4;
  for (const l of lines) {
    if (l.band && l.band.length) {
      const up = l.band.map((b) => `${X(b[0])},${Y(b[2])}`), down = l.band.slice().reverse().map((b) => `${X(b[0])},${Y(b[1])}`);
      s.append(svg('polygon', {points: up.concat(down).join(' '), fill: 'var(--band)', stroke: 'none', class: 'band'}));
    }
    const pts = l.points.filter((p) => isFinite(p[1])).map((p) => `${X(p[0])},${Y(p[1])}`).join(' ');
    s.append(svg('polyline', {points: pts, fill: 'none', stroke: l.color, 'stroke-width': 2, class: 'series'}));
    s.append(svg('rect', {x: legendX, y: 4, width: 12, height: 4, fill: l.color}));
    s.append(svg('text', {x: legendX + 16, y: 10}, l.label));
    legendX += 22 + 7 * l.label.length;
  }
  container.replaceChildren(s);
}

// ---- the variant: forms generated from the schema ----------------------------------------

function schemaKeys(type) {
  const sec = (n) => (state.schema.sections.find((s) => s.name === n) || {keys: []}).keys;
  return sec('policy').filter((k) => k.key !== 'id' && k.key !== 'type').concat(sec('policy.' + type));
}
function valueText(v) { return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v); }
function parseInput(text, key) {
  const s = text.trim();
  if (s === '') return undefined;
  if (['integer', 'number', 'nonneg', 'fraction'].includes(key.type)) return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s) ? Number(s) : s;
  if (key.type === 'boolean') return s === 'true';
  if (['mapping', 'mapping_list', 'number_list', 'level_shares', 'field_shares', 'level_numbers', 'field_fractions'].includes(key.type)
      || (key.type === 'string_list' && s.startsWith('['))) {
    try { return JSON.parse(s); } catch (e) { return s; }
  }
  return s;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function changedKeys(p) {
  if (!p.original) return Object.keys(p.values).filter((k) => p.values[k] !== undefined);
  return Object.keys(p.values).filter((k) => p.values[k] !== undefined && !same(p.values[k], p.original[k]));
}

function yamlScalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return JSON.stringify(v);  // JSON is YAML's flow style
  return /^[A-Za-z_][A-Za-z0-9_.\- ]*$/.test(v) && !/^(true|false|null|yes|no|on|off)$/i.test(v) ? v : JSON.stringify(v);
}
// The variant text: the baseline extended, with only the changed keys of each policy (merged
// by id), new policies whole, removed ones as `remove: true`. Remembers which line holds
// which field, so that the loader's line:column errors land at the field.
function variantYaml() {
  const b = state.baseline;
  const lines = [`extends: ${state.baselineFile}`, `name: ${b.name}-variant`, `title: ${JSON.stringify((b.title || b.name) + ' (variant)')}`];
  const map = {};
  const touched = state.policies.filter((p) => p.removed || !p.original || changedKeys(p).length);
  if (touched.length) lines.push('policies:');
  for (const p of touched) {
    lines.push(`  - id: ${p.id}`);
    map[lines.length] = {policy: p.id, key: 'id'};
    if (p.removed) { lines.push('    remove: true'); continue; }
    if (!p.original) { lines.push(`    type: ${p.type}`); map[lines.length] = {policy: p.id, key: 'type'}; }
    for (const k of changedKeys(p)) {
      lines.push(`    ${k}: ${yamlScalar(p.values[k])}`);
      map[lines.length] = {policy: p.id, key: k};
    }
  }
  state.lineMap = map;
  return lines.join('\n') + '\n';
}

function policyPeriod(p, resolved) {
  const cal = (resolved || state.baseline.resolved).calendar;
  return [p.values.start || cal.start, p.values.end || cal.end];
}

function renderPolicies() {
  const box = $('policies');
  box.replaceChildren();
  for (const p of state.policies) {
    const changed = !p.original || changedKeys(p).length > 0;
    const [from, to] = policyPeriod(p);
    const card = el('div', {class: 'policy' + (changed ? ' changed' : '') + (p.removed ? ' removed' : ''), 'data-policy': p.id});
    const head = el('div', {class: 'policy-head'},
      el('span', {class: 'pid', text: p.id}), el('span', {class: 'ptype', text: p.type.replace(/_/g, ' ') + (p.original ? '' : ' (' + t('new_policy') + ')')}),
      el('span', {class: 'period', text: `${from} – ${to}`}), el('span', {class: 'spacer'}),
      el('button', {type: 'button', class: 'edit', text: p.open ? t('close') : t('edit'), onclick: () => { p.open = !p.open; renderPolicies(); }}),
      el('button', {type: 'button', class: 'remove', text: p.removed ? t('restore') : t('remove'), onclick: () => {
        if (!p.original) state.policies = state.policies.filter((x) => x !== p); else p.removed = !p.removed;
        variantChanged();
      }}));
    card.append(head);
    if (p.open && !p.removed) card.append(policyForm(p));
    box.append(card);
  }
}

function policyForm(p) {
  const grid = el('div', {class: 'fields'});
  for (const k of schemaKeys(p.type)) {
    const id = `f-${p.id}-${k.key}`;
    const current = valueText(p.values[k.key]);
    let input;
    if (k.type === 'choice' || k.type === 'boolean') {
      const choices = k.type === 'boolean' ? ['true', 'false'] : k.choices;
      input = el('select', {id});
      input.append(el('option', {value: '', text: '(' + k.default + ')'}));
      for (const c of choices) input.append(el('option', {value: c, text: c}));
      input.value = current;
    } else {
      input = el('input', {id, type: 'text', value: current, placeholder: k.default});
    }
    input.dataset.key = k.key;
    input.addEventListener('change', () => {
      // Empty: the baseline's value (or the default, for a new policy).
      const v = parseInput(input.value, k);
      p.values[k.key] = v === undefined && p.original ? p.original[k.key] : v;
      const edited = p.original ? !same(p.values[k.key], p.original[k.key]) : p.values[k.key] !== undefined;
      input.closest('.field').classList.toggle('edited', edited);
      input.closest('.policy').classList.toggle('changed', !p.original || changedKeys(p).length > 0);
      variantChanged(false);
    });
    const unit = k.unit && k.unit !== '1' ? ` (${k.unit})` : k.unit === '1' ? ' (0–1)' : '';
    const edited = p.original ? !same(p.values[k.key], p.original[k.key]) : p.values[k.key] !== undefined;
    grid.append(el('div', {class: 'field' + (edited ? ' edited' : ''), 'data-key': k.key},
      el('label', {for: id}, el('span', {text: k.key + unit}), input),
      el('div', {class: 'help', text: k.doc + (k.default ? ` [${k.default}]` : '')}),
      el('div', {class: 'error', id: id + '-error'})));
  }
  return grid;
}

let validateTimer = null;
function variantChanged(rerender = true) {
  if (!state.uploaded) $('variant-yaml').value = variantYaml();
  if (rerender) renderPolicies();
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validate, 300);
}

function showDiagnostics(diags) {
  const box = $('validation');
  box.replaceChildren(el('div', {class: 'error', text: t('invalid')}));
  for (const d of diags) {
    const where = state.uploaded ? null : state.lineMap[d.line];
    if (where && d.file === 'variant.yaml') {
      const p = state.policies.find((x) => x.id === where.policy);
      if (p && !p.open) { p.open = true; renderPolicies(); }
      const slot = $(`f-${where.policy}-${where.key}-error`);
      if (slot) slot.textContent = d.message;
    }
    box.append(el('div', {class: 'error diagnostic', 'data-key-path': d.key_path,
      text: `${d.file}:${d.line}:${d.column}: ${d.key_path}: ${d.message}`}));
  }
}

async function validate() {
  const yaml = $('variant-yaml').value;
  $('validation').replaceChildren(el('div', {class: 'muted', text: t('validating')}));
  document.querySelectorAll('.field .error').forEach((e) => { e.textContent = ''; });
  try {
    const r = await api('/api/validate', {method: 'POST', body: JSON.stringify({yaml, scale: Number($('scale').value)})});
    state.variantResolved = r.resolved;
    const changed = state.uploaded || state.policies.some((p) => p.removed || !p.original || changedKeys(p).length);
    $('validation').replaceChildren(el('div', {class: changed ? 'ok' : 'warning', text: changed ? t('valid') : t('no_changes')}));
    $('warnings').replaceChildren(...r.warnings.map((w) => el('div', {class: 'warning', text: `${t('warning')}: ${w.key_path}: ${w.message}`})));
    return true;
  } catch (e) {
    if (e.body && e.body.diagnostics) showDiagnostics(e.body.diagnostics);
    else $('validation').replaceChildren(el('div', {class: 'error', text: e.message}));
    return false;
  }
}

// ---- steps ------------------------------------------------------------------------------

async function selectBaseline(file) {
  state.baselineFile = file;
  state.baseline = await api('/api/scenarios/' + encodeURIComponent(file));
  state.uploaded = null;
  state.policies = (state.baseline.resolved.policies || []).map((p) => ({
    id: p.id, type: p.type, values: JSON.parse(JSON.stringify(p)), original: p, removed: false, open: false}));
  $('baseline-description').textContent = state.baseline.description;
  variantChanged();
}

function addPolicy() {
  const type = $('new-policy-type').value;
  let n = 1;
  while (state.policies.some((p) => p.id === `${type.replace(/_/g, '-')}-${n}`)) n++;
  const id = `${type.replace(/_/g, '-')}-${n}`;
  const regions = state.baseline.regions.map((r) => r.id);
  state.policies.push({id, type, values: {id, type, region: regions.length === 1 ? regions[0] : 'all'}, original: null, removed: false, open: true});
  variantChanged();
}

async function startRun() {
  if (!(await validate())) return;
  const body = {baseline: state.baselineFile, variant_yaml: $('variant-yaml').value,
    replicates: Number($('replicates').value), scale: Number($('scale').value)};
  if ($('seed').value !== '') body.seed = Number($('seed').value);
  try {
    const r = await api('/api/runs', {method: 'POST', body: JSON.stringify(body)});
    state.runId = r.id;
    $('run').disabled = true; $('cancel').disabled = false;
    $('progress-box').hidden = false;
    $('warnings').replaceChildren(...r.warnings.map((w) => el('div', {class: 'warning', text: `${t('warning')}: ${w}`})));
    pollRun();
  } catch (e) {
    if (e.body && e.body.diagnostics) showDiagnostics(e.body.diagnostics);
    else $('validation').replaceChildren(el('div', {class: 'error', text: e.message}));
  }
}

async function pollRun() {
  const s = await api('/api/runs/' + state.runId);
  $('progress-bar').style.width = (100 * s.progress).toFixed(1) + '%';
  const text = $('progress-text');
  text.dataset.state = s.state;
  if (s.state === 'running') {
    text.textContent = `${t('running')}: ${(100 * s.progress).toFixed(0)}%` + (s.eta_s !== null ? `, ${t('eta', {s: durationText(s.eta_s)})}` : '');
    state.poll = setTimeout(pollRun, 400);
    return;
  }
  $('run').disabled = false; $('cancel').disabled = true;
  if (s.state === 'done') { text.textContent = t('done', {s: durationText(s.elapsed_s)}); await loadResults(); }
  else text.textContent = s.state === 'cancelled' ? t('cancelled') : `${t('failed')}: ${s.error}`;
}

// ---- results ----------------------------------------------------------------------------

function changedPolicyPeriods() {
  const resolved = state.variantResolved || state.baseline.resolved;
  const base = state.baseline.resolved.policies || [];
  return (resolved.policies || []).filter((p) => !same(p, base.find((b) => b.id === p.id)))
    .map((p) => [monthIndex(p.start || resolved.calendar.start), monthIndex(p.end || resolved.calendar.end)]);
}

function defaultDates(dates) {
  const last = dates[dates.length - 1];
  const periods = changedPolicyPeriods();
  const out = [];
  if (periods.length) {
    const first = Math.min(...periods.map((p) => p[0]));
    const y = Math.floor(first / 12) + 1;  // the end of the first full year of the change
    const d = `${y}-12`;
    if (dates.includes(d) && d !== last) out.push(d);
  }
  out.push(last);
  return out;
}

async function loadResults() {
  state.series = await api(`/api/runs/${state.runId}/compare?at=every-month`);
  $('dates').value = defaultDates(state.series.dates).join(',');
  await loadSummary();
  showResults();
}

async function loadSummary() {
  // The region chosen for the charts ('all' at first): the rows `laborsim compare --regions R` prints.
  const region = $('region').value || 'all';
  state.summary = await api(`/api/runs/${state.runId}/compare?at=${encodeURIComponent($('dates').value)}&regions=${encodeURIComponent(region)}`);
}

function showResults() {
  $('step-results').hidden = false;
  if ($('step-downloads')) $('step-downloads').hidden = false;
  const rows = state.series.rows;
  const indicators = [...new Set(rows.filter((r) => r.measure === 'value').map((r) => r.indicator))];
  const regions = [...new Set(rows.map((r) => r.region))];
  fillSelect($('indicator'), indicators, indicatorName, $('indicator').value || (indicators.includes('certified_rate') ? 'certified_rate' : indicators[0]));
  fillSelect($('region'), regions, regionName, $('region').value || 'all');
  drawCharts();
  renderSummary();
  renderDownloads();
}

function fillSelect(select, values, label, chosen) {
  select.replaceChildren(...values.map((v) => el('option', {value: v, text: label(v)})));
  select.value = values.includes(chosen) ? chosen : values[0];
}

function drawCharts() {
  const ind = $('indicator').value, reg = $('region').value;
  const rows = state.series.rows.filter((r) => r.indicator === ind && r.region === reg && r.measure === 'value');
  if (!rows.length) return;
  const units = rows[0].units;
  const m = (r) => monthIndex(r.date);
  const shade = changedPolicyPeriods();
  lineChart($('chart-levels'), [
    {label: t('baseline_series'), color: 'var(--base)', points: rows.map((r) => [m(r), r.baseline_mean])},
    {label: t('variant_series'), color: 'var(--variant)', points: rows.map((r) => [m(r), r.variant_mean])},
  ], units, shade, false);
  lineChart($('chart-difference'), [
    {label: t('col_difference'), color: 'var(--variant)', points: rows.map((r) => [m(r), r.difference.mean]),
      band: rows.filter((r) => isFinite(r.difference.low)).map((r) => [m(r), r.difference.low, r.difference.high])},
  ], units, shade, true);
}

function cell(text, cls, data) {
  const td = el('td', {class: cls || ''}, text);
  for (const [k, v] of Object.entries(data || {})) td.dataset[k] = v;
  return td;
}

function renderSummary() {
  const c = state.summary;
  const head = ['col_indicator', 'col_date', 'col_baseline', 'col_variant', 'col_difference', 'col_ci', 'col_p'];
  const table = $('summary');
  table.replaceChildren(el('tr', {}, ...head.map((h, i) => el('th', {text: t(h), class: i < 2 ? 'text' : ''}))));
  for (const r of c.rows) {
    const d = r.difference;
    const sig = isFinite(d.low) && (d.low > 0 || d.high < 0);
    table.append(el('tr', {'data-indicator': r.indicator, 'data-region': r.region, 'data-date': r.date, 'data-measure': r.measure},
      // The region is the one chosen above; a cumulative row says so after its name.
      cell(indicatorName(r.indicator) + (r.measure === 'cumulative' ? ` (${t('measure_cumulative')})` : ''), 'text'), cell(r.date, 'text'),
      cell(localise(levelText(r.baseline_mean, r.units))), cell(localise(levelText(r.variant_mean, r.units))),
      cell(localise(signedValue(d.mean, r.units)), 'difference' + (sig ? ' significant' : ''), {value: d.mean}),
      cell(localise(intervalText(d, r.units)), 'ci', {low: d.low, high: d.high}), cell(localise(pText(d.p_value)), 'p')));
  }
  const costs = $('costs');
  costs.replaceChildren(el('tr', {}, ...['col_date', 'col_policy', 'col_run', 'col_spending', 'col_beneficiaries'].map((h, i) => el('th', {text: t(h), class: i < 3 ? 'text' : ''}))));
  for (const p of c.policy_costs)
    costs.append(el('tr', {class: 'policy-cost'}, cell(p.through, 'text'), cell(p.policy, 'text'), cell(t('run_' + p.run), 'text'),
      cell(localise(moneyText(p.spending_vnd))), cell(localise(grouped(p.beneficiaries)))));
  costs.append(el('tr', {}, ...['col_date', 'col_outcome', 'col_extra_spending', 'col_difference', 'col_cost_per'].map((h, i) => el('th', {text: t(h), class: i < 2 ? 'text' : ''}))));
  for (const e of c.cost_effectiveness)
    costs.append(el('tr', {class: 'cost-effectiveness'}, cell(e.date, 'text'), cell(indicatorName(e.outcome), 'text'),
      cell(localise(moneyText(e.extra_spending_vnd))), cell(localise(signedValue(e.outcome_difference.mean, 'persons'))),
      cell(isFinite(e.vnd_per_unit) && e.vnd_per_unit !== null ? localise(moneyText(e.vnd_per_unit)) : t('not_costed'))));
  $('notes').textContent = (c.notes || []).join(' ');
}

function renderDownloads() {
  const ul = $('downloads');
  ul.replaceChildren();
  if (state.report) {  // a saved report: its CSV travels inside it
    const blobLink = (text, name, label) => ul.append(el('li', {}, el('a', {
      href: URL.createObjectURL(new Blob([text], {type: 'text/csv'})), download: name}, label)));
    blobLink(state.report.series_csv, 'compare-every-month.csv', t('dl_csv'));
    blobLink(state.report.summary_csv, 'compare.csv', t('dl_summary_csv'));
    return;
  }
  const base = `/api/runs/${state.runId}`;
  const link = (href, label) => ul.append(el('li', {}, el('a', {href, download: ''}, label)));
  link(`${base}/files/variant.yaml`, t('dl_yaml'));
  link(`${base}/compare.csv?at=every-month`, t('dl_csv'));
  link(`${base}/compare.csv?at=${encodeURIComponent($('dates').value)}`, t('dl_summary_csv'));
  const q = `at=${encodeURIComponent($('dates').value)}&region=${encodeURIComponent($('region').value)}&lang=${state.lang}`;
  link(`${base}/report.html?${q}`, t('dl_report'));
  api(`${base}/files`).then((files) => {
    for (const f of files.filter((x) => x.path.endsWith('.h5')))
      link(`${base}/files/${f.path}`, `${t('dl_h5')} ${f.path} (${grouped(f.bytes / 1024)} KiB)`);
  });
}

// ---- language and start -----------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  $('lang-toggle').textContent = t('lang_button');
  if (!state.report && state.baseline) renderPolicies();
  if (state.series) showResults();
}

function wire() {
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'vi' : 'en';
    localStorage.setItem('laborsim-lang', state.lang);
    applyLanguage();
  });
  $('indicator').addEventListener('change', drawCharts);
  $('region').addEventListener('change', async () => {
    drawCharts();
    if (!state.report) { await loadSummary(); renderSummary(); }
  });
  if (state.report) return;
  $('baseline').addEventListener('change', () => selectBaseline($('baseline').value));
  $('add-policy').addEventListener('click', addPolicy);
  $('run').addEventListener('click', startRun);
  $('cancel').addEventListener('click', () => api(`/api/runs/${state.runId}/cancel`, {method: 'POST'}));
  $('scale').addEventListener('change', validate);
  $('variant-yaml').addEventListener('change', () => { state.uploaded = state.uploaded || 'text'; validate(); });
  $('update-summary').addEventListener('click', async () => { await loadSummary(); renderSummary(); renderDownloads(); });
  $('upload').addEventListener('change', async () => {
    const f = $('upload').files[0];
    if (!f) return;
    state.uploaded = f.name;
    $('variant-yaml').value = await f.text();
    $('yaml-details').open = true;
    $('validation').replaceChildren(el('div', {class: 'muted', text: t('uploaded', {f: f.name})}));
    validate();
  });
}

async function start() {
  wire();
  if (state.report) {  // a saved report (laborsim report --page): everything is in the page
    const r = state.report;
    const titleOf = (x) => x.resolved.title || x.name;
    Object.assign(state, {baseline: r.baseline, variantResolved: r.variant.resolved, series: r.series, summary: r.summary,
      lang: r.lang || state.lang});
    $('dates').value = r.dates;
    $('dates').readOnly = true;
    $('region').append(el('option', {value: r.region, text: r.region}));
    $('region').value = r.region;
    const info = $('report-info');
    info.hidden = false;
    const folder = (p) => p.replace(/\/+$/, '').split('/').pop();
    info.textContent = `${titleOf(r.variant)} − ${titleOf(r.baseline)} (${folder(r.variant.file)}, ${folder(r.baseline.file)}; ` +
      `${t('replicates_n', {n: r.series.variants[0].replicates})})`;
    document.body.classList.add('report-mode');
    applyLanguage();
    return;
  }
  applyLanguage();
  [state.schema, state.scenarios] = await Promise.all([api('/api/schema'), api('/api/scenarios')]);
  const baselines = state.scenarios.filter((s) => s.baseline);
  $('baseline').replaceChildren(...baselines.map((s) => el('option', {value: s.file, text: s.title})));
  const types = state.schema.sections.filter((s) => s.name.startsWith('policy.')).map((s) => s.name.slice(7));
  $('new-policy-type').replaceChildren(...types.map((x) => el('option', {value: x, text: x.replace(/_/g, ' ')})));
  const cao = baselines.find((s) => s.file === 'cao-bang.yaml');
  $('baseline').value = (cao || baselines[0]).file;
  await selectBaseline($('baseline').value);
  document.body.dataset.ready = '1';
}

start().catch((e) => { document.body.dataset.error = e.message; console.error(e); });
