// The hourly history as an SVG bar chart (no library): the last 7 days, one bar per hour, forward below backward.
const SVG = 'http://www.w3.org/2000/svg';
const HOURS = 7 * 24;

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent?.appendChild(node);
  return node;
}

/** Draws records ({hourStartEpochS, forwardSteps, backwardSteps}) ending at the newest hour (or nowS). */
export function drawHistory(container, records, nowS = Date.now() / 1000) {
  container.replaceChildren();
  const width = 336;
  const height = 160;
  const top = 12;
  const bottom = 24;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Steps per hour over the last 7 days' }, container);
  const newest = Math.max(Math.floor(nowS / 3600) * 3600, ...records.map((r) => r.hourStartEpochS));
  const first = newest - (HOURS - 1) * 3600;
  const shown = records.filter((r) => r.hourStartEpochS >= first);
  const max = Math.max(10, ...shown.map((r) => r.forwardSteps + r.backwardSteps));
  const barWidth = width / HOURS;
  const plot = height - top - bottom;
  el('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, stroke: '#595959' }, svg);
  for (let day = 0; day <= 7; day++) {
    const x = day * 24 * barWidth;
    el('line', { x1: x, x2: x, y1: top, y2: height - bottom, stroke: '#c8c8c8' }, svg);
  }
  for (let day = 0; day < 7; day++) {
    const date = new Date((first + day * 86400) * 1000);
    const label = el('text', { x: (day * 24 + 12) * barWidth, y: height - 8, 'text-anchor': 'middle', 'font-size': 11, fill: '#1a1a1a' }, svg);
    label.textContent = date.toLocaleDateString(undefined, { weekday: 'short' });
  }
  const scale = el('text', { x: 2, y: top - 2, 'font-size': 10, fill: '#1a1a1a' }, svg);
  scale.textContent = `${max} steps`;
  for (const r of shown) {
    const slot = Math.round((r.hourStartEpochS - first) / 3600);
    const x = slot * barWidth;
    const fwdH = (r.forwardSteps / max) * plot;
    const bwdH = (r.backwardSteps / max) * plot;
    const g = el('g', {
      class: 'hour', 'data-epoch': r.hourStartEpochS, 'data-forward': r.forwardSteps, 'data-backward': r.backwardSteps,
    }, svg);
    el('title', {}, g).textContent = `${new Date(r.hourStartEpochS * 1000).toLocaleString()}: ${r.forwardSteps} forward, ${r.backwardSteps} backward`;
    el('rect', { x, width: Math.max(barWidth - 0.3, 1), y: height - bottom - fwdH, height: fwdH, fill: '#0b4f8a' }, g);
    el('rect', { x, width: Math.max(barWidth - 0.3, 1), y: height - bottom - fwdH - bwdH, height: bwdH, fill: '#8a3b00' }, g);
  }
  return shown.length;
}
