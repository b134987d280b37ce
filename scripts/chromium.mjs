// How every test launches Debian's Chromium: the only browser this project
// installs (never a downloaded one), with the network chatter switched off.
export const chromiumPath = process.env.PARTA_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Calls: fake camera and microphone, no permission prompt, WebRTC on loopback. */
export const callArgs = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];
