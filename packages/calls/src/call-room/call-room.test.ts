import { expect, fixture, html } from '@open-wc/testing';
import { clientFor, closeAll } from '../../../core/test-support/session.js';
import type { PartaCallLeaveEvent } from '../events/call.js';
import type { PartaCallRoom } from './call-room.js';
import './define.js';

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const button = (room: PartaCallRoom, name: string) =>
  [...room.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const names = (room: PartaCallRoom) => [...room.shadowRoot!.querySelectorAll('.name')].map((n) => n.textContent ?? '');

describe('<parta-call-room>', () => {
  afterEach(() => closeAll());

  it('offers to join, in Russian by default, accessibly', async () => {
    const room = await fixture<PartaCallRoom>(html`<parta-call-room chat-id="chat-9a"></parta-call-room>`);
    expect(button(room, 'Присоединиться')).to.exist;
    expect(room.shadowRoot!.textContent).to.contain('С камерой');
    await expect(room).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const room = await fixture<PartaCallRoom>(html`<parta-call-room chat-id="chat-9a" locale="en"></parta-call-room>`);
    expect(button(room, 'Join')).to.exist;
  });

  it('tells a non-member why they cannot join', async () => {
    const client = await clientFor('u-parent-1');
    const room = await fixture<PartaCallRoom>(
      html`<parta-call-room chat-id="chat-9a" .client=${client}></parta-call-room>`,
    );
    button(room, 'Присоединиться').click();
    await waitFor(() => !!room.shadowRoot!.querySelector('[role="alert"]'), 'an alert');
    expect(room.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Вы не участник этого чата');
    expect(room.room).to.equal(null);
  });

  it('lets a teacher and a student see and hear each other, mute, and leave', async () => {
    const teacherClient = await clientFor('u-teacher');
    const studentClient = await clientFor('u-student-1');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <parta-call-room id="teacher" chat-id="chat-9a" .client=${teacherClient}></parta-call-room>
      <parta-call-room id="student" chat-id="chat-9a" .client=${studentClient}></parta-call-room>
    </div>`);
    const teacher = wrapper.querySelector<PartaCallRoom>('#teacher')!;
    const student = wrapper.querySelector<PartaCallRoom>('#student')!;
    const joined: string[] = [];
    wrapper.addEventListener('parta-call-join', (event) => joined.push((event.target as HTMLElement).id));

    await teacher.join();
    await student.join();
    expect(joined).to.deep.equal(['teacher', 'student']);

    await waitFor(() => names(teacher).some((n) => n.includes('Смирнов Иван')), 'the student tile at the teacher');
    await waitFor(
      () => names(student).some((n) => n.includes('Петрова Мария Ивановна')),
      'the teacher tile at the student',
    );
    await waitFor(async () => (await teacher.inboundVideoStats()).framesDecoded > 0, 'video decoded at the teacher');
    await waitFor(async () => (await student.inboundVideoStats()).framesDecoded > 0, 'video decoded at the student');
    await expect(teacher).to.be.accessible();

    const mic = button(teacher, 'Микрофон');
    expect(mic.getAttribute('aria-pressed')).to.equal('true');
    mic.click();
    await waitFor(() => mic.getAttribute('aria-pressed') === 'false', 'the microphone to show off');
    expect(teacher.room!.localParticipant.isMicrophoneEnabled).to.equal(false);
    // The student sees the teacher as muted.
    await waitFor(
      () =>
        [...student.shadowRoot!.querySelectorAll('.name')].some(
          (n) => n.textContent!.includes('Петрова') && !!n.querySelector('[aria-label="Микрофон выключен"]'),
        ),
      'the muted mark at the student',
    );

    const left = new Promise<PartaCallLeaveEvent>((resolve) =>
      teacher.addEventListener('parta-call-leave', resolve, { once: true }),
    );
    button(teacher, 'Выйти из звонка').click();
    expect((await left).reason).to.equal('user');
    expect(teacher.room).to.equal(null);
    await waitFor(() => !names(student).some((n) => n.includes('Петрова')), 'the teacher to leave the student view');
    await student.leave();
  });
});
