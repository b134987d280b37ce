import '@parta/elements/thread/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  type ChatSummary,
  classChat,
  forwardedFrom,
  type Message,
  people,
  sample,
  staticClient,
  type UserSummary,
} from './static-client.ts';

interface Args {
  me: UserSummary;
  chat: ChatSummary;
  messages: Message[];
  typing?: string[];
  locale?: 'ru' | 'en';
}

const meta: Meta<Args> = {
  title: 'Elements/Thread/Message features',
  render: ({ me, chat, messages, typing, locale }) =>
    html`<parta-thread
      .client=${staticClient({
        me,
        chats: [chat],
        messages: { [chat.id]: messages },
        typing: { [chat.id]: typing ?? [] },
      })}
      chat-id=${chat.id}
      locale=${locale ?? 'ru'}
      style="display:flex;width:560px;height:460px;border:1px solid #dfe4ee"
    ></parta-thread>`,
};
export default meta;

type Story = StoryObj<Args>;

const { teacher, student, student2 } = people;

const question = sample(student, 'Мария Ивановна, а к контрольной нужно повторить §12?', 30);
export const Reply: Story = {
  args: {
    me: teacher,
    chat: classChat({ myRole: 'owner' }),
    messages: [
      question,
      sample(teacher, 'Да, и ещё задачи из https://school.example/hw/12', 25, {
        replyToId: question.id,
        replyTo: { id: question.id, seq: question.seq, author: student, text: question.text, deleted: false },
      }),
    ],
  },
};

export const Forwarded: Story = {
  args: {
    me: student,
    chat: classChat(),
    messages: [
      sample(teacher, 'Завтра экскурсия в музей, сбор в 9:00 у школы', 12, {
        forwardedFrom: forwardedFrom(teacher, 'Родители 9А', 180),
      }),
      sample(student2, 'Ура!', 10),
    ],
  },
};

const notice = sample(teacher, 'Родительское собрание в четверг в 18:00, каб. 21. Прочитайте, пожалуйста', 20, {
  confirmation: { confirmed: 1, total: 3, byMe: false },
});
export const ReadConfirmationPending: Story = {
  args: { me: student, chat: classChat(), messages: [notice, sample(student2, 'Хорошо', 15)] },
};

export const ReadConfirmationSender: Story = {
  args: {
    me: teacher,
    chat: classChat({ myRole: 'owner', othersReadSeq: notice.seq }),
    messages: [notice],
  },
};

const pinned = sample(teacher, 'Расписание на четверть: https://school.example/schedule', 60, { pinned: true });
export const PinnedBar: Story = {
  args: {
    me: student,
    chat: classChat({ pinnedMessage: pinned }),
    messages: [
      pinned,
      sample(student2, 'Спасибо!', 50, { important: true }),
      sample(teacher, 'Это сообщение исчезнет через сутки', 5, {
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    ],
    typing: [teacher.id],
  },
};

export const Award: Story = {
  args: {
    me: student,
    chat: classChat(),
    messages: [
      sample(student, 'Вот мой доклад про вулканы', 40),
      sample(teacher, 'За интересный доклад и вопросы на уроке', 35, {
        award: { badge: 'curious', recipient: student },
      }),
    ],
  },
};

export const AwardEnglish: Story = { args: { ...Award.args!, locale: 'en' } as Args };

/** Forwarded by a classmate: still the teacher's award, with where it came from. */
export const AwardForwarded: Story = {
  args: {
    me: student,
    chat: classChat(),
    messages: [
      sample(student2, 'За интересный доклад и вопросы на уроке', 20, {
        award: { badge: 'curious', recipient: student },
        forwardedFrom: forwardedFrom(teacher, null, 35),
      }),
    ],
  },
};
