import '@parta/elements/thread/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitingClient } from './offline-client.ts';

const meta: Meta = {
  title: 'Elements/Thread',
  render: (args) =>
    html`<parta-thread
      .client=${waitingClient()}
      chat-id=${args.chatId ?? ''}
      locale=${args.locale ?? 'ru'}
      style="display:flex;width:560px;height:420px;border:1px solid #dfe4ee"
    ></parta-thread>`,
};
export default meta;

export const NoChatChosen: StoryObj = {};
export const Connecting: StoryObj = { args: { chatId: 'chat-9a' } };
export const ConnectingEnglish: StoryObj = { args: { chatId: 'chat-9a', locale: 'en' } };
