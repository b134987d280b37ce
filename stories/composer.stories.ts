import '@parta/elements/composer/define';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface Args {
  value: string;
  disabled: boolean;
  locale: 'ru' | 'en';
}

const meta: Meta<Args> = {
  title: 'Elements/Composer',
  args: { value: '', disabled: false, locale: 'ru' },
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: ({ value, disabled, locale }) =>
    html`<parta-composer .value=${value} ?disabled=${disabled} locale=${locale} style="max-width:520px"></parta-composer>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
export const WithText: Story = { args: { value: 'Завтра контрольная по алгебре, повторите §12' } };
export const ReadOnly: Story = { args: { disabled: true } };
export const English: Story = { args: { locale: 'en' } };
