import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { freshPostgres } from './test-support.ts';

const run = promisify(execFile);
const command = (args: string[], databaseUrl: string) =>
  run(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/operator.ts', ...args], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });

describe('the operator command that registers an organisation', {
  skip: process.env.PARTA_TEST_DB === 'pglite',
}, () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  before(async () => {
    database = await freshPostgres();
  });
  after(() => database.drop());

  it('creates the organisation, its first administrator and its chats from an application', async () => {
    const { stdout } = await command(
      [
        '--type',
        'college',
        '--name',
        'Колледж связи',
        '--inn',
        '7704000004',
        '--kpp',
        '770401001',
        '--admin-surname',
        'Иванова',
        '--admin-name',
        'Анна',
        '--admin-patronymic',
        'Петровна',
        '--admin-phone',
        '8 (999) 000-00-04'.replace(/\D/g, ''),
      ],
      database.url,
    );
    const created = JSON.parse(stdout) as { orgId: string; adminId: string; embedSecret: string };
    assert.ok(created.embedSecret.length >= 40);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const org = await client.query('select type, name, inn, kpp from organisations where id = $1', [created.orgId]);
      assert.deepEqual(org.rows[0], { type: 'college', name: 'Колледж связи', inn: '7704000004', kpp: '770401001' });
      const admin = await client.query('select surname, phone, verified from users where id = $1', [created.adminId]);
      assert.deepEqual(admin.rows[0], { surname: 'Иванова', phone: '+79990000004', verified: true });
      const chats = await client.query(
        `select c.title, m.role from chats c join chat_members m on m.chat_id = c.id
          where c.org_id = $1 and m.user_id = $2 order by c.title`,
        [created.orgId, created.adminId],
      );
      assert.deepEqual(
        chats.rows.map((row) => `${row.title}:${row.role}`),
        ['Вся организация:admin', 'Преподавательская:admin', 'Сотрудники:admin'],
      );
    } finally {
      await client.end();
    }
  });

  it('refuses an application with a wrong INN and says which field', async () => {
    await assert.rejects(
      command(
        [
          '--name',
          'Школа',
          '--inn',
          '123',
          '--admin-surname',
          'А',
          '--admin-name',
          'Б',
          '--admin-phone',
          '+79990000005',
        ],
        database.url,
      ),
      (error: { code: number; stderr: string }) => error.code === 2 && /inn/.test(error.stderr),
    );
  });
});
