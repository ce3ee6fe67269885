// A stand-in for navigator.bluetooth in front of the emulated tracker's WebSocket bridge (`retrowalk dashboard
// --emulate` only). It has the shape of the Web Bluetooth API the page uses - requestDevice, gatt.connect/disconnect,
// getPrimaryService, getCharacteristic, readValue, writeValue(WithResponse), startNotifications/stopNotifications,
// 'characteristicvaluechanged' and 'gattserverdisconnected' - so everything above it is the code a real tracker meets.
import { bytesToHex, hexToView } from './decoders.js';

const BASE = '-0000-1000-8000-00805f9b34fb';
export function canonicalUuid(uuid) {
  if (typeof uuid === 'number') return uuid.toString(16).padStart(8, '0') + BASE;
  return String(uuid).toLowerCase();
}

// The DOMException Chrome raises for an ATT error (Chromium's TranslateGATTError and BluetoothError): an invalid length
// is InvalidModificationError, a link that needs pairing (insufficient authentication or encryption) NetworkError,
// insufficient authorization SecurityError, and every other code - not permitted, not supported, and the service
// codes 0xFC-0xFF the tracker answers with - NotSupportedError ("GATT Error Unknown.").
export function attError(code) {
  const names = { 0x05: 'NetworkError', 0x0f: 'NetworkError', 0x08: 'SecurityError', 0x0d: 'InvalidModificationError' };
  const err = new DOMException(`GATT operation failed: ATT error 0x${code.toString(16).padStart(2, '0')}`, names[code] ?? 'NotSupportedError');
  err.attError = code;
  return err;
}

class EmulatedCharacteristic extends EventTarget {
  constructor(server, service, uuid) {
    super();
    this.server = server;
    this.service = service;
    this.uuid = uuid;
    this.value = null;
  }
  async readValue() {
    const answer = await this.server._request({ op: 'read', uuid: this.uuid });
    this.value = hexToView(answer.value);
    return this.value;
  }
  async writeValueWithResponse(data) {
    const bytes = data instanceof DataView ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data.buffer ?? data);
    await this.server._request({ op: 'write', uuid: this.uuid, value: bytesToHex(bytes) });
  }
  writeValue(data) { return this.writeValueWithResponse(data); }
  async startNotifications() { await this.server._request({ op: 'subscribe', uuid: this.uuid }); return this; }
  async stopNotifications() { await this.server._request({ op: 'unsubscribe', uuid: this.uuid }); return this; }
  _notify(hex) {
    this.value = hexToView(hex);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

class EmulatedService {
  constructor(server, uuid, characteristics) {
    this.server = server;
    this.uuid = uuid;
    this.device = server.device;
    this._uuids = characteristics;
  }
  async getCharacteristic(uuid) {
    const id = canonicalUuid(uuid);
    if (!this.server.connected) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
    if (!this._uuids.includes(id)) throw new DOMException(`No Characteristics matching UUID ${id} found in Service.`, 'NotFoundError');
    let c = this.server._characteristics.get(id);
    if (!c) {
      c = new EmulatedCharacteristic(this.server, this, id);
      this.server._characteristics.set(id, c);
    }
    return c;
  }
}

class EmulatedGattServer {
  constructor(device, url) {
    this.device = device;
    this.url = url;
    this.connected = false;
    this._socket = null;
    this._pending = new Map();
    this._next = 1;
    this._services = {};
    this._characteristics = new Map();
  }
  connect() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      let opened = false;
      socket.onopen = async () => {
        opened = true;
        this._socket = socket;
        this.connected = true;
        this._characteristics = new Map();
        try {
          this._services = (await this._request({ op: 'services' })).services;
          resolve(this);
        } catch (e) { reject(e); }
      };
      socket.onmessage = (event) => this._receive(JSON.parse(event.data));
      socket.onerror = () => { if (!opened) reject(new DOMException('Connection attempt failed.', 'NetworkError')); };
      socket.onclose = () => {
        if (!opened) { reject(new DOMException('Connection attempt failed.', 'NetworkError')); return; }
        if (this._socket !== socket) return;
        this._lost();
      };
    });
  }
  disconnect() {
    if (!this._socket) return;
    const socket = this._socket;
    this._lost();
    socket.close();
  }
  async getPrimaryService(uuid) {
    const id = canonicalUuid(uuid);
    if (!this.connected) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
    const list = this._services[id];
    if (!list) throw new DOMException(`No Services matching UUID ${id} found in Device.`, 'NotFoundError');
    return new EmulatedService(this, id, list);
  }
  _lost() {
    this._socket = null;
    this.connected = false;
    for (const { reject } of this._pending.values()) reject(new DOMException('GATT Server is disconnected.', 'NetworkError'));
    this._pending.clear();
    this.device.dispatchEvent(new Event('gattserverdisconnected'));
  }
  _request(message) {
    if (!this._socket) return Promise.reject(new DOMException('GATT Server is disconnected.', 'NetworkError'));
    const id = this._next++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._socket.send(JSON.stringify({ id, ...message }));
    });
  }
  _receive(message) {
    if (message.notify) {
      this._characteristics.get(message.notify)?._notify(message.value);
      return;
    }
    const pending = this._pending.get(message.id);
    if (!pending) return;
    this._pending.delete(message.id);
    if (message.att) pending.reject(attError(message.att));
    else if (message.error) pending.reject(new DOMException(message.error, 'NetworkError'));
    else pending.resolve(message);
  }
}

class EmulatedDevice extends EventTarget {
  constructor(url) {
    super();
    this.id = 'emulated-tracker';
    this.name = 'RetroWalk (emulated)';
    this.gatt = new EmulatedGattServer(this, url);
  }
}

export function emulatedBluetooth(url) {
  let device = null;
  return {
    emulated: true,
    async getAvailability() { return true; },
    async requestDevice(options) {
      const wanted = (options?.filters ?? []).flatMap((f) => f.services ?? []).map(canonicalUuid);
      if (!wanted.includes('00010000-2a3c-4304-b1d2-d9699b546a59')) {
        throw new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError');
      }
      device ??= new EmulatedDevice(url);
      return device;
    },
  };
}
