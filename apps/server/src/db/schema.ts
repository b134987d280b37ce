import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  surname: text('surname').notNull(),
  name: text('name').notNull(),
  patronymic: text('patronymic'),
  sex: text('sex'),
  birthDate: date('birth_date'),
  /** Holds a staff role in some organisation, or passed teacher verification. */
  verified: boolean('verified').notNull().default(false),
  avatarUrl: text('avatar_url'),
  /** Sign-in contacts, normalised (`+79990000000`, lower-case e-mail). Never searchable by others. */
  phone: text('phone').unique(),
  email: text('email').unique(),
  /** Subject at the external OpenID Connect provider, as `issuer|sub`. */
  oidcSubject: text('oidc_subject').unique(),
  createdAt: createdAt(),
});

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  type: text('type', { enum: ['school', 'preschool', 'college', 'authority'] }).notNull(),
  name: text('name').notNull(),
  inn: text('inn'),
  kpp: text('kpp'),
  address: text('address'),
  contacts: text('contacts'),
  description: text('description'),
  avatarUrl: text('avatar_url'),
  /** HS256 secret the organisation's sites mint embed tokens with. */
  embedSecret: text('embed_secret').notNull(),
  createdAt: createdAt(),
});

export const classes = pgTable(
  'classes',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    number: integer('number').notNull(),
    letter: text('letter').notNull(),
    title: text('title'),
    academicYear: text('academic_year').notNull(),
    color: text('color').notNull().default('#4f7cff'),
    leadUserId: text('lead_user_id').references(() => users.id),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('classes_org_idx').on(t.orgId)],
);

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    roles: text('roles').array().notNull(),
    classId: text('class_id').references(() => classes.id),
    position: text('position'),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('org_members_user_idx').on(t.userId)],
);

export const parentLinks = pgTable(
  'parent_links',
  {
    parentId: text('parent_id')
      .notNull()
      .references(() => users.id),
    childId: text('child_id')
      .notNull()
      .references(() => users.id),
    confirmed: boolean('confirmed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.parentId, t.childId] })],
);

export const chats = pgTable(
  'chats',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').references(() => organisations.id),
    classId: text('class_id').references(() => classes.id),
    kind: text('kind', {
      enum: ['direct', 'group', 'class', 'parents', 'teachers_room', 'channel', 'saved'],
    }).notNull(),
    title: text('title').notNull(),
    avatarUrl: text('avatar_url'),
    onlyAdminsWrite: boolean('only_admins_write').notNull().default(false),
    membersMayInvite: boolean('members_may_invite').notNull().default(true),
    membersMayPin: boolean('members_may_pin').notNull().default(false),
    membersMayEditInfo: boolean('members_may_edit_info').notNull().default(false),
    /** Seconds after which new messages are deleted for everyone; null: they stay. */
    disappearAfterSec: integer('disappear_after_sec'),
    /** The chat's invite link code (joins directly); null when none or revoked. */
    inviteCode: text('invite_code').unique(),
    /**
     * Keeps personal chats single: `direct:<a>:<b>` (ids sorted) for a one-to-one chat,
     * `saved:<user>` for "Saved messages".
     */
    personalKey: text('personal_key').unique(),
    /**
     * Chats that come with the organisation's structure and whose members follow it:
     * `everyone` and `staff` channels, the `teachers` room, a class's `class` and `parents` chats.
     */
    structure: text('structure', { enum: ['everyone', 'staff', 'teachers', 'class', 'parents'] }),
    /** The latest event's sequence number; bumped under a row lock to order the chat. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    /**
     * Bumped whenever who may write here may have changed (members removed, roles, settings), in
     * the same transaction: a message whose checks were read before that is written only if this
     * is still the number its checks saw, so a change committed while it waited for the chat's
     * row lock is never slipped past.
     */
    accessVersion: integer('access_version').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('chats_org_idx').on(t.orgId)],
);

export const inviteLinks = pgTable(
  'invite_links',
  {
    code: text('code').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    classId: text('class_id').references(() => classes.id),
    childId: text('child_id').references(() => users.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    maxUses: integer('max_uses').notNull(),
    uses: integer('uses').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('invite_links_org_created_idx').on(t.orgId, t.createdAt)],
);

export const joinRequests = pgTable(
  'join_requests',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    inviteCode: text('invite_code')
      .notNull()
      .references(() => inviteLinks.code),
    role: text('role').notNull(),
    classId: text('class_id').references(() => classes.id),
    childId: text('child_id').references(() => users.id),
    status: text('status', { enum: ['pending', 'approved', 'declined', 'cancelled'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: text('decided_by').references(() => users.id),
  },
  (t) => [
    index('join_requests_org_status_idx').on(t.orgId, t.status),
    index('join_requests_user_idx').on(t.userId),
    // One pending request per person and organisation: following a second link waits on the first.
    uniqueIndex('join_requests_pending_uq').on(t.orgId, t.userId).where(sql`status = 'pending'`),
  ],
);

export const verificationRequests = pgTable(
  'verification_requests',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organisations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    position: text('position').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'declined', 'cancelled'] })
      .notNull()
      .default('pending'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: text('decided_by').references(() => users.id),
  },
  (t) => [
    index('verification_requests_org_status_idx').on(t.orgId, t.status),
    uniqueIndex('verification_requests_pending_uq').on(t.userId).where(sql`status = 'pending'`),
  ],
);

/** One-time sign-in codes, stored hashed; a few wrong tries burn the code. */
export const signInCodes = pgTable('sign_in_codes', {
  contact: text('contact').primaryKey(),
  codeHash: text('code_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: createdAt(),
});

export const chatMembers = pgTable(
  'chat_members',
  {
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['owner', 'admin', 'member'] })
      .notNull()
      .default('member'),
    readSeq: bigint('read_seq', { mode: 'number' }).notNull().default(0),
    muted: boolean('muted').notNull().default(false),
    /** Pinned to the top of this member's list. */
    pinnedAt: timestamp('pinned_at', { withTimezone: true, mode: 'date' }),
    archived: boolean('archived').notNull().default(false),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.userId] }), index('chat_members_user_idx').on(t.userId)],
);

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    clientKey: text('client_key').notNull(),
    text: text('text').notNull(),
    replyToId: text('reply_to_id'),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    /** `ForwardedFrom` of the protocol: who wrote the original, where, when. */
    forwardedFrom: jsonb('forwarded_from'),
    requiresConfirmation: boolean('requires_confirmation').notNull().default(false),
    /** A disappearing message's deadline, after which the server deletes it for everyone. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    pinnedAt: timestamp('pinned_at', { withTimezone: true, mode: 'date' }),
    /** `{ badge, recipientId }` of an award message. */
    award: jsonb('award'),
  },
  (t) => [
    uniqueIndex('messages_author_key_uq').on(t.authorId, t.clientKey),
    uniqueIndex('messages_chat_seq_uq').on(t.chatId, t.seq),
    index('messages_expires_idx').on(t.expiresAt).where(sql`expires_at is not null and deleted_at is null`),
    index('messages_pinned_idx').on(t.chatId, t.pinnedAt).where(sql`pinned_at is not null`),
  ],
);

/** Emoji reactions: one row per message, person and emoji. */
export const messageReactions = pgTable(
  'message_reactions',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    emoji: text('emoji').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] })],
);

/** Messages a member deleted for itself only ("delete for me"): hidden from its history. */
export const hiddenMessages = pgTable(
  'hidden_messages',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
    hiddenAt: timestamp('hidden_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.messageId] }),
    index('hidden_messages_user_chat_idx').on(t.userId, t.chatId),
  ],
);

/** Every change to a chat, in order: what a reconnecting client replays. */
export const chatEvents = pgTable(
  'chat_events',
  {
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.seq] })],
);

/** A member's folders of chats (at most 15 each). */
export const chatFolders = pgTable(
  'chat_folders',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('chat_folders_user_idx').on(t.userId)],
);

export const chatFolderChats = pgTable(
  'chat_folder_chats',
  {
    folderId: text('folder_id')
      .notNull()
      .references(() => chatFolders.id, { onDelete: 'cascade' }),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
  },
  (t) => [primaryKey({ columns: [t.folderId, t.chatId] })],
);

/** A member's "important" marks, shown together across chats. */
export const importantMessages = pgTable(
  'important_messages',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
    markedAt: timestamp('marked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.messageId] }), index('important_messages_user_idx').on(t.userId)],
);

/** Read confirmations of messages that asked for them. */
export const messageConfirmations = pgTable(
  'message_confirmations',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);
