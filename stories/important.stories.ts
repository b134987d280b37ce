import '@parta/elements/important/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitingClient } from './offline-client.ts';
import { people, sample, staticClient } from './static-client.ts';

interface Args {
  items: 'loading' | 'empty' | 'some';
  locale: 'ru' | 'en';
}

const items = [
  {
    chat: { id: 'chat-9a-parents', title: 'Родители 9А' },
    message: sample(people.teacher, 'Сбор на экскурсию в 8:30, список вещей: https://school.example/trip', 90),
  },
  {
    chat: { id: 'chat-9a', title: '9А' },
    message: sample(people.teacher, 'Контрольная по алгебре переносится на четверг', 60 * 26),
  },
];

const meta: Meta<Args> = {
  title: 'Elements/Important messages',
  args: { items: 'some', locale: 'ru' },
  argTypes: {
    items: { control: 'inline-radio', options: ['loading', 'empty', 'some'] },
    locale: { control: 'inline-radio', options: ['ru', 'en'] },
  },
  render: ({ items: state, locale }) =>
    html`<parta-important
      .client=${
        state === 'loading'
          ? waitingClient()
          : staticClient({ me: people.parent, chats: [], messages: {}, important: state === 'some' ? items : [] })
      }
      locale=${locale}
      style="width:420px;border:1px solid #dfe4ee"
    ></parta-important>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Some: Story = {};
export const Empty: Story = { args: { items: 'empty' } };
export const Loading: Story = { args: { items: 'loading' } };
export const English: Story = { args: { locale: 'en' } };
