import '@parta/elements/thread/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type ChatSummary, classChat, type Message, people, staticClient, type UserSummary } from './static-client.ts';

interface Args {
  count: number;
  unread: number;
  locale?: 'ru' | 'en';
}

const words =
  'Завтра контрольная по алгебре, повторите параграфы с седьмого по девятый и принесите тетради для самостоятельных работ'.split(
    ' ',
  );

/** A class chat with `count` messages of different lengths, the last `unread` of them not yet read by the teacher. */
function longThread(count: number, unread: number): { chat: ChatSummary; messages: Message[]; me: UserSummary } {
  const authors = [people.teacher, people.student, people.student2];
  const started = Date.now() - count * 60_000;
  const messages = Array.from({ length: count }, (_, n): Message => {
    const length = 3 + ((n * 7919) % 41);
    return {
      id: `long-${n}`,
      chatId: 'chat-9a',
      seq: n + 1,
      // The unread ones are the students'.
      author: n >= count - unread ? authors[1 + (n % 2)]! : authors[n % 3]!,
      clientKey: `long-key-${n}`,
      text: `${n + 1}. ${Array.from({ length }, (_, w) => words[(n + w) % words.length]).join(' ')}`,
      replyToId: null,
      createdAt: new Date(started + n * 60_000).toISOString(),
      editedAt: null,
      deletedAt: null,
    };
  });
  return {
    me: people.teacher,
    messages,
    chat: classChat({ myRole: 'owner', lastSeq: count, readSeq: count - unread, unreadCount: unread }),
  };
}

const meta: Meta<Args> = {
  title: 'Elements/Thread/Long thread',
  render: ({ count, unread, locale }) => {
    const { me, chat, messages } = longThread(count, unread);
    return html`<parta-thread
      .client=${staticClient({ me, chats: [chat], messages: { [chat.id]: messages } })}
      chat-id=${chat.id}
      locale=${locale ?? 'ru'}
      style="display:flex;width:560px;height:460px;border:1px solid #dfe4ee"
    ></parta-thread>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** 10,000 messages: only those near the view are in the DOM; the last five were unread on opening. */
export const TenThousandMessages: Story = { args: { count: 10_000, unread: 5 } };
export const TenThousandMessagesEnglish: Story = { args: { count: 10_000, unread: 5, locale: 'en' } };
/** Everything read: no "new messages" line. */
export const AllRead: Story = { args: { count: 2_000, unread: 0 } };
