import { ErrorCode, PartaError } from '@parta/protocol';
import type { FastifyRequest } from 'fastify';
import { type Auth, bearer, type Principal } from './auth.ts';
import type { Batcher } from './batcher.ts';
import type { Bus } from './bus.ts';
import type { Database } from './db/index.ts';
import type { Hub } from './socket.ts';

/** What every group of routes needs: the database, auth, the socket hub and the bus between processes. */
export interface ServerContext {
  db: Database;
  auth: Auth;
  hub: Hub;
  bus: Bus;
  /** Read positions, confirmations and typing, batched per chat before they reach sockets. */
  batcher: Batcher;
  /** Development conveniences (dev sign-in, the dev mailbox): never in production. */
  devAuth: boolean;
  /** The signed-in user of a request, or a 401. */
  principal(request: FastifyRequest): Promise<Principal>;
}

export function principalOf(auth: Auth) {
  return (request: FastifyRequest) => auth.verify(bearer(request.headers.authorization));
}

type Schema = {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/** Validates a body, query or params at the edge; a readable bad_request names every wrong field. */
export function parse<T>(
  schema: { safeParse(data: unknown): { success: boolean; data?: T; error?: unknown } },
  data: unknown,
): T {
  const result = (schema as unknown as Schema).safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new PartaError(ErrorCode.BadRequest, `Invalid request: ${detail}`);
  }
  return result.data as T;
}
