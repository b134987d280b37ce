import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, PartaError } from '@parta/protocol';
import { createAuth } from './auth.ts';
import type { Database } from './db/index.ts';

/** Parta's own tokens never touch the database, so these checks need none. */
const noDatabase = null as unknown as Database;
const refusedWith = (code: ErrorCode) => (error: unknown) => error instanceof PartaError && error.code === code;

describe('token checks remembered between requests', () => {
  it('still lets a remembered token expire', async () => {
    const auth = createAuth(noDatabase, 'secret-one');
    // Two seconds: expiry is counted in whole seconds, so a one-second token minted late in a second is gone at once.
    const { token } = await auth.mint('u1', 2);
    assert.equal((await auth.verify(token)).userId, 'u1');
    assert.equal((await auth.verify(token)).userId, 'u1');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await assert.rejects(auth.verify(token), refusedWith(ErrorCode.TokenExpired));
  });

  it('refuses an altered token after accepting the original', async () => {
    const auth = createAuth(noDatabase, 'secret-one');
    const { token } = await auth.mint('u1');
    await auth.verify(token);
    const [head, , signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: 'u2' })).toString('base64url')}.${signature}`;
    await assert.rejects(auth.verify(forged), refusedWith(ErrorCode.Unauthorized));
  });

  it('is per secret: a token of one server is not accepted by another', async () => {
    const { token } = await createAuth(noDatabase, 'secret-one').mint('u1');
    const other = createAuth(noDatabase, 'secret-two');
    await assert.rejects(other.verify(token), refusedWith(ErrorCode.Unauthorized));
  });
});
