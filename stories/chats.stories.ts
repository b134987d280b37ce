import '@parta/elements/chat-card/define';
import '@parta/elements/chat-header/define';
import '@parta/elements/chat-invite/define';
import '@parta/elements/chat-list/define';
import '@parta/elements/folder-editor/define';
import '@parta/elements/new-chat/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitingClient } from './offline-client.ts';
import { sampleChats, sampleClient } from './sample-client.ts';

type Args = { locale: string; theme: string };

const meta: Meta<Args> = {
  title: 'Elements/Chats',
  args: { locale: 'ru', theme: 'light' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['ru', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
};
export default meta;

/** Pinned first, someone typing, unread and muted counters, a forwarded, an award and a deleted message; folders as tabs. */
export const ListWithEverything: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-list .client=${sampleClient()} selected="chat-9a" locale=${locale} theme=${theme} style="display:block;width:360px;height:560px"></parta-chat-list>`,
};

export const ListEmpty: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-list .client=${sampleClient({ chats: [] })} locale=${locale} theme=${theme} style="display:block;width:360px;height:300px"></parta-chat-list>`,
};

export const NewChat: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-new-chat .client=${sampleClient()} locale=${locale} theme=${theme} style="width:440px"></parta-new-chat>`,
};

export const NewChatFromExisting: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-new-chat .client=${sampleClient()} from-chat-id="chat-9a" locale=${locale} theme=${theme} style="width:440px"></parta-new-chat>`,
};

export const FolderEditor: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-folder-editor .client=${sampleClient()} .chats=${sampleChats} locale=${locale} theme=${theme} style="width:420px"></parta-folder-editor>`,
};

/** The owner's card: settings, invite link, members with administration. */
export const CardAsOwner: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-card chat-id="g-robots" .client=${sampleClient()} link-base="https://school.example/?chat-invite=" locale=${locale} theme=${theme}></parta-chat-card>`,
};

/** A member's card of a class chat: no administration, no leaving (the class follows the school's structure). */
export const CardAsMember: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-card chat-id="chat-9a" .client=${sampleClient()} locale=${locale} theme=${theme}></parta-chat-card>`,
};

export const CardLoading: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-card chat-id="chat-9a" .client=${waitingClient()} locale=${locale} theme=${theme}></parta-chat-card>`,
};

export const HeaderTyping: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-header chat-id="chat-9a" .client=${sampleClient()} locale=${locale} theme=${theme} style="width:560px"><button type="button">Позвонить</button></parta-chat-header>`,
};

export const HeaderMembers: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-header chat-id="chat-teachers" .client=${sampleClient({ typing: false })} locale=${locale} theme=${theme} style="width:560px"></parta-chat-header>`,
};

export const InviteLoading: StoryObj<Args> = {
  render: ({ locale, theme }) =>
    html`<parta-chat-invite code="k3J9xQ2m" .client=${waitingClient()} locale=${locale} theme=${theme}></parta-chat-invite>`,
};
