// The page: wires the tracker client to the screen. Nothing here knows whether the tracker is real or emulated.
import { chooseBluetooth } from './bluetooth.js';
import { TrackerClient, explain } from './tracker.js';
import { Direction, TiltDirection, SensorHealth, SaveOutcome, RestoreOutcome, fieldAccepts } from './decoders.js';
import { drawHistory } from './chart.js';
import { drawGauge } from './gauge.js';

const $ = (id) => document.getElementById(id);
const schema = await (await fetch('settings.json', { cache: 'no-store' })).json();
const { bluetooth, emulated } = await chooseBluetooth();
const client = new TrackerClient(bluetooth, schema);
window.retrowalk = client; // for the browser tests and the curious

const setProblem = (text) => { $('problem').textContent = text ?? ''; $('problem').hidden = !text; };
const busy = async (button, work) => {
  button.disabled = true;
  try { return await work(); } catch (error) { setProblem(explain(error)); return undefined; } finally { button.disabled = false; }
};

if (!bluetooth) {
  setProblem('This browser has no Web Bluetooth. Use Chrome or Edge on Android, Windows, macOS or Linux; on an iPhone or iPad use the Bluefy browser (Safari has no Web Bluetooth).');
}
if (emulated) $('connection').textContent = `Not connected (emulated tracker: ${emulated.scenario}, ${emulated.speed}× real time)`;

$('connect').addEventListener('click', () => busy($('connect'), async () => {
  setProblem(null);
  if (client.state.connected) { client.disconnect(); return; }
  try {
    await client.connect();
    await client.downloadHistory().catch((e) => setProblem(explain(e)));
  } catch (error) {
    setProblem(explain(error));
    $('connection').dataset.state = 'idle';
    $('connection').textContent = 'Not connected';
  }
}));

client.addEventListener('connection', (e) => {
  $('connection').dataset.state = e.detail.state;
  // Drops seen so far: a link lost and found again within half a second still leaves its trace (tests, diagnostics).
  if (e.detail.state === 'lost') $('connection').dataset.drops = String(Number($('connection').dataset.drops ?? 0) + 1);
  $('connection').textContent = e.detail.message;
  $('connect').textContent = e.detail.state === 'connected' ? 'Disconnect' : 'Connect';
  if (e.detail.state === 'connected') setProblem(null);
});
client.addEventListener('problem', (e) => setProblem(e.detail));

const formatDuration = (s) => (s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
  : `${Math.floor(s / 60)} min ${s % 60} s`);

function render(state) {
  if (state.forwardSteps) { $('forward').textContent = state.forwardSteps.steps.toLocaleString(); $('forward').dataset.value = state.forwardSteps.steps; }
  if (state.backwardSteps) { $('backward').textContent = state.backwardSteps.steps.toLocaleString(); $('backward').dataset.value = state.backwardSteps.steps; }
  if (state.cadence) $('cadence').textContent = state.cadence.cadenceSpm;
  if (state.snapshot) $('direction').textContent = Direction[state.snapshot.direction];
  if (state.battery) {
    $('battery').dataset.value = state.battery.percent;
    $('battery').textContent = `Battery: ${state.battery.percent} %${state.battery.percent <= 15 ? ' – charge it soon' : ''}`;
  }
  if (state.health) {
    const h = state.health;
    const problems = [];
    if (h.sensor !== 0) problems.push(`sensor ${SensorHealth[h.sensor]}`);
    if (h.lastSave === 2) problems.push(`saving failed (${h.failedSaves} times)`);
    if (h.restore === 1 || h.restore === 3) problems.push(`at start-up its saved counts were ${RestoreOutcome[h.restore]}`);
    $('health').dataset.fault = h.fault ? 'yes' : 'no';
    $('health').textContent = h.fault
      ? `Tracker health: PROBLEM – ${problems.join('; ') || 'see the tracker'} (reported after ${formatDuration(h.uptimeS)} up).`
      : `Tracker health: ok (sensor ${SensorHealth[h.sensor]}, last save ${SaveOutcome[h.lastSave]}), reported after ${formatDuration(h.uptimeS)} up.`;
  }
  if (state.session !== undefined) renderSession(state.session);
  if (state.backwardSession) {
    $('backward-time').textContent = formatDuration(state.backwardSession.backwardWalkingS);
    $('longest-streak').textContent = `${state.backwardSession.longestBackwardStreakSteps} steps`;
    $('intervals').textContent = state.backwardSession.backwardIntervals;
  }
  const t = state.tiltAlarm;
  if (t) {
    const deg = (t.tiltDeciDeg / 10).toFixed(1);
    $('tilt-text').textContent = t.tiltDirection === 0 ? `${deg}° upright` : `${deg}° leaning ${TiltDirection[t.tiltDirection]}`;
    drawGauge($('gauge'), t.tiltDeciDeg / 10, t.tiltDirection, client.config?.tiltWarnBackwardDeg, client.config?.tiltWarnForwardDeg, t.alarm);
    const alarm = $('alarm');
    alarm.dataset.level = t.alarm;
    alarm.hidden = t.alarm === 0;
    $('alarm-text').textContent = t.alarm === 2 ? 'FALL ALARM: check on the walker'
      : t.alarm === 1 ? `Tilt warning: leaning ${TiltDirection[t.tiltDirection]} ${deg}°` : '';
    $('acknowledge').hidden = t.alarm !== 2;
  }
}
function renderSession(x) {
  const stateLine = $('walk-session-state');
  if (!x) {
    stateLine.dataset.number = '';
    stateLine.textContent = 'No session yet: one starts with your next walk.';
    return;
  }
  stateLine.dataset.number = x.number;
  stateLine.dataset.inProgress = x.inProgress ? 'yes' : 'no';
  $('end-session').hidden = !x.inProgress;
  const start = x.startEpochS ? `started ${new Date(x.startEpochS * 1000).toLocaleString()}` : 'start time unknown (the clock was not set yet)';
  stateLine.textContent = `Session ${x.number} (${x.inProgress ? 'running' : 'ended'}), ${start}.`;
  $('walk-session-duration').textContent = formatDuration(Math.floor(x.durationMs / 1000));
  const side = (steps, ms, spm) => `${steps} steps in ${formatDuration(Math.floor(ms / 1000))}${spm ? `, ${spm} steps/min` : ''}`;
  $('walk-session-forward').dataset.steps = x.forwardSteps;
  $('walk-session-forward').textContent = side(x.forwardSteps, x.forwardMs, x.forwardCadenceSpm);
  $('walk-session-backward').dataset.steps = x.backwardSteps;
  $('walk-session-backward').textContent = `${side(x.backwardSteps, x.backwardMs, x.backwardCadenceSpm)}; longest streak ${x.longestBackwardStreakSteps}`;
  $('walk-session-energy').textContent = `about ${x.forwardKcal + x.backwardKcal} kcal (${x.forwardKcal} forward, ${x.backwardKcal} backward)`;
  const cv = (permille, bouts) => (bouts ? `${(permille / 10).toFixed(1)} %` : 'not enough steady walking yet');
  $('walk-session-steadiness').textContent = `forward ${cv(x.forwardCvPermille, x.forwardBouts)}, backward ${cv(x.backwardCvPermille, x.backwardBouts)}`;
}

// Notifications can come faster than anyone reads them (several characteristics after each step, or an emulated
// tracker run faster than real time): the page draws the latest state at most ten times a second, at most 0.1 s after
// a change. Drawing on every value cost the emulated 80x walk in the browser tests 0.8 of a core; this, 0.4.
const RENDER_INTERVAL_MS = 100;
let renderPending = false;
let latestState = null;
client.addEventListener('status', (e) => {
  latestState = e.detail;
  if (renderPending) return;
  renderPending = true;
  setTimeout(() => { renderPending = false; render(latestState); }, RENDER_INTERVAL_MS);
});

// Past sessions, downloaded over the Session log as the History (docs/ble.md): newest first, one card each.
const directionName = { 1: 'forward', 2: 'backward' };
const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
function pastSessionItem(x) {
  const li = document.createElement('li');
  const data = {
    number: x.number, startEpochS: x.startEpochS, durationMs: x.durationMs, forwardMs: x.forwardMs, backwardMs: x.backwardMs,
    forwardSteps: x.forwardSteps, backwardSteps: x.backwardSteps, forwardCadenceSpm: x.forwardCadenceSpm,
    backwardCadenceSpm: x.backwardCadenceSpm, longestBackwardStreakSteps: x.longestBackwardStreakSteps,
    kcal: x.forwardKcal + x.backwardKcal, intervals: x.intervals, listedIntervals: x.intervalList.length,
    forwardCvPermille: x.forwardCvPermille, backwardCvPermille: x.backwardCvPermille,
  };
  for (const [k, v] of Object.entries(data)) li.dataset[k] = v;
  const title = document.createElement('h3');
  const start = x.startEpochS ? new Date(x.startEpochS * 1000).toLocaleString() : 'start time unknown (clock not set)';
  title.textContent = `Session ${x.number}: ${start}`;
  const side = (steps, ms, spm) => `${steps} steps, ${formatDuration(Math.floor(ms / 1000))}${spm ? `, ${spm} steps/min` : ''}`;
  const steady = (cv, asym, bouts, steps) => (bouts
    ? `${(cv / 10).toFixed(1)} % (asymmetry ${(asym / 10).toFixed(1)} %; ${steps} steps in ${bouts} ${bouts === 1 ? 'bout' : 'bouts'})`
    : 'not enough steady walking');
  const rows = [
    ['Duration', formatDuration(Math.floor(x.durationMs / 1000)), 'duration'],
    ['Forward', side(x.forwardSteps, x.forwardMs, x.forwardCadenceSpm), 'forward'],
    ['Backward', side(x.backwardSteps, x.backwardMs, x.backwardCadenceSpm), 'backward'],
    ['Longest backward streak', `${x.longestBackwardStreakSteps} steps`, 'streak'],
    ['Intervals', `${x.intervals}${x.intervalsTruncated ? ` (first ${x.intervalList.length} listed)` : ''}`, 'intervals'],
    ['Energy', `about ${x.forwardKcal + x.backwardKcal} kcal (${x.forwardKcal} forward, ${x.backwardKcal} backward)`, 'energy'],
    ['Step-time variability forward', steady(x.forwardCvPermille, x.forwardAsymmetryPermille, x.forwardBouts, x.forwardSteadySteps), 'steadiness-forward'],
    ['Step-time variability backward', steady(x.backwardCvPermille, x.backwardAsymmetryPermille, x.backwardBouts, x.backwardSteadySteps), 'steadiness-backward'],
    ['Started / ended', `${x.startedByCommand ? 'by command' : 'by walking'} / ${x.endedByCommand ? 'by command' : 'after a rest'}`, 'how'],
  ];
  const dl = document.createElement('dl');
  dl.className = 'session';
  for (const [term, value, key] of rows) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.field = key;
    div.append(dt, dd);
    dl.append(div);
  }
  li.append(title, dl);
  if (x.intervalList.length) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `The ${x.intervalList.length} intervals`;
    const list = document.createElement('ol');
    list.className = 'intervals';
    for (const i of x.intervalList) {
      const item = document.createElement('li');
      item.dataset.direction = i.direction;
      item.dataset.steps = i.steps;
      item.textContent = `${directionName[i.direction]} from ${clock(i.startS)} for ${clock(i.durationS)}, ${i.steps} steps`;
      list.append(item);
    }
    details.append(summary, list);
    li.append(details);
  }
  return li;
}
function showPastSessions(sessions) {
  const list = $('past-sessions');
  list.replaceChildren(...sessions.slice().reverse().map(pastSessionItem));
  $('past-sessions-summary').dataset.count = sessions.length;
  $('past-sessions-summary').textContent = sessions.length === 0 ? 'The tracker has kept no finished session yet.'
    : `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'} kept on the tracker, newest first.`;
}
client.addEventListener('sessions', (e) => showPastSessions(e.detail));
$('load-sessions').addEventListener('click', () => busy($('load-sessions'), () => client.downloadSessions()));
$('end-session').addEventListener('click', () => busy($('end-session'), () => client.endSession()));

$('acknowledge').addEventListener('click', () => busy($('acknowledge'), () => client.acknowledge()));

function showHistory(records) {
  const shown = drawHistory($('chart'), records);
  const forward = records.reduce((s, r) => s + r.forwardSteps, 0);
  const backward = records.reduce((s, r) => s + r.backwardSteps, 0);
  $('history-summary').textContent = `${shown} ${shown === 1 ? "hour" : "hours"} with records: ${forward.toLocaleString()} forward, ${backward.toLocaleString()} backward steps.`;
}
client.addEventListener('history', (e) => showHistory(e.detail));
showHistory([]);
$('load-history').addEventListener('click', () => busy($('load-history'), () => client.downloadHistory()));

// Settings form, built from settings.json (written by the C# side from the device's settings type).
const form = $('settings');
function offsetText(q) {
  const minutes = q * 15;
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
for (const f of schema.fields) {
  if (f.bits) {
    for (const bit of f.bits) {
      const label = document.createElement('label');
      label.className = 'check';
      label.innerHTML = `<input type="checkbox" name="${bit.name}" data-mask="${bit.mask}"> ${bit.label}`;
      form.append(label);
    }
    continue;
  }
  const label = document.createElement('label');
  const zero = f.zeroMeans ? `, 0 = ${f.zeroMeans}` : '';
  const range = f.choices || f.name === 'utcOffsetQuarterHours' ? '' : ` (${f.min}–${f.max} ${f.unit}${zero}, default ${f.default})`;
  label.textContent = f.label + (f.name === 'utcOffsetQuarterHours' ? ' (time zone)' : '');
  const small = document.createElement('small');
  small.textContent = range;
  label.append(small);
  let input;
  if (f.choices || f.name === 'utcOffsetQuarterHours') {
    input = document.createElement('select');
    const options = f.choices ?? Array.from({ length: f.max - f.min + 1 }, (_, i) => ({ value: f.min + i, name: offsetText(f.min + i) }));
    for (const c of options) {
      const o = document.createElement('option');
      o.value = c.value;
      o.textContent = c.name + (c.value === f.default ? ' (default)' : '');
      input.append(o);
    }
  } else {
    input = document.createElement('input');
    input.type = 'number';
    input.min = f.zeroMeans ? Math.min(0, f.min) : f.min;
    input.max = f.max;
    input.step = 1;
    input.required = true;
  }
  input.name = f.name;
  label.append(input);
  form.append(label);
}
const buttons = document.createElement('div');
buttons.className = 'actions';
buttons.innerHTML = '<button type="submit" class="primary" id="save-settings">Save settings</button>'
  + '<button type="button" id="default-settings">Fill in the defaults</button>'
  + '<button type="button" id="phone-zone">Use this phone\'s time zone</button>';
form.append(buttons);

function fillForm(config) {
  for (const f of schema.fields) {
    if (f.bits) {
      for (const bit of f.bits) form.elements[bit.name].checked = (config[f.name] & bit.mask) !== 0;
    } else {
      form.elements[f.name].value = config[f.name];
    }
  }
}
function readForm() {
  const value = {};
  for (const f of schema.fields) {
    if (f.bits) value[f.name] = f.bits.reduce((m, b) => m | (form.elements[b.name].checked ? b.mask : 0), 0);
    else value[f.name] = Number(form.elements[f.name].value);
  }
  return value;
}
fillForm(Object.fromEntries(schema.fields.map((f) => [f.name, f.default])));
client.addEventListener('config', (e) => fillForm(e.detail));
$('default-settings').addEventListener('click', () => fillForm(Object.fromEntries(schema.fields.map((f) => [f.name, f.default]))));
$('phone-zone').addEventListener('click', () => {
  const q = Math.round(-new Date().getTimezoneOffset() / 15);
  form.elements.utcOffsetQuarterHours.value = q;
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = readForm();
  const bad = schema.fields.find((f) => !f.bits && (!form.elements[f.name].checkValidity() || !fieldAccepts(f, value[f.name])));
  if (bad) { $('settings-result').textContent = `${bad.label} must be a whole number from ${bad.min} to ${bad.max}${bad.zeroMeans ? `, or 0 (${bad.zeroMeans})` : ''}.`; return; }
  busy($('save-settings'), async () => {
    await client.writeConfig(value);
    $('settings-result').textContent = 'Saved on the tracker.';
  });
});

$('set-clock').addEventListener('click', () => busy($('set-clock'), async () => {
  await client.setClock();
  $('settings-result').textContent = `Clock set to ${new Date().toLocaleString()}.`;
}));
$('identify').addEventListener('click', () => busy($('identify'), () => client.identify()));
$('recapture').addEventListener('click', () => busy($('recapture'), () => client.recaptureUpright()));
$('reset').addEventListener('click', () => {
  if (!window.confirm('Reset both step counts to zero? The hourly history is kept.')) return;
  busy($('reset'), () => client.resetCounts());
});
// Record view: start/stop, the label buttons, the wearer's own count, the download (docs/recording-format.md).
const recordButton = $('record');
const labelButtons = Array.from(document.querySelectorAll('#labels button[data-label]'));
let currentLabel = null;
let downloadable = null;
let downloaded = true;
// A phone that turns its screen off stops the page, and with it the recording: keep the screen on while recording.
let wakeLock = null;
async function keepScreenOn(on) {
  try {
    if (on && !wakeLock && navigator.wakeLock) wakeLock = await navigator.wakeLock.request('screen');
    if (!on && wakeLock) { await wakeLock.release(); wakeLock = null; }
  } catch {
    wakeLock = null; // refused (battery saver) or not supported: the recording goes on while the screen stays on
  }
}
window.addEventListener('beforeunload', (event) => {
  if (client.isRecording || !downloaded) event.preventDefault(); // the browser asks before a recording is lost
});
function showRecording(recording, state) {
  const status = $('record-status');
  const rate = recording?.format.rateHz ?? 1;
  const seconds = recording ? (recording.sampleCount + recording.missingSamples) / rate : 0;
  status.dataset.state = state;
  status.dataset.samples = recording?.sampleCount ?? 0;
  status.dataset.missing = recording?.missingSamples ?? 0;
  const lost = recording && (recording.missingSamples || recording.unknownGaps)
    ? `, ${recording.missingSamples} lost${recording.unknownGaps ? ` and ${recording.unknownGaps} sensor gap(s)` : ''} (kept as gaps in the file)` : '';
  const figures = recording ? `${seconds.toFixed(1)} s, ${recording.sampleCount.toLocaleString()} samples${lost}` : '';
  status.textContent = state === 'recording' ? `Recording: ${figures}.`
    : state === 'stopped' ? `Recorded ${figures}. Download it below.`
      : state === 'interrupted' ? `The connection dropped: recording stopped after ${figures}. What arrived can be downloaded.`
        : 'Not recording.';
}
function setLabel(name) {
  currentLabel = name;
  for (const b of labelButtons) b.setAttribute('aria-pressed', String(b.dataset.label === name));
  if (name && client.recording) client.recording.label(name, $('treadmill').checked);
}
for (const b of labelButtons) b.addEventListener('click', () => setLabel(b.dataset.label));
$('treadmill').addEventListener('change', () => { if (currentLabel) setLabel(currentLabel); });
let progressShown = 0;
client.addEventListener('recording-progress', (e) => {
  const now = performance.now();
  if (now - progressShown > 200) { progressShown = now; showRecording(e.detail, 'recording'); }
});
client.addEventListener('recording', (e) => {
  const { state, recording } = e.detail;
  const on = state === 'recording';
  recordButton.textContent = on ? 'Stop recording' : 'Start recording';
  recordButton.classList.toggle('danger', on);
  $('labels').disabled = !on;
  if (!on) {
    downloadable = recording;
    downloaded = !recording || recording.sampleCount === 0;
    setLabel(null);
  }
  keepScreenOn(on);
  $('download-recording').disabled = !downloadable;
  showRecording(recording, state);
});
recordButton.addEventListener('click', () => busy(recordButton, async () => {
  if (client.isRecording) {
    await client.stopRecording();
    return;
  }
  setProblem(null);
  downloadable = null;
  $('download-recording').disabled = true;
  await client.startRecording();
  if (currentLabel) setLabel(currentLabel);
}));
function recordingCsv(recording) {
  const axis = schema.fields.find((f) => f.name === 'forwardAxis').choices.find((c) => c.value === recording.forwardAxis)?.name ?? 'PlusZ';
  const counted = $('true-steps').value.trim();
  const trueSteps = /^\d+$/.test(counted) ? Number(counted) : null;
  return recording.toCsv({
    forwardAxis: axis,
    trueSteps,
    comments: [`recorded_with: RetroWalk dashboard (${emulated ? 'emulated tracker' : 'Web Bluetooth'})`,
      `started_utc: ${recording.startedAt.toISOString()}`, `stopped_utc: ${(recording.stoppedAt ?? new Date()).toISOString()}`],
  });
}
$('download-recording').addEventListener('click', () => {
  if (!downloadable) return;
  const blob = new Blob([recordingCsv(downloadable)], { type: 'text/csv' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `retrowalk-${downloadable.startedAt.toISOString().slice(0, 19).replace(/:/g, '-')}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  downloaded = true;
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});

document.body.dataset.ready = 'true';
