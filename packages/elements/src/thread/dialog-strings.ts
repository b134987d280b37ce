import { limits } from '@parta/protocol';

/**
 * Strings of the thread's message menu and dialogs (forward, receipts, award).
 * They load with them, on first use, so the chat page does not carry them.
 */

const plural = (locale: 'ru' | 'en', count: number, forms: Record<string, string>) =>
  forms[new Intl.PluralRules(locale).select(count)] ?? forms.other!;

const ru = {
  // the message menu
  reply: 'Ответить',
  pin: 'Закрепить',
  unpin: 'Открепить',
  markImportant: 'Отметить как важное',
  unmarkImportant: 'Снять отметку «важное»',
  whoRead: 'Кто прочитал',
  giveAward: 'Наградить',
  react: 'Реакция',
  reactionPicker: 'Выберите реакцию',
  tooManyReactions: `У сообщения может быть не больше ${limits.reactionsPerMessageMax} разных реакций`,
  close: 'Закрыть',
  cancel: 'Отмена',
  // forward
  forwardTitle: (count: number) =>
    count === 1
      ? 'Переслать сообщение'
      : `Переслать ${count} ${plural('ru', count, { one: 'сообщение', few: 'сообщения', many: 'сообщений', other: 'сообщения' })}`,
  searchChats: 'Поиск чата',
  chats: 'Чаты',
  noChatsFound: 'Чаты не найдены',
  chosen: (count: number) => `Выбрано ${count} из ${limits.forwardMaxChats}`,
  tooMany: `Переслать можно не больше чем в ${limits.forwardMaxChats} чатов за раз`,
  comment: 'Комментарий (необязательно)',
  forward: 'Переслать',
  forwarding: 'Пересылается…',
  // receipts
  receiptsTitle: 'Кто прочитал',
  confirmedList: (count: number) => `Подтвердили (${count})`,
  pendingList: (count: number) => `Не подтвердили (${count})`,
  readList: (count: number) => `Прочитали (${count})`,
  unreadList: (count: number) => `Ещё не прочитали (${count})`,
  nobody: 'Никого',
  loading: 'Загрузка…',
  // award
  awardTitle: (name: string) => `Наградить: ${name}`,
  badge: 'Награда',
  note: 'Пара слов (необязательно)',
  give: 'Наградить',
};

type DialogStrings = typeof ru;

const en: DialogStrings = {
  reply: 'Reply',
  pin: 'Pin',
  unpin: 'Unpin',
  markImportant: 'Mark as important',
  unmarkImportant: 'Remove the important mark',
  whoRead: 'Who has read it',
  giveAward: 'Give an award',
  react: 'React',
  reactionPicker: 'Choose a reaction',
  tooManyReactions: `A message can have at most ${limits.reactionsPerMessageMax} different reactions`,
  close: 'Close',
  cancel: 'Cancel',
  forwardTitle: (count: number) => (count === 1 ? 'Forward the message' : `Forward ${count} messages`),
  searchChats: 'Search chats',
  chats: 'Chats',
  noChatsFound: 'No chats found',
  chosen: (count: number) => `${count} of ${limits.forwardMaxChats} chosen`,
  tooMany: `Messages can be forwarded to at most ${limits.forwardMaxChats} chats at once`,
  comment: 'Comment (optional)',
  forward: 'Forward',
  forwarding: 'Forwarding…',
  receiptsTitle: 'Who has read it',
  confirmedList: (count: number) => `Confirmed (${count})`,
  pendingList: (count: number) => `Not confirmed (${count})`,
  readList: (count: number) => `Read (${count})`,
  unreadList: (count: number) => `Not read yet (${count})`,
  nobody: 'Nobody',
  loading: 'Loading…',
  awardTitle: (name: string) => `Award: ${name}`,
  badge: 'Badge',
  note: 'A few words (optional)',
  give: 'Give the award',
};

export function td(locale: string | undefined): DialogStrings {
  return locale === 'en' ? en : ru;
}
