import { expect } from '@open-wc/testing';
import { PartaError } from '@parta/protocol';
import { clientFor, closeAll, unique, until } from '../test-support/session.js';
import type { ClientMessage, MessagesState, PartaClient } from './index.js';
import {
  confirmMessage,
  forwardMessages,
  giveAward,
  listImportant,
  listPins,
  markImportant,
  pinMessage,
  readReceipts,
} from './message-actions.js';

const chat = 'chat-9a';
const teachersRoom = 'chat-teachers';
const teacherId = 'u-teacher';
const studentId = 'u-student-1';

/** Subscribes to a chat's thread and resolves once a message passes the check. */
async function shown(
  client: PartaClient,
  chatId: string,
  check: (message: ClientMessage) => boolean,
): Promise<ClientMessage> {
  const state = await until<MessagesState>(client.$messages(chatId), (value) => value.messages.some(check));
  return state.messages.find(check)!;
}

const keep: (() => void)[] = [];
/** Keeps a store mounted (and the client connected) for the rest of the test. */
function watch(store: { listen(listener: () => void): () => void }) {
  keep.push(store.listen(() => {}));
}

/** Watches the chat list and the class thread until both are loaded and the socket is up, as a page would. */
async function ready(client: PartaClient) {
  watch(client.$chats);
  watch(client.$messages(chat));
  await until(client.$chatsLoading, (loading) => !loading);
  await until(client.$messages(chat), (state) => !state.loading);
  await until(client.$connection, (status) => status === 'online');
}

describe('message actions', () => {
  let teacher: PartaClient;
  let student: PartaClient;

  beforeEach(async () => {
    teacher = await clientFor(teacherId);
    student = await clientFor(studentId);
    await Promise.all([ready(teacher), ready(student)]);
  });
  afterEach(() => {
    for (const stop of keep.splice(0)) stop();
    closeAll();
  });

  it('sends a reply that quotes the message, and a message recipients confirm with the sender seeing who did', async () => {
    const question = unique('Кто готов к контрольной?');
    const original = await teacher.sendMessage(chat, question);
    const reply = await student.sendMessage(chat, 'Я готов', { replyToId: original.id });
    expect(reply.replyTo?.text).to.equal(question);
    expect(reply.replyTo?.author.id).to.equal(teacherId);

    const text = unique('Родительское собрание в четверг');
    const sent = await teacher.sendMessage(chat, text, { requiresConfirmation: true });
    expect(sent.confirmation?.confirmed).to.equal(0);
    const asked = await shown(student, chat, (message) => message.text === text);
    expect(asked.confirmation).to.include({ confirmed: 0, byMe: false });

    const confirming = confirmMessage(student, chat, asked.id);
    // The student sees "confirmed" at once, before the server answers.
    const instant = student
      .$messages(chat)
      .get()
      .messages.find((message) => message.id === asked.id)!;
    expect(instant.confirmation).to.include({ confirmed: 1, byMe: true });
    await confirming;

    // The sender's thread counts it from the batched receipts frame.
    const counted = await shown(
      teacher,
      chat,
      (message) => message.id === sent.id && message.confirmation?.confirmed === 1,
    );
    expect(counted.confirmation?.byMe).to.equal(false);
    const receipts = await readReceipts(teacher, chat, sent.id);
    expect(receipts.confirmation?.confirmed.map((entry) => entry.user.id)).to.deep.equal([studentId]);
    expect(receipts.read.map((entry) => entry.user.id)).to.include(studentId);

    // Only the sender (and the chat's administrators) see the lists.
    const refused = await readReceipts(student, chat, sent.id).catch((error: unknown) => error);
    expect((refused as PartaError).code).to.equal('forbidden');
    // Confirming read the chat up to the message: the teacher's list shows ✓✓ that far.
    await until(teacher.$chats, (chats) => (chats.find((c) => c.id === chat)?.othersReadSeq ?? 0) >= sent.seq);
  });

  it("marks important at once, on the user's other tab too, and lists it across chats", async () => {
    const otherTab = await clientFor(studentId);
    await ready(otherTab);
    const text = unique('Экскурсия в пятницу');
    const message = await teacher.sendMessage(chat, text);
    await shown(student, chat, (m) => m.id === message.id);
    await shown(otherTab, chat, (m) => m.id === message.id);

    const marking = markImportant(student, chat, message.id, true);
    expect(
      student
        .$messages(chat)
        .get()
        .messages.find((m) => m.id === message.id)?.important,
    ).to.equal(true);
    await marking;
    await shown(otherTab, chat, (m) => m.id === message.id && m.important === true);
    const items = await listImportant(student);
    expect(items[0]?.message.id).to.equal(message.id);
    expect(items[0]?.chat.title).to.equal('9А');

    await markImportant(otherTab, chat, message.id, false);
    await shown(student, chat, (m) => m.id === message.id && !m.important);
    expect((await listImportant(student)).some((item) => item.message.id === message.id)).to.equal(false);
  });

  it('pins for everyone and lists the pins, refusing members who may not pin', async () => {
    const message = await teacher.sendMessage(chat, unique('Расписание на неделю'));
    expect(await pinMessage(teacher, chat, message.id, true)).to.equal(true);
    await shown(student, chat, (m) => m.id === message.id && m.pinned === true);
    expect((await listPins(student, chat))[0]?.id).to.equal(message.id);
    const refused = await pinMessage(student, chat, message.id, false).catch((error: unknown) => error);
    expect((refused as PartaError).code).to.equal('forbidden');
    await pinMessage(teacher, chat, message.id, false);
    await shown(student, chat, (m) => m.id === message.id && !m.pinned);
  });

  it('shows who is typing to the others, until they send', async () => {
    const $typing = teacher.$typing(chat);
    watch($typing);
    student.sendTyping(chat);
    await until($typing, (ids) => ids.includes(studentId));
    // One's own typing is never shown to oneself.
    expect(student.$typing(chat).get()).to.deep.equal([]);
    await student.sendMessage(chat, unique('дописал'));
    await until($typing, (ids) => !ids.includes(studentId));
  });

  it('forwards to several chats with one key, refusing more than 12 without asking the server', async () => {
    const first = await teacher.sendMessage(chat, unique('Первое'));
    const second = await teacher.sendMessage(chat, unique('Второе'));
    const copies = await forwardMessages(teacher, {
      fromChatId: chat,
      messageIds: [second.id, first.id],
      toChatIds: [teachersRoom],
      comment: 'Коллеги, для сведения',
    });
    expect(copies.map((message) => message.text)).to.deep.equal(['Коллеги, для сведения', first.text, second.text]);
    expect(copies[1]?.forwardedFrom?.author.id).to.equal(teacherId);

    const tooMany = await forwardMessages(teacher, {
      fromChatId: chat,
      messageIds: [first.id],
      toChatIds: Array.from({ length: 13 }, (_, n) => `chat-${n}`),
    }).catch((error: unknown) => error);
    expect(tooMany).to.be.instanceOf(PartaError);
    expect((tooMany as PartaError).code).to.equal('limit_reached');
  });

  it('gives an award that the class sees in the thread', async () => {
    const note = unique('За помощь одноклассникам');
    const award = await giveAward(teacher, chat, { userId: studentId, badge: 'helper', note });
    const seen = await shown(student, chat, (message) => message.id === award.id);
    expect(seen.award?.badge).to.equal('helper');
    expect(seen.award?.recipient.id).to.equal(studentId);
    expect(seen.text).to.equal(note);
    const refused = await giveAward(student, chat, { userId: teacherId, badge: 'star' }).catch(
      (error: unknown) => error,
    );
    expect((refused as PartaError).code).to.equal('forbidden');
  });
});
