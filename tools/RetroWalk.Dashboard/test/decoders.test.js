// The page's decoders against the vectors the C# codecs wrote (vectors.json). Runs in a browser (the MSTest
// DashboardBrowserTests imports it into the page) or in Node: `node tools/RetroWalk.Dashboard/test/run-node.mjs`.
// Returns the list of failures (empty = all pass) and the number of checks.
import * as d from '../web/decoders.js';

export function runDecoderTests(vectors, schema) {
  const failures = [];
  let checks = 0;
  const same = (what, actual, expected) => {
    checks++;
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) failures.push(`${what}: got ${a}, expected ${e}`);
  };
  const result = (c) => (c.error ? { ok: false, error: c.error } : { ok: true, value: c.expect });

  for (const ch of vectors.characteristics) {
    const decode = d.characteristicDecoders[ch.name];
    same(`${ch.name} uuid`, schema.uuids[ch.name], ch.uuid);
    for (const c of ch.cases) same(`${ch.name} ${c.hex}`, decode(d.hexToView(c.hex)), result(c));
  }
  for (const c of vectors.config) {
    same(`config ${c.hex}`, d.decodeConfig(d.hexToView(c.hex), schema), result(c));
    if (!c.error) same(`config encode ${c.hex}`, d.bytesToHex(d.encodeConfig(c.expect, schema)), c.hex);
  }
  for (const c of vectors.controlPoint.requests) same(`control request ${c.hex}`, d.bytesToHex(d.encodeControlRequest(c.op, c.argument)), c.hex);
  for (const c of vectors.controlPoint.responses) same(`control response ${c.hex}`, d.decodeControlResponse(d.hexToView(c.hex)), result(c));
  for (const c of vectors.currentTime) {
    same(`current time encode ${c.localEpochS}`, d.bytesToHex(d.encodeCurrentTime(c.localEpochS, c.fractions256, c.adjustReason)), c.hex);
    same(`current time decode ${c.hex}`, d.decodeCurrentTime(d.hexToView(c.hex)),
      { ok: true, value: { localEpochS: c.localEpochS, fractions256: c.fractions256, adjustReason: c.adjustReason } });
  }
  for (const h of vectors.history) {
    const collector = new d.HistoryCollector();
    let finished = false;
    for (const n of h.notifications) finished = collector.push(d.hexToView(n));
    same(`history mtu ${h.mtu} (${h.count} records) finished`, finished, true);
    same(`history mtu ${h.mtu} (${h.count} records) error`, collector.error, null);
    same(`history mtu ${h.mtu} (${h.count} records)`, collector.records, h.records);
    if (h.notifications.length > 1) {
      // Losing a notification must be noticed, not hidden.
      const lossy = new d.HistoryCollector();
      h.notifications.slice(1).forEach((n) => lossy.push(d.hexToView(n)));
      checks++;
      if (lossy.error === null) failures.push(`history mtu ${h.mtu}: a lost notification went unnoticed`);
    }
  }
  for (const c of vectors.batteryLevel) same(`battery level ${c.hex}`, d.decodeBatteryLevel(d.hexToView(c.hex)), result(c));
  for (const c of vectors.health) same(`health ${c.hex}`, d.decodeHealth(d.hexToView(c.hex)), result(c));
  for (const c of vectors.session) same(`session ${c.hex}`, d.decodeSession(d.hexToView(c.hex)), result(c));
  for (const v of vectors.sessionLog) {
    const what = `session log mtu ${v.mtu} (${v.sessions.length} sessions)`;
    const collector = new d.SessionLogCollector();
    let finished = false;
    for (const n of v.notifications) finished = collector.push(d.hexToView(n));
    same(`${what} finished`, finished, true);
    same(`${what} error`, collector.error, null);
    same(what, collector.sessions, v.sessions);
    if (v.notifications.length > 1) {
      // A lost notification (the second, or the first of two: the last one lost shows as a download that never ends) must be noticed, not hidden.
      const lossy = new d.SessionLogCollector();
      const kept = v.notifications.length > 2 ? [v.notifications[0], ...v.notifications.slice(2)] : v.notifications.slice(1);
      kept.forEach((n) => lossy.push(d.hexToView(n)));
      checks++;
      if (lossy.error === null) failures.push(`${what}: a lost notification went unnoticed`);
    }
  }
  for (const c of vectors.rawSamples.formats) same(`raw format ${c.hex}`, d.decodeRawFormat(d.hexToView(c.hex)), result(c));
  for (const c of vectors.rawSamples.packets) same(`raw packet ${c.hex}`, d.decodeRawPacket(d.hexToView(c.hex)), result(c));
  for (const st of vectors.rawSamples.streams) {
    const recording = new d.RawRecording({ rateHz: 100, accelRangeG: 8, gyroRangeDps: 500 });
    let ended = false;
    for (const n of st.notifications) ended = recording.push(d.hexToView(n));
    same(`raw stream mtu ${st.mtu} ended`, ended, true);
    same(`raw stream mtu ${st.mtu} error`, recording.error, null);
    same(`raw stream mtu ${st.mtu} samples`, Array.from({ length: recording.sampleCount }, (_, i) => recording.sample(i)), st.samples);
    same(`raw stream mtu ${st.mtu} gaps`, recording.gaps, st.gaps);
  }
  return { failures, checks };
}
