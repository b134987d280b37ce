import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HistoryQuery, SendMessageBody } from './api.js';
import { ClientFrame, ServerFrame } from './frames.js';
import { limits } from './limits.js';

const author = { id: 'u1', surname: 'Петрова', name: 'Мария', patronymic: 'Ивановна', verified: true, avatarUrl: null };
const message = {
  id: 'm1',
  chatId: 'c1',
  seq: 7,
  author,
  clientKey: 'key-00000001',
  text: 'Привет',
  replyToId: null,
  createdAt: '2026-09-01T08:00:00.000Z',
  editedAt: null,
  deletedAt: null,
};

describe('wire schemas', () => {
  it('accepts a message event frame and rejects one with a missing sequence number', () => {
    const frame = {
      type: 'event',
      event: { kind: 'message.created', chatId: 'c1', seq: 7, at: message.createdAt, message },
    };
    assert.equal(ServerFrame.safeParse(frame).success, true);
    const { seq: _dropped, ...withoutSeq } = frame.event;
    assert.equal(ServerFrame.safeParse({ ...frame, event: withoutSeq }).success, false);
  });

  it('rejects blank and over-long messages, and short idempotency keys', () => {
    assert.equal(SendMessageBody.safeParse({ clientKey: 'key-00000001', text: 'Здравствуйте' }).success, true);
    assert.equal(SendMessageBody.safeParse({ clientKey: 'key-00000001', text: ' \n ' }).success, false);
    assert.equal(
      SendMessageBody.safeParse({ clientKey: 'key-00000001', text: 'я'.repeat(limits.messageTextMax + 1) }).success,
      false,
    );
    assert.equal(SendMessageBody.safeParse({ clientKey: 'k', text: 'Привет' }).success, false);
  });

  it('coerces paging parameters from a query string and bounds the page size', () => {
    assert.deepEqual(HistoryQuery.parse({ before: '40', limit: '20' }), { before: 40, limit: 20 });
    assert.equal(HistoryQuery.safeParse({ limit: String(limits.historyPageMax + 1) }).success, false);
    assert.equal(HistoryQuery.safeParse({ before: '-1' }).success, false);
  });

  it('knows the client frames and nothing else', () => {
    assert.equal(ClientFrame.safeParse({ type: 'resume', cursors: { c1: 3 } }).success, true);
    assert.equal(ClientFrame.safeParse({ type: 'resume', cursors: { c1: 'x' } }).success, false);
    assert.equal(ClientFrame.safeParse({ type: 'subscribe_all' }).success, false);
  });
});
