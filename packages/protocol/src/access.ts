import type { OrgType, Role } from './roles.js';
import { rolesOf } from './roles.js';

/**
 * What a member may do in an organisation: one role × action table that the
 * server checks on every request and the widgets read to show or hide a control.
 *
 * A cell is `org` (anywhere in the organisation), `class` (only in the classes
 * the member leads: the class teacher's reach) or absent (never).
 */
export const orgActions = [
  /** See the organisation's profile, classes and members; start chats with them. */
  'org.view',
  /** Edit the profile: name, address, contacts, description, avatar. */
  'org.edit',
  /** Appoint and revoke additional administrators. */
  'admins.manage',
  /** Create, edit and archive classes; name their class teachers. */
  'classes.manage',
  /** Create, list and revoke invite links. */
  'invites.manage',
  /** See, approve and decline join requests. */
  'requests.decide',
  /** Approve or decline teacher verification. */
  'verification.decide',
  /** Remove a member from the organisation. */
  'members.remove',
  /** See a student's confirmed parents. */
  'parents.view',
  /** Invite one's own parent (a student's link for its parents). */
  'parents.invite',
] as const;
export type OrgAction = (typeof orgActions)[number];

export type AccessScope = 'org' | 'class';

const all = { admin: 'org', lead: 'org', staff: 'org', student: 'org', parent: 'org', external: 'org' } as const;

export const orgAccess: Record<OrgAction, Partial<Record<Role, AccessScope>>> = {
  'org.view': all,
  'org.edit': { admin: 'org' },
  'admins.manage': { admin: 'org' },
  'classes.manage': { admin: 'org' },
  'invites.manage': { admin: 'org', lead: 'class' },
  'requests.decide': { admin: 'org', lead: 'class' },
  'verification.decide': { admin: 'org' },
  'members.remove': { admin: 'org' },
  'parents.view': { admin: 'org', lead: 'class' },
  'parents.invite': { student: 'org' },
};

/** Roles a class teacher may invite into its own class; staff and leads come through the administrator. */
export const classScopedInviteRoles: readonly Role[] = ['student', 'parent'];

/** The acting member as the rules see it. */
export interface OrgActor {
  roles: readonly Role[];
  /** Classes this member leads (is class teacher of). */
  leadClassIds: readonly string[];
}

/** What the action touches, when it matters: a class, and for invites the role being handed out. */
export interface OrgTarget {
  classId?: string | null;
  role?: Role;
}

/** The widest reach any of the member's roles gives for the action, or null. */
export function accessScope(actor: OrgActor, action: OrgAction): AccessScope | null {
  let scope: AccessScope | null = null;
  for (const role of actor.roles) {
    const cell = orgAccess[action][role];
    if (cell === 'org') return 'org';
    if (cell === 'class') scope = 'class';
  }
  return scope;
}

/**
 * Whether the member may take the action on the target. Without a target, whether it
 * may take it anywhere at all (the question a menu asks before showing an entry).
 */
export function canInOrg(actor: OrgActor | null, action: OrgAction, target?: OrgTarget): boolean {
  if (!actor) return false;
  const scope = accessScope(actor, action);
  if (scope === 'org') return true;
  if (scope !== 'class') return false;
  if (actor.leadClassIds.length === 0) return false;
  if (!target) return true;
  if (!target.classId || !actor.leadClassIds.includes(target.classId)) return false;
  // A class teacher invites and admits students and parents; staff come through the administrator.
  const roleScoped = action === 'invites.manage' || action === 'requests.decide';
  if (roleScoped && target.role && !classScopedInviteRoles.includes(target.role)) return false;
  return true;
}

/** Roles an invite link of this organisation may carry: every role of its type but administrator. */
export function invitableRoles(type: OrgType): Role[] {
  return rolesOf(type).filter((role) => role !== 'admin');
}

/** Roles that belong in a class: a student sits in one; a parent's link names its child's class. */
export const classRoles: readonly Role[] = ['student', 'lead', 'parent'];

/** Age in whole years on a given day, from an ISO birth date (`YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age--;
  return age;
}
