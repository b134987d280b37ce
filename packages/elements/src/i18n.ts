import type { Locale } from '@parta/protocol';

export type { Locale };

const ru = {
  chats: 'Чаты',
  noChats: 'Чатов пока нет',
  loading: 'Загрузка…',
  noMessages: 'Сообщений пока нет',
  selectChat: 'Выберите чат',
  messages: 'Сообщения',
  loadOlder: 'Показать более ранние',
  message: 'Сообщение',
  send: 'Отправить',
  sending: 'Отправляется…',
  failed: 'Не отправлено',
  retry: 'Повторить',
  deleted: 'Сообщение удалено',
  edited: 'изменено',
  verified: 'Подтверждённый пользователь',
  you: 'Вы',
  offline: 'Нет соединения. Сообщения придут, когда связь вернётся',
  connecting: 'Подключение…',
  readOnly: 'Писать в этот чат могут только администраторы',
  loadFailed: 'Не удалось загрузить сообщения',
  unread: (count: number) =>
    `${count} ${new Intl.PluralRules('ru').select(count) === 'one' ? 'непрочитанное' : 'непрочитанных'}`,
};

type Strings = typeof ru;

const en: Strings = {
  chats: 'Chats',
  noChats: 'No chats yet',
  loading: 'Loading…',
  noMessages: 'No messages yet',
  selectChat: 'Choose a chat',
  messages: 'Messages',
  loadOlder: 'Show earlier messages',
  message: 'Message',
  send: 'Send',
  sending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  deleted: 'Message deleted',
  edited: 'edited',
  verified: 'Verified user',
  you: 'You',
  offline: 'No connection. Messages will arrive when it is back',
  connecting: 'Connecting…',
  readOnly: 'Only administrators can write in this chat',
  loadFailed: 'Could not load messages',
  unread: (count: number) => `${count} unread`,
};

const strings: Record<Locale, Strings> = { ru, en };

/** The strings of a locale; anything unknown falls back to Russian, the default. */
export function t(locale: string | undefined): Strings {
  return strings[(locale as Locale) in strings ? (locale as Locale) : 'ru'];
}

/** A clock time for today, a date otherwise. */
export function formatTime(iso: string, locale: string | undefined, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    locale ?? 'ru',
    sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' },
  ).format(date);
}

/** Staff are shown with the patronymic (SPEC §2), everyone else by surname and name. */
export function displayName(user: {
  surname: string;
  name: string;
  patronymic: string | null;
  verified: boolean;
}): string {
  return [user.surname, user.name, user.verified ? user.patronymic : null].filter(Boolean).join(' ');
}
