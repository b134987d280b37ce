import { expect } from '@open-wc/testing';
import { linkify } from './linkify.js';

describe('linkify', () => {
  it('leaves markup as plain text', () => {
    expect(linkify('<img src=x onerror=alert(1)> <b>жирный</b>')).to.deep.equal([
      '<img src=x onerror=alert(1)> <b>жирный</b>',
    ]);
  });

  it('makes http(s) and www links, leaving sentence punctuation outside', () => {
    expect(linkify('Задание: https://school.example/hw?id=5. И www.example.org!')).to.deep.equal([
      'Задание: ',
      { href: 'https://school.example/hw?id=5', text: 'https://school.example/hw?id=5' },
      '. И ',
      { href: 'https://www.example.org', text: 'www.example.org' },
      '!',
    ]);
  });

  it('keeps a closing bracket that belongs to the link', () => {
    expect(linkify('(см. https://ru.wikipedia.org/wiki/Алгебра_(значения))')).to.deep.equal([
      '(см. ',
      {
        href: 'https://ru.wikipedia.org/wiki/Алгебра_(значения)',
        text: 'https://ru.wikipedia.org/wiki/Алгебра_(значения)',
      },
      ')',
    ]);
  });

  it('never turns other schemes into links', () => {
    expect(linkify('javascript:alert(1) data:text/html,<b>x</b>')).to.deep.equal([
      'javascript:alert(1) data:text/html,<b>x</b>',
    ]);
  });
});
