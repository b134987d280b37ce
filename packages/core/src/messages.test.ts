import { expect } from '@open-wc/testing';
import type { Message } from '@parta/protocol';
import { applyEvent, type ClientMessage, type MessagesState, mergeLatestPage, upsertMessages } from './messages.js';

const author = {
  id: 'u-teacher',
  surname: 'Петрова',
  name: 'Мария',
  patronymic: 'Ивановна',
  verified: true,
  avatarUrl: null,
};
const message = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  chatId: 'c',
  seq,
  author,
  clientKey: `key-${seq}-abcdef`,
  text: `text ${seq}`,
  replyToId: null,
  createdAt: new Date(2025, 8, 1, 10, seq).toISOString(),
  editedAt: null,
  deletedAt: null,
  ...extra,
});
const sent = (m: Message): ClientMessage => ({ ...m, status: 'sent' });
const state = (messages: ClientMessage[], hasMore = true): MessagesState => ({
  messages,
  hasMore,
  hasNewer: false,
  loading: false,
  error: null,
});

describe('message lists', () => {
  it('replaces an optimistic message with the server copy by client key', () => {
    const local: ClientMessage = {
      ...message(0, { id: 'local:k', clientKey: 'k-12345678', text: 'привет' }),
      status: 'sending',
    };
    const list = upsertMessages([sent(message(1))], [local]);
    const confirmed = sent(message(7, { clientKey: 'k-12345678', text: 'привет' }));
    const next = upsertMessages(list, [confirmed]);
    expect(next.map((m) => m.id)).to.deep.equal(['m1', 'm7']);
    expect(upsertMessages(next, [confirmed])).to.have.length(2);
  });

  it('keeps unconfirmed messages after the confirmed ones', () => {
    const local: ClientMessage = { ...message(0, { id: 'local:a', clientKey: 'a-12345678' }), status: 'failed' };
    const next = upsertMessages([local], [sent(message(3)), sent(message(2))]);
    expect(next.map((m) => m.id)).to.deep.equal(['m2', 'm3', 'local:a']);
  });

  it('keeps seq order however messages arrive: at the end, out of order, or written one after another', () => {
    const writtenAt = (minute: number) => new Date(2025, 8, 1, 11, minute).toISOString();
    const second: ClientMessage = {
      ...message(0, { id: 'local:b', clientKey: 'b-12345678', createdAt: writtenAt(2) }),
      status: 'sending',
    };
    const first: ClientMessage = {
      ...message(0, { id: 'local:a', clientKey: 'a-12345678', createdAt: writtenAt(1) }),
      status: 'sending',
    };
    let list = upsertMessages([], [sent(message(1)), sent(message(2))]);
    list = upsertMessages(list, [sent(message(3))]);
    list = upsertMessages(list, [second, first]);
    // A message another member wrote earlier than one already held, and one that goes before the unconfirmed ones.
    list = upsertMessages(list, [sent(message(5)), sent(message(4))]);
    expect(list.map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5', 'local:a', 'local:b']);
    const unchanged = upsertMessages(list, [sent(message(5))]);
    expect(unchanged.map((m) => m.id)).to.deep.equal(list.map((m) => m.id));
  });

  it('finds a copy held far back or unconfirmed at the end, however long the thread, and fills a gap in place', () => {
    let list = upsertMessages(
      [],
      Array.from({ length: 2000 }, (_, index) => sent(message(index * 2 + 1))),
    );
    const own: ClientMessage = {
      ...message(0, { id: 'local:x', clientKey: 'own-12345678', createdAt: new Date(2025, 9, 1).toISOString() }),
      status: 'sending',
    };
    list = upsertMessages(list, [own]);
    const created = (m: Message) => applyEvent(list, { kind: 'message.created', chatId: 'c', seq: m.seq, message: m });
    // Delivered again: an old message is replaced where it is, not added twice.
    expect(
      created(message(3, { text: 'again' }))
        .filter((m) => m.seq === 3)
        .map((m) => m.text),
    ).to.deep.equal(['again']);
    // A missed one between two held: in its place, before the unconfirmed one.
    const filled = created(message(3998));
    expect(filled.slice(-4).map((m) => m.id)).to.deep.equal(['m3997', 'm3998', 'm3999', 'local:x']);
    // The server's copy of the unconfirmed one replaces it.
    const confirmed = created(message(4001, { clientKey: 'own-12345678' }));
    expect(confirmed.slice(-2).map((m) => m.id)).to.deep.equal(['m3999', 'm4001']);
    expect(confirmed, 'the unconfirmed copy replaced, not kept beside').to.have.length(2001);
  });

  it("joins an older page that overlaps what is held, and confirms two of one's own at once, each once", () => {
    const held = upsertMessages(
      [],
      Array.from({ length: 31 }, (_, n) => sent(message(30 + n))),
    );
    const joined = upsertMessages(
      held,
      Array.from({ length: 31 }, (_, n) => sent(message(10 + n))),
    );
    expect(joined.map((m) => m.seq)).to.deep.equal(Array.from({ length: 51 }, (_, n) => 10 + n));

    const pending = (key: string, minute: number): ClientMessage => ({
      ...message(0, { id: `local:${key}`, clientKey: key, createdAt: new Date(2025, 9, 1, 10, minute).toISOString() }),
      status: 'sending',
    });
    const mine = upsertMessages([sent(message(1))], [pending('first-123456', 1), pending('second-12345', 2)]);
    const confirmed = upsertMessages(mine, [
      sent(message(3, { clientKey: 'second-12345' })),
      sent(message(2, { clientKey: 'first-123456' })),
    ]);
    expect(confirmed.map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3']);
  });

  it('does not let a stale page undo an edit or a deletion', () => {
    let list = upsertMessages([], [sent(message(1)), sent(message(2))]);
    list = applyEvent(list, {
      kind: 'message.edited',
      chatId: 'c',
      seq: 3,
      at: '2025-09-02T00:00:00.000Z',
      messageId: 'm1',
      text: 'исправлено',
    });
    list = applyEvent(list, {
      kind: 'message.deleted',
      chatId: 'c',
      seq: 4,
      at: '2025-09-02T00:00:00.000Z',
      messageId: 'm2',
    });
    const merged = upsertMessages(list, [sent(message(1)), sent(message(2))]);
    expect(merged[0]?.text).to.equal('исправлено');
    expect(merged[1]?.deletedAt).to.be.a('string');
  });

  it('drops a held message the newest page leaves out between its first and last (deleted for me elsewhere)', () => {
    const cached = state([1, 2, 3, 4, 5].map((seq) => sent(message(seq))));
    const page = [message(2), message(4), message(5), message(6)];
    expect(mergeLatestPage(cached, page, true).messages.map((m) => m.seq)).to.deep.equal([1, 2, 4, 5, 6]);
  });

  it('drops an old cached page that does not reach the newest page', () => {
    const cached = state([sent(message(1)), sent(message(2))]);
    const newest = [message(100), message(101)];
    expect(mergeLatestPage(cached, newest, true).messages.map((m) => m.seq)).to.deep.equal([100, 101]);
    const overlapping = [message(2), message(3)];
    expect(mergeLatestPage(cached, overlapping, true).messages.map((m) => m.seq)).to.deep.equal([1, 2, 3]);
  });
});
