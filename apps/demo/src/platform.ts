/**
 * Signing in to Parta itself (not to the school's site): a one-time code by
 * phone or e-mail, a session kept in this tab, and the person's own profile.
 * Used by the pages a newcomer reaches before it belongs to the school.
 */
import { PartaError } from '@parta/core';
import { accountRoutes, type ErrorCode, errorMessage, RefreshResponse, routes, SignInResponse } from '@parta/protocol';

export const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
export const partaUrl = $<HTMLMetaElement>('meta[name="parta-url"]').content;
const tokenKey = 'parta.platform-token';

/** Shows one step of the page's flow, hides the others, and moves focus into it. */
export function showStep(steps: string[], step: string) {
  for (const id of steps) $<HTMLElement>(id).hidden = id !== step;
  $<HTMLElement>(step).querySelector<HTMLElement>('input, select, button')?.focus();
}

export function fail(error: unknown) {
  const box = $<HTMLElement>('#join-error');
  box.textContent =
    error instanceof PartaError ? errorMessage(error.code as ErrorCode, 'ru') : 'Не получилось, попробуйте ещё раз';
  if (error instanceof PartaError && error.code === 'bad_request') box.textContent += `: ${error.message}`;
  box.hidden = false;
}

export async function call<T>(
  path: string,
  schema: { parse(data: unknown): T },
  body: unknown,
  options: { token?: string; method?: string } = {},
): Promise<T> {
  const response = await fetch(partaUrl + path, {
    method: options.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new PartaError(json.error.code, json.error.message);
  return schema.parse(json);
}

/** The platform session lives in this tab only: it ends when the tab closes. */
export function signedIn(): boolean {
  return sessionStorage.getItem(tokenKey) !== null;
}

/** A valid token for the session, refreshed shortly before it expires. */
export async function token(): Promise<string> {
  const raw = sessionStorage.getItem(tokenKey);
  if (!raw) throw new PartaError('unauthorized', 'Sign in again');
  const current = JSON.parse(raw) as { token: string; expiresAt: string };
  if (Date.parse(current.expiresAt) - Date.now() > 60_000) return current.token;
  const fresh = await call(accountRoutes.authRefresh, RefreshResponse, {}, { token: current.token });
  sessionStorage.setItem(tokenKey, JSON.stringify(fresh));
  return fresh.token;
}

/** Wires the contact and code forms; resolves once the person is signed in. */
export function signInWithCode(show: (step: string) => void): Promise<void> {
  show('#contact-form');
  let contact = '';
  return new Promise((resolve) => {
    $<HTMLFormElement>('#contact-form').onsubmit = async (event) => {
      event.preventDefault();
      contact = $<HTMLInputElement>('#contact').value;
      try {
        await call(accountRoutes.authCode, { parse: (data) => data }, { contact });
        show('#code-form');
      } catch (error) {
        fail(error);
      }
    };
    $<HTMLFormElement>('#code-form').onsubmit = async (event) => {
      event.preventDefault();
      try {
        const answer = await call(accountRoutes.authVerify, SignInResponse, {
          contact,
          code: $<HTMLInputElement>('#code').value,
        });
        sessionStorage.setItem(tokenKey, JSON.stringify({ token: answer.token, expiresAt: answer.expiresAt }));
        $<HTMLElement>('#join-error').hidden = true;
        resolve();
      } catch (error) {
        fail(error);
      }
    };
  });
}

interface MeBody {
  user: { surname: string; name: string; verified: boolean };
  profile: { patronymic: string | null; birthDate: string | null; sex: string | null };
  organisations: { organisation: { id: string } }[];
}

export async function me(): Promise<MeBody> {
  const response = await fetch(partaUrl + routes.me, { headers: { authorization: `Bearer ${await token()}` } });
  return (await response.json()) as MeBody;
}

/** Fills the profile form from the person's profile. */
export function fillProfile(current: MeBody) {
  $<HTMLInputElement>('#surname').value = current.user.surname;
  $<HTMLInputElement>('#name').value = current.user.name;
  $<HTMLInputElement>('#patronymic').value = current.profile.patronymic ?? '';
  $<HTMLInputElement>('#birth-date').value = current.profile.birthDate ?? '';
  $<HTMLSelectElement>('#sex').value = current.profile.sex ?? '';
}

/** Saves what the profile form holds. */
export async function saveProfile() {
  await call(
    routes.me,
    { parse: (data) => data },
    {
      surname: $<HTMLInputElement>('#surname').value,
      name: $<HTMLInputElement>('#name').value,
      patronymic: $<HTMLInputElement>('#patronymic').value || null,
      birthDate: $<HTMLInputElement>('#birth-date').value || null,
      sex: $<HTMLSelectElement>('#sex').value || null,
    },
    { token: await token(), method: 'PATCH' },
  );
}
