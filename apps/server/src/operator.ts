/**
 * The operator's command: creates an organisation from a registration
 * application, with its first administrator, its channels and its Teachers'
 * room, and prints the organisation id and the embed secret its sites mint
 * tokens with.
 *
 *   pnpm --filter @parta/server org:create -- --type school --name "Школа № 2" \
 *     --inn 7701000002 --kpp 770101001 \
 *     --admin-surname Иванова --admin-name Анна --admin-patronymic Петровна --admin-phone +79990000002
 *
 * Uses DATABASE_URL when set, the PGlite directory of `pnpm start` otherwise.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateOrganisationBody, type PartaError } from '@parta/protocol';
import { createOrganisation } from './community.ts';
import { parse } from './context.ts';
import { openDatabase } from './db/index.ts';

const { values } = parseArgs({
  options: {
    type: { type: 'string', default: 'school' },
    name: { type: 'string' },
    inn: { type: 'string' },
    kpp: { type: 'string' },
    'admin-surname': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-patronymic': { type: 'string' },
    'admin-phone': { type: 'string' },
  },
});

let body: CreateOrganisationBody;
try {
  body = parse<CreateOrganisationBody>(CreateOrganisationBody, {
    type: values.type,
    name: values.name,
    inn: values.inn,
    kpp: values.kpp ?? null,
    admin: {
      surname: values['admin-surname'],
      name: values['admin-name'],
      patronymic: values['admin-patronymic'] ?? null,
      phone: values['admin-phone'],
    },
  });
} catch (error) {
  console.error((error as PartaError).message.replace('Invalid request: ', 'Check the application: '));
  process.exit(2);
}

const root = join(import.meta.dirname, '..', '..', '..');
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : (process.env.PARTA_DATA_DIR ?? join(root, '.data', 'pglite')),
});
try {
  const created = await createOrganisation(database.db, body);
  console.log(
    JSON.stringify({ orgId: created.organisation.id, adminId: created.adminId, embedSecret: created.embedSecret }),
  );
} finally {
  await database.close();
}
