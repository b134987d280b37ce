import { expect } from '@open-wc/testing';
import { ChatsResponse, PartaError, routes } from '@parta/protocol';
import { clientFor, closeAll, embedToken, partaUrl, until } from '../test-support/session.js';
import { Http } from './http.js';
import { decodeToken, TokenManager } from './token.js';

describe('tokens', () => {
  afterEach(closeAll);

  it('decodes the claims of a JWT without verifying it', async () => {
    const token = await embedToken('u-teacher', { expiresInS: 100 });
    const claims = decodeToken(token);
    expect(claims).to.include({ sub: 'u-teacher', iss: 'demo-school' });
    expect(claims.exp).to.be.closeTo(Date.now() / 1000 + 100, 5);
    expect(decodeToken('not a token')).to.deep.equal({});
  });

  it('asks the host for a new token a minute before the current one expires', async () => {
    let calls = 0;
    const client = await clientFor('u-teacher', {
      getToken: () => {
        calls++;
        // The first token has 63 s left, so it is due for refresh in about 3 s.
        return embedToken('u-teacher', { expiresInS: calls === 1 ? 63 : 600 });
      },
    });
    client.$chats.listen(() => {});
    await until(client.$chatsLoading, (loading) => !loading);
    expect(calls).to.equal(1);
    const started = Date.now();
    await until(
      { subscribe: (listener: (n: number) => void) => pollCalls(listener, () => calls) },
      (n) => n >= 2,
      8_000,
    );
    expect(Date.now() - started).to.be.within(1_000, 6_000);
    const sent = await client.sendMessage('chat-9a', `После обновления токена ${Date.now()}`);
    expect(sent.status).to.equal('sent');
  });

  it('retries once with a fresh token when the server says the token expired', async () => {
    const tokens = [await embedToken('u-teacher', { expiresInS: -30 }), await embedToken('u-teacher')];
    let calls = 0;
    const http = new Http(await partaUrl(), new TokenManager(() => tokens[calls++]!));
    const { chats } = ChatsResponse.parse(await http.request(routes.chats));
    expect(chats.length).to.be.greaterThan(0);
    expect(calls).to.equal(2);
  });

  it('does not retry a token the server rejects outright', async () => {
    let calls = 0;
    const http = new Http(
      await partaUrl(),
      new TokenManager(() => {
        calls++;
        return embedToken('u-teacher', { secret: 'not-the-secret' });
      }),
    );
    let error: unknown;
    try {
      await http.request(routes.chats);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(PartaError);
    expect(error).to.have.property('code', 'unauthorized');
    expect(calls).to.equal(1);
  });
});

function pollCalls(listener: (n: number) => void, read: () => number) {
  listener(read());
  const timer = setInterval(() => listener(read()), 100);
  return () => clearInterval(timer);
}
