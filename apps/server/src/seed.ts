import type { Database } from './db/index.ts';
import { chatMembers, chats, classes, organisations, orgMembers, parentLinks, users } from './db/schema.ts';
import { createClassChats, createOrgChats, syncMemberships } from './structure.ts';

/** The demo school every development server starts with. Ids are stable so the demo site can refer to them. */
export const demo = {
  orgId: 'demo-school',
  orgName: 'Школа № 1',
  embedSecret: 'parta-demo-secret',
  classId: 'c-9a',
  users: {
    director: 'u-director',
    teacher: 'u-teacher',
    student1: 'u-student-1',
    student2: 'u-student-2',
    parent1: 'u-parent-1',
  },
  chats: {
    class9a: 'chat-9a',
    parents9a: 'chat-9a-parents',
    teachers: 'chat-teachers',
    staff: 'chat-staff',
    school: 'chat-school',
  },
  /**
   * A second, small organisation: the demo teacher also teaches at a college
   * (SPEC §2: a person belongs to several organisations and switches between them).
   */
  college: {
    orgId: 'demo-college',
    orgName: 'Колледж искусств',
    groupId: 'c-art-1',
    admin: 'u-college-admin',
  },
} as const;

const people = [
  {
    id: demo.users.director,
    surname: 'Орлов',
    name: 'Сергей',
    patronymic: 'Николаевич',
    verified: true,
    roles: ['admin', 'staff'],
  },
  {
    id: demo.users.teacher,
    surname: 'Петрова',
    name: 'Мария',
    patronymic: 'Ивановна',
    verified: true,
    roles: ['lead', 'staff'],
  },
  {
    id: demo.users.student1,
    surname: 'Смирнов',
    name: 'Иван',
    patronymic: 'Алексеевич',
    verified: false,
    roles: ['student'],
  },
  {
    id: demo.users.student2,
    surname: 'Кузнецова',
    name: 'Анна',
    patronymic: 'Сергеевна',
    verified: false,
    roles: ['student'],
  },
  {
    id: demo.users.parent1,
    surname: 'Смирнова',
    name: 'Ольга',
    patronymic: 'Петровна',
    verified: false,
    roles: ['parent'],
  },
] as const;

type ChatSeed = {
  id: string;
  kind: 'class' | 'parents' | 'teachers_room' | 'channel';
  structure: 'everyone' | 'staff' | 'teachers' | 'class' | 'parents';
  title: string;
  classId?: string;
  members: [string, 'owner' | 'admin' | 'member'][];
};

const { director, teacher, student1, student2, parent1 } = demo.users;
const chatSeeds: ChatSeed[] = [
  {
    id: demo.chats.class9a,
    structure: 'class',
    kind: 'class',
    title: '9А',
    classId: demo.classId,
    members: [
      [teacher, 'owner'],
      [student1, 'member'],
      [student2, 'member'],
    ],
  },
  {
    id: demo.chats.parents9a,
    structure: 'parents',
    kind: 'parents',
    title: 'Родители 9А',
    classId: demo.classId,
    members: [
      [teacher, 'owner'],
      [parent1, 'member'],
    ],
  },
  {
    id: demo.chats.teachers,
    structure: 'teachers',
    kind: 'teachers_room',
    title: 'Учительская',
    members: [
      [director, 'admin'],
      [teacher, 'admin'],
    ],
  },
  {
    id: demo.chats.staff,
    structure: 'staff',
    kind: 'channel',
    title: 'Сотрудники',
    members: [
      [director, 'owner'],
      [teacher, 'member'],
    ],
  },
  {
    id: demo.chats.school,
    structure: 'everyone',
    kind: 'channel',
    title: 'Общешкольный',
    members: [
      [director, 'owner'],
      [teacher, 'member'],
      [student1, 'member'],
      [student2, 'member'],
      [parent1, 'member'],
    ],
  },
];

/** Idempotent: a second run leaves everything as it is. */
export async function seedDemo(db: Database, embedSecret: string = demo.embedSecret): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values({ id: demo.orgId, type: 'school', name: demo.orgName, inn: '7701000001', kpp: '770101001', embedSecret })
      // The secret follows the environment, so changing PARTA_DEMO_SECRET takes effect on an existing database.
      .onConflictDoUpdate({ target: organisations.id, set: { embedSecret } });
    await tx
      .insert(users)
      .values(people.map(({ roles: _roles, ...person }) => person))
      .onConflictDoNothing();
    await tx
      .insert(classes)
      .values({
        id: demo.classId,
        orgId: demo.orgId,
        number: 9,
        letter: 'А',
        academicYear: '2025/2026',
        leadUserId: teacher,
      })
      .onConflictDoNothing();
    await tx
      .insert(orgMembers)
      .values(
        people.map((person) => ({
          orgId: demo.orgId,
          userId: person.id,
          roles: [...person.roles],
          classId: (person.roles as readonly string[]).some((role) => role === 'student' || role === 'lead')
            ? demo.classId
            : null,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(parentLinks)
      .values({ parentId: parent1, childId: student1, confirmed: true })
      .onConflictDoNothing();
    for (const chat of chatSeeds) {
      await tx
        .insert(chats)
        .values({
          id: chat.id,
          orgId: demo.orgId,
          classId: chat.classId ?? null,
          kind: chat.kind,
          title: chat.title,
          structure: chat.structure,
          onlyAdminsWrite: chat.kind === 'channel',
        })
        // Databases seeded before chats knew their place in the structure learn it here.
        .onConflictDoUpdate({ target: chats.id, set: { structure: chat.structure } });
      await tx
        .insert(chatMembers)
        .values(chat.members.map(([userId, role]) => ({ chatId: chat.id, userId, role })))
        .onConflictDoNothing();
    }
  });
  // A transaction of its own, after the school's: her college membership is the later one,
  // so the school stays the teacher's first organisation, the one widgets show until she switches.
  await seedCollege(db);
}

/**
 * The college as registration and the class routes leave an organisation: its
 * structure chats and memberships come from the same functions. Not through
 * `createOrganisation`, which is one-shot (a fresh embed secret, inserts that
 * fail on a second run): every step here skips what exists, so a restart, or
 * two processes seeding one database at once, change nothing.
 */
async function seedCollege(db: Database): Promise<void> {
  const { college } = demo;
  await db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values({
        id: college.orgId,
        type: 'college',
        name: college.orgName,
        inn: '7701000002',
        kpp: '770101002',
        // Nobody embeds the college's widgets in the demo: a secret nobody knows.
        embedSecret: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
      })
      .onConflictDoNothing();
    await tx
      .insert(users)
      .values({ id: college.admin, surname: 'Соколова', name: 'Елена', patronymic: 'Викторовна', verified: true })
      .onConflictDoNothing();
    await tx
      .insert(orgMembers)
      .values([
        { orgId: college.orgId, userId: college.admin, roles: ['admin'] },
        { orgId: college.orgId, userId: teacher, roles: ['staff'], position: 'преподаватель живописи' },
      ])
      .onConflictDoNothing();
    await createOrgChats(tx, college.orgId, 'college');
    const group = {
      id: college.groupId,
      orgId: college.orgId,
      number: 1,
      letter: 'Ж',
      title: 'Живопись',
      academicYear: '2025/2026',
    };
    // No curator yet: the college's administrator appoints one in <parta-classes>.
    await tx.insert(classes).values(group).onConflictDoNothing();
    await createClassChats(tx, group);
    for (const userId of [college.admin, teacher]) await syncMemberships(tx, college.orgId, userId);
  });
}
