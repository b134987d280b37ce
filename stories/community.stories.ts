import '@parta/elements/classes/define';
import '@parta/elements/invite-links/define';
import '@parta/elements/join-requests/define';
import '@parta/elements/members/define';
import '@parta/elements/org-profile/define';
import '@parta/elements/org-switcher/define';
import '@parta/elements/verifications/define';
import { createClient } from '@parta/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitingClient } from './offline-client.ts';

/** A client whose server never answers: every widget shows its readable network error. */
const unreachableClient = () =>
  createClient({ baseUrl: 'http://127.0.0.1:9', getToken: async () => 'offline', storage: 'none' });

const widgets = {
  'parta-join-requests': (client: unknown, locale: string, theme: string) =>
    html`<parta-join-requests org-id="demo-school" .client=${client} locale=${locale} theme=${theme}></parta-join-requests>`,
  'parta-invite-links': (client: unknown, locale: string, theme: string) =>
    html`<parta-invite-links org-id="demo-school" link-base="https://school.example/join#" .client=${client} locale=${locale} theme=${theme}></parta-invite-links>`,
  'parta-classes': (client: unknown, locale: string, theme: string) =>
    html`<parta-classes org-id="demo-school" .client=${client} locale=${locale} theme=${theme}></parta-classes>`,
  'parta-members': (client: unknown, locale: string, theme: string) =>
    html`<parta-members org-id="demo-school" .client=${client} locale=${locale} theme=${theme}></parta-members>`,
  'parta-org-switcher': (client: unknown, locale: string, theme: string) =>
    html`<parta-org-switcher .client=${client} locale=${locale} theme=${theme}></parta-org-switcher>`,
  'parta-org-profile': (client: unknown, locale: string, theme: string) =>
    html`<parta-org-profile org-id="demo-school" .client=${client} locale=${locale} theme=${theme}></parta-org-profile>`,
  'parta-verifications': (client: unknown, locale: string, theme: string) =>
    html`<parta-verifications org-id="demo-school" .client=${client} locale=${locale} theme=${theme}></parta-verifications>`,
};

type Args = { widget: keyof typeof widgets; state: 'loading' | 'error'; locale: string; theme: string };

const meta: Meta<Args> = {
  title: 'Elements/Community',
  args: { widget: 'parta-join-requests', state: 'loading', locale: 'ru', theme: 'light' },
  argTypes: {
    widget: { control: 'select', options: Object.keys(widgets) },
    state: { control: 'inline-radio', options: ['loading', 'error'] },
    locale: { control: 'inline-radio', options: ['ru', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ widget, state, locale, theme }) =>
    html`<div style="width:720px">
      ${widgets[widget](state === 'loading' ? waitingClient() : unreachableClient(), locale, theme)}
    </div>`,
};
export default meta;

export const JoinRequestsLoading: StoryObj<Args> = {};
export const JoinRequestsOffline: StoryObj<Args> = { args: { state: 'error' } };
export const InviteLinksOffline: StoryObj<Args> = { args: { widget: 'parta-invite-links', state: 'error' } };
export const ClassesOffline: StoryObj<Args> = { args: { widget: 'parta-classes', state: 'error', theme: 'dark' } };
export const MembersOfflineEnglish: StoryObj<Args> = {
  args: { widget: 'parta-members', state: 'error', locale: 'en' },
};
export const OrgSwitcherLoading: StoryObj<Args> = { args: { widget: 'parta-org-switcher' } };
export const OrgProfileOffline: StoryObj<Args> = { args: { widget: 'parta-org-profile', state: 'error' } };
export const VerificationsOffline: StoryObj<Args> = { args: { widget: 'parta-verifications', state: 'error' } };
