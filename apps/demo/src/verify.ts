/**
 * «Подтвердить статус педагога»: an adult who is not yet staff anywhere asks
 * the school to confirm it as a teacher, and sees the decision arrive here.
 */
import { createClient, requestVerification } from '@parta/core';
import {
  $,
  fail,
  fillProfile,
  me,
  partaUrl,
  saveProfile,
  showStep,
  signedIn,
  signInWithCode,
  token,
} from './platform.ts';

const orgId = $<HTMLMetaElement>('meta[name="parta-org"]').content;
const steps = ['#contact-form', '#code-form', '#profile-form', '#waiting'];
const show = (step: string) => showStep(steps, step);
const client = createClient({ baseUrl: partaUrl, getToken: token, storage: 'none' });

/** The decision reaches the page through the socket: the person's profile changes when approved. */
function wait() {
  show('#waiting');
  client.$me.subscribe((current) => {
    if (!current?.user.verified) return;
    const name = [current.user.surname, current.user.name, current.user.patronymic].filter(Boolean).join(' ');
    $<HTMLElement>('#waiting-text').textContent = `Статус педагога подтверждён: ${name} ✓`;
  });
}

if (!signedIn()) await signInWithCode(show);
const current = await me();
if (current.user.verified) {
  wait();
} else {
  fillProfile(current);
  show('#profile-form');
  $<HTMLFormElement>('#profile-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      await saveProfile();
      await requestVerification(client, { orgId, position: $<HTMLInputElement>('#position').value });
      wait();
    } catch (error) {
      fail(error);
    }
  };
}
