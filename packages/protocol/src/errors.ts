/**
 * Stable error codes. Clients switch on `code`; `message` is for people.
 * Never rename a code: hosts and older widgets depend on it.
 */
export const ErrorCode = {
  BadRequest: 'bad_request',
  Unauthorized: 'unauthorized',
  TokenExpired: 'token_expired',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  NotChatMember: 'not_chat_member',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  MessageTooLong: 'message_too_long',
  CallsUnavailable: 'calls_unavailable',
  /** A product limit (links per day, folders, forward targets) would be exceeded. */
  LimitReached: 'limit_reached',
  /** The invite link expired, was revoked or used up. */
  InviteInvalid: 'invite_invalid',
  /** The request was already approved, declined or cancelled: decisions are final. */
  AlreadyDecided: 'already_decided',
  NotOrgMember: 'not_org_member',
  /** The one-time sign-in code is wrong or expired. */
  CodeInvalid: 'code_invalid',
  /** A message may be edited by its author within 24 hours of sending. */
  EditWindowClosed: 'edit_window_closed',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type Locale = 'ru' | 'en';

const messages: Record<ErrorCode, Record<Locale, string>> = {
  bad_request: { ru: 'Запрос составлен неверно', en: 'The request is malformed' },
  unauthorized: { ru: 'Нужно войти заново', en: 'Sign in again' },
  token_expired: { ru: 'Сеанс истёк, войдите заново', en: 'The session has expired; sign in again' },
  forbidden: { ru: 'Недостаточно прав', en: 'You are not allowed to do this' },
  not_found: { ru: 'Не найдено', en: 'Not found' },
  not_chat_member: { ru: 'Вы не участник этого чата', en: 'You are not a member of this chat' },
  conflict: { ru: 'Данные изменились, обновите страницу', en: 'The data has changed; reload' },
  rate_limited: { ru: 'Слишком много запросов, попробуйте позже', en: 'Too many requests; try again later' },
  message_too_long: { ru: 'Сообщение слишком длинное', en: 'The message is too long' },
  calls_unavailable: { ru: 'Звонки сейчас недоступны', en: 'Calls are unavailable right now' },
  limit_reached: { ru: 'Достигнут лимит', en: 'The limit has been reached' },
  invite_invalid: {
    ru: 'Ссылка-приглашение больше не действует',
    en: 'This invite link no longer works',
  },
  already_decided: {
    ru: 'Решение по заявке уже принято, его нельзя изменить',
    en: 'This request has already been decided and cannot be changed',
  },
  not_org_member: { ru: 'Вы не состоите в этой организации', en: 'You are not a member of this organisation' },
  code_invalid: { ru: 'Неверный или устаревший код', en: 'The code is wrong or has expired' },
  edit_window_closed: {
    ru: 'Сообщение можно изменить только в течение 24 часов после отправки',
    en: 'A message can be edited only within 24 hours of sending',
  },
  internal: { ru: 'Ошибка сервера, попробуйте ещё раз', en: 'Server error; try again' },
};

/** A readable message for an error code in the given locale. */
export function errorMessage(code: ErrorCode, locale: Locale = 'ru'): string {
  return messages[code]?.[locale] ?? messages.internal[locale];
}

/** HTTP status the server answers with for each code. */
export const errorStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  not_chat_member: 403,
  conflict: 409,
  rate_limited: 429,
  message_too_long: 413,
  calls_unavailable: 503,
  limit_reached: 429,
  invite_invalid: 410,
  already_decided: 409,
  not_org_member: 403,
  code_invalid: 400,
  edit_window_closed: 403,
  internal: 500,
};

/** The error every Parta layer throws and every HTTP error body carries. */
export class PartaError extends Error {
  override name = 'PartaError';
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessage(code, 'en'),
    readonly details?: unknown,
  ) {
    super(message);
  }
  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}
