import type { AwardBadge, Locale, OrgType } from '@parta/protocol';

export type { Locale };

const plural = (locale: Locale, count: number, forms: Record<string, string>) =>
  forms[new Intl.PluralRules(locale).select(count)] ?? forms.other!;

const ru = {
  chats: 'Чаты',
  noChats: 'Чатов пока нет',
  loading: 'Загрузка…',
  noMessages: 'Сообщений пока нет',
  selectChat: 'Выберите чат',
  messages: 'Сообщения',
  loadOlder: 'Показать более ранние',
  newMessages: 'Новые сообщения',
  toLatest: 'К последним сообщениям',
  message: 'Сообщение',
  send: 'Отправить',
  sending: 'Отправляется…',
  failed: 'Не отправлено',
  retry: 'Повторить',
  discard: 'Не отправлять',
  deleted: 'Сообщение удалено',
  edited: 'изменено',
  verified: 'Подтверждённый пользователь',
  you: 'Вы',
  offline: 'Нет соединения. Сообщения придут, когда связь вернётся',
  connecting: 'Подключение…',
  readOnly: 'Писать в этот чат могут только администраторы',
  loadFailed: 'Не удалось загрузить сообщения',
  messageActions: 'Действия с сообщением',
  edit: 'Изменить',
  deleteForEveryone: 'Удалить у всех',
  deleteForMe: 'Удалить у меня',
  select: 'Выбрать',
  editing: 'Изменение сообщения',
  save: 'Сохранить',
  cancel: 'Отмена',
  selectMessage: 'Выбрать сообщение',
  deleteCount: (count: number) => `Удалить (${count})`,
  delete: 'Удалить',
  deleteQuestion: (count: number) =>
    count === 1
      ? 'Удалить сообщение?'
      : `Удалить ${count} ${plural('ru', count, { one: 'сообщение', few: 'сообщения', many: 'сообщений', other: 'сообщения' })}?`,
  deleteEveryoneDetail: 'Удалённое исчезнет у всех участников чата, вернуть его будет нельзя.',
  deleteMeDetail: 'Удалённое исчезнет только у вас: остальные участники по-прежнему его увидят.',
  // thread: what one does with a message
  replying: 'Ответ на сообщение',
  toOriginal: (name: string) => `Перейти к сообщению: ${name}`,
  cancelReply: 'Не отвечать',
  forwardCount: (count: number) => `Переслать (${count})`,
  forwardedFrom: (name: string) => `Переслано от ${name}`,
  pinnedMessage: 'Закреплённое сообщение',
  important: 'Важное',
  sent: 'Отправлено',
  read: 'Прочитано',
  askConfirmation: 'Запросить подтверждение прочтения',
  confirmedCount: (done: number, total: number) => `Подтвердили ${done} из ${total}`,
  confirmRead: 'Подтвердить прочтение',
  youConfirmed: 'Вы подтвердили',
  awarded: (giver: string, recipient: string, badge: string) => `${giver} наградил(а) ${recipient}: «${badge}»`,
  badges: {
    curious: 'Хочу всё знать',
    helper: 'Помощник',
    star: 'Звезда урока',
    creative: 'Творческий подход',
    leader: 'Лидер',
  } satisfies Record<AwardBadge, string>,
  disappears: (time: string) => `Исчезнет ${time}`,
  unread: (count: number) =>
    `${count} ${new Intl.PluralRules('ru').select(count) === 'one' ? 'непрочитанное' : 'непрочитанных'}`,
  // chat list
  memberCount: (count: number) =>
    `${count} ${plural('ru', count, { one: 'участник', few: 'участника', many: 'участников', other: 'участника' })}`,
  chatInfo: 'Карточка чата',
  closeCard: 'Закрыть',
  allChats: 'Все',
  archive: 'Архив',
  unreadOnly: 'Непрочитанные',
  saved: 'Избранное',
  newChat: 'Новый чат',
  folders: 'Папки',
  newFolder: 'Новая папка',
  editFolder: 'Изменить папку',
  pinnedMark: 'закреплён',
  mutedMark: 'без уведомлений',
  chatActions: 'Действия с чатом',
  actionsHint: 'Действия с чатом: Shift+F10',
  noUnread: 'Непрочитанных нет',
  archiveEmpty: 'В архиве пусто',
  folderEmpty: 'В этой папке нет чатов',
  forwarded: 'Переслано',
  award: 'Награда',
  typing: (names: string[]) =>
    names.length === 0
      ? 'печатает…'
      : names.length === 1
        ? `${names[0]} печатает…`
        : names.length === 2
          ? `${names[0]} и ${names[1]} печатают…`
          : `${names.length} ${plural('ru', names.length, { one: 'человек', few: 'человека', many: 'человек', other: 'человека' })} печатают…`,
};

export type Strings = typeof ru;

// Russian is the default and ships with the widgets; English is a chunk of its own, loaded on first use.
let en: Strings | undefined;
let english: Promise<void> | undefined;

/** Loads a locale's strings (only English is loaded on demand); resolves once `t(locale)` has them. */
export function loadStrings(locale: string | undefined): Promise<void> {
  if (locale !== 'en' || en) return Promise.resolve();
  english ??= import('./i18n-en.js').then(
    (module) => {
      en = module.en;
    },
    () => {
      english = undefined; // Tried again next time; meanwhile the words stay Russian.
    },
  );
  return english;
}

/**
 * For a widget's `scheduleUpdate()`: the update runs at once, or, while the locale's
 * strings are on their way, as soon as they are here, so a widget never paints a mix
 * of languages and its `updateComplete` means the words are right.
 */
export function withStrings(locale: string | undefined, update: () => unknown): Promise<unknown> | undefined {
  if (locale === 'en' && !en) return loadStrings(locale).then(update);
  const result = update();
  return result instanceof Promise ? result : undefined;
}

/** The strings of a locale; anything unknown, or not loaded yet (see `loadStrings`), is Russian, the default. */
export function t(locale: string | undefined): Strings {
  if (locale !== 'en') return ru;
  if (!en) void loadStrings(locale);
  return en ?? ru;
}

/** A clock time for today, a date otherwise. */
export function formatTime(iso: string, locale: string | undefined, now = new Date()): string {
  // The thread formats the times of the messages on screen on every update: remembered per day.
  const today = now.toDateString();
  const key = `${locale ?? 'ru'}|${today}|${iso}`;
  const known = formattedTimes.get(key);
  if (known !== undefined) return known;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const text = date.toDateString() === today ? clockTime(date, locale) : timeFormat(locale ?? 'ru', false).format(date);
  if (formattedTimes.size >= 2000) formattedTimes.clear();
  formattedTimes.set(key, text);
  return text;
}
const formattedTimes = new Map<string, string>();

/** A moment to come, such as when a disappearing message goes: the time, and the day too when it is not today. */
export function formatMoment(iso: string, locale: string | undefined, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = clockTime(date, locale);
  return date.toDateString() === now.toDateString()
    ? time
    : `${timeFormat(locale ?? 'ru', false).format(date)}, ${time}`;
}

/**
 * The clock time as Intl writes it with two-digit hours and minutes ("09:05", "09:05 AM"),
 * for the two locales the widgets speak, without Intl: the first formatter of a page loads
 * the locale's data, which a thread would otherwise wait for before its first paint.
 */
export function clockTime(date: Date, locale: string | undefined): string {
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const hours = date.getHours();
  if (locale === undefined || locale === 'ru') return `${String(hours).padStart(2, '0')}:${minutes}`;
  if (locale === 'en') return `${String(hours % 12 || 12).padStart(2, '0')}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
  return timeFormat(locale, true).format(date);
}

// Creating an Intl formatter costs far more than using one: a thread of 50 messages made 50 of them.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(locale: string, sameDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${sameDay}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' },
    );
    timeFormats.set(key, format);
  }
  return format;
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

// The community widgets' strings sit in a table of their own: a chat page
// never references it, so bundlers leave it out of the chat widgets' code.
const communityRu = {
  organisation: 'Организация',
  noOrganisations: 'Вы пока не состоите ни в одной организации',
  loading: 'Загрузка…',
  cancel: 'Отмена',
  save: 'Сохранить',
  networkError: 'Нет связи с сервером. Проверьте подключение и попробуйте ещё раз',
  unknownError: 'Что-то пошло не так, попробуйте ещё раз',
  noOrganisation: 'Организация не выбрана',
  allClasses: 'Все классы',
  classLabel: 'Класс',
  // organisation profile
  orgTypes: {
    school: 'Школа',
    preschool: 'Детский сад',
    college: 'Колледж',
    authority: 'Орган управления образованием',
  } satisfies Record<OrgType, string>,
  editProfile: 'Изменение профиля',
  orgName: 'Название',
  inn: 'ИНН',
  kpp: 'КПП',
  address: 'Адрес',
  contacts: 'Контакты',
  description: 'Об организации',
  avatarUrl: 'Ссылка на логотип',
  avatarAlt: (name: string) => `Логотип: ${name}`,
  notGiven: 'не указано',
  profileSaved: 'Профиль сохранён',
  checkFields: (fields: string) => `Проверьте поля: ${fields}`,
  upTo: (max: number) => `не длиннее ${max} символов`,
  // join requests
  joinRequests: 'Заявки на вступление',
  noJoinRequests: 'Новых заявок нет',
  approve: 'Принять',
  decline: 'Отклонить',
  approved: (name: string) => `Заявка ${name} принята`,
  declined: (name: string) => `Заявка ${name} отклонена`,
  declineQuestion: (name: string) => `Отклонить заявку ${name}?`,
  decisionFinal: 'Решение нельзя будет отменить. Чтобы принять человека позже, пригласите его снова.',
  requestedAt: 'Подана',
  forChild: (name: string) => `ребёнок: ${name}`,
  // invite links
  inviteLinks: 'Ссылки-приглашения',
  noInviteLinks: 'Действующих ссылок нет',
  newInviteLink: 'Новая ссылка',
  role: 'Роль',
  days: 'Срок, дней',
  maxUses: 'Число использований',
  create: 'Создать ссылку',
  creating: 'Создаётся…',
  created: 'Ссылка создана',
  usesLeft: (left: number, max: number) => `осталось ${left} из ${max}`,
  validUntil: (date: string) => `действует до ${date}`,
  expired: 'срок истёк',
  usedUp: 'использована полностью',
  copy: 'Копировать',
  copied: 'Ссылка скопирована',
  copyFailed: 'Не удалось скопировать: выделите ссылку и скопируйте вручную',
  revoke: 'Отозвать',
  revokeQuestion: 'Отозвать ссылку?',
  revokeFinal: 'Ссылка перестанет работать. Уже поданные заявки останутся.',
  revoked: 'Ссылка отозвана',
  link: 'Ссылка',
  qrCode: (role: string) => `QR-код ссылки: ${role}`,
  createdToday: (count: number, limit: number) => `Создано за сутки: ${count} из ${limit}`,
  dailyLimit: (limit: number) => `За сутки можно создать не больше ${limit} ссылок. Попробуйте завтра.`,
  classRequired: 'Выберите класс',
  // classes
  classes: 'Классы',
  noClasses: 'Классов пока нет',
  newClass: 'Новый класс',
  editClass: (name: string) => `Изменить ${name}`,
  edit: 'Изменить',
  archive: 'В архив',
  unarchive: 'Вернуть из архива',
  archived: 'в архиве',
  showArchived: 'Показать архивные',
  number: 'Номер',
  letter: 'Буква',
  classTitle: 'Название (необязательно)',
  academicYear: 'Учебный год',
  color: 'Цвет обложки',
  classTeacher: 'Классный руководитель',
  nobody: 'Не назначен',
  classSaved: 'Класс сохранён',
  students: (count: number) =>
    `${count} ${plural('ru', count, { one: 'ученик', few: 'ученика', many: 'учеников', other: 'ученика' })}`,
  // members
  members: 'Участники',
  noMembers: 'Участников не найдено',
  search: 'Поиск по имени',
  verified: 'Подтверждённый педагог',
  remove: 'Исключить',
  removeQuestion: (name: string) => `Исключить ${name} из организации?`,
  removeFinal: 'Человек потеряет доступ к чатам организации. Вернуть его можно только новым приглашением.',
  removed: (name: string) => `${name} исключён(а) из организации`,
  makeAdmin: 'Назначить администратором',
  revokeAdmin: 'Снять права администратора',
  adminGiven: (name: string) => `${name} теперь администратор`,
  adminTaken: (name: string) => `${name} больше не администратор`,
  parents: 'Родители',
  noParents: 'Подтверждённых родителей нет',
  showParents: (name: string) => `Родители: ${name}`,
  // teacher verification
  verifications: 'Подтверждение педагогов',
  noVerifications: 'Запросов на подтверждение нет',
  confirmTeacher: 'Подтвердить',
  askedAt: 'Запрос от',
  teacherConfirmed: (name: string) => `${name} подтверждён(а) как педагог`,
  verificationDeclined: (name: string) => `Запрос ${name} отклонён`,
  declineVerificationQuestion: (name: string) => `Отклонить запрос ${name}?`,
  verificationFinal: 'Решение нельзя будет отменить. Человек сможет отправить новый запрос.',
  verificationNotAllowed: 'Подтверждать педагогов могут только администраторы организации',
};

type CommunityStrings = typeof communityRu;

const communityEn: CommunityStrings = {
  organisation: 'Organisation',
  noOrganisations: 'You are not a member of any organisation yet',
  loading: 'Loading…',
  cancel: 'Cancel',
  save: 'Save',
  networkError: 'Cannot reach the server. Check the connection and try again',
  unknownError: 'Something went wrong; try again',
  noOrganisation: 'No organisation chosen',
  allClasses: 'All classes',
  classLabel: 'Class',
  orgTypes: {
    school: 'School',
    preschool: 'Preschool',
    college: 'College',
    authority: 'Education authority',
  },
  editProfile: 'Edit profile',
  orgName: 'Name',
  inn: 'INN',
  kpp: 'KPP',
  address: 'Address',
  contacts: 'Contacts',
  description: 'About',
  avatarUrl: 'Logo URL',
  avatarAlt: (name: string) => `Logo of ${name}`,
  notGiven: 'not given',
  profileSaved: 'Profile saved',
  checkFields: (fields: string) => `Check the fields: ${fields}`,
  upTo: (max: number) => `at most ${max} characters`,
  joinRequests: 'Join requests',
  noJoinRequests: 'No new requests',
  approve: 'Approve',
  decline: 'Decline',
  approved: (name: string) => `Approved ${name}'s request`,
  declined: (name: string) => `Declined ${name}'s request`,
  declineQuestion: (name: string) => `Decline ${name}'s request?`,
  decisionFinal: 'This cannot be undone. To let the person in later, invite them again.',
  requestedAt: 'Filed',
  forChild: (name: string) => `child: ${name}`,
  inviteLinks: 'Invite links',
  noInviteLinks: 'No active links',
  newInviteLink: 'New link',
  role: 'Role',
  days: 'Valid for, days',
  maxUses: 'Number of uses',
  create: 'Create link',
  creating: 'Creating…',
  created: 'Link created',
  usesLeft: (left: number, max: number) => `${left} of ${max} left`,
  validUntil: (date: string) => `valid until ${date}`,
  expired: 'expired',
  usedUp: 'used up',
  copy: 'Copy',
  copied: 'Link copied',
  copyFailed: 'Could not copy: select the link and copy it by hand',
  revoke: 'Revoke',
  revokeQuestion: 'Revoke this link?',
  revokeFinal: 'The link stops working. Requests already filed stay.',
  revoked: 'Link revoked',
  link: 'Link',
  qrCode: (role: string) => `QR code of the link: ${role}`,
  createdToday: (count: number, limit: number) => `Created in the last 24 hours: ${count} of ${limit}`,
  dailyLimit: (limit: number) => `At most ${limit} links can be created a day. Try again tomorrow.`,
  classRequired: 'Choose a class',
  classes: 'Classes',
  noClasses: 'No classes yet',
  newClass: 'New class',
  editClass: (name: string) => `Edit ${name}`,
  edit: 'Edit',
  archive: 'Archive',
  unarchive: 'Restore',
  archived: 'archived',
  showArchived: 'Show archived',
  number: 'Number',
  letter: 'Letter',
  classTitle: 'Name (optional)',
  academicYear: 'Academic year',
  color: 'Cover colour',
  classTeacher: 'Class teacher',
  nobody: 'Not assigned',
  classSaved: 'Class saved',
  students: (count: number) => `${count} ${plural('en', count, { one: 'student', other: 'students' })}`,
  members: 'Members',
  noMembers: 'No members found',
  search: 'Search by name',
  verified: 'Verified teacher',
  remove: 'Remove',
  removeQuestion: (name: string) => `Remove ${name} from the organisation?`,
  removeFinal: "They lose access to the organisation's chats. Only a new invitation brings them back.",
  removed: (name: string) => `${name} was removed from the organisation`,
  makeAdmin: 'Make administrator',
  revokeAdmin: 'Revoke administrator rights',
  adminGiven: (name: string) => `${name} is now an administrator`,
  adminTaken: (name: string) => `${name} is no longer an administrator`,
  parents: 'Parents',
  noParents: 'No confirmed parents',
  showParents: (name: string) => `Parents of ${name}`,
  verifications: 'Teacher verification',
  noVerifications: 'No verification requests',
  confirmTeacher: 'Approve',
  askedAt: 'Asked on',
  teacherConfirmed: (name: string) => `${name} is now a verified teacher`,
  verificationDeclined: (name: string) => `Declined ${name}'s request`,
  declineVerificationQuestion: (name: string) => `Decline ${name}'s request?`,
  verificationFinal: 'This cannot be undone. The person may send a new request.',
  verificationNotAllowed: "Only the organisation's administrators can verify teachers",
};

const communityStrings: Record<Locale, CommunityStrings> = { ru: communityRu, en: communityEn };

/** The community widgets' strings (organisation, classes, invites, requests, verification, members). */
export function tc(locale: string | undefined): CommunityStrings {
  return communityStrings[(locale as Locale) in communityStrings ? (locale as Locale) : 'ru'];
}

/** A calendar date: "12 марта 2026". */
export function formatDate(iso: string, locale: string | undefined, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale ?? 'ru', {
    day: 'numeric',
    month: 'long',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}
