import { createClass, listClasses, listMembers, type PartaClient, updateClass } from '@parta/core';
import { type ClassInfo, type CreateClassBody, canInOrg, isStaff, type Member } from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { LoadController } from '../controllers/load-controller.js';
import { OrgController } from '../controllers/org-controller.js';
import { className, describeError } from '../format.js';
import { displayName, type Locale, tc } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './classes.styles.js';

const defaultColor = '#2a5bd7';

/** The academic year under way: from September on, this year and the next. */
export function currentAcademicYear(today = new Date()): string {
  const start = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `${start}/${start + 1}`;
}

/**
 * @summary An organisation's classes with their student counts; administrators create, edit and archive them.
 *
 * A class has a number, a letter, an optional name ("9А · ФизМат"), an
 * academic year and a cover colour (SPEC §3). Archived classes are hidden
 * unless asked for.
 *
 * @csspart header - The title row.
 * @csspart form - The form that creates or edits a class.
 * @csspart list - The classes.
 * @csspart item - One class; also `item-archived`.
 * @csspart swatch - A class's cover colour.
 * @csspart button - Every button; also `button-new`, `button-edit`, `button-archive`, `button-save`.
 * @csspart notice - What the last action did (a live region).
 * @csspart error - Why loading or saving failed.
 * @csspart empty - The loading or empty note.
 */
export class PartaClasses extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The organisation; defaults to the client's current one. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  /** Show archived classes too. */
  @property({ type: Boolean, attribute: 'show-archived' }) showArchived = false;

  /** The class being edited, `new` for a new one, or none. */
  @state() private editing: ClassInfo | 'new' | null = null;
  @state() private notice = '';
  @state() private error = '';
  @state() private saving = false;

  #org = new OrgController(this);
  #classes = new LoadController<ClassInfo[]>(this);
  #staff = new LoadController<Member[]>(this);

  get #locale() {
    return this.locale ?? this.#org.client?.locale;
  }

  get #canManage(): boolean {
    return canInOrg(this.#org.actor, 'classes.manage');
  }

  /** The classes shown, by number and letter. */
  get classes(): readonly ClassInfo[] {
    return (this.#classes.value ?? [])
      .filter((cls) => this.showArchived || !cls.archived)
      .sort((a, b) => a.number - b.number || a.letter.localeCompare(b.letter, 'ru'));
  }

  protected override willUpdate(): void {
    this.#org.bind();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    const key = client && orgId ? `${orgId}|${this.showArchived}` : undefined;
    this.#classes.sync(key, () => listClasses(client!, orgId!, { archived: this.showArchived }));
    // The class teacher picker needs the staff, and only those who manage classes see it.
    this.#staff.sync(client && orgId && this.#canManage ? orgId : undefined, async () =>
      (await listMembers(client!, orgId!)).filter((member) => isStaff(member.roles)),
    );
  }

  protected override render() {
    const strings = tc(this.#locale);
    const classes = this.classes;
    const loaded = this.#classes.value !== undefined;
    return html`<header part="header">
        <h2 id="title" tabindex="-1">${strings.classes}</h2>
        <label class="inline archived-toggle">
          <input
            type="checkbox"
            .checked=${this.showArchived}
            @change=${(event: Event) => (this.showArchived = (event.target as HTMLInputElement).checked)}
          />
          ${strings.showArchived}
        </label>
        ${
          this.#canManage && this.editing === null
            ? html`<button type="button" part="button button-new" class="primary" @click=${() => this.#edit('new')}>
                ${strings.newClass}
              </button>`
            : nothing
        }
      </header>
      ${this.editing !== null ? this.#renderForm(this.editing) : nothing}
      <p part="notice" role="status">${this.notice}</p>
      <p part="error" role="alert">${this.error || (this.#classes.error ? describeError(this.#classes.error, this.#locale) : '')}</p>
      ${
        classes.length === 0
          ? html`<p part="empty">${loaded ? strings.noClasses : this.#classes.error ? '' : this.#org.loadingNote(strings)}</p>`
          : html`<ul part="list" aria-labelledby="title">
              ${repeat(
                classes,
                (cls) => cls.id,
                (cls) => this.#renderClass(cls),
              )}
            </ul>`
      }`;
  }

  #renderClass(cls: ClassInfo) {
    const strings = tc(this.#locale);
    const name = className(cls);
    const lead = this.#staff.value?.find((member) => member.user.id === cls.leadUserId);
    const meta = [
      cls.academicYear,
      strings.students(cls.studentCount),
      lead ? `${strings.classTeacher}: ${displayName(lead.user)}` : null,
      cls.archived ? strings.archived : null,
    ].filter(Boolean);
    const nameId = `class-${cls.id}`;
    return html`<li part=${cls.archived ? 'item item-archived' : 'item'} data-class-id=${cls.id}>
      <span part="swatch" aria-hidden="true" style=${styleMap({ background: cls.color })}>${cls.number}${cls.letter}</span>
      <div class="grow">
        <span class="name" id=${nameId}>${name}</span>
        <span class="meta">${meta.join(' · ')}</span>
      </div>
      ${
        this.#canManage
          ? html`<div class="actions">
              <button type="button" part="button button-edit" aria-describedby=${nameId} @click=${() => this.#edit(cls)}>
                ${strings.edit}
              </button>
              <button type="button" part="button button-archive" aria-describedby=${nameId} @click=${() => this.#archive(cls)}>
                ${cls.archived ? strings.unarchive : strings.archive}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  #renderForm(editing: ClassInfo | 'new') {
    const strings = tc(this.#locale);
    const cls = editing === 'new' ? null : editing;
    const title = cls ? strings.editClass(className(cls)) : strings.newClass;
    return html`<form part="form" aria-labelledby="form-title" @submit=${this.#save}>
      <h3 id="form-title">${title}</h3>
      <label>
        ${strings.number}
        <input name="number" type="number" min="0" max="12" required .value=${String(cls?.number ?? '')} />
      </label>
      <label>
        ${strings.letter}
        <input name="letter" class="short" maxlength="4" required .value=${cls?.letter ?? ''} />
      </label>
      <label>
        ${strings.classTitle}
        <input name="title" maxlength="60" .value=${cls?.title ?? ''} />
      </label>
      <label>
        ${strings.academicYear}
        <input
          name="academicYear"
          class="year"
          required
          pattern="\\d{4}/\\d{4}"
          placeholder="2025/2026"
          .value=${cls?.academicYear ?? currentAcademicYear()}
        />
      </label>
      <label>
        ${strings.color}
        <input name="color" type="color" .value=${cls?.color ?? defaultColor} />
      </label>
      <label>
        ${strings.classTeacher}
        <select name="leadUserId">
          <option value="">${strings.nobody}</option>
          ${(this.#staff.value ?? []).map(
            (member) =>
              html`<option value=${member.user.id} ?selected=${member.user.id === cls?.leadUserId}>${displayName(member.user)}</option>`,
          )}
        </select>
      </label>
      <div class="actions">
        <button type="submit" part="button button-save" class="primary" ?disabled=${this.saving}>${strings.save}</button>
        <button type="button" part="button" @click=${() => this.#closeForm()}>${strings.cancel}</button>
      </div>
    </form>`;
  }

  async #edit(editing: ClassInfo | 'new') {
    this.notice = '';
    this.error = '';
    this.editing = editing;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form input')?.focus();
  }

  async #closeForm() {
    const was = this.editing;
    this.editing = null;
    await this.updateComplete;
    const back =
      was && was !== 'new'
        ? this.renderRoot.querySelector<HTMLElement>(`[data-class-id="${CSS.escape(was.id)}"] [part~="button-edit"]`)
        : this.renderRoot.querySelector<HTMLElement>('[part~="button-new"]');
    back?.focus();
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    const editing = this.editing;
    if (!client || !orgId || !editing || this.saving) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const body: CreateClassBody = {
      number: Number(data.get('number')),
      letter: String(data.get('letter')).trim().toUpperCase(),
      title: String(data.get('title')).trim() || null,
      academicYear: String(data.get('academicYear')).trim(),
      color: String(data.get('color')),
      leadUserId: String(data.get('leadUserId')) || null,
    };
    this.saving = true;
    this.error = '';
    try {
      const saved =
        editing === 'new' ? await createClass(client, orgId, body) : await updateClass(client, orgId, editing.id, body);
      this.#put(saved);
      this.notice = tc(this.#locale).classSaved;
      await this.#closeForm();
    } catch (error) {
      this.error = describeError(error, this.#locale);
    } finally {
      this.saving = false;
    }
  };

  async #archive(cls: ClassInfo) {
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    if (!client || !orgId) return;
    this.error = '';
    try {
      this.#put(await updateClass(client, orgId, cls.id, { archived: !cls.archived }));
      this.notice = tc(this.#locale).classSaved;
    } catch (error) {
      this.error = describeError(error, this.#locale);
    }
  }

  #put(saved: ClassInfo) {
    const held = this.#classes.value ?? [];
    const exists = held.some((cls) => cls.id === saved.id);
    this.#classes.set(exists ? held.map((cls) => (cls.id === saved.id ? saved : cls)) : [...held, saved]);
  }
}
