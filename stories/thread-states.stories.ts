import '@parta/elements/thread/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  type ChatSummary,
  classChat,
  type Message,
  people,
  type StaticData,
  sample,
  staticClient,
} from './static-client.ts';

/** The thread's states that do not depend on a feature: empty, loading, offline, failed send, edited, deleted. */
interface Args {
  chat: ChatSummary;
  messages: Message[];
  connection?: StaticData['connection'];
  unsent?: StaticData['unsent'];
  loading?: boolean;
  locale?: 'ru' | 'en';
}

const meta: Meta<Args> = {
  title: 'Elements/Thread/States',
  render: ({ chat, messages, connection, unsent, loading, locale }) =>
    html`<parta-thread
      .client=${staticClient({
        me: people.student,
        chats: [chat],
        messages: { [chat.id]: messages },
        connection,
        unsent,
        loading,
      })}
      chat-id=${chat.id}
      locale=${locale ?? 'ru'}
      style="display:flex;width:560px;height:420px;border:1px solid #dfe4ee"
    ></parta-thread>`,
};
export default meta;

type Story = StoryObj<Args>;
const { teacher, student } = people;

export const Empty: Story = { args: { chat: classChat(), messages: [] } };

export const Loading: Story = { args: { chat: classChat(), messages: [], loading: true } };

const waiting = sample(student, 'Я заболел, завтра не приду', 2);
const refused = sample(student, 'Можно сдать проект позже?', 1);
/** Offline: the status line, a message waiting to go, and one the server refused, with retry. */
export const OfflineWithFailedSend: Story = {
  args: {
    chat: classChat(),
    connection: 'offline',
    messages: [sample(teacher, 'Завтра контрольная по алгебре', 30), waiting, refused],
    unsent: {
      [waiting.clientKey]: { clientKey: waiting.clientKey, status: 'sending' },
      [refused.clientKey]: { clientKey: refused.clientKey, status: 'failed' },
    },
  },
};

export const EditedAndDeleted: Story = {
  args: {
    chat: classChat(),
    messages: [
      sample(teacher, 'Домашнее задание: №15 и №16', 40, {
        editedAt: new Date(Date.now() - 35 * 60_000).toISOString(),
      }),
      sample(student, '', 20, { deletedAt: new Date(Date.now() - 19 * 60_000).toISOString() }),
      sample(student, 'Спасибо!', 10),
    ],
  },
};

export const EditedAndDeletedEnglish: Story = { args: { ...EditedAndDeleted.args!, locale: 'en' } as Args };
