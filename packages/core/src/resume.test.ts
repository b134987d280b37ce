import { expect } from '@open-wc/testing';
import { goOffline, goOnline, watch, withText } from '../test-support/offline.js';
import { clientFor, closeAll, sleep, unique, until } from '../test-support/session.js';

describe('resume after the connection was down', () => {
  afterEach(() => {
    goOnline();
    closeAll();
  });

  it('edits, deletions and reactions made elsewhere while offline show up on reconnect', async () => {
    const teacher = await clientFor('u-teacher');
    const student = await clientFor('u-student-1');
    const [toEdit, toDelete, toReact] = await Promise.all(
      ['Домашнее задание', 'Опечатка', 'Экскурсия в пятницу'].map((text) =>
        teacher.sendMessage('chat-9a', unique(text)),
      ),
    );
    const $thread = await watch(student, 'chat-9a');
    await until($thread, (state) =>
      [toEdit, toDelete, toReact].every((sent) => state.messages.some((m) => m.id === sent!.id)),
    );

    goOffline();
    await until(student.$connection, (status) => status === 'offline');
    const corrected = unique('Домашнее задание: §12');
    await teacher.editMessage('chat-9a', toEdit!.id, corrected);
    await teacher.deleteMessages('chat-9a', [toDelete!.id], 'everyone');
    await teacher.react('chat-9a', toReact!.id, '🎉');
    await sleep(300);
    const stale = $thread.get().messages;
    expect(withText(stale, corrected), 'nothing arrives while offline').to.have.length(0);
    expect(stale.find((m) => m.id === toDelete!.id)?.deletedAt).to.equal(null);

    goOnline();
    await until(student.$connection, (status) => status === 'online');
    const resumed = await until($thread, (state) => {
      const byId = (id: string) => state.messages.find((m) => m.id === id);
      return Boolean(
        byId(toEdit!.id)?.text === corrected && byId(toDelete!.id)?.deletedAt && byId(toReact!.id)?.reactions?.length,
      );
    });
    const byId = (id: string) => resumed.messages.find((m) => m.id === id)!;
    expect(byId(toEdit!.id).editedAt).to.be.a('string');
    expect(byId(toDelete!.id).text).to.equal('');
    expect(byId(toReact!.id).reactions).to.deep.equal([{ emoji: '🎉', userIds: ['u-teacher'] }]);
    expect(
      resumed.messages.filter((m) => m.id === toEdit!.id),
      'applied once, not duplicated',
    ).to.have.length(1);
    const chat = student.$chats.get().find((c) => c.id === 'chat-9a')!;
    expect(chat.lastSeq, 'the cursor caught up').to.be.at.least(toReact!.seq + 3);
  });
});
