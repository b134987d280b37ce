import '@parta/elements/chat-list/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitingClient } from './offline-client.ts';

const meta: Meta = {
  title: 'Elements/Chat list',
  render: (args) =>
    html`<parta-chat-list .client=${waitingClient()} locale=${args.locale ?? 'ru'} style="display:block;width:320px;height:360px"></parta-chat-list>`,
};
export default meta;

export const Loading: StoryObj = {};
export const LoadingEnglish: StoryObj = { args: { locale: 'en' } };
