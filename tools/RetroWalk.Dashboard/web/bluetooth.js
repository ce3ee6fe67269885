// Chooses the Bluetooth the page talks to: the browser's Web Bluetooth, or - only when the page is served by
// `retrowalk dashboard --emulate`, which answers /emulator/info - the adapter in front of the emulated tracker.
export async function chooseBluetooth() {
  try {
    const response = await fetch('emulator/info', { cache: 'no-store' });
    if (response.ok) {
      const info = await response.json();
      const { emulatedBluetooth } = await import('./emulated-bluetooth.js');
      const url = new URL('emulator/gatt', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return { bluetooth: emulatedBluetooth(url.href), emulated: info };
    }
  } catch {
    // Deployed as static files: no emulator here.
  }
  return { bluetooth: navigator.bluetooth ?? null, emulated: null };
}
