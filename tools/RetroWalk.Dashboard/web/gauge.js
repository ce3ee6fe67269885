// Tilt gauge: a half dial from 90° forward (right) to 90° backward (left), the warning angles marked, the needle at
// the trunk's lean now. Sideways lean is shown on the upright line with its value in the text below.
const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.appendChild(node);
  return node;
}

function point(angleDeg, r) {
  // 0° = straight up; positive = backward = to the left.
  const a = (angleDeg * Math.PI) / 180;
  return [100 - r * Math.sin(a), 105 - r * Math.cos(a)];
}

export function drawGauge(svg, tiltDeg, direction, warnBackwardDeg, warnForwardDeg, alarmLevel) {
  svg.replaceChildren();
  const [x0, y0] = point(90, 90);
  const [x1, y1] = point(-90, 90);
  el('path', { d: `M ${x0} ${y0} A 90 90 0 0 1 ${x1} ${y1}`, fill: 'none', stroke: '#c8c8c8', 'stroke-width': 14 }, svg);
  const zone = (from, to) => {
    const [ax, ay] = point(from, 90);
    const [bx, by] = point(to, 90);
    el('path', { d: `M ${ax} ${ay} A 90 90 0 0 ${from > to ? 1 : 0} ${bx} ${by}`, fill: 'none', stroke: '#a1001c', 'stroke-width': 14 }, svg);
  };
  if (warnBackwardDeg) zone(90, warnBackwardDeg);
  if (warnForwardDeg) zone(-warnForwardDeg, -90);
  const labels = [[90, 'back'], [0, 'upright'], [-90, 'front']];
  for (const [a, text] of labels) {
    const [x, y] = point(a, 62);
    const t = el('text', { x, y: y + 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#1a1a1a' }, svg);
    t.textContent = text;
  }
  const signed = direction === 2 ? tiltDeg : direction === 1 ? -tiltDeg : 0;
  const clamped = Math.max(-90, Math.min(90, signed));
  const [nx, ny] = point(clamped, 82);
  el('line', { x1: 100, y1: 105, x2: nx, y2: ny, stroke: alarmLevel ? '#a1001c' : '#1a1a1a', 'stroke-width': 5, 'stroke-linecap': 'round', id: 'needle', 'data-angle': clamped }, svg);
  el('circle', { cx: 100, cy: 105, r: 6, fill: '#1a1a1a' }, svg);
}
