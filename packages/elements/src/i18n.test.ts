import { expect } from '@open-wc/testing';
import { clockTime, formatTime } from './i18n.js';

describe('times', () => {
  it('writes every minute of the day as Intl does, in Russian and in English', () => {
    for (const locale of ['ru', 'en']) {
      const intl = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
      for (let minute = 0; minute < 24 * 60; minute++) {
        const date = new Date(2026, 10, 23, Math.floor(minute / 60), minute % 60);
        // Some Intl versions put a narrow no-break space before AM/PM.
        expect(clockTime(date, locale), `${locale} ${minute}`).to.equal(intl.format(date).replace(/\s/g, ' '));
      }
    }
  });

  it('shows a clock time for today and a date for another day', () => {
    const now = new Date(2026, 10, 23, 18, 0);
    expect(formatTime(new Date(2026, 10, 23, 9, 5).toISOString(), 'ru', now)).to.equal('09:05');
    expect(formatTime(new Date(2026, 10, 23, 21, 30).toISOString(), 'en', now)).to.equal('09:30 PM');
    const earlier = new Date(2026, 10, 20, 9, 5);
    expect(formatTime(earlier.toISOString(), 'ru', now)).to.equal(
      new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'short' }).format(earlier),
    );
  });
});
