import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, canInOrg, invitableRoles, orgAccess, orgActions } from './access.js';

describe('organisation permissions', () => {
  const admin = { roles: ['admin'] as const, leadClassIds: [] };
  const lead = { roles: ['lead', 'staff'] as const, leadClassIds: ['c-9a'] };
  const student = { roles: ['student'] as const, leadClassIds: [] };

  it('has a row for every action and lets the administrator do everything but invite its own parent', () => {
    assert.deepEqual(Object.keys(orgAccess).sort(), [...orgActions].sort());
    for (const action of orgActions) assert.equal(canInOrg(admin, action), action !== 'parents.invite', action);
  });

  it("keeps a class teacher's reach inside its own classes and to students and parents", () => {
    assert.equal(canInOrg(lead, 'requests.decide', { classId: 'c-9a' }), true);
    assert.equal(canInOrg(lead, 'requests.decide', { classId: 'c-9b' }), false);
    assert.equal(canInOrg(lead, 'requests.decide', { classId: null }), false);
    assert.equal(canInOrg(lead, 'invites.manage', { classId: 'c-9a', role: 'parent' }), true);
    assert.equal(canInOrg(lead, 'invites.manage', { classId: 'c-9a', role: 'staff' }), false);
    assert.equal(canInOrg(lead, 'requests.decide', { classId: 'c-9a', role: 'student' }), true);
    assert.equal(canInOrg(lead, 'requests.decide', { classId: 'c-9a', role: 'lead' }), false);
    assert.equal(canInOrg({ roles: ['lead'], leadClassIds: [] }, 'invites.manage'), false);
    assert.equal(canInOrg(lead, 'classes.manage'), false);
  });

  it('lets a student only look and invite its parent; nobody outside does anything', () => {
    assert.deepEqual(
      orgActions.filter((action) => canInOrg(student, action)),
      ['org.view', 'parents.invite'],
    );
    for (const action of orgActions) assert.equal(canInOrg(null, action), false);
  });

  it('never hands out the administrator role by link', () => {
    assert.deepEqual(invitableRoles('school'), ['lead', 'staff', 'student', 'parent']);
    assert.deepEqual(invitableRoles('authority'), ['lead', 'staff', 'external']);
  });

  it('counts age in whole years, turning a year older on the birthday', () => {
    assert.equal(ageOn('2008-11-22', new Date('2026-11-21T12:00:00Z')), 17);
    assert.equal(ageOn('2008-11-22', new Date('2026-11-22T12:00:00Z')), 18);
    assert.equal(ageOn('2008-02-29', new Date('2026-03-01T00:00:00Z')), 18);
  });
});
