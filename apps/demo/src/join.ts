/**
 * The page an invite link opens: the person sees who invites them and as whom,
 * signs up or in with a one-time code, fills in a profile and files a join
 * request, then waits on this page until it is decided.
 */
import '@parta/elements/client/define';
import '@parta/elements/chat-list/define';
import {
  cancelJoinRequest,
  confirmChild,
  createClient,
  fileJoinRequest,
  myRequests,
  type PartaClient,
  previewInvite,
} from '@parta/core';
import type { PartaClientProvider } from '@parta/elements/client/client';
import { communityRoutes, type InvitePreview, type JoinRequest } from '@parta/protocol';
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

const code = decodeURIComponent(location.hash.slice(1));
const steps = ['#contact-form', '#code-form', '#profile-form', '#waiting', '#accepted'];
const show = (step: string) => showStep(steps, step);

function describe(preview: InvitePreview): string {
  const where = preview.class
    ? `, класс ${preview.class.number}${preview.class.letter}${preview.class.title ? ` · ${preview.class.title}` : ''}`
    : '';
  const child = preview.child ? ` (ребёнок: ${preview.child.surname} ${preview.child.name})` : '';
  return `${preview.organisation.name} приглашает вас: ${preview.roleLabel.toLowerCase()}${where}${child}.`;
}

let client: PartaClient | null = null;

function accepted(orgName: string, child?: { id: string; name: string } | null) {
  $<HTMLElement>('#accepted-text').textContent = `Заявка одобрена. Добро пожаловать в «${orgName}»!`;
  $<PartaClientProvider>('#parta').client = client!;
  show('#accepted');
  if (child) askToConfirm(child);
}

/** A parent confirms its child's registration; the class teacher then sees the parent on the child's profile. */
function askToConfirm(child: { id: string; name: string }) {
  const box = $<HTMLElement>('#confirm-child');
  $<HTMLElement>('#confirm-child-text').textContent = `Подтвердите, что ${child.name} — ваш ребёнок.`;
  box.hidden = false;
  const button = $<HTMLButtonElement>('#confirm-child-button');
  button.onclick = async () => {
    try {
      await confirmChild(client!, child.id);
      $<HTMLElement>('#confirm-child-text').textContent = `Регистрация ребёнка подтверждена: ${child.name}.`;
      button.hidden = true;
    } catch (error) {
      fail(error);
    }
  };
}

/** Waits for the decision: the server tells this page's socket when the person's organisations change. */
function wait(request: JoinRequest, child: { id: string; name: string } | null = null) {
  client ??= createClient({ baseUrl: partaUrl, getToken: token, storage: 'none' });
  show('#waiting');
  const cancel = $<HTMLButtonElement>('#cancel-request');
  cancel.onclick = async () => {
    try {
      await cancelJoinRequest(client!, request.id);
      $<HTMLElement>('#waiting-text').textContent = 'Заявка отозвана.';
      cancel.hidden = true;
    } catch (error) {
      fail(error);
    }
  };
  // The server tells this page's socket when a decision is made (`me.changed`, which reloads
  // `$me`): an approval shows as the organisation in `$me`, a decline in the request's state.
  const stop = client.$me.subscribe(async (me) => {
    if (!me) return;
    if (me.organisations.some((entry) => entry.organisation.id === request.orgId)) {
      queueMicrotask(() => stop());
      accepted(request.organisationName, child);
      return;
    }
    const current = (await myRequests(client!).catch(() => null))?.requests.find((entry) => entry.id === request.id);
    if (current?.status === 'declined') {
      $<HTMLElement>('#waiting-text').textContent = 'Заявка отклонена. Попросите новое приглашение.';
      cancel.hidden = true;
    }
  });
}

async function afterSignIn(preview: InvitePreview) {
  client ??= createClient({ baseUrl: partaUrl, getToken: token, storage: 'none' });
  const mine = await myRequests(client);
  const existing = mine.requests.find((entry) => entry.orgId === preview.organisation.id && entry.status === 'pending');
  if (existing) return wait(existing);
  const current = await me();
  if (current.organisations.some((entry) => entry.organisation.id === preview.organisation.id)) {
    if (preview.role !== 'parent') return accepted(preview.organisation.name);
  }
  fillProfile(current);
  // A class's parents' link: the parent names its child among the class's students,
  // whom the server lists only to a signed-in person.
  const children =
    preview.role === 'parent' && !preview.child
      ? await fetch(partaUrl + communityRoutes.invitePreview(code), {
          headers: { authorization: `Bearer ${await token()}` },
        })
          .then((response) => response.json() as Promise<InvitePreview>)
          .then((signed) => signed.children)
      : [];
  const select = $<HTMLSelectElement>('#child');
  select.replaceChildren(
    ...children.map((child) => {
      const option = document.createElement('option');
      option.value = child.id;
      option.textContent = `${child.surname} ${child.name}`;
      return option;
    }),
  );
  select.hidden = $<HTMLElement>('#child-label').hidden = children.length === 0;
  show('#profile-form');
  $<HTMLFormElement>('#profile-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      await saveProfile();
      const request = await fileJoinRequest(client!, code, { childId: children.length > 0 ? select.value : null });
      const chosen = children.find((entry) => entry.id === select.value) ?? preview.child;
      wait(request, chosen ? { id: chosen.id, name: `${chosen.surname} ${chosen.name}` } : null);
    } catch (error) {
      fail(error);
    }
  };
}

async function start() {
  if (!code) {
    $<HTMLElement>('#invite-summary').textContent = 'В ссылке нет кода приглашения.';
    return;
  }
  let preview: InvitePreview;
  try {
    preview = await previewInvite(partaUrl, code);
  } catch (error) {
    $<HTMLElement>('#invite-summary').textContent = 'Приглашение не найдено.';
    return fail(error);
  }
  $<HTMLElement>('#invite-summary').textContent = describe(preview);
  if (!preview.valid) {
    const why = { expired: 'истёк срок действия', revoked: 'её отозвали', used_up: 'исчерпано число использований' };
    $<HTMLElement>('#join-error').textContent = `Ссылка больше не действует: ${why[preview.reason!]}.`;
    $<HTMLElement>('#join-error').hidden = false;
    return;
  }
  if (!signedIn()) await signInWithCode(show);
  await afterSignIn(preview).catch(fail);
}

await start();
