import '@parta/calls/call-room/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitingClient } from './offline-client.ts';

const meta: Meta = {
  title: 'Calls/Call room',
  render: (args) =>
    html`<parta-call-room .client=${waitingClient()} chat-id="chat-9a" locale=${args.locale ?? 'ru'} style="width:560px"></parta-call-room>`,
};
export default meta;

export const BeforeJoining: StoryObj = {};
export const BeforeJoiningEnglish: StoryObj = { args: { locale: 'en' } };
