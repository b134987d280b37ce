import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/*
 * Why a purpose-built window and not @lit-labs/virtualizer (2.1.1):
 * - Size. Minified and gzipped, the virtualizer is about 5.2 KB plus 3.4 KB for its flow
 *   layout (8.6 KB), while the chat page's whole initial budget is 40 KB and it was at
 *   ~35.5 KB before this issue. This file is about 2.5 KB gzipped on its own.
 * - A chat log is anchored at the bottom: it opens at the newest message, follows new
 *   ones only while the reader is at the end, and keeps the message being read in place
 *   when older pages are inserted above it. The virtualizer lays out from the top and
 *   leaves all of that (and a jump to a message) to the caller, through its private
 *   layout state; here it is the whole point, in a few lines.
 * - The rows stay real `<li>` children of one `<ol>`, so the log keeps its list
 *   semantics and the thread's per-message markup, menus and focus handling unchanged.
 *
 * How it works: only the rows near the viewport are rendered; the rest are stood in
 * for by the list's top and bottom padding, computed from each row's measured height
 * (from the last render or a ResizeObserver; rows never rendered count as the mean of the
 * first ones measured, fixed from then on, so measuring more never moves the rows above).
 * The position is held as a mode: at the bottom (follow new rows), anchored (a row's key
 * and its distance from the top of the viewport, kept across renders), or jumping to a
 * row (centred once, then anchored there).
 */

/** How close to the end still counts as "at the bottom", in pixels. */
const BOTTOM_SLACK = 32;
/** Rendered beyond the viewport on each side, in pixels. */
const OVERSCAN = 320;
/** A row kept rendered for focus (an open menu, the editor) may be this many rows away. */
const KEEP_WITHIN = 60;
const DEFAULT_ESTIMATE = 64;

type Mode = { kind: 'bottom' } | { kind: 'anchor'; key: string; offset: number } | { kind: 'jump'; key: string };

export interface LogWindowOptions {
  /** The scrolling element. */
  scroller(): HTMLElement | null | undefined;
  /** May the view follow new rows at the end? Not while newer rows exist beyond the window held. */
  live(): boolean;
  /** The reader came near the first row (load older ones) or near the last one (load newer). */
  nearStart?(): void;
  nearEnd?(): void;
}

export const logStyles = css`
  [part~='messages'] {
    overflow-anchor: none;
  }
  ol > li[data-highlighted] [part~='message-bubble'] {
    animation: parta-highlight 2s ease-out;
  }
  @keyframes parta-highlight {
    from {
      box-shadow: 0 0 0 3px var(--_accent);
    }
    to {
      box-shadow: 0 0 0 3px transparent;
    }
  }
  [part~='unread-line'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_accent);
    font-size: var(--_font-size-s);
  }
  [part~='unread-line']::before,
  [part~='unread-line']::after {
    content: '';
    flex: 1;
    border-top: 1px solid currentColor;
  }
  [part~='to-latest'] {
    display: block;
    margin: var(--_space-1) auto;
  }
`;

/** A windowed, bottom-anchored list of rows for the thread's log. */
export class LogWindow<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: LogWindowOptions;
  #mode: Mode = { kind: 'bottom' };
  /** Measured heights (with the gap after each row), by key. */
  #heights = new Map<string, number>();
  /**
   * The height assumed for rows not measured yet: the mean of the first ones measured, then
   * fixed, so that measuring more rows never moves the rows above them.
   */
  #estimate: number | undefined;
  #keys: string[] = [];
  /** The rows of the last render. */
  #held: readonly T[] = [];
  /** Rows from this index on may have moved since the last layout (a height was measured). */
  #dirtyFrom = 0;
  /** Row tops: `#tops[i]` is where row i starts inside the list, `#tops[n]` the list's height. */
  #tops: number[] = [0];
  #start = 0;
  #end = 0;
  /** Rows before this index are the ones the last render had at the same places. */
  #unchanged = 0;
  #list: HTMLElement | null = null;
  #observer: ResizeObserver | undefined;
  #observed = new Set<Element>();
  #frame = 0;
  /** Renders in a row that found the view not yet covered; a few are fine, then wait for a frame. */
  #passes = 0;
  #gap: number | undefined;
  /** The scroll position last read or set here: another one means the reader scrolled since. */
  #lastTop = 0;
  #highlight: { key: string; timer: ReturnType<typeof setTimeout> } | undefined;
  /** Keys whose rows stay rendered while they hold focus or an open menu. */
  keep: string[] = [];

  constructor(host: ReactiveControllerHost, options: LogWindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer ??= new ResizeObserver((entries) => this.#onResize(entries));
    const scroller = this.#options.scroller();
    if (scroller) this.#observe(scroller);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observed.clear();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** True while the view follows the newest row. */
  get atBottom(): boolean {
    return this.#mode.kind === 'bottom';
  }

  /** Back to the start state, for another chat: at the bottom, nothing measured. */
  reset(): void {
    this.#mode = { kind: 'bottom' };
    this.#dirtyFrom = 0;
    this.#lastTop = this.#options.scroller()?.scrollTop ?? 0;
    this.#heights.clear();
    this.#estimate = undefined;
  }

  /** Follow the newest row again (the reader sent a message, or asked for the latest). */
  stickToBottom(): void {
    this.#mode = { kind: 'bottom' };
    this.#host.requestUpdate();
  }

  /** Keep the row now at the top of the view where it is, even when at the bottom. */
  holdPosition(): void {
    this.#mode = this.#anchorFromView() ?? this.#mode;
    this.#lastTop = this.#options.scroller()?.scrollTop ?? 0;
  }

  /** Centres the row with this key (once it is among the rows) and highlights it briefly. */
  jumpTo(key: string): void {
    this.#mode = { kind: 'jump', key };
    if (this.#highlight) clearTimeout(this.#highlight.timer);
    this.#highlight = { key, timer: setTimeout(() => this.#unhighlight(key), 2000) };
    this.#host.requestUpdate();
  }

  /**
   * The rows near the view as an `<ol>`, the others stood in for by its padding.
   * `render` must return exactly one `<li>` per row.
   */
  render(rows: readonly T[], key: (row: T) => string, render: (row: T) => unknown): TemplateResult {
    this.#layout(rows, key);
    const [start, end] = this.#range();
    this.#start = start;
    this.#end = end;
    const tops = this.#tops;
    // Set through the CSSOM (as `cssText`), which a strict Content-Security-Policy allows.
    const style = `padding-top: ${tops[start]}px; padding-bottom: ${tops.at(-1)! - tops[end]!}px`;
    return html`<ol .style=${style}>
      ${repeat(rows.slice(start, end), key, render)}
    </ol>`;
  }

  hostUpdated(): void {
    const scroller = this.#options.scroller();
    // Detached, or not laid out (display: none): nothing to measure or keep.
    if (!scroller?.isConnected || scroller.clientHeight === 0) return;
    this.#observe(scroller);
    const list = scroller.querySelector<HTMLElement>(':scope > ol');
    if (list !== this.#list) this.#gap = undefined;
    this.#list = list;
    const rows = this.#rows();
    const seen = new Set<Element>(rows);
    for (const element of this.#observed) {
      if (element !== scroller && !seen.has(element)) {
        this.#observer?.unobserve(element);
        this.#observed.delete(element);
      }
    }
    const gap = this.#rowGap();
    let measured = 0;
    rows.forEach((row, offset) => {
      const height = row.getBoundingClientRect().height + gap;
      this.#measure(this.#start + offset, height);
      measured += height;
      this.#observe(row);
    });
    if (this.#estimate === undefined && rows.length > 0) {
      this.#estimate = measured / rows.length;
      this.#dirtyFrom = 0;
    }
    if (this.#dirtyFrom < this.#keys.length) this.#relayout();
    const highlight = this.#highlight?.key;
    if (highlight !== undefined) this.#rowOf(highlight)?.setAttribute('data-highlighted', '');
    this.#settle();
    if (this.#covered()) this.#passes = 0;
    else if (++this.#passes < 4) this.#host.requestUpdate();
    else {
      this.#passes = 0;
      this.#schedule();
    }
  }

  /**
   * Reads where the reader is now, when they scrolled since the position was last read or
   * set here (before new rows land, a scroll event may not have reported it yet). A mode
   * set on purpose (follow the end, a jump on its way) stands until the reader scrolls.
   */
  sync(): void {
    const scroller = this.#options.scroller();
    if (!scroller || !this.#list || this.#mode.kind === 'jump') return;
    if (Math.abs(scroller.scrollTop - this.#lastTop) < 1) return;
    this.#lastTop = scroller.scrollTop;
    const fromEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    if (fromEnd <= BOTTOM_SLACK && this.#options.live()) this.#mode = { kind: 'bottom' };
    else this.#mode = this.#anchorFromView() ?? this.#mode;
  }

  /** The scroll handler of the scroller: reads where the reader is and renders more rows when needed. */
  onScroll(): void {
    const scroller = this.#options.scroller();
    if (!scroller) return;
    this.sync();
    if (!this.#covered()) this.#host.requestUpdate();
    const view = this.#view(scroller);
    if (view.top < scroller.clientHeight) this.#options.nearStart?.();
    if (view.bottom > this.#tops.at(-1)! - scroller.clientHeight) this.#options.nearEnd?.();
  }

  // --- geometry

  /**
   * Row tops for these keys. Only what changed is computed again: a message appended
   * costs a comparison of the keys, not a lookup of every height.
   */
  #layout(rows: readonly T[], key: (row: T) => string) {
    const previous = this.#held;
    const keys = this.#keys;
    const limit = Math.min(previous.length, rows.length);
    // The same row, or a new copy of it (an edit): compared by identity first, by key only when needed.
    let same = 0;
    while (same < limit && (previous[same] === rows[same] || keys[same] === key(rows[same]!))) same++;
    keys.length = rows.length;
    for (let index = same; index < rows.length; index++) keys[index] = key(rows[index]!);
    this.#held = rows;
    this.#unchanged = same;
    this.#dirtyFrom = Math.min(this.#dirtyFrom, same);
    this.#relayout();
  }

  /** Row tops again from the first row that may have moved. */
  #relayout() {
    const keys = this.#keys;
    const same = Math.min(this.#dirtyFrom, keys.length);
    this.#dirtyFrom = Number.POSITIVE_INFINITY;
    const estimate = this.#estimate ?? DEFAULT_ESTIMATE;
    const tops = this.#tops;
    tops.length = keys.length + 1;
    let top = tops[same] ?? 0;
    for (let index = same; index < keys.length; index++) {
      tops[index] = top;
      top += this.#heights.get(keys[index]!) ?? estimate;
    }
    tops[keys.length] = top;
  }

  /** Where a key is: looked for among the rendered rows first, where anchors and focus usually are. */
  #indexOf(key: string): number | undefined {
    const keys = this.#keys;
    for (let index = this.#start; index < Math.min(this.#end, keys.length); index++) {
      if (keys[index] === key) return index;
    }
    const index = keys.indexOf(key);
    return index === -1 ? undefined : index;
  }

  /** The first row whose bottom is below `y`. */
  #rowAt(y: number): number {
    const tops = this.#tops;
    let low = 0;
    let high = tops.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (tops[middle]! <= y) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  /** Where the view starts inside the list for the current mode, before it is applied. */
  #viewTop(height: number): number {
    const tops = this.#tops;
    const total = tops.at(-1)!;
    const mode = this.#mode;
    if (mode.kind !== 'bottom') {
      const index = this.#indexOf(mode.key);
      if (index !== undefined) {
        if (mode.kind === 'anchor') return tops[index]! - mode.offset;
        return tops[index]! + (tops[index + 1]! - tops[index]!) / 2 - height / 2;
      }
      const scroller = this.#options.scroller();
      if (scroller && this.#list) return this.#view(scroller).top;
    }
    return total - height;
  }

  #range(): [number, number] {
    const count = this.#keys.length;
    if (count === 0) return [0, 0];
    const height = this.#options.scroller()?.clientHeight || globalThis.innerHeight || 800;
    const top = this.#viewTop(height);
    let start = this.#rowAt(top - OVERSCAN);
    let end = Math.min(count, this.#rowAt(top + height + OVERSCAN) + 1);
    // Rows already rendered stay while they are within twice the overscan: a small shift (a
    // message appended, a row measured) then adds a row without removing others that the
    // next update would add back, each costing the browser a style and layout pass.
    // Past that, only the rows beyond one and a half overscans go: the next small shift back
    // (a new row measured smaller than estimated) then finds its rows still there.
    const tops = this.#tops;
    const kept = this.#unchanged;
    if (this.#start < start && this.#start < kept) {
      start = tops[this.#start]! >= top - 2 * OVERSCAN ? this.#start : this.#rowAt(top - 1.5 * OVERSCAN);
    }
    if (this.#end > end && this.#end <= kept) {
      end =
        tops[this.#end]! <= top + height + 2 * OVERSCAN
          ? this.#end
          : Math.min(count, this.#rowAt(top + height + 1.5 * OVERSCAN) + 1);
    }
    for (const key of this.keep) {
      const index = this.#indexOf(key);
      if (index === undefined) continue;
      if (index < start && start - index <= KEEP_WITHIN) start = index;
      if (index >= end && index - end < KEEP_WITHIN) end = index + 1;
    }
    return [start, end];
  }

  /** The view in list coordinates. */
  #view(scroller: HTMLElement): { top: number; bottom: number } {
    const listTop = this.#list
      ? this.#list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
      : 0;
    const top = scroller.scrollTop - listTop;
    return { top, bottom: top + scroller.clientHeight };
  }

  /** Do the rendered rows cover the view and half the overscan on each side? */
  #covered(): boolean {
    const scroller = this.#options.scroller();
    if (!scroller || !this.#list) return true;
    const { top, bottom } = this.#view(scroller);
    const tops = this.#tops;
    const above = this.#start === 0 || tops[this.#start]! <= top - OVERSCAN / 2;
    const below = this.#end === this.#keys.length || tops[this.#end]! >= bottom + OVERSCAN / 2;
    return above && below;
  }

  #rows(): HTMLElement[] {
    return this.#list ? ([...this.#list.children] as HTMLElement[]) : [];
  }

  #rowOf(key: string): HTMLElement | undefined {
    const index = this.#indexOf(key);
    if (index === undefined || index < this.#start || index >= this.#end) return undefined;
    return this.#rows()[index - this.#start];
  }

  #rowGap(): number {
    this.#gap ??= this.#list ? Number.parseFloat(getComputedStyle(this.#list).rowGap) || 0 : 0;
    return this.#gap;
  }

  #measure(index: number, height: number) {
    const key = this.#keys[index]!;
    const known = this.#heights.get(key);
    if (known !== undefined && Math.abs(known - height) < 0.5) return false;
    this.#heights.set(key, height);
    this.#dirtyFrom = Math.min(this.#dirtyFrom, index);
    return true;
  }

  // --- keeping the position

  /**
   * The first row visible and how far its top is below the view's top. When the reader
   * scrolled past every rendered row (dragging the scrollbar), the row the padding puts there.
   */
  #anchorFromView(): Mode | undefined {
    const scroller = this.#options.scroller();
    if (!scroller || this.#keys.length === 0) return undefined;
    const view = scroller.getBoundingClientRect();
    const rows = this.#rows();
    for (let offset = 0; offset < rows.length; offset++) {
      const box = rows[offset]!.getBoundingClientRect();
      if (box.bottom > view.top && box.top < view.bottom) {
        return { kind: 'anchor', key: this.#keys[this.#start + offset]!, offset: box.top - view.top };
      }
    }
    if (!this.#list) return undefined;
    const { top } = this.#view(scroller);
    const index = Math.min(this.#rowAt(top), this.#keys.length - 1);
    return { kind: 'anchor', key: this.#keys[index]!, offset: this.#tops[index]! - top };
  }

  /** Applies the mode to the scroll position: sticks to the end, or puts the anchored row where it was. */
  #settle() {
    const scroller = this.#options.scroller();
    if (!scroller) return;
    // Scrolled by the reader since (its scroll event not handled yet): that is the position to keep.
    this.sync();
    const mode = this.#mode;
    if (mode.kind === 'bottom') {
      scroller.scrollTop = scroller.scrollHeight;
      this.#lastTop = scroller.scrollTop;
      return;
    }
    const row = this.#rowOf(mode.key);
    if (!row) return;
    const viewTop = scroller.getBoundingClientRect().top;
    const box = row.getBoundingClientRect();
    const wanted = mode.kind === 'anchor' ? mode.offset : (scroller.clientHeight - box.height) / 2;
    const delta = box.top - viewTop - wanted;
    if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
    this.#lastTop = scroller.scrollTop;
    if (mode.kind === 'jump') {
      // Centred once; from now on it stays where it is, like any row being read.
      this.#mode = { kind: 'anchor', key: mode.key, offset: row.getBoundingClientRect().top - viewTop };
    }
  }

  // --- size changes that no render caused (fonts, the composer growing, a narrower page)

  #observe(element: Element) {
    if (this.#observed.has(element)) return;
    this.#observed.add(element);
    this.#observer?.observe(element);
  }

  #onResize(entries: ResizeObserverEntry[]) {
    const scroller = this.#options.scroller();
    if (!scroller?.isConnected || scroller.clientHeight === 0) return;
    let changed = false;
    const gap = this.#rowGap();
    for (const entry of entries) {
      if (entry.target === scroller) {
        this.#gap = undefined;
        changed = true;
        continue;
      }
      const index = this.#rows().indexOf(entry.target as HTMLElement);
      if (index === -1) continue;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
      if (this.#measure(this.#start + index, height + gap)) changed = true;
    }
    if (!changed) return;
    if (this.#dirtyFrom < this.#keys.length) this.#relayout();
    // Only the scroll position changes here (it resizes nothing); rendering other rows waits
    // for the next frame, so the observer never sees a loop.
    this.#settle();
    this.#schedule();
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#host.requestUpdate();
    });
  }

  #unhighlight(key: string) {
    if (this.#highlight?.key === key) this.#highlight = undefined;
    this.#list?.querySelector('[data-highlighted]')?.removeAttribute('data-highlighted');
  }
}
