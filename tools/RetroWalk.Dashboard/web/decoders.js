// Payload codecs of the RetroWalk GATT service (docs/ble.md), the page's side of firmware/RetroWalk.Core/Ble.
// Every decoder takes a DataView (what Web Bluetooth hands over) and returns {ok: true, value} or
// {ok: false, error: 'length' | 'range'}, like the core's decoders (CodecStatus.BadLength / OutOfRange).
// test/vectors.json, written by the C# codecs, pins them byte for byte (tests/.../Host/Dashboard).

const bad = (error) => ({ ok: false, error });
const good = (value) => ({ ok: true, value });

export const TERMINATOR_EPOCH = 0xffffffff;
export const HISTORY_RECORD_LENGTH = 8;

export const Direction = Object.freeze({ 0: 'still', 1: 'forward', 2: 'backward' });
export const TiltDirection = Object.freeze({ 0: 'upright', 1: 'forward', 2: 'backward', 3: 'sideways' });
export const Alarm = Object.freeze({ NONE: 0, TILT_WARNING: 1, FALL: 2 });
export const ControlOp = Object.freeze({
  RESET_COUNTS: 0x01, ACKNOWLEDGE_ALARM: 0x02, IDENTIFY: 0x03, RECAPTURE_UPRIGHT: 0x04, START_SESSION: 0x05,
  END_SESSION: 0x06, REQUEST_HISTORY: 0x10,
  START_RECORDING: 0x11, STOP_RECORDING: 0x12, REQUEST_SESSIONS: 0x13,
});
export const ControlStatus = Object.freeze({ 1: 'ok', 2: 'op code not supported', 3: 'bad parameter', 4: 'failed' });

export function decodeSteps(view) {
  if (view.byteLength !== 4) return bad('length');
  return good({ steps: view.getUint32(0, true) });
}

export function decodeSnapshot(view) {
  if (view.byteLength !== 14) return bad('length');
  const direction = view.getUint8(13);
  if (direction > 2) return bad('range');
  return good({
    forwardSteps: view.getUint32(0, true),
    backwardSteps: view.getUint32(4, true),
    resetEpochS: view.getUint32(8, true),
    cadenceSpm: view.getUint8(12),
    direction,
  });
}

export function decodeTiltAlarm(view) {
  if (view.byteLength !== 5) return bad('length');
  const tiltDirection = view.getUint8(2);
  const alarm = view.getUint8(3);
  const flags = view.getUint8(4);
  if (tiltDirection > 3 || alarm > 2 || (flags & ~0x01) !== 0) return bad('range');
  return good({ tiltDeciDeg: view.getInt16(0, true), tiltDirection, alarm, clockSynced: (flags & 0x01) !== 0 });
}

export function decodeBackwardSession(view) {
  if (view.byteLength !== 8) return bad('length');
  return good({
    backwardWalkingS: view.getUint32(0, true),
    longestBackwardStreakSteps: view.getUint16(4, true),
    backwardIntervals: view.getUint16(6, true),
  });
}

export function decodeCadence(view) {
  if (view.byteLength !== 1) return bad('length');
  return good({ cadenceSpm: view.getUint8(0) });
}

/** Battery Level 0x2A19 (SIG): 1 byte, 0-100 %. */
export function decodeBatteryLevel(view) {
  if (view.byteLength !== 1) return bad('length');
  const percent = view.getUint8(0);
  return percent > 100 ? bad('range') : good({ percent });
}

export function decodeTilt(view) {
  if (view.byteLength !== 2) return bad('length');
  return good({ tiltDeciDeg: view.getInt16(0, true) });
}

export const SensorHealth = Object.freeze({
  0: 'ok', 1: 'no answer on I2C', 2: 'wrong chip', 3: 'register read back wrong', 4: 'unsupported rate', 5: 'silent',
});
export const SaveOutcome = Object.freeze({ 0: 'none since boot', 1: 'saved', 2: 'failed' });
export const RestoreOutcome = Object.freeze({ 0: 'restored', 1: 'older copy restored', 2: 'nothing stored', 3: 'unreadable' });

/** Health (docs/ble.md, 20 bytes): the sensor, the last save, the restore at boot, uptime and fault counts. */
export function decodeHealth(view) {
  if (view.byteLength !== 20) return bad('length');
  const sensor = view.getUint8(0);
  const lastSave = view.getUint8(1);
  const restore = view.getUint8(2);
  const flags = view.getUint8(3);
  if (sensor > 5 || lastSave > 2 || restore > 3 || (flags & ~0x01) !== 0) return bad('range');
  return good({
    sensor, lastSave, restore, fault: (flags & 0x01) !== 0,
    uptimeS: view.getUint32(4, true),
    i2cErrors: view.getUint32(8, true),
    fifoResyncs: view.getUint16(12, true),
    fifoOverflows: view.getUint16(14, true),
    failedSaves: view.getUint16(16, true),
    sensorReinits: view.getUint16(18, true),
  });
}

export const SessionFlags = Object.freeze({ STARTED_BY_COMMAND: 1, ENDED_BY_COMMAND: 2, INTERVALS_TRUNCATED: 4, IN_PROGRESS: 8 });

/** Session (docs/ble.md, 48 bytes): the running or last walking session; 0 bytes (null) before the first. */
export function decodeSession(view) {
  if (view.byteLength === 0) return good(null);
  if (view.byteLength !== 48) return bad('length');
  const flags = view.getUint8(47);
  if ((flags & ~0x0f) !== 0) return bad('range');
  return good({
    number: view.getUint32(0, true),
    startEpochS: view.getUint32(4, true),
    durationMs: view.getUint32(8, true),
    forwardMs: view.getUint32(12, true),
    backwardMs: view.getUint32(16, true),
    forwardSteps: view.getUint16(20, true),
    backwardSteps: view.getUint16(22, true),
    longestBackwardStreakSteps: view.getUint16(24, true),
    forwardKcal: view.getUint16(26, true),
    backwardKcal: view.getUint16(28, true),
    forwardCadenceSpm: view.getUint8(30),
    backwardCadenceSpm: view.getUint8(31),
    forwardCvPermille: view.getUint16(32, true),
    backwardCvPermille: view.getUint16(34, true),
    forwardAsymmetryPermille: view.getUint16(36, true),
    backwardAsymmetryPermille: view.getUint16(38, true),
    forwardBouts: view.getUint8(40),
    backwardBouts: view.getUint8(41),
    forwardSteadySteps: view.getUint16(42, true),
    backwardSteadySteps: view.getUint16(44, true),
    intervals: view.getUint8(46),
    startedByCommand: (flags & SessionFlags.STARTED_BY_COMMAND) !== 0,
    endedByCommand: (flags & SessionFlags.ENDED_BY_COMMAND) !== 0,
    intervalsTruncated: (flags & SessionFlags.INTERVALS_TRUNCATED) !== 0,
    inProgress: (flags & SessionFlags.IN_PROGRESS) !== 0,
  });
}

/** Characteristics a tracker of an earlier firmware may lack: read and subscribed when present. */
export const optionalDecoders = Object.freeze({
  health: decodeHealth,
  session: decodeSession,
});

/** Decoders by the characteristic keys of settings.json's "uuids". */
export const characteristicDecoders = Object.freeze({
  forwardSteps: decodeSteps,
  backwardSteps: decodeSteps,
  snapshot: decodeSnapshot,
  tiltAlarm: decodeTiltAlarm,
  backwardSession: decodeBackwardSession,
  cadence: decodeCadence,
  tilt: decodeTilt,
});

export function encodeControlRequest(op, argument = 0) {
  if (op === ControlOp.REQUEST_HISTORY || op === ControlOp.REQUEST_SESSIONS) {
    const bytes = new Uint8Array(5);
    bytes[0] = op;
    new DataView(bytes.buffer).setUint32(1, argument >>> 0, true);
    return bytes;
  }
  return Uint8Array.of(op);
}

export function decodeControlResponse(view) {
  if (view.byteLength !== 3) return bad('length');
  const status = view.getUint8(2);
  if (view.getUint8(0) !== 0x80 || status < 1 || status > 4) return bad('range');
  return good({ op: view.getUint8(1), status });
}

/** Config (settings.json's configLength bytes): the same checks as UserSettings.IsValid, with the rows of settings.json. */
export function decodeConfig(view, schema) {
  if (view.byteLength !== schema.configLength) return bad('length');
  const value = {};
  for (const field of schema.fields) {
    value[field.name] = readField(view, field);
  }
  return validateConfig(value, schema) ? good(value) : bad('range');
}

/** As SettingSpec.Accepts: inside min..max, or 0 where 0 has a meaning (zeroMeans). */
export function fieldAccepts(field, v) {
  return Number.isInteger(v) && ((v >= field.min && v <= field.max) || (v === 0 && !!field.zeroMeans));
}

export function validateConfig(value, schema) {
  return schema.fields.every((field) => fieldAccepts(field, value[field.name]));
}

export function encodeConfig(value, schema) {
  const bytes = new Uint8Array(schema.configLength);
  const view = new DataView(bytes.buffer);
  for (const field of schema.fields) {
    const v = value[field.name];
    if (field.type === 'u16') view.setUint16(field.offset, v, true);
    else if (field.type === 's16') view.setInt16(field.offset, v, true);
    else if (field.type === 's8') view.setInt8(field.offset, v);
    else view.setUint8(field.offset, v);
  }
  return bytes;
}

function readField(view, field) {
  if (field.type === 'u16') return view.getUint16(field.offset, true);
  if (field.type === 's16') return view.getInt16(field.offset, true);
  if (field.type === 's8') return view.getInt8(field.offset);
  return view.getUint8(field.offset);
}

// Current Time 0x2A2B (10 bytes, local time): days-from-civil arithmetic as CurrentTimeCodec.
export function encodeCurrentTime(localEpochS, fractions256 = 0, adjustReason = 1) {
  const days = Math.floor(localEpochS / 86400);
  const secondOfDay = localEpochS - days * 86400;
  const date = new Date(days * 86400000);
  const bytes = new Uint8Array(10);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, date.getUTCFullYear(), true);
  bytes[2] = date.getUTCMonth() + 1;
  bytes[3] = date.getUTCDate();
  bytes[4] = Math.floor(secondOfDay / 3600);
  bytes[5] = Math.floor(secondOfDay / 60) % 60;
  bytes[6] = secondOfDay % 60;
  bytes[7] = ((date.getUTCDay() + 6) % 7) + 1; // 1 Monday .. 7 Sunday
  bytes[8] = fractions256;
  bytes[9] = adjustReason;
  return bytes;
}

export function decodeCurrentTime(view) {
  if (view.byteLength !== 10) return bad('length');
  const year = view.getUint16(0, true);
  const month = view.getUint8(2);
  const day = view.getUint8(3);
  const hours = view.getUint8(4);
  const minutes = view.getUint8(5);
  const seconds = view.getUint8(6);
  const dayOfWeek = view.getUint8(7);
  const days = Date.UTC(year, month - 1, day) / 86400000;
  const check = new Date(days * 86400000);
  if (year < 2000 || year > 2105 || month < 1 || month > 12 || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1
      || hours > 23 || minutes > 59 || seconds > 59 || dayOfWeek > 7
      || (dayOfWeek !== 0 && dayOfWeek !== ((check.getUTCDay() + 6) % 7) + 1)) return bad('range');
  return good({
    localEpochS: days * 86400 + hours * 3600 + minutes * 60 + seconds,
    fractions256: view.getUint8(8),
    adjustReason: view.getUint8(9),
  });
}

/**
 * Collects a History transfer (Control Point 0x10): feed every History notification to push(); it returns true once
 * the terminator arrived. records holds them oldest first; error is set if the stream is malformed or the
 * terminator's count disagrees with the records received (a lost notification).
 */
export class HistoryCollector {
  constructor() {
    this.records = [];
    this.done = false;
    this.error = null;
    this.expected = null;
  }

  push(view) {
    if (this.done) return true;
    if (view.byteLength === 0 || view.byteLength % HISTORY_RECORD_LENGTH !== 0) {
      this.error = `History notification of ${view.byteLength} bytes is not a whole number of 8-byte records`;
      this.done = true;
      return true;
    }
    for (let at = 0; at < view.byteLength; at += HISTORY_RECORD_LENGTH) {
      const epoch = view.getUint32(at, true);
      if (epoch === TERMINATOR_EPOCH) {
        this.expected = view.getUint16(at + 4, true);
        this.done = true;
        if (this.expected !== this.records.length) {
          this.error = `the tracker sent ${this.expected} hourly records, ${this.records.length} arrived`;
        }
        return true;
      }
      this.records.push({
        hourStartEpochS: epoch,
        forwardSteps: view.getUint16(at + 4, true),
        backwardSteps: view.getUint16(at + 6, true),
      });
    }
    return false;
  }
}

export const SESSION_SUMMARY_LENGTH = 48;
export const SESSION_INTERVAL_LENGTH = 8;
export const SESSION_MAX_INTERVALS = 32;
export const SESSION_END_NUMBER = 0xffffffff;
const SESSION_END_LENGTH = 8;

/** One interval of a kept session (docs/ble.md, "Session log"): direction 1 forward / 2 backward, start and duration s, steps. */
export function decodeSessionInterval(view) {
  if (view.byteLength !== SESSION_INTERVAL_LENGTH) return bad('length');
  const direction = view.getUint8(0);
  if (direction !== 1 && direction !== 2) return bad('range');
  return good({ direction, startS: view.getUint16(2, true), durationS: view.getUint16(4, true), steps: view.getUint16(6, true) });
}

/**
 * Collects a Session log download (Control Point 0x13): feed every Session log notification to push(); it returns
 * true once the end marker arrived (or the stream broke). Each notification is a sequence byte (0, 1, 2, ... mod 256)
 * and the next bytes of one stream: per session its 48-byte summary (as the Session characteristic) and one 8-byte
 * record per listed interval, oldest session first, then FF FF FF FF | count u16 | 00 00. sessions holds them, each
 * the summary's fields (intervals: their count) plus intervalList (the listed ones); error is set on a lost notification, a record the decoders refuse or a count
 * that disagrees with what arrived.
 */
export class SessionLogCollector {
  constructor() {
    this.sessions = [];
    this.done = false;
    this.error = null;
    this.expected = null;
    this._sequence = 0;
    this._stream = new Uint8Array(0);
  }

  push(view) {
    if (this.done) return true;
    if (view.byteLength < 2) return this._fail(`a Session log notification of ${view.byteLength} bytes`);
    const sequence = view.getUint8(0);
    if (sequence !== this._sequence) return this._fail(`Session log notification ${sequence} arrived where ${this._sequence} was due (one was lost)`);
    this._sequence = (this._sequence + 1) & 0xff;
    const bytes = new Uint8Array(view.buffer, view.byteOffset + 1, view.byteLength - 1);
    const joined = new Uint8Array(this._stream.length + bytes.length);
    joined.set(this._stream);
    joined.set(bytes, this._stream.length);
    this._stream = joined;
    while (!this.done && this._takeOne()) { /* every whole record */ }
    return this.done;
  }

  _fail(error) {
    this.error = error;
    this.done = true;
    return true;
  }

  _takeOne() {
    const s = this._stream;
    if (s.length < SESSION_END_LENGTH) return false;
    const view = new DataView(s.buffer, s.byteOffset, s.length);
    if (view.getUint32(0, true) === SESSION_END_NUMBER) {
      this.expected = view.getUint16(4, true);
      this.done = true;
      if (this.expected !== this.sessions.length) this.error = `the tracker sent ${this.expected} sessions, ${this.sessions.length} arrived`;
      else if (s.length > SESSION_END_LENGTH) this.error = `${s.length - SESSION_END_LENGTH} bytes after the end marker`;
      return false;
    }
    if (s.length < SESSION_SUMMARY_LENGTH) return false;
    const listed = Math.min(view.getUint8(46), SESSION_MAX_INTERVALS);
    const length = SESSION_SUMMARY_LENGTH + listed * SESSION_INTERVAL_LENGTH;
    if (s.length < length) return false;
    const summary = decodeSession(new DataView(s.buffer, s.byteOffset, SESSION_SUMMARY_LENGTH));
    if (!summary.ok) return this._fail(`a kept session the page cannot read (${summary.error})`) && false;
    const intervals = [];
    for (let k = 0; k < listed; k++) {
      const interval = decodeSessionInterval(new DataView(s.buffer, s.byteOffset + SESSION_SUMMARY_LENGTH + k * SESSION_INTERVAL_LENGTH, SESSION_INTERVAL_LENGTH));
      if (!interval.ok) return this._fail(`session ${summary.value.number}: interval ${k + 1} cannot be read (${interval.error})`) && false;
      intervals.push(interval.value);
    }
    this.sessions.push({ ...summary.value, intervalList: intervals });
    this._stream = s.slice(length);
    return true;
  }
}

export function hexToView(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return new DataView(bytes.buffer);
}

export function bytesToHex(bytes) {
  const u8 = bytes instanceof DataView ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  return Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Raw Samples (recording mode, docs/ble.md): the format read, and the notifications
// `sequence u16 | flags u8 | n x (ax ay az gx gy gz s16)`, the sequence being the first sample's index mod 65536.
export const RawFlags = Object.freeze({ START: 0x01, SENSOR_GAP: 0x02, END: 0x04 });
export const RAW_HEADER_LENGTH = 3;
export const RAW_SAMPLE_LENGTH = 12;
const ACCEL_RANGES_G = [2, 4, 8, 16];
const GYRO_RANGES_DPS = [250, 500, 1000, 2000];

export function decodeRawFormat(view) {
  if (view.byteLength !== 7) return bad('length');
  const version = view.getUint8(0);
  const state = view.getUint8(1);
  const rateHz = view.getUint16(2, true);
  const accelRangeG = view.getUint8(4);
  const gyroRangeDps = view.getUint16(5, true);
  if (version !== 1 || (state & ~0x01) !== 0 || rateHz === 0 || !ACCEL_RANGES_G.includes(accelRangeG)
      || !GYRO_RANGES_DPS.includes(gyroRangeDps)) return bad('range');
  return good({ version, recording: (state & 0x01) !== 0, rateHz, accelRangeG, gyroRangeDps });
}

export function decodeRawPacket(view) {
  if (view.byteLength < RAW_HEADER_LENGTH || (view.byteLength - RAW_HEADER_LENGTH) % RAW_SAMPLE_LENGTH !== 0) return bad('length');
  const flags = view.getUint8(2);
  if ((flags & ~0x07) !== 0) return bad('range');
  const samples = [];
  for (let at = RAW_HEADER_LENGTH; at < view.byteLength; at += RAW_SAMPLE_LENGTH) {
    const s = [];
    for (let axis = 0; axis < 6; axis++) s.push(view.getInt16(at + axis * 2, true));
    samples.push(s);
  }
  return good({ sequence: view.getUint16(0, true), flags, samples });
}

/** The labels the Record view offers (docs/recording-format.md); "treadmill" is a modifier of any of them. */
export const RecordingLabels = Object.freeze(['standing', 'walking_forward', 'walking_backward', 'turning']);

/**
 * One recording from Raw Samples notifications: push() every notification (true once the End packet arrived),
 * label() when the wearer taps a label, toCsv() for the project's recording format (version 2 with labels or gaps).
 * A notification that never arrived shows as a gap of exactly its samples (from the sequence numbers); a packet
 * flagged SensorGap as a gap of unknown length. Nothing is filled in.
 */
export class RawRecording {
  constructor(format) {
    this.format = format;
    this._data = new Int16Array(6 * 1024);
    this.sampleCount = 0;
    this.events = [];
    this.expected = 0;
    this.missingSamples = 0;
    this.unknownGaps = 0;
    this.ended = false;
    this.error = null;
  }

  push(view) {
    if (this.ended) return true;
    const result = decodeRawPacket(view);
    if (!result.ok) {
      this.error = `a Raw Samples notification of ${view.byteLength} bytes is malformed (${result.error})`;
      return false;
    }
    const { sequence, flags, samples } = result.value;
    const missing = (sequence - this.expected) & 0xffff;
    if (missing > 0) {
      this.events.push({ at: this.sampleCount, kind: 'gap', missing });
      this.missingSamples += missing;
    }
    if (flags & RawFlags.SENSOR_GAP) {
      this.events.push({ at: this.sampleCount, kind: 'gap', missing: null });
      this.unknownGaps++;
    }
    this._grow(samples.length);
    for (const s of samples) {
      this._data.set(s, this.sampleCount * 6);
      this.sampleCount++;
    }
    this.expected = (sequence + samples.length) & 0xffff;
    if (flags & RawFlags.END) this.ended = true;
    return this.ended;
  }

  /** From the next sample on the wearer is doing `name` (one of RecordingLabels), on a treadmill if `treadmill`. */
  label(name, treadmill = false) {
    if (!/^[a-z0-9_]{1,40}$/.test(name)) throw new Error(`not a label name: ${name}`);
    this.events.push({ at: this.sampleCount, kind: 'label', name, treadmill: !!treadmill });
  }

  sample(i) { return Array.from(this._data.subarray(i * 6, i * 6 + 6)); }

  get gaps() { return this.events.filter((e) => e.kind === 'gap').map((e) => ({ atSample: e.at, missing: e.missing })); }

  get labels() { return this.events.filter((e) => e.kind === 'label'); }

  _grow(extra) {
    const need = (this.sampleCount + extra) * 6;
    if (need <= this._data.length) return;
    let size = this._data.length;
    while (size < need) size *= 2;
    const bigger = new Int16Array(size);
    bigger.set(this._data.subarray(0, this.sampleCount * 6));
    this._data = bigger;
  }

  /** The recording in the project's CSV format (docs/recording-format.md). */
  toCsv({ forwardAxis = 'PlusZ', trueSteps = null, comments = [] } = {}) {
    const f = this.format;
    const lines = [`# retrowalk-recording: ${this.events.length > 0 ? 2 : 1}`, `# rate_hz: ${f.rateHz}`, `# accel_range_g: ${f.accelRangeG}`,
      `# gyro_range_dps: ${f.gyroRangeDps}`, `# forward_axis: ${forwardAxis}`];
    if (Number.isInteger(trueSteps) && trueSteps >= 0) lines.push(`# true_steps: ${trueSteps}`);
    for (const c of comments) lines.push(`# ${c.replace(/[\r\n]/g, ' ')}`);
    lines.push('ax,ay,az,gx,gy,gz');
    let next = 0;
    const eventsBefore = (i) => {
      while (next < this.events.length && this.events[next].at <= i) {
        const e = this.events[next++];
        if (e.kind === 'label') lines.push(e.treadmill ? `label,${e.name},treadmill` : `label,${e.name}`);
        else lines.push(e.missing === null ? 'gap,unknown' : `gap,${e.missing}`);
      }
    };
    const d = this._data;
    for (let i = 0; i < this.sampleCount; i++) {
      eventsBefore(i);
      const o = i * 6;
      lines.push(`${d[o]},${d[o + 1]},${d[o + 2]},${d[o + 3]},${d[o + 4]},${d[o + 5]}`);
    }
    eventsBefore(Infinity);
    return lines.join('\n') + '\n';
  }
}
