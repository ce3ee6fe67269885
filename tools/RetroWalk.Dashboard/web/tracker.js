// The RetroWalk GATT client: connects, subscribes, keeps the latest decoded values, runs Control Point procedures
// (docs/ble.md) and reconnects after a drop. It only uses the Web Bluetooth API, so the same code drives a real tracker
// and the emulated one. Events: 'status' (state changed), 'connection' (detail: {state, message}), 'history',
// 'recording' (detail: {state: 'recording' | 'stopped' | 'interrupted', recording}) and 'recording-progress'.
import * as d from './decoders.js';

const RESPONSE_TIMEOUT_MS = 5000;
const HISTORY_TIMEOUT_MS = 20000;
const RECORDING_END_TIMEOUT_MS = 3000;
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 10000];

/** A plain sentence for what failed, from the DOMException Web Bluetooth throws. */
export function explain(error) {
  const name = error?.name ?? '';
  if (name === 'NotFoundError' && /cancel/i.test(error.message)) return 'No tracker was chosen. Press Connect and pick your RetroWalk.';
  if (name === 'NotFoundError') return 'No RetroWalk tracker was found. Switch it on and bring it close to this phone.';
  if (name === 'SecurityError' || name === 'NotAllowedError') return 'Bluetooth permission was refused. Allow Bluetooth for this site in the browser settings and try again.';
  if (name === 'NetworkError') return 'The tracker is out of range or switched off.';
  if (name === 'InvalidModificationError') return 'The tracker refused the value (not the length it expects).';
  if (name === 'NotSupportedError') return 'The tracker did not accept that: a value out of its range, or it could not apply it just now. Try again.';
  if (name === 'TimeoutError') return error.message;
  return error?.message ? `Bluetooth error: ${error.message}` : 'Bluetooth error.';
}

export class TrackerClient extends EventTarget {
  constructor(bluetooth, schema) {
    super();
    this.bluetooth = bluetooth;
    this.schema = schema;
    this.uuids = schema.uuids;
    this.device = null;
    this.chars = {};
    this.state = { connected: false };
    this.config = null;
    this.history = null;
    this._waiters = [];
    this._historyCollector = null;
    this._historyDownload = null;
    this._sessionCollector = null;
    this.pastSessions = null;
    this._wantConnected = false;
    this._reconnectAttempt = 0;
    this.recording = null;
    this._recordingActive = false;
    this._rawEnded = null;
  }

  async connect() {
    if (!this.bluetooth) {
      throw new Error('This browser has no Web Bluetooth. Use Chrome or Edge on Android, Windows, macOS or Linux; on an iPhone or iPad use the Bluefy browser.');
    }
    if (this.bluetooth.getAvailability && !(await this.bluetooth.getAvailability())) {
      throw new Error('Bluetooth is off or this device has no Bluetooth adapter. Turn Bluetooth on and try again.');
    }
    this.device = await this.bluetooth.requestDevice({
      // With BTHome on, the 128-bit service UUID does not fit in the advertisement (docs/ble.md), so the name in the
      // scan response finds the tracker too; the service must then be listed as optional to be usable.
      filters: [{ services: [this.uuids.service] }, { namePrefix: 'RetroWalk' }],
      optionalServices: [this.uuids.service, this.uuids.currentTimeService, this.uuids.batteryService],
    });
    this.device.addEventListener('gattserverdisconnected', () => this._onDisconnected());
    this._wantConnected = true;
    await this._setUp();
  }

  disconnect() {
    this._wantConnected = false;
    this.device?.gatt.disconnect();
  }

  _emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail })); }

  _connection(state, message) {
    this.state.connected = state === 'connected';
    this._emit('connection', { state, message });
  }

  async _setUp() {
    this._connection('connecting', 'Connecting…');
    const server = await this.device.gatt.connect();
    const service = await server.getPrimaryService(this.uuids.service);
    this.chars = {};
    for (const key of Object.keys(d.characteristicDecoders)) {
      const c = await service.getCharacteristic(this.uuids[key]);
      this.chars[key] = c;
      c.addEventListener('characteristicvaluechanged', () => this._value(key, c.value));
      await c.startNotifications();
      this._value(key, await c.readValue());
    }
    for (const key of Object.keys(d.optionalDecoders)) {
      // Health and Session came with a later firmware: without them the page shows the rest.
      let c;
      try {
        c = await service.getCharacteristic(this.uuids[key]);
      } catch {
        this.chars[key] = null;
        continue;
      }
      this.chars[key] = c;
      if (!c.retrowalkListening) {
        c.addEventListener('characteristicvaluechanged', (event) => this._optionalValue(key, event.target.value));
        c.retrowalkListening = true;
      }
      await c.startNotifications();
      this._optionalValue(key, await c.readValue());
    }
    this.chars.controlPoint = await service.getCharacteristic(this.uuids.controlPoint);
    this.chars.controlPoint.addEventListener('characteristicvaluechanged', () => this._controlResponse(this.chars.controlPoint.value));
    await this.chars.controlPoint.startNotifications();
    this.chars.history = await service.getCharacteristic(this.uuids.history);
    this.chars.history.addEventListener('characteristicvaluechanged', () => this._historyValue(this.chars.history.value));
    await this.chars.history.startNotifications();
    try {
      // Session log (past sessions) came with a later firmware, as Session.
      const log = await service.getCharacteristic(this.uuids.sessionLog);
      if (!log.retrowalkListening) {
        log.addEventListener('characteristicvaluechanged', (event) => this._sessionLogValue(event.target.value));
        log.retrowalkListening = true;
      }
      await log.startNotifications();
      this.chars.sessionLog = log;
    } catch {
      this.chars.sessionLog = null;
    }
    try {
      // Recording mode (Raw Samples): subscribed only while recording, so a phone not recording receives nothing.
      const raw = await service.getCharacteristic(this.uuids.rawSamples);
      // A browser may hand back the same object after a reconnect: one listener, or every packet would count twice.
      if (!raw.retrowalkListening) {
        raw.addEventListener('characteristicvaluechanged', (event) => this._rawValue(event.target.value));
        raw.retrowalkListening = true;
      }
      this.chars.rawSamples = raw;
    } catch {
      this.chars.rawSamples = null;
    }
    this.chars.config = await service.getCharacteristic(this.uuids.config);
    await this.readConfig();
    try {
      const timeService = await server.getPrimaryService(this.uuids.currentTimeService);
      this.chars.currentTime = await timeService.getCharacteristic(this.uuids.currentTime);
    } catch {
      this.chars.currentTime = null;
    }
    try {
      // Battery (0x180F): absent on a board without the divider.
      const batteryService = await server.getPrimaryService(this.uuids.batteryService);
      const battery = await batteryService.getCharacteristic(this.uuids.batteryLevel);
      battery.addEventListener('characteristicvaluechanged', () => this._battery(battery.value));
      await battery.startNotifications();
      this._battery(await battery.readValue());
      this.chars.batteryLevel = battery;
    } catch {
      this.chars.batteryLevel = null;
    }
    this._reconnectAttempt = 0;
    this._connection('connected', `Connected to ${this.device.name ?? 'RetroWalk'}`);
    // The tracker has no battery-backed clock: set it from the phone whenever it says it is unset.
    if (this.state.tiltAlarm && !this.state.tiltAlarm.clockSynced && this.chars.currentTime) {
      await this.setClock();
    }
  }

  _value(key, view) {
    const result = d.characteristicDecoders[key](view);
    if (!result.ok) {
      this._emit('problem', `The tracker sent a ${key} value this page cannot read (${result.error}).`);
      return;
    }
    this.state[key] = result.value;
    if (key === 'snapshot') {
      this.state.forwardSteps = { steps: result.value.forwardSteps };
      this.state.backwardSteps = { steps: result.value.backwardSteps };
    }
    this._emit('status', this.state);
  }

  _optionalValue(key, view) {
    const result = d.optionalDecoders[key](view);
    if (!result.ok) {
      this._emit('problem', `The tracker sent a ${key} value this page cannot read (${result.error}).`);
      return;
    }
    this.state[key] = result.value;
    this._emit('status', this.state);
  }

  _battery(view) {
    const result = d.decodeBatteryLevel(view);
    if (!result.ok) return;
    this.state.battery = result.value;
    this._emit('status', this.state);
  }

  _onDisconnected() {
    this._connection('lost', 'Connection lost. Reconnecting…');
    this._waiters.splice(0).forEach((w) => w.reject(new DOMException('The tracker disconnected.', 'NetworkError')));
    if (this._historyCollector) {
      this._historyCollector.fail(new DOMException('The tracker disconnected during the history download.', 'NetworkError'));
    }
    if (this._sessionCollector) {
      this._sessionCollector.fail(new DOMException('The tracker disconnected during the sessions download.', 'NetworkError'));
    }
    if (this._recordingActive) {
      // The tracker stops recording by itself when the link drops: what arrived is kept, and can be downloaded.
      this._recordingActive = false;
      this.recording.interrupted = true;
      this.recording.stoppedAt = new Date();
      this._rawEnded?.();
      this._emit('recording', { state: 'interrupted', recording: this.recording });
    }
    if (this._wantConnected) this._scheduleReconnect();
  }

  _scheduleReconnect() {
    const delay = RECONNECT_DELAYS_MS[Math.min(this._reconnectAttempt, RECONNECT_DELAYS_MS.length - 1)];
    this._reconnectAttempt++;
    setTimeout(async () => {
      if (!this._wantConnected || this.device.gatt.connected) return;
      try {
        await this._setUp();
      } catch (error) {
        this._connection('lost', `${explain(error)} Trying again…`);
        if (!this.device.gatt.connected) this._scheduleReconnect();
      }
    }, delay);
  }

  _controlResponse(view) {
    const result = d.decodeControlResponse(view);
    if (!result.ok) return;
    const i = this._waiters.findIndex((w) => w.op === result.value.op);
    if (i >= 0) this._waiters.splice(i, 1)[0].resolve(result.value.status);
  }

  /** Writes a Control Point request and resolves with its status (1 = ok); rejects on a timeout or an ATT error. */
  async control(op, argument = 0) {
    if (!this.state.connected) throw new DOMException('Not connected to the tracker.', 'NetworkError');
    let waiter;
    const response = new Promise((resolve, reject) => {
      waiter = { op, resolve, reject };
      this._waiters.push(waiter);
    });
    const timer = setTimeout(() => {
      const i = this._waiters.indexOf(waiter);
      if (i >= 0) this._waiters.splice(i, 1);
      waiter.reject(new DOMException('The tracker did not answer the command in time.', 'TimeoutError'));
    }, RESPONSE_TIMEOUT_MS);
    try {
      await this.chars.controlPoint.writeValueWithResponse(d.encodeControlRequest(op, argument));
      const status = await response;
      if (status !== 1) throw new Error(`The tracker answered: ${d.ControlStatus[status] ?? status}.`);
      return status;
    } finally {
      clearTimeout(timer);
      const i = this._waiters.indexOf(waiter);
      if (i >= 0) this._waiters.splice(i, 1);
    }
  }

  acknowledge() { return this.control(d.ControlOp.ACKNOWLEDGE_ALARM); }
  resetCounts() { return this.control(d.ControlOp.RESET_COUNTS); }
  identify() { return this.control(d.ControlOp.IDENTIFY); }
  recaptureUpright() { return this.control(d.ControlOp.RECAPTURE_UPRIGHT); }

  get isRecording() { return this._recordingActive; }

  /**
   * Recording mode (docs/ble.md, Raw Samples): reads the format, subscribes, writes Start Recording. Every notification
   * then goes into this.recording (a RawRecording); labels are added with this.recording.label().
   */
  async startRecording() {
    if (!this.state.connected) throw new DOMException('Not connected to the tracker.', 'NetworkError');
    if (!this.chars.rawSamples) throw new Error('This tracker has no recording mode: update its firmware.');
    if (this._recordingActive) return this.recording;
    const format = d.decodeRawFormat(await this.chars.rawSamples.readValue());
    if (!format.ok) throw new Error(`The tracker's recording format could not be read (${format.error}).`);
    const recording = new d.RawRecording(format.value);
    recording.startedAt = new Date();
    recording.forwardAxis = this.config?.forwardAxis;
    this.recording = recording;
    this._recordingActive = true;
    try {
      await this.chars.rawSamples.startNotifications();
      await this.control(d.ControlOp.START_RECORDING);
    } catch (error) {
      this._recordingActive = false;
      this.recording = null;
      throw error;
    }
    this._emit('recording', { state: 'recording', recording });
    return recording;
  }

  /** Writes Stop Recording and waits for the last packet (flagged End); the recording stays in this.recording. */
  async stopRecording() {
    const recording = this.recording;
    if (!recording || !this._recordingActive) return recording;
    const ended = new Promise((resolve) => { this._rawEnded = resolve; });
    let timer;
    try {
      await this.control(d.ControlOp.STOP_RECORDING);
      if (!recording.ended) {
        await Promise.race([ended, new Promise((resolve) => { timer = setTimeout(resolve, RECORDING_END_TIMEOUT_MS); })]);
      }
    } finally {
      clearTimeout(timer);
      this._rawEnded = null;
      if (this._recordingActive) this._finishRecording(recording);
    }
    return recording;
  }

  _finishRecording(recording) {
    this._recordingActive = false;
    recording.stoppedAt = new Date();
    this.chars.rawSamples?.stopNotifications().catch(() => {});
    this._emit('recording', { state: 'stopped', recording });
  }

  _rawValue(view) {
    // The 7-byte format read can fire this event too; a packet is 3 + 12n bytes, never 7.
    if (!this._recordingActive || !this.recording || view.byteLength === 7) return;
    const ended = this.recording.push(view);
    if (this.recording.error) this._emit('problem', `Recording: ${this.recording.error}.`);
    this._emit('recording-progress', this.recording);
    if (ended) {
      if (this._rawEnded) this._rawEnded();
      else this._finishRecording(this.recording); // the tracker ended it by itself
    }
  }

  _historyValue(view) {
    if (this._historyCollector && this._historyCollector.collector.push(view)) this._historyCollector.finish();
  }

  /**
   * The documented procedure: both subscribed (done at connect), write 10 + epoch, collect until the terminator. A
   * download asked for while one runs (the button pressed during the download that follows a connect) joins it: two
   * collectors on one History stream would take each other's records.
   */
  downloadHistory(sinceEpochS = 0) {
    if (!this._historyDownload) {
      this._historyDownload = this._downloadHistory(sinceEpochS).finally(() => { this._historyDownload = null; });
    }
    return this._historyDownload;
  }

  async _downloadHistory(sinceEpochS) {
    const collector = new d.HistoryCollector();
    const done = new Promise((resolve, reject) => {
      this._historyCollector = {
        collector,
        finish: () => (collector.error ? reject(new Error(collector.error)) : resolve(collector.records)),
        fail: reject,
      };
    });
    const timer = setTimeout(() => this._historyCollector?.fail(new DOMException('The history download did not finish in time.', 'TimeoutError')), HISTORY_TIMEOUT_MS);
    try {
      await this.control(d.ControlOp.REQUEST_HISTORY, sinceEpochS);
      this.history = await done;
      this._emit('history', this.history);
      return this.history;
    } finally {
      clearTimeout(timer);
      this._historyCollector = null;
    }
  }

  _sessionLogValue(view) {
    if (this._sessionCollector && this._sessionCollector.collector.push(view)) this._sessionCollector.finish();
  }

  /**
   * Past sessions (docs/ble.md, "Session log"): Session log subscribed at connect, write 13 + the first session number
   * wanted (0 = every kept one), collect until the end marker. Resolves with the sessions, oldest first.
   */
  async downloadSessions(fromNumber = 0) {
    if (!this.state.connected) throw new DOMException('Not connected to the tracker.', 'NetworkError');
    if (!this.chars.sessionLog) throw new Error('This tracker keeps no past sessions: update its firmware.');
    const collector = new d.SessionLogCollector();
    const done = new Promise((resolve, reject) => {
      this._sessionCollector = {
        collector,
        finish: () => (collector.error ? reject(new Error(collector.error)) : resolve(collector.sessions)),
        fail: reject,
      };
    });
    const timer = setTimeout(() => this._sessionCollector?.fail(new DOMException('The sessions download did not finish in time.', 'TimeoutError')), HISTORY_TIMEOUT_MS);
    try {
      await this.control(d.ControlOp.REQUEST_SESSIONS, fromNumber);
      this.pastSessions = await done;
      this._emit('sessions', this.pastSessions);
      return this.pastSessions;
    } finally {
      clearTimeout(timer);
      this._sessionCollector = null;
    }
  }

  endSession() { return this.control(d.ControlOp.END_SESSION); }

  async readConfig() {
    const result = d.decodeConfig(await this.chars.config.readValue(), this.schema);
    if (!result.ok) throw new Error(`The tracker's settings could not be read (${result.error}).`);
    this.config = result.value;
    this._emit('config', this.config);
    return this.config;
  }

  async writeConfig(value) {
    if (!d.validateConfig(value, this.schema)) throw new Error('A setting is outside the range the tracker accepts.');
    await this.chars.config.writeValueWithResponse(d.encodeConfig(value, this.schema));
    return this.readConfig();
  }

  /** Current Time is local time in the device's configured offset, so the device's UTC comes out right. */
  async setClock(now = Date.now()) {
    if (!this.chars.currentTime) throw new Error('This tracker has no Current Time service.');
    const offsetQuarterHours = this.config?.utcOffsetQuarterHours ?? 0;
    const localEpochS = Math.floor(now / 1000) + offsetQuarterHours * 900;
    const fractions = Math.floor(((now % 1000) * 256) / 1000);
    await this.chars.currentTime.writeValueWithResponse(d.encodeCurrentTime(localEpochS, fractions, 1));
  }
}
