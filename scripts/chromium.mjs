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
  // The address bar's suggestion popup is a web page of its own that this Chromium loads in
  // the background even with no window to show it in; measured here, it took more CPU than the
  // page under test during a page load, on a machine of two cores.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** Calls: fake camera and microphone, no permission prompt, WebRTC on loopback. */
export const callArgs = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
];
