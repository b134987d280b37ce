import { type ClassInfo, type ErrorCode, errorMessage } from '@parta/protocol';
import { tc } from './i18n.js';

/** "9А", or "9А · ФизМат" with the optional name. */
export function className(cls: Pick<ClassInfo, 'number' | 'letter' | 'title'>): string {
  const short = `${cls.number}${cls.letter}`;
  return cls.title ? `${short} · ${cls.title}` : short;
}

/** A readable sentence for anything an action threw: the server's error code, else the network or a generic note. */
export function describeError(error: unknown, locale: string | undefined): string {
  const strings = tc(locale);
  if (error && typeof error === 'object') {
    if ((error as Error).name === 'NetworkError') return strings.networkError;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return errorMessage(code as ErrorCode, locale === 'en' ? 'en' : 'ru');
  }
  return strings.unknownError;
}
