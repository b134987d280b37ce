import type { Locale } from './errors.js';

/** Organisation types (SPEC §2): the logic is shared, the role labels differ. */
export const orgTypes = ['school', 'preschool', 'college', 'authority'] as const;
export type OrgType = (typeof orgTypes)[number];

/**
 * Roles are stored by meaning, not by label: `lead` is a class teacher at a
 * school, a senior educator at a preschool, a group curator at a college and a
 * department head at an education authority.
 */
export const roles = ['admin', 'lead', 'staff', 'student', 'parent', 'external'] as const;
export type Role = (typeof roles)[number];

type Labels = Partial<Record<Role, Record<Locale, string>>>;

const admin = { ru: 'Администратор', en: 'Administrator' };
const parent = { ru: 'Родитель', en: 'Parent' };

export const roleLabels: Record<OrgType, Labels> = {
  school: {
    admin,
    lead: { ru: 'Классный руководитель', en: 'Class teacher' },
    staff: { ru: 'Учитель', en: 'Teacher' },
    student: { ru: 'Ученик', en: 'Student' },
    parent,
  },
  preschool: {
    admin,
    lead: { ru: 'Старший воспитатель', en: 'Senior educator' },
    staff: { ru: 'Сотрудник', en: 'Staff' },
    parent,
  },
  college: {
    admin,
    lead: { ru: 'Куратор группы', en: 'Group curator' },
    staff: { ru: 'Преподаватель', en: 'Teacher' },
    student: { ru: 'Обучающийся', en: 'Learner' },
  },
  authority: {
    admin,
    lead: { ru: 'Руководитель подразделения', en: 'Department head' },
    staff: { ru: 'Сотрудник', en: 'Staff' },
    external: { ru: 'Внешний участник', en: 'External participant' },
  },
};

/** The roles an organisation of this type may hand out. */
export function rolesOf(type: OrgType): Role[] {
  return roles.filter((role) => roleLabels[type][role] !== undefined);
}

export function roleLabel(type: OrgType, role: Role, locale: Locale = 'ru'): string {
  const label = roleLabels[type][role];
  if (!label) throw new RangeError(`role ${role} does not exist in a ${type}`);
  return label[locale];
}

/** Staff roles make a person "verified" and shown with a patronymic (SPEC §2). */
export const staffRoles: readonly Role[] = ['admin', 'lead', 'staff'];

export function isStaff(memberRoles: readonly Role[]): boolean {
  return memberRoles.some((role) => staffRoles.includes(role));
}
