import '@parta/elements/client/define';
import '@parta/elements/org-switcher/define';
import '@parta/elements/org-profile/define';
import '@parta/elements/classes/define';
import '@parta/elements/members/define';
import '@parta/elements/join-requests/define';
import '@parta/elements/invite-links/define';
import '@parta/elements/verifications/define';
import type { PartaClient } from '@parta/core';
import type { PartaClientProvider } from '@parta/elements/client/client';
import { showAccount } from './account.ts';

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const pages = ['home', 'classes', 'members', 'requests', 'invites'];

/** One page at a time, chosen by the address's hash, so each section can be linked to. */
function route() {
  const current = pages.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'home';
  for (const page of pages) {
    const section = $<HTMLElement>(`#${page}`);
    const opening = section.hidden && page === current;
    section.hidden = page !== current;
    // A section opened again shows fresh data (a class made on one tab is offered on the next):
    // its widget is replaced by a new one, which loads what it shows.
    if (opening) for (const widget of section.querySelectorAll('[data-widget]')) widget.replaceWith(widget.cloneNode());
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.admin-tabs a')) {
    if (link.hash === `#${current}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** The request counter on the tab and on the home page, live from the server. */
function watchCounters(client: PartaClient) {
  let stop: (() => void) | undefined;
  client.$organisation.subscribe((current) => {
    stop?.();
    if (!current) return;
    stop = client.$counters(current.organisation.id).subscribe((counters) => {
      const requests = counters?.joinRequests ?? 0;
      const badge = $<HTMLElement>('#request-badge');
      badge.textContent = String(requests);
      badge.hidden = requests === 0;
      badge.setAttribute('aria-label', `ожидают решения: ${requests}`);
      $<HTMLElement>('#home-requests').textContent = String(requests);
      $<HTMLElement>('#home-verifications').textContent = String(counters?.verifications ?? 0);
    });
  });
}

const account = await showAccount();
if (!account) {
  $<HTMLElement>('#signed-out').hidden = false;
} else {
  const provider = $<PartaClientProvider>('#parta');
  provider.baseUrl = $<HTMLMetaElement>('meta[name="parta-url"]').content;
  await provider.updateComplete;
  $<HTMLElement>('parta-invite-links').setAttribute('link-base', `${location.origin}/join.html#`);
  provider.hidden = false;
  window.addEventListener('hashchange', route);
  route();
  if (provider.activeClient) watchCounters(provider.activeClient);
}
