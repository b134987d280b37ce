import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { css, html, LitElement } from 'lit';
import { sleep, waitFor } from '../test-helpers.js';
import { LogWindow, logStyles } from './log-window.js';

interface Row {
  id: string;
  lines: number;
}

/** The smallest host: a scrolling log of rows of 1 to 4 lines, through the thread's window. */
class TestLog extends LitElement {
  static override styles = [
    logStyles,
    css`
      :host {
        display: flex;
        height: 300px;
      }
      [part~='messages'] {
        flex: 1;
        overflow-y: auto;
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 4px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        line-height: 20px;
      }
    `,
  ];
  rows: Row[] = [];
  live = true;
  older: (() => void) | undefined;
  log = new LogWindow<Row>(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('[part~="messages"]'),
    live: () => this.live,
    nearStart: () => this.older?.(),
  });

  override willUpdate() {
    this.log.sync();
  }

  override render() {
    return html`<div part="messages" role="log" aria-label="log" tabindex="0" @scroll=${() => this.log.onScroll()}>
      ${this.log.render(
        this.rows,
        (row) => row.id,
        (row) =>
          html`<li data-id=${row.id}>${row.id}${Array.from({ length: row.lines - 1 }, () => html`<br />line`)}</li>`,
      )}
    </div>`;
  }
}
customElements.define('test-log', TestLog);

const makeRows = (from: number, to: number): Row[] =>
  Array.from({ length: to - from }, (_, n) => ({ id: `r${from + n}`, lines: 1 + ((from + n) % 4) }));
const scrollerOf = (el: TestLog) => el.shadowRoot!.querySelector<HTMLElement>('[part~="messages"]')!;
const rowOf = (el: TestLog, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-id="${id}"]`);
const offsetOf = (el: TestLog, row: Element) =>
  row.getBoundingClientRect().top - scrollerOf(el).getBoundingClientRect().top;
const atBottom = (el: TestLog) => {
  const scroller = scrollerOf(el);
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
};
const settled = async (el: TestLog) => {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
};

async function open(rows: Row[]) {
  const el = await fixture<TestLog>(fixtureHtml`<test-log></test-log>`);
  el.rows = rows;
  el.requestUpdate();
  await settled(el);
  return el;
}

describe('LogWindow', () => {
  it('renders a few of 10,000 rows, opening at the newest', async () => {
    const el = await open(makeRows(0, 10_000));
    expect(atBottom(el)).to.equal(true);
    expect(rowOf(el, 'r9999')).to.exist;
    expect(el.shadowRoot!.querySelectorAll('li').length).to.be.below(80);
    // The padding stands in for the rest: the scrollbar spans the whole log.
    expect(scrollerOf(el).scrollHeight).to.be.above(10_000 * 20);
  });

  it('shows the rows wherever the reader scrolls, from the top to the middle', async () => {
    const el = await open(makeRows(0, 10_000));
    scrollerOf(el).scrollTop = 0;
    await waitFor(() => Boolean(rowOf(el, 'r0')), 'the first row');
    expect(offsetOf(el, rowOf(el, 'r0')!)).to.be.within(-1, 1);
    scrollerOf(el).scrollTop = scrollerOf(el).scrollHeight / 2;
    await settled(el);
    const view = scrollerOf(el).getBoundingClientRect();
    const visible = [...el.shadowRoot!.querySelectorAll('li')].filter((li) => {
      const box = li.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
    expect(visible.length).to.be.above(3);
    expect(el.shadowRoot!.querySelectorAll('li').length).to.be.below(80);
  });

  it('keeps the row being read in place when older rows are added above', async () => {
    const el = await open(makeRows(500, 600));
    scrollerOf(el).scrollTop = 200;
    await settled(el);
    const row = rowOf(el, 'r520') ?? el.shadowRoot!.querySelector('li')!;
    const id = row.dataset.id!;
    const offset = offsetOf(el, row);
    el.rows = [...makeRows(0, 500), ...el.rows];
    el.requestUpdate();
    await settled(el);
    expect(Math.abs(offsetOf(el, rowOf(el, id)!) - offset)).to.be.below(1);
  });

  it('follows new rows only while at the bottom', async () => {
    const el = await open(makeRows(0, 300));
    el.rows = [...el.rows, ...makeRows(300, 302)];
    el.requestUpdate();
    await settled(el);
    expect(atBottom(el)).to.equal(true);
    expect(rowOf(el, 'r301')).to.exist;

    scrollerOf(el).scrollTop -= 500;
    await settled(el);
    const view = scrollerOf(el).getBoundingClientRect();
    const row = [...el.shadowRoot!.querySelectorAll('li')].find((li) => li.getBoundingClientRect().top >= view.top)!;
    const id = row.dataset.id!;
    const offset = offsetOf(el, row);
    el.rows = [...el.rows, ...makeRows(302, 340)];
    el.requestUpdate();
    await settled(el);
    expect(offsetOf(el, rowOf(el, id)!)).to.be.closeTo(offset, 1);
    expect(atBottom(el)).to.equal(false);
  });

  it('renders one row per row appended at the bottom, not rows it removed a moment before', async () => {
    // Rows of one line arriving under rows of four: each is estimated taller than it is.
    const el = await open(makeRows(0, 10_000).map((row) => ({ ...row, lines: 4 })));
    const added: string[] = [];
    const watcher = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof HTMLLIElement) added.push(node.dataset.id!);
    });
    watcher.observe(el.shadowRoot!.querySelector('ol')!, { childList: true });
    for (let n = 0; n < 40; n++) {
      el.rows = [...el.rows, { id: `new${n}`, lines: 1 }];
      el.requestUpdate();
      await settled(el);
      // Another update soon after (the thread's when the chat is marked read).
      el.requestUpdate();
      await settled(el);
    }
    watcher.disconnect();
    expect(atBottom(el)).to.equal(true);
    expect(added, 'rows added, each once').to.deep.equal(Array.from({ length: 40 }, (_, n) => `new${n}`));
  });

  it('does not follow at the end of a window that is not live', async () => {
    const el = await open(makeRows(0, 100));
    el.live = false;
    scrollerOf(el).scrollTop -= 1;
    await settled(el);
    const offset = offsetOf(el, rowOf(el, 'r99')!);
    el.rows = [...el.rows, ...makeRows(100, 150)];
    el.requestUpdate();
    await settled(el);
    expect(offsetOf(el, rowOf(el, 'r99')!)).to.be.closeTo(offset, 1);
    expect(atBottom(el)).to.equal(false);
  });

  it('centres and highlights a row it jumps to, and keeps it there as rows arrive', async () => {
    const el = await open(makeRows(0, 10_000));
    el.log.jumpTo('r1234');
    await settled(el);
    const row = rowOf(el, 'r1234')!;
    expect(row.hasAttribute('data-highlighted')).to.equal(true);
    const middle = scrollerOf(el).clientHeight / 2;
    const box = row.getBoundingClientRect();
    expect(box.top + box.height / 2 - scrollerOf(el).getBoundingClientRect().top).to.be.closeTo(middle, 2);
    const offset = offsetOf(el, row);
    el.rows = [...makeRows(-200, 0), ...el.rows];
    el.requestUpdate();
    await settled(el);
    expect(offsetOf(el, rowOf(el, 'r1234')!)).to.be.closeTo(offset, 1);
    await sleep(2100);
    expect(rowOf(el, 'r1234')!.hasAttribute('data-highlighted')).to.equal(false);
  });

  it('asks for older rows when the reader nears the top', async () => {
    const el = await open(makeRows(0, 100));
    let asked = 0;
    el.older = () => asked++;
    scrollerOf(el).scrollTop = 0;
    await waitFor(() => asked > 0, 'the request for older rows');
  });
});
