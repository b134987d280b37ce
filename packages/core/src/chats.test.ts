import { expect } from '@open-wc/testing';
import {
  accountRoutes,
  chatRoutes,
  DevMailboxResponse,
  limits,
  PartaError,
  routes,
  SignInResponse,
} from '@parta/protocol';
import { aroundFetch, clientFor, closeAll, partaUrl, unique, until } from '../test-support/session.js';
import {
  addChatMembers,
  createChat,
  createChatInvite,
  createFolder,
  deleteFolder,
  getChat,
  getChatInvite,
  joinChatByInvite,
  leaveChat,
  listChatMembers,
  openSavedChat,
  previewChatInvite,
  removeChatMember,
  revokeChatInvite,
  setChatMemberRole,
  setChatMine,
  updateChat,
  updateFolder,
} from './chats.js';
import { createClient, type PartaClient } from './index.js';

/** Subscribes to the chat list like a widget and waits until it is loaded and live. */
async function live(client: PartaClient) {
  client.$chats.listen(() => {});
  await until(client.$chatsLoading, (loading) => !loading);
  await until(client.$connection, (status) => status === 'online');
  return client;
}

const has = (client: PartaClient, chatId: string) => client.$chats.get().find((chat) => chat.id === chatId);

/** Someone new, signed up with an e-mail code: their folders and chats start empty. */
async function newcomer(): Promise<PartaClient> {
  const base = await partaUrl();
  const send = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(base + path, {
      method: path === routes.me ? 'PATCH' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const contact = `${unique('f').replace(/\W/g, '')}@example.org`;
  await send(accountRoutes.authCode, { contact });
  const mailbox = DevMailboxResponse.parse(await (await fetch(base + accountRoutes.devMailbox)).json());
  const code = mailbox.messages.findLast((message) => message.to === contact)!.code;
  const { token } = SignInResponse.parse(await send(accountRoutes.authVerify, { contact, code }));
  await send(routes.me, { surname: 'Папкина', name: 'Ира' }, token);
  return createClient({ baseUrl: base, getToken: async () => token, storage: 'none' });
}

async function refusal(promise: Promise<unknown>): Promise<PartaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PartaError);
    return error as PartaError;
  }
  throw new Error('expected the server to refuse');
}

describe('chat management', () => {
  const extra: PartaClient[] = [];
  afterEach(() => {
    closeAll();
    for (const client of extra.splice(0)) client.close();
  });

  it('creates a group that appears at once for its creator and live for the people in it', async () => {
    const teacher = await live(await clientFor('u-teacher'));
    const student = await live(await clientFor('u-student-1'));
    const title = unique('Кружок');
    const chat = await createChat(teacher, { kind: 'group', title, userIds: ['u-student-1'] });
    expect(has(teacher, chat.id)?.myRole, 'in the list as soon as the call returns').to.equal('owner');
    const theirs = await until(student.$chats, (chats) => chats.some((c) => c.id === chat.id));
    expect(theirs.find((c) => c.id === chat.id)?.myRole).to.equal('member');

    // A rename reaches the member through the chat's event.
    const renamed = await updateChat(teacher, chat.id, { title: `${title}!` });
    expect(renamed.title).to.equal(`${title}!`);
    expect(has(teacher, chat.id)?.title).to.equal(`${title}!`);
    await until(student.$chats, (chats) => chats.find((c) => c.id === chat.id)?.title === `${title}!`);

    const direct = await createChat(student, { kind: 'direct', userIds: ['u-teacher'] });
    expect(direct.title).to.equal('Петрова Мария Ивановна');
    expect((await createChat(student, { kind: 'direct', userIds: ['u-teacher'] })).id).to.equal(direct.id);
    const error = await refusal(createChat(student, { kind: 'direct', userIds: ['u-college-admin'] }));
    expect(error.code).to.equal('forbidden');
  });

  it('has "Saved messages" in every list', async () => {
    const teacher = await live(await clientFor('u-teacher'));
    const saved = teacher.$chats.get().find((chat) => chat.kind === 'saved');
    expect(saved, 'listed without asking').to.exist;
    expect((await openSavedChat(teacher)).id).to.equal(saved!.id);
    expect((await getChat(teacher, saved!.id)).memberCount).to.equal(1);
  });

  it('adds, appoints and removes members, and leaving takes the chat off the list', async () => {
    const teacher = await live(await clientFor('u-teacher'));
    const student = await live(await clientFor('u-student-2'));
    const chat = await createChat(teacher, { kind: 'group', title: unique('Проект'), userIds: ['u-student-1'] });
    const added = await addChatMembers(teacher, chat.id, ['u-student-2']);
    expect(added.memberCount).to.equal(3);
    await until(student.$chats, (chats) => chats.some((c) => c.id === chat.id));
    await until(teacher.$chats, (chats) => chats.find((c) => c.id === chat.id)?.memberCount === 3);

    const { members, total } = await listChatMembers(teacher, chat.id);
    expect(total).to.equal(3);
    expect(members.map((m) => m.user.surname)).to.deep.equal(['Кузнецова', 'Петрова', 'Смирнов']);
    expect((await listChatMembers(teacher, chat.id, { q: 'кузн' })).members.map((m) => m.user.id)).to.deep.equal([
      'u-student-2',
    ]);
    expect((await setChatMemberRole(teacher, chat.id, 'u-student-1', 'admin')).role).to.equal('admin');

    const after = await removeChatMember(teacher, chat.id, 'u-student-2');
    expect(after?.memberCount).to.equal(2);
    await until(student.$chats, (chats) => !chats.some((c) => c.id === chat.id));

    await leaveChat(teacher, chat.id);
    expect(has(teacher, chat.id), 'gone as soon as the call returns').to.equal(undefined);
    const structure = await refusal(leaveChat(teacher, 'chat-9a'));
    expect(structure.code).to.equal('forbidden');
    expect(has(teacher, 'chat-9a')).to.exist;
  });

  it("pins, mutes and archives for this member only, on every one of the member's tabs", async () => {
    const tab = await live(await clientFor('u-teacher'));
    const otherTab = await live(await clientFor('u-teacher'));
    const chat = await createChat(tab, { kind: 'group', title: unique('Закреп'), userIds: ['u-student-1'] });
    const pinning = setChatMine(tab, chat.id, { pinned: true, muted: true });
    expect(tab.$chats.get()[0]?.id, 'on top before the server answers').to.equal(chat.id);
    const pinned = await pinning;
    expect(pinned.pinnedAt).to.be.a('string');
    const there = await until(otherTab.$chats, (chats) => chats[0]?.id === chat.id);
    expect(there[0]?.muted).to.equal(true);

    const archived = await setChatMine(tab, chat.id, { pinned: false, archived: true });
    expect(archived.archived).to.equal(true);
    expect(tab.$chats.get()[0]?.id).not.to.equal(chat.id);
    await until(otherTab.$chats, (chats) => chats.find((c) => c.id === chat.id)?.archived === true);

    // Left where it was for everyone else.
    await setChatMine(tab, chat.id, { archived: false, muted: false });
  });

  it('shares a link that joins directly, until it is revoked', async () => {
    const teacher = await live(await clientFor('u-teacher'));
    const parent = await live(await clientFor('u-parent-1'));
    const title = unique('Хор');
    const chat = await createChat(teacher, { kind: 'group', title, userIds: [] });
    expect(await getChatInvite(teacher, chat.id)).to.equal(null);
    const invite = await createChatInvite(teacher, chat.id);
    expect((await getChatInvite(teacher, chat.id))?.code).to.equal(invite.code);

    const preview = await previewChatInvite(parent, invite.code);
    expect(preview).to.deep.equal({ chatId: chat.id, title, avatarUrl: null, memberCount: 1, member: false });
    const joined = await joinChatByInvite(parent, invite.code);
    expect(joined.memberCount).to.equal(2);
    expect(has(parent, chat.id)?.myRole).to.equal('member');

    await revokeChatInvite(teacher, chat.id);
    const error = await refusal(previewChatInvite(parent, invite.code));
    expect(error.code).to.equal('invite_invalid');
  });

  it('keeps folders live on every tab and refuses the sixteenth', async () => {
    const person = await newcomer();
    extra.push(person);
    person.$folders.listen(() => {});
    await live(person);
    const saved = person.$chats.get().find((chat) => chat.kind === 'saved')!;

    const folder = await createFolder(person, { title: 'Личное', chatIds: [saved.id] });
    expect(person.$folders.get().map((f) => f.id)).to.deep.equal([folder.id]);
    const renamed = await updateFolder(person, folder.id, { title: 'Своё' });
    expect(renamed).to.deep.equal({ id: folder.id, title: 'Своё', chatIds: [saved.id] });
    expect(person.$folders.get()[0]?.title).to.equal('Своё');

    for (let n = 1; n < limits.foldersMax; n++) await createFolder(person, { title: `Папка ${n}`, chatIds: [] });
    expect(person.$folders.get()).to.have.length(limits.foldersMax);
    const error = await refusal(createFolder(person, { title: 'Лишняя', chatIds: [] }));
    expect(error.code).to.equal('limit_reached');
    expect(error.message).to.equal('At most 15 folders');

    await deleteFolder(person, folder.id);
    expect(person.$folders.get().some((f) => f.id === folder.id)).to.equal(false);
  });

  it('brings folder changes made on another tab', async () => {
    const tab = await live(await clientFor('u-student-2'));
    const otherTab = await live(await clientFor('u-student-2'));
    otherTab.$folders.listen(() => {});
    await until(otherTab.$connection, (status) => status === 'online');
    const folder = await createFolder(tab, { title: unique('Т'), chatIds: ['chat-9a'] });
    await until(otherTab.$folders, (folders) => folders.some((f) => f.id === folder.id));
    await deleteFolder(tab, folder.id);
    await until(otherTab.$folders, (folders) => !folders.some((f) => f.id === folder.id));
  });

  it('keeps a folder change that arrives live while an older read of the folders is on its way', async () => {
    const tab = await live(await clientFor('u-student-2'));
    const otherTab = await live(await clientFor('u-student-2'));
    await until(otherTab.$connection, (status) => status === 'online');
    // The other tab's read of its folders is answered before the change, and delivered after it.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let read: Promise<unknown> | undefined;
    const restore = aroundFetch((url, send) => {
      if (url.pathname !== chatRoutes.folders || read) return send();
      const answer = send();
      read = answer;
      return answer.then(async (response) => {
        await released;
        return response;
      });
    });
    try {
      otherTab.$folders.listen(() => {});
      while (!read) await new Promise((resolve) => setTimeout(resolve, 10));
      await read;
      const folder = await createFolder(tab, { title: unique('Т'), chatIds: ['chat-9a'] });
      await until(otherTab.$folders, (folders) => folders.some((f) => f.id === folder.id));
      release();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(
        otherTab.$folders.get().some((f) => f.id === folder.id),
        'the live change kept',
      ).to.equal(true);
      await deleteFolder(tab, folder.id);
    } finally {
      release();
      restore();
    }
  });
});
