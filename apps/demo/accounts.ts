/**
 * The demo school website's own accounts. A real site keeps its users in its
 * own database and stores each one's Parta user id beside them; the ids here
 * match the demo school that the Parta server seeds.
 */
export interface DemoAccount {
  login: string;
  partaUserId: string;
  name: string;
  role: string;
}

export const demoOrgId = 'demo-school';

export const demoAccounts: DemoAccount[] = [
  { login: 'director', partaUserId: 'u-director', name: 'Орлов Сергей Николаевич', role: 'Администратор' },
  { login: 'teacher', partaUserId: 'u-teacher', name: 'Петрова Мария Ивановна', role: 'Классный руководитель 9А' },
  { login: 'student1', partaUserId: 'u-student-1', name: 'Смирнов Иван', role: 'Ученик 9А' },
  { login: 'student2', partaUserId: 'u-student-2', name: 'Кузнецова Анна', role: 'Ученица 9А' },
  { login: 'parent1', partaUserId: 'u-parent-1', name: 'Смирнова Ольга Петровна', role: 'Родитель (Смирнов Иван)' },
];
