import { type ErrorCode, errorMessage, type Locale } from '@parta/protocol';

/**
 * The words of managing chats (the actions menu, folders, a new chat, the chat
 * card, the invite page). A module of its own, not a table in `i18n.ts`: those
 * widgets load on first use, and a module shared with the chat list would carry
 * these words into the page's first load.
 */

const plural = (locale: Locale, count: number, forms: Record<string, string>) =>
  forms[new Intl.PluralRules(locale).select(count)] ?? forms.other!;

const chatsRu = {
  cancel: 'Отмена',
  close: 'Закрыть',
  save: 'Сохранить',
  saved: 'Избранное',
  // actions menu
  pin: 'Закрепить',
  unpin: 'Открепить',
  toArchive: 'В архив',
  fromArchive: 'Вернуть из архива',
  mute: 'Выключить уведомления',
  unmute: 'Включить уведомления',
  addToFolder: (title: string) => `Добавить в папку «${title}»`,
  removeFromFolder: (title: string) => `Убрать из папки «${title}»`,
  // folders
  newFolder: 'Новая папка',
  editFolder: 'Изменить папку',
  folderTitle: 'Название папки',
  folderChats: 'Чаты в папке',
  deleteFolder: 'Удалить папку',
  deleteFolderQuestion: (title: string) => `Удалить папку «${title}»?`,
  deleteFolderDetail: 'Чаты останутся в общем списке, удалится только папка.',
  foldersFull: `Папок может быть не больше 15. Удалите одну, чтобы создать новую.`,
  // new chat
  newChat: 'Новый чат',
  search: 'Поиск по имени',
  people: 'Люди',
  noPeople: 'Никого не нашлось',
  chosen: (count: number) => `Выбрано: ${count}`,
  groupTitle: 'Название группы',
  groupTitleNeeded: 'Назовите группу',
  write: 'Написать',
  createGroup: 'Создать группу',
  fromExisting: 'Создать из существующего',
  fromChat: 'Участники чата',
  chooseChat: 'Выберите чат',
  createFromChat: 'Создать чат с этими участниками',
  // chat card
  chatCard: 'Карточка чата',
  members: (count: number) =>
    `${count} ${plural('ru', count, { one: 'участник', few: 'участника', many: 'участников', other: 'участника' })}`,
  membersHeading: 'Участники',
  searchMembers: 'Поиск участников',
  noMembers: 'Никого не нашлось',
  admin: 'администратор',
  owner: 'создатель',
  you: 'вы',
  notifications: 'Уведомления',
  call: 'Позвонить',
  addMembers: 'Добавить участников',
  add: 'Добавить',
  remove: 'Удалить из чата',
  removeQuestion: (name: string) => `Удалить ${name} из чата?`,
  removeDetail: 'Человек перестанет видеть новые сообщения чата. Добавить его снова можно в любой момент.',
  removed: (name: string) => `${name} больше не в чате`,
  added: (count: number) => `Добавлено участников: ${count}`,
  makeAdmin: 'Сделать администратором',
  unmakeAdmin: 'Снять права администратора',
  adminGiven: (name: string) => `${name} теперь администратор`,
  adminTaken: (name: string) => `${name} больше не администратор`,
  leave: 'Покинуть чат',
  leaveQuestion: 'Покинуть чат?',
  leaveDetail: 'Вы перестанете получать сообщения этого чата. Вернуться можно по приглашению.',
  inviteLink: 'Ссылка-приглашение',
  inviteNone: 'Ссылки пока нет',
  createLink: 'Создать ссылку',
  copyLink: 'Копировать',
  copied: 'Ссылка скопирована',
  revokeLink: 'Отозвать',
  revokeQuestion: 'Отозвать ссылку?',
  revokeDetail: 'Перейти по ней больше не получится; можно будет создать новую.',
  settings: 'Настройки',
  editTitle: 'Название чата',
  onlyAdminsWrite: 'Писать могут только администраторы',
  membersMayInvite: 'Участники могут приглашать',
  membersMayPin: 'Участники могут закреплять сообщения',
  membersMayEditInfo: 'Участники могут менять название',
  disappear: 'Исчезающие сообщения',
  disappearOff: 'Выключены',
  disappearAfter: { 30: 'Через 30 секунд', 3600: 'Через час', 86400: 'Через день', 604800: 'Через неделю' } as Record<
    number,
    string
  >,
  settingsSaved: 'Настройки сохранены',
  copyMembers: 'Создать новый чат с этими участниками',
  // invite page
  joinChat: 'Вступить в чат',
  openChat: 'Открыть чат',
  alreadyMember: 'Вы уже участник этого чата',
  joined: 'Вы вступили в чат',
  // errors
  loading: 'Загрузка…',
  networkError: 'Нет связи с сервером. Проверьте подключение и попробуйте ещё раз',
  unknownError: 'Что-то пошло не так, попробуйте ещё раз',
};

type ChatsStrings = typeof chatsRu;

const chatsEn: ChatsStrings = {
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  saved: 'Saved messages',
  pin: 'Pin',
  unpin: 'Unpin',
  toArchive: 'Archive',
  fromArchive: 'Unarchive',
  mute: 'Mute',
  unmute: 'Unmute',
  addToFolder: (title: string) => `Add to folder “${title}”`,
  removeFromFolder: (title: string) => `Remove from folder “${title}”`,
  newFolder: 'New folder',
  editFolder: 'Edit folder',
  folderTitle: 'Folder name',
  folderChats: 'Chats in the folder',
  deleteFolder: 'Delete folder',
  deleteFolderQuestion: (title: string) => `Delete the folder “${title}”?`,
  deleteFolderDetail: 'The chats stay in the main list; only the folder goes.',
  foldersFull: 'You can have at most 15 folders. Delete one to create another.',
  newChat: 'New chat',
  search: 'Search by name',
  people: 'People',
  noPeople: 'Nobody found',
  chosen: (count: number) => `Chosen: ${count}`,
  groupTitle: 'Group name',
  groupTitleNeeded: 'Name the group',
  write: 'Message',
  createGroup: 'Create group',
  fromExisting: 'Create from an existing chat',
  fromChat: 'Members of the chat',
  chooseChat: 'Choose a chat',
  createFromChat: 'Create a chat with these members',
  chatCard: 'Chat info',
  members: (count: number) => `${count} ${count === 1 ? 'member' : 'members'}`,
  membersHeading: 'Members',
  searchMembers: 'Search members',
  noMembers: 'Nobody found',
  admin: 'admin',
  owner: 'owner',
  you: 'you',
  notifications: 'Notifications',
  call: 'Call',
  addMembers: 'Add members',
  add: 'Add',
  remove: 'Remove from chat',
  removeQuestion: (name: string) => `Remove ${name} from the chat?`,
  removeDetail: 'They will stop seeing new messages. You can add them again at any time.',
  removed: (name: string) => `${name} is no longer in the chat`,
  added: (count: number) => `Members added: ${count}`,
  makeAdmin: 'Make admin',
  unmakeAdmin: 'Remove admin rights',
  adminGiven: (name: string) => `${name} is now an admin`,
  adminTaken: (name: string) => `${name} is no longer an admin`,
  leave: 'Leave chat',
  leaveQuestion: 'Leave the chat?',
  leaveDetail: 'You will stop receiving its messages. You can come back with an invite.',
  inviteLink: 'Invite link',
  inviteNone: 'No link yet',
  createLink: 'Create link',
  copyLink: 'Copy',
  copied: 'Link copied',
  revokeLink: 'Revoke',
  revokeQuestion: 'Revoke the link?',
  revokeDetail: 'It will stop working; you can create a new one.',
  settings: 'Settings',
  editTitle: 'Chat name',
  onlyAdminsWrite: 'Only admins can write',
  membersMayInvite: 'Members can invite',
  membersMayPin: 'Members can pin messages',
  membersMayEditInfo: 'Members can change the name',
  disappear: 'Disappearing messages',
  disappearOff: 'Off',
  disappearAfter: { 30: 'After 30 seconds', 3600: 'After an hour', 86400: 'After a day', 604800: 'After a week' },
  settingsSaved: 'Settings saved',
  copyMembers: 'Create a new chat with these members',
  joinChat: 'Join the chat',
  openChat: 'Open the chat',
  alreadyMember: 'You are already a member of this chat',
  joined: 'You joined the chat',
  loading: 'Loading…',
  networkError: 'Cannot reach the server. Check the connection and try again',
  unknownError: 'Something went wrong, please try again',
};

const chatsStrings: Record<Locale, ChatsStrings> = { ru: chatsRu, en: chatsEn };

/** The strings of the chat management widgets (menu, folders, new chat, card). */
export function tm(locale: string | undefined): ChatsStrings {
  return chatsStrings[(locale as Locale) in chatsStrings ? (locale as Locale) : 'ru'];
}

/** A readable sentence for anything a chat action threw: the server's error code, else the network or a generic note. */
export function describeChatError(error: unknown, locale: string | undefined): string {
  const strings = tm(locale);
  if (error && typeof error === 'object') {
    if ((error as Error).name === 'NetworkError') return strings.networkError;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return errorMessage(code as ErrorCode, locale === 'en' ? 'en' : 'ru');
  }
  return strings.unknownError;
}
