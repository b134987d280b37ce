import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limits } from './limits.js';
import type { ChatContext } from './permissions.js';
import { canDeleteForEveryone, canEditMessage, canJoinCall, canReadChat, canSendMessage } from './permissions.js';

const chat = (over: Partial<ChatContext> = {}): ChatContext => ({
  kind: 'class',
  onlyAdminsWrite: false,
  myRole: 'member',
  ...over,
});

describe('chat permissions', () => {
  it('lets members read and write an ordinary chat, and nobody else', () => {
    assert.equal(canReadChat(chat()), true);
    assert.equal(canSendMessage(chat()), true);
    assert.equal(canReadChat(chat({ myRole: null })), false);
    assert.equal(canSendMessage(chat({ myRole: null })), false);
  });

  it('lets only administrators post in channels and admin-only chats', () => {
    for (const context of [chat({ kind: 'channel' }), chat({ onlyAdminsWrite: true })]) {
      assert.equal(canSendMessage(context), false);
      assert.equal(canSendMessage({ ...context, myRole: 'admin' }), true);
      assert.equal(canSendMessage({ ...context, myRole: 'owner' }), true);
    }
  });

  it('offers calls to members of real chats only', () => {
    assert.equal(canJoinCall(chat()), true);
    assert.equal(canJoinCall(chat({ myRole: null })), false);
    assert.equal(canJoinCall(chat({ kind: 'saved', myRole: 'owner' })), false);
  });
});

describe('message permissions', () => {
  const createdAt = new Date('2026-09-01T08:00:00Z');
  const message = { authorId: 'u1', createdAt };

  it('allows editing one’s own message for 24 hours and not a moment longer', () => {
    const at = (ms: number) => createdAt.getTime() + ms;
    assert.equal(canEditMessage('u1', message, at(limits.editWindowMs)), true);
    assert.equal(canEditMessage('u1', message, at(limits.editWindowMs + 1)), false);
    assert.equal(canEditMessage('u2', message, at(1000)), false);
    // A forwarded copy carries someone else's words.
    assert.equal(canEditMessage('u1', { ...message, forwarded: true }, at(1000)), false);
  });

  it('allows deleting for everyone one’s own message at any age, or any message as chat admin', () => {
    assert.equal(canDeleteForEveryone('u1', message, chat()), true);
    assert.equal(canDeleteForEveryone('u2', message, chat()), false);
    assert.equal(canDeleteForEveryone('u2', message, chat({ myRole: 'admin' })), true);
  });
});
