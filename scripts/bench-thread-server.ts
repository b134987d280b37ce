/**
 * The server for scripts/bench-thread.mjs: the real Parta server on in-memory PGlite
 * with the demo school, and one chat (9А) holding 10,000 messages written straight
 * into the database (sending them one by one over HTTP would take minutes). Prints
 * `{ url, chatId, count }` as one JSON line; stops when its stdin closes.
 * Run with `node --conditions=source --import tsx`.
 */
import { createRequire } from 'node:module';
import { chats, messages } from '../apps/server/src/db/schema.ts';
import { startServer } from '../apps/server/src/index.ts';
import { demo } from '../apps/server/src/seed.ts';

// drizzle-orm is the server's dependency, not the root's: the same copy the server uses.
const { eq } = createRequire(new URL('../apps/server/package.json', import.meta.url))(
  'drizzle-orm',
) as typeof import('drizzle-orm');

const count = Number(process.env.PARTA_BENCH_MESSAGES ?? 10_000);
const chatId = demo.chats.class9a;
const authors = [demo.users.teacher, demo.users.student1, demo.users.student2];
// Short and long messages, so rows have different heights as in a real chat.
const words =
  'Завтра контрольная по алгебре, повторите параграфы с седьмого по девятый и принесите тетради для самостоятельных работ'.split(
    ' ',
  );

const server = await startServer({ port: 0, devAuth: true, seed: true, logger: false });
const [chat] = await server.db.select().from(chats).where(eq(chats.id, chatId));
const base = chat!.lastSeq;
const started = Date.now() - count * 60_000;
for (let from = 0; from < count; from += 1000) {
  const rows = [];
  for (let n = from; n < Math.min(count, from + 1000); n++) {
    const length = 3 + ((n * 7919) % 41);
    const text = Array.from({ length }, (_, w) => words[(n + w) % words.length]).join(' ');
    rows.push({
      id: `bench-${n}`,
      chatId,
      seq: base + n + 1,
      authorId: authors[n % authors.length]!,
      clientKey: `bench-key-${n}`,
      text: `${n + 1}. ${text}`,
      createdAt: new Date(started + n * 60_000),
    });
  }
  await server.db.insert(messages).values(rows);
}
await server.db
  .update(chats)
  .set({ lastSeq: base + count })
  .where(eq(chats.id, chatId));
process.stdout.write(`${JSON.stringify({ url: server.url, chatId, count })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
