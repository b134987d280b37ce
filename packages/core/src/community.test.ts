import { expect } from '@open-wc/testing';
import { accountRoutes, DevMailboxResponse, limits, routes, SignInResponse } from '@parta/protocol';
import { clientFor, closeAll, partaUrl, unique, until } from '../test-support/session.js';
import {
  appointAdmin,
  createClass,
  createInvite,
  decideJoinRequest,
  fileJoinRequest,
  joinRequestsStore,
  listClasses,
  listInvites,
  listJoinRequests,
  listMembers,
  memberDetails,
  myRequests,
  previewInvite,
  revokeAdmin,
  revokeInvite,
  updateClass,
} from './community.js';
import { createClient, type PartaClient } from './index.js';

const orgId = 'demo-school';

async function post<T>(path: string, body: unknown, schema: { parse(value: unknown): T }, token?: string): Promise<T> {
  const response = await fetch((await partaUrl()) + path, {
    method: path === routes.me ? 'PATCH' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return schema.parse(await response.json());
}

/** A new person signs up with an e-mail code and names themselves, as someone following an invite link would. */
async function newPerson(surname: string, name: string): Promise<PartaClient> {
  const contact = `${unique('p').replace(/\W/g, '')}@example.org`;
  await post(accountRoutes.authCode, { contact }, { parse: (value) => value });
  const mailbox = DevMailboxResponse.parse(await (await fetch((await partaUrl()) + accountRoutes.devMailbox)).json());
  const code = mailbox.messages.findLast((message) => message.to === contact)!.code;
  const { token } = await post(accountRoutes.authVerify, { contact, code }, SignInResponse);
  await post(routes.me, { surname, name }, { parse: (value) => value }, token);
  return createClient({ baseUrl: await partaUrl(), getToken: async () => token, storage: 'none' });
}

const clients: PartaClient[] = [];
async function person(surname: string, name: string) {
  const client = await newPerson(surname, name);
  clients.push(client);
  return client;
}

describe('community', () => {
  afterEach(() => {
    closeAll();
    for (const client of clients.splice(0)) client.close();
  });

  it('makes the first organisation current and remembers a choice per user', async () => {
    const director = await clientFor('u-director');
    director.$organisation.listen(() => {});
    const current = await until(director.$organisation, Boolean);
    expect(current?.organisation).to.include({ id: orgId, type: 'school' });
    expect(current?.membership.roles).to.include('admin');

    director.selectOrganisation(orgId);
    const key = `parta.organisation|${director.baseUrl}|u-director`;
    expect(localStorage.getItem(key)).to.equal(orgId);
    // An organisation the user is not in (or left) falls back to the first.
    director.selectOrganisation('elsewhere');
    expect(director.$organisation.get()?.organisation.id).to.equal(orgId);
    localStorage.removeItem(key);
  });

  it('lets the director create, rename and archive a class', async () => {
    const director = await clientFor('u-director');
    const letter = String.fromCharCode(0x0410 + Math.floor(Math.random() * 32));
    const created = await createClass(director, orgId, {
      number: 5,
      letter,
      title: unique('ФизМат'),
      academicYear: '2025/2026',
      color: '#aa3300',
    });
    expect(created).to.include({ number: 5, letter, color: '#aa3300', archived: false, studentCount: 0 });
    expect((await listClasses(director, orgId)).map((cls) => cls.id)).to.include(created.id);

    const renamed = await updateClass(director, orgId, created.id, { title: 'Гуманитарии' });
    expect(renamed.title).to.equal('Гуманитарии');
    await updateClass(director, orgId, created.id, { archived: true });
    expect((await listClasses(director, orgId)).map((cls) => cls.id)).not.to.include(created.id);
    const withArchived = await listClasses(director, orgId, { archived: true });
    expect(withArchived.find((cls) => cls.id === created.id)?.archived).to.equal(true);
  });

  it('refuses a class teacher what only an administrator may do', async () => {
    const teacher = await clientFor('u-teacher');
    const error = await createClass(teacher, orgId, { number: 1, letter: 'Я', academicYear: '2025/2026' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).to.have.property('code', 'forbidden');
  });

  it('creates an invite link anyone can preview without signing in, and revokes it', async () => {
    const director = await clientFor('u-director');
    const invite = await createInvite(director, orgId, { role: 'student', classId: 'c-9a', days: 3, maxUses: 5 });
    expect(invite).to.include({ role: 'student', classId: 'c-9a', maxUses: 5, uses: 0, revokedAt: null });
    const days = (new Date(invite.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).to.be.within(2.9, 3.1);
    const listed = await listInvites(director, orgId);
    expect(listed.invites.map((link) => link.code)).to.include(invite.code);
    expect(listed.dailyLimit).to.equal(limits.inviteLinksPerOrgPerDay);
    expect(listed.createdToday).to.be.greaterThan(0);

    const preview = await previewInvite(await partaUrl(), invite.code);
    expect(preview).to.include({ valid: true, role: 'student', roleLabel: 'Ученик' });
    expect(preview.class).to.include({ number: 9, letter: 'А' });

    const revoked = await revokeInvite(director, orgId, invite.code);
    expect(revoked.revokedAt).to.be.a('string');
    expect(await previewInvite(director, invite.code)).to.include({ valid: false, reason: 'revoked' });
  });

  it('lets a class teacher invite students to its own class only', async () => {
    const teacher = await clientFor('u-teacher');
    const invite = await createInvite(teacher, orgId, { role: 'parent', classId: 'c-9a' });
    expect(invite.classId).to.equal('c-9a');
    const error = await createInvite(teacher, orgId, { role: 'staff' }).catch((caught: unknown) => caught);
    expect(error).to.have.property('code', 'forbidden');
    await revokeInvite(teacher, orgId, invite.code);
  });

  it('files a join request from a link; the class teacher sees the counter and the list change live, and approves', async () => {
    const teacher = await clientFor('u-teacher');
    const $counters = teacher.$counters(orgId);
    $counters.listen(() => {});
    const before = await until($counters, Boolean);
    await until(teacher.$connection, (status) => status === 'online');
    const $requests = joinRequestsStore(teacher, orgId);
    $requests.listen(() => {});
    await until($requests, (state) => !state.loading);

    const invite = await createInvite(teacher, orgId, { role: 'student', classId: 'c-9a', maxUses: 3 });
    const newcomer = await person('Новиков', unique('Пётр'));
    const filed = await fileJoinRequest(newcomer, invite.code);
    expect(filed).to.include({ status: 'pending', role: 'student', classId: 'c-9a', orgId });

    const after = await until($counters, (counters) => counters!.joinRequests === before!.joinRequests + 1);
    expect(after?.orgId).to.equal(orgId);
    const state = await until($requests, (s) => s.items.some((request) => request.id === filed.id));
    expect(state.items.find((request) => request.id === filed.id)?.user.surname).to.equal('Новиков');
    expect((await listInvites(teacher, orgId)).invites.find((link) => link.code === invite.code)?.uses).to.equal(1);

    newcomer.$me.listen(() => {});
    await until(newcomer.$connection, (status) => status === 'online');
    const approved = await decideJoinRequest(teacher, filed.id, 'approve');
    expect(approved.status).to.equal('approved');
    // The newcomer's client hears `me.changed` and reloads its organisations.
    const me = await until(newcomer.$me, (value) => (value?.organisations.length ?? 0) > 0);
    expect(me?.organisations[0]?.membership).to.include({ classId: 'c-9a' });
    expect(me?.organisations[0]?.membership.roles).to.deep.equal(['student']);
    await until($counters, (counters) => counters!.joinRequests === before!.joinRequests);
    await until($requests, (s) => !s.items.some((request) => request.id === filed.id));

    const twice = await decideJoinRequest(teacher, filed.id, 'decline').catch((caught: unknown) => caught);
    expect(twice).to.have.property('code', 'already_decided');
    const mine = await myRequests(newcomer);
    expect(mine.requests.find((request) => request.id === filed.id)?.status).to.equal('approved');
  });

  it("shows a class teacher only its classes' requests, the director all of them", async () => {
    const director = await clientFor('u-director');
    const teacher = await clientFor('u-teacher');
    const other = await createClass(director, orgId, {
      number: 10,
      letter: String.fromCharCode(0x0410 + Math.floor(Math.random() * 32)),
      title: unique('10'),
      academicYear: '2025/2026',
    });
    const invite = await createInvite(director, orgId, { role: 'student', classId: other.id });
    const newcomer = await person('Соколова', unique('Вера'));
    const filed = await fileJoinRequest(newcomer, invite.code);

    const teachers = await listJoinRequests(teacher, orgId);
    expect(teachers.map((request) => request.id)).not.to.include(filed.id);
    expect(teachers.every((request) => request.classId === 'c-9a')).to.equal(true);
    expect((await listJoinRequests(director, orgId)).map((request) => request.id)).to.include(filed.id);
    const error = await decideJoinRequest(teacher, filed.id, 'approve').catch((caught: unknown) => caught);
    expect(error).to.have.property('code', 'forbidden');
    expect((await decideJoinRequest(director, filed.id, 'decline')).status).to.equal('declined');
  });

  it("lists members and shows a student's parents to its class teacher only", async () => {
    const teacher = await clientFor('u-teacher');
    const members = await listMembers(teacher, orgId);
    const director = members.find((member) => member.user.id === 'u-director');
    expect(director?.user).to.include({ verified: true, patronymic: 'Николаевич' });
    expect(director?.roles).to.include('admin');
    expect(members.find((member) => member.user.id === 'u-teacher')?.leadClassIds).to.deep.equal(['c-9a']);
    const inClass = await listMembers(teacher, orgId, { classId: 'c-9a' });
    expect(inClass.map((member) => member.user.id)).to.include.members(['u-student-1', 'u-student-2']);
    expect(inClass.map((member) => member.user.id)).not.to.include('u-director');

    const details = await memberDetails(teacher, orgId, 'u-student-1');
    expect(details.parents.map((parent) => parent.id)).to.deep.equal(['u-parent-1']);
    const student = await clientFor('u-student-2');
    const hidden = await memberDetails(student, orgId, 'u-student-1').catch((caught: unknown) => caught);
    if (hidden instanceof Error) expect(hidden).to.have.property('code', 'forbidden');
    else expect((hidden as { parents: unknown[] }).parents).to.deep.equal([]);
  });

  it('lets the director appoint and revoke an administrator', async () => {
    const director = await clientFor('u-director');
    const appointed = await appointAdmin(director, orgId, 'u-teacher');
    expect(appointed.roles).to.include('admin');
    const revoked = await revokeAdmin(director, orgId, 'u-teacher');
    expect(revoked.roles).not.to.include('admin');
    expect(revoked.roles).to.include('lead');
  });

  // Last: it uses up the organisation's links for the day.
  it('refuses the 51st invite link of a day with limit_reached', async () => {
    const director = await clientFor('u-director');
    const { createdToday, dailyLimit } = await listInvites(director, orgId);
    for (let i = createdToday; i < dailyLimit; i++) await createInvite(director, orgId, { role: 'staff', maxUses: 1 });
    const error = await createInvite(director, orgId, { role: 'staff' }).catch((caught: unknown) => caught);
    expect(error).to.have.property('code', 'limit_reached');
    expect((await listInvites(director, orgId)).createdToday).to.equal(dailyLimit);
  });
});
