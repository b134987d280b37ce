import { createFolder, deleteFolder, type PartaClient, updateFolder } from '@parta/core';
import { type ChatSummary, type Folder, limits } from '@parta/protocol';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeChatError, tm } from '../chats-i18n.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import type { Locale } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';

/** `close` from `<parta-folder-editor>`; `folderId` names the folder just created. */
export class PartaFolderCloseEvent extends Event {
  readonly folderId: string | undefined;
  constructor(folderId?: string) {
    super('close');
    this.folderId = folderId;
  }
}

/**
 * @summary Creates, renames, fills or deletes one of the user's chat folders.
 *
 * A user has at most 15 folders; the server refuses the 16th and the editor
 * says so. Opened from `<parta-chat-list>` in a dialog.
 *
 * @fires close - Done or cancelled (`event.folderId`: the folder created, if one was).
 * @csspart form - The form.
 * @csspart error - Why saving failed.
 * @csspart button - Every button; also `button-save`, `button-delete`.
 */
export class PartaFolderEditor extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      form {
        display: grid;
        align-items: stretch;
        border: 0;
        background: none;
      }
      fieldset {
        display: grid;
        max-height: 45vh;
        margin: 0;
        padding: var(--_space-2);
        overflow: auto;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-s);
        gap: var(--_space-1);
      }
      legend {
        color: var(--_muted);
        font-size: var(--_font-size-s);
      }
      .actions {
        justify-content: flex-end;
      }
      .actions .danger {
        margin-inline-end: auto;
      }
    `,
  ];

  @property({ attribute: false }) client?: PartaClient;
  /** The folder to edit; absent: a new one. */
  @property({ attribute: false }) folder?: Folder;
  /** The chats one may put in the folder. */
  @property({ attribute: false }) chats: readonly ChatSummary[] = [];
  /** Language: `ru` (default) or `en`. */
  @property() locale?: Locale;

  @state() private error = '';
  @state() private busy = false;

  #confirm = new ConfirmController(this);

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
  }

  protected override render() {
    const strings = tm(this.locale);
    const folder = this.folder;
    const chosen = new Set(folder?.chatIds);
    return html`<form part="form" @submit=${this.#save}>
        <h3>${folder ? strings.editFolder : strings.newFolder}</h3>
        <label>
          ${strings.folderTitle}
          <input name="title" required maxlength=${limits.folderTitleMax} .value=${folder?.title ?? ''} />
        </label>
        <fieldset>
          <legend>${strings.folderChats}</legend>
          ${this.chats.map(
            (chat) => html`<label class="inline">
              <input type="checkbox" name="chat" value=${chat.id} ?checked=${chosen.has(chat.id)} />
              ${chat.kind === 'saved' ? strings.saved : chat.title}
            </label>`,
          )}
        </fieldset>
        <p part="error" role="alert">${this.error}</p>
        <div class="actions">
          ${folder ? html`<button type="button" part="button button-delete" class="danger" ?disabled=${this.busy} @click=${this.#delete}>${strings.deleteFolder}</button>` : nothing}
          <button type="button" part="button" @click=${() => this.dispatchEvent(new PartaFolderCloseEvent())}>${strings.cancel}</button>
          <button type="submit" part="button button-save" class="primary" ?disabled=${this.busy}>${strings.save}</button>
        </div>
      </form>
      ${this.#confirm.render()}`;
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.client;
    if (!client) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { title: String(data.get('title') ?? '').trim(), chatIds: data.getAll('chat').map(String) };
    this.busy = true;
    this.error = '';
    try {
      if (this.folder) {
        await updateFolder(client, this.folder.id, body);
        this.dispatchEvent(new PartaFolderCloseEvent());
      } else {
        const folder = await createFolder(client, body);
        this.dispatchEvent(new PartaFolderCloseEvent(folder.id));
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.error = code === 'limit_reached' ? tm(this.locale).foldersFull : describeChatError(error, this.locale);
    } finally {
      this.busy = false;
    }
  };

  #delete = async () => {
    const client = this.client;
    const folder = this.folder;
    if (!client || !folder) return;
    const strings = tm(this.locale);
    const sure = await this.#confirm.ask({
      title: strings.deleteFolderQuestion(folder.title),
      detail: strings.deleteFolderDetail,
      confirm: strings.deleteFolder,
      cancel: strings.cancel,
    });
    if (!sure) return;
    this.busy = true;
    try {
      await deleteFolder(client, folder.id);
      this.dispatchEvent(new PartaFolderCloseEvent());
    } catch (error) {
      this.error = describeChatError(error, this.locale);
    } finally {
      this.busy = false;
    }
  };
}
