import { expect } from '@open-wc/testing';
import { type ChatEvent, EventsResponse, type Message, routes } from '@parta/protocol';
import { atom } from 'nanostores';
import { clientFor, closeAll, devToken, partaUrl, unique, until } from '../test-support/session.js';
import { EventSequencer } from './sequencer.js';

const created = (chatId: string, seq: number): ChatEvent => ({
  kind: 'message.created',
  chatId,
  seq,
  at: new Date().toISOString(),
  message: {
    id: `m${seq}`,
    chatId,
    seq,
    author: { id: 'u', surname: 'S', name: 'N', patronymic: null, verified: false, avatarUrl: null },
    clientKey: `key-${seq}-0000`,
    text: `text ${seq}`,
    replyToId: null,
    createdAt: new Date().toISOString(),
    editedAt: null,
    deletedAt: null,
  } satisfies Message,
});

async function fetchEvents(chatId: string, after: number) {
  const response = await fetch(`${await partaUrl()}${routes.events(chatId)}?after=${after}`, {
    headers: { authorization: `Bearer ${await devToken('u-teacher')}` },
  });
  return EventsResponse.parse(await response.json());
}

describe('EventSequencer', () => {
  afterEach(closeAll);

  it('holds events until the chat has a cursor, then applies the ones after it', () => {
    const applied: number[] = [];
    const sequencer = new EventSequencer({
      fetchAfter: () => Promise.reject(new Error('no gap expected')),
      apply: (event) => applied.push(event.seq),
    });
    sequencer.receive(created('c', 4));
    sequencer.receive(created('c', 5));
    expect(applied).to.deep.equal([]);
    sequencer.start('c', 4);
    expect(applied).to.deep.equal([5]);
    sequencer.receive(created('c', 5));
    sequencer.receive(created('c', 3));
    sequencer.receive(created('c', 6));
    expect(applied).to.deep.equal([5, 6]);
    expect(sequencer.cursors()).to.deep.equal({ c: 6 });
  });

  it('fills a gap from the real server and applies each event once, in order', async () => {
    const teacher = await clientFor('u-teacher');
    const sentMessages = [];
    for (const n of [1, 2, 3]) sentMessages.push(await teacher.sendMessage('chat-9a-parents', unique(`Пробел ${n}`)));
    const [first, , last] = sentMessages.map((message) => message.seq) as [number, number, number];
    const { events } = await fetchEvents('chat-9a-parents', first - 1);
    const lastEvent = events.find((event) => event.seq === last)!;
    const secondEvent = events.find((event) => event.seq === first + 1)!;

    const $applied = atom<number[]>([]);
    const sequencer = new EventSequencer({
      fetchAfter: async (chatId, after) => fetchEvents(chatId, after),
      apply: (event) => $applied.set([...$applied.get(), event.seq]),
    });
    sequencer.start('chat-9a-parents', first - 1);
    // The live event for the third message arrives first: the first two are missing.
    sequencer.receive(lastEvent);
    const applied = await until($applied, (seqs) => seqs.includes(last));
    sequencer.receive(secondEvent);
    sequencer.receive(lastEvent);
    expect($applied.get()).to.deep.equal(applied);
    expect(applied[0]).to.equal(first);
    expect(applied).to.deep.equal(applied.map((_, index) => first + index));
  });
});
