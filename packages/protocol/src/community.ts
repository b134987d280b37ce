import * as z from 'zod/mini';
import { requestStatuses, sexes } from './constants.js';
import { Id, Membership, Organisation, SchoolClass, Timestamp, UserSummary } from './entities.js';
import { limits } from './limits.js';
import { orgTypes, roles } from './roles.js';

/**
 * The school community (SPEC §2–3): organisation profiles, classes, invite
 * links, join requests, teacher verification and parents.
 */

const RoleSchema = z.enum(roles);
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const OptionalText = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))));
/** `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));
/** `2025/2026`: two consecutive years. */
export const AcademicYear = z.string().check(
  z.regex(/^\d{4}\/\d{4}$/, 'an academic year as 2025/2026'),
  z.refine((value) => Number(value.slice(5)) === Number(value.slice(0, 4)) + 1, 'the years must be consecutive'),
);
export const Color = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'));

export const OrganisationProfile = z.object({
  ...Organisation.shape,
  inn: z.nullable(z.string()),
  kpp: z.nullable(z.string()),
  address: z.nullable(z.string()),
  contacts: z.nullable(z.string()),
  description: z.nullable(z.string()),
  avatarUrl: z.nullable(z.string()),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfile>;

/** What an administrator may change in the profile; absent fields stay as they are. */
export const UpdateOrganisationBody = z.object({
  name: z.optional(Text(200)),
  address: OptionalText(300),
  contacts: OptionalText(300),
  description: OptionalText(2000),
  avatarUrl: OptionalText(500),
});
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBody>;

/** An operator creates an organisation from a registration application, with its first administrator. */
export const CreateOrganisationBody = z.object({
  type: z.enum(orgTypes),
  name: Text(200),
  inn: z.string().check(z.regex(/^(\d{10}|\d{12})$/, 'an INN of 10 or 12 digits')),
  kpp: z.optional(z.nullable(z.string().check(z.regex(/^\d{9}$/, 'a KPP of 9 digits')))),
  admin: z.object({
    surname: Text(100),
    name: Text(100),
    patronymic: OptionalText(100),
    phone: z.string().check(z.regex(/^\+?\d{10,15}$/, 'a phone number of 10 to 15 digits')),
  }),
});
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBody>;

export const ClassInfo = z.object({
  ...SchoolClass.shape,
  leadUserId: z.nullable(Id),
  studentCount: z.int(),
});
export type ClassInfo = z.infer<typeof ClassInfo>;

export const CreateClassBody = z.object({
  number: z.int().check(z.minimum(0), z.maximum(12)),
  letter: Text(4),
  title: OptionalText(60),
  academicYear: AcademicYear,
  color: z.optional(Color),
  leadUserId: z.optional(z.nullable(Id)),
});
export type CreateClassBody = z.infer<typeof CreateClassBody>;

export const UpdateClassBody = z.partial(z.object({ ...CreateClassBody.shape, color: Color, archived: z.boolean() }));
export type UpdateClassBody = z.infer<typeof UpdateClassBody>;

export const Member = z.object({
  user: UserSummary,
  roles: z.array(RoleSchema),
  classId: z.nullable(Id),
  position: z.nullable(z.string()),
  joinedAt: Timestamp,
  /** Classes this member leads as class teacher. */
  leadClassIds: z.array(Id),
});
export type Member = z.infer<typeof Member>;

export const MemberDetails = z.object({
  member: Member,
  /** Confirmed parents of a student, for those who may see them (class teacher, administrator). */
  parents: z.array(UserSummary),
  children: z.array(z.object({ user: UserSummary, confirmed: z.boolean() })),
});
export type MemberDetails = z.infer<typeof MemberDetails>;

export const InviteLink = z.object({
  /** The secret part of the link: whoever holds it can file a join request. */
  code: z.string(),
  orgId: Id,
  role: RoleSchema,
  classId: z.nullable(Id),
  /** A student's invitation for its own parent. */
  childId: z.nullable(Id),
  createdBy: Id,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  maxUses: z.int(),
  uses: z.int(),
  revokedAt: z.nullable(Timestamp),
});
export type InviteLink = z.infer<typeof InviteLink>;

export const CreateInviteBody = z.object({
  role: RoleSchema,
  classId: z.optional(z.nullable(Id)),
  /** Days the link stays valid, 1 to 14. */
  days: z.optional(z.int().check(z.minimum(1), z.maximum(limits.inviteLinkMaxDays))),
  maxUses: z.optional(z.int().check(z.minimum(1), z.maximum(limits.inviteLinkMaxUses))),
});
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

/** What a person who follows a link sees before filing a request (no sign-in needed). */
export const InvitePreview = z.object({
  code: z.string(),
  organisation: Organisation,
  role: RoleSchema,
  roleLabel: z.string(),
  class: z.nullable(z.object({ id: Id, number: z.int(), letter: z.string(), title: z.nullable(z.string()) })),
  child: z.nullable(UserSummary),
  /** Students of the class a parents' link names, to pick one's child from. */
  children: z.array(UserSummary),
  valid: z.boolean(),
  /** Why it no longer works: `expired`, `revoked` or `used_up`. */
  reason: z.nullable(z.enum(['expired', 'revoked', 'used_up'])),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const JoinRequest = z.object({
  id: Id,
  orgId: Id,
  organisationName: z.string(),
  user: UserSummary,
  role: RoleSchema,
  classId: z.nullable(Id),
  childId: z.nullable(Id),
  /** For a parent's request: the child it will be linked to. */
  child: z.nullable(UserSummary),
  status: RequestStatus,
  createdAt: Timestamp,
  decidedAt: z.nullable(Timestamp),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

/** Following a parents' link, the parent names its child among the class's students. */
export const FileJoinRequestBody = z.object({ childId: z.optional(z.nullable(Id)) });
export type FileJoinRequestBody = z.infer<typeof FileJoinRequestBody>;

export const VerificationRequest = z.object({
  id: Id,
  orgId: Id,
  user: UserSummary,
  position: z.string(),
  status: RequestStatus,
  createdAt: Timestamp,
  decidedAt: z.nullable(Timestamp),
});
export type VerificationRequest = z.infer<typeof VerificationRequest>;

export const RequestVerificationBody = z.object({ orgId: Id, position: Text(120) });
export type RequestVerificationBody = z.infer<typeof RequestVerificationBody>;

/** Badge counters of what waits for this member's decision in an organisation. */
export const OrgCounters = z.object({ orgId: Id, joinRequests: z.int(), verifications: z.int() });
export type OrgCounters = z.infer<typeof OrgCounters>;

export const Profile = z.object({
  surname: Text(100),
  name: Text(100),
  patronymic: OptionalText(100),
  sex: z.optional(z.nullable(z.enum(sexes))),
  birthDate: z.optional(z.nullable(IsoDate)),
});
export type Profile = z.infer<typeof Profile>;
export const UpdateProfileBody = z.partial(Profile);
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

/** Phone (+7…, 10–15 digits) or e-mail: where a one-time sign-in code is sent. */
export const Contact = z.string().check(
  z.trim(),
  z.refine(
    (value) => /^\+?\d{10,15}$/.test(value.replace(/[\s()-]/g, '')) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value),
    'a phone number or an e-mail address',
  ),
);
export const RequestCodeBody = z.object({ contact: Contact });
export const VerifyCodeBody = z.object({ contact: Contact, code: z.string().check(z.regex(/^\d{6}$/, 'six digits')) });
export type VerifyCodeBody = z.infer<typeof VerifyCodeBody>;

export const SignInResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  /** True when the account was created by this sign-in and still needs a profile. */
  needsProfile: z.boolean(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** A fresh token for the same session; a session lasts at most 30 days from its sign-in. */
export const RefreshResponse = z.object({ token: z.string(), expiresAt: z.string() });
export type RefreshResponse = z.infer<typeof RefreshResponse>;

/** `GET oidcStart?returnTo=`: the page to come back to, which the server's allow-list must name. */
export const OidcStartQuery = z.object({ returnTo: z.optional(z.string().check(z.maxLength(2000))) });
export type OidcStartQuery = z.infer<typeof OidcStartQuery>;

export const DevMailboxResponse = z.object({
  messages: z.array(z.object({ to: z.string(), text: z.string(), code: z.string(), at: Timestamp })),
});
export type DevMailboxResponse = z.infer<typeof DevMailboxResponse>;

// Responses of the community routes (see `routes` for paths).

export const OrganisationResponse = z.object({
  organisation: OrganisationProfile,
  membership: Membership,
  counters: OrgCounters,
});
export type OrganisationResponse = z.infer<typeof OrganisationResponse>;
export const MemberResponse = z.object({ member: Member });
export const MembersResponse = z.object({ members: z.array(Member) });
export type MembersResponse = z.infer<typeof MembersResponse>;
export const ClassesResponse = z.object({ classes: z.array(ClassInfo) });
export type ClassesResponse = z.infer<typeof ClassesResponse>;
export const ClassResponse = z.object({ class: ClassInfo });
export const InvitesResponse = z.object({
  invites: z.array(InviteLink),
  /** Links this organisation created in the last 24 hours, against `dailyLimit`. */
  createdToday: z.int(),
  dailyLimit: z.int(),
});
export type InvitesResponse = z.infer<typeof InvitesResponse>;
export const InviteResponse = z.object({ invite: InviteLink });
export const JoinRequestsResponse = z.object({ requests: z.array(JoinRequest) });
export type JoinRequestsResponse = z.infer<typeof JoinRequestsResponse>;
export const JoinRequestResponse = z.object({ request: JoinRequest });
export const VerificationsResponse = z.object({ requests: z.array(VerificationRequest) });
export const VerificationResponse = z.object({ request: VerificationRequest });
export const MyRequestsResponse = z.object({
  requests: z.array(JoinRequest),
  verifications: z.array(VerificationRequest),
});
export type MyRequestsResponse = z.infer<typeof MyRequestsResponse>;
export const AppointAdminBody = z.object({ userId: Id });
export const ContactsResponse = z.object({
  people: z.array(z.object({ user: UserSummary, orgIds: z.array(Id) })),
});
export type ContactsResponse = z.infer<typeof ContactsResponse>;
