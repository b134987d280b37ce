import type { PartaClient } from '@parta/core';
import { ClientController } from '@parta/elements/controllers/client-controller';
import { tokens } from '@parta/elements/styles/tokens';
import { type ErrorCode, errorMessage, type Locale } from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Participant, type RemoteTrack, Room, RoomEvent, Track } from 'livekit-client';
import { PartaCallJoinEvent, PartaCallLeaveEvent } from '../events/call.js';
import { styles } from './call-room.styles.js';
import { strings } from './i18n.js';

type Phase = 'idle' | 'joining' | 'joined' | 'reconnecting';

interface Tile {
  identity: string;
  name: string;
  local: boolean;
  micMuted: boolean;
  video: HTMLVideoElement;
}

/**
 * @summary A chat's video call: join, see and hear the others, mute, leave.
 *
 * Takes the Parta client from an enclosing `<parta-client>` (or the `client`
 * property), asks the server for the chat's call token and joins the chat's
 * LiveKit room. Only chat members get a token; others see why.
 *
 * @fires parta-call-join - The user joined the call.
 * @fires parta-call-leave - The user left or was disconnected.
 * @csspart tile - One participant's video tile.
 * @csspart controls - The bar with microphone, camera and leave.
 * @cssproperty --parta-call-bg - Background of the room.
 * @cssproperty --parta-call-tile-bg - Background of a tile without video.
 * @cssproperty --parta-call-tile-min - Smallest tile width in the grid.
 */
export class PartaCallRoom extends LitElement {
  static override styles = [tokens, styles];

  /** The chat whose call this is. */
  @property({ attribute: 'chat-id' }) chatId?: string;

  /** Language: `ru` (default) or `en`. */
  @property() locale?: Locale;

  /** A client set directly; otherwise the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  /** Join with the microphone on. */
  @property({ type: Boolean, attribute: 'with-microphone' }) withMicrophone = true;

  /** Join with the camera on. */
  @property({ type: Boolean, attribute: 'with-camera' }) withCamera = true;

  @state() private phase: Phase = 'idle';
  @state() private error: string | null = null;
  @state() private tiles: Tile[] = [];
  @state() private micOn = false;
  @state() private cameraOn = false;

  #clients = new ClientController(this, () => this.requestUpdate());
  #room: Room | null = null;
  #videos = new Map<string, HTMLVideoElement>();
  #audio = document.createElement('div');
  #leaving = false;

  /** The LiveKit room while joined. */
  get room(): Room | null {
    return this.#room;
  }

  get #client(): PartaClient | undefined {
    return this.client ?? this.#clients.value;
  }

  get #strings() {
    return strings(this.locale ?? this.#client?.locale);
  }

  /** Decoded frames of every remote video, from WebRTC statistics: proof that video really arrives. */
  async inboundVideoStats(): Promise<{ framesDecoded: number }> {
    let framesDecoded = 0;
    for (const participant of this.#room?.remoteParticipants.values() ?? []) {
      for (const publication of participant.videoTrackPublications.values()) {
        const report = await publication.track?.getRTCStatsReport();
        report?.forEach((stat: { type?: string; kind?: string; framesDecoded?: number }) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video') framesDecoded += stat.framesDecoded ?? 0;
        });
      }
    }
    return { framesDecoded };
  }

  /** Joins the chat's call. */
  async join(): Promise<void> {
    const client = this.#client;
    if (this.phase !== 'idle') return;
    if (!client || !this.chatId) {
      this.error = this.#strings.noChat;
      return;
    }
    this.error = null;
    this.phase = 'joining';
    const room = new Room({ adaptiveStream: true, dynacast: true });
    try {
      const { url, token } = await client.callToken(this.chatId);
      this.#listen(room);
      await room.connect(url, token);
      this.#room = room;
      this.#leaving = false;
      await room.localParticipant.setMicrophoneEnabled(this.withMicrophone);
      await room.localParticipant.setCameraEnabled(this.withCamera);
      this.phase = 'joined';
      this.#refresh();
      this.dispatchEvent(new PartaCallJoinEvent(this.chatId, room.name));
    } catch (error) {
      room.removeAllListeners();
      await room.disconnect();
      this.#room = null;
      this.phase = 'idle';
      const code = (error as { code?: unknown }).code;
      this.error =
        typeof code === 'string' ? errorMessage(code as ErrorCode, this.locale ?? client.locale) : this.#strings.failed;
    }
  }

  /** Leaves the call; it goes on for the others. */
  async leave(): Promise<void> {
    this.#leaving = true;
    await this.#room?.disconnect();
  }

  async #toggleMicrophone() {
    const local = this.#room?.localParticipant;
    if (!local) return;
    await local.setMicrophoneEnabled(!local.isMicrophoneEnabled);
    this.#refresh();
  }

  async #toggleCamera() {
    const local = this.#room?.localParticipant;
    if (!local) return;
    await local.setCameraEnabled(!local.isCameraEnabled);
    this.#refresh();
  }

  #listen(room: Room) {
    const refresh = () => this.#refresh();
    room
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
        if (track.kind === Track.Kind.Audio) this.#audio.append(track.attach());
        refresh();
      })
      .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
        for (const element of track.detach()) if (track.kind === Track.Kind.Audio) element.remove();
        refresh();
      })
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.LocalTrackPublished, refresh)
      .on(RoomEvent.LocalTrackUnpublished, refresh)
      .on(RoomEvent.Reconnecting, () => {
        this.phase = 'reconnecting';
      })
      .on(RoomEvent.Reconnected, () => {
        this.phase = 'joined';
      })
      .on(RoomEvent.Disconnected, (reason?: unknown) => {
        const chatId = this.chatId ?? '';
        const why = this.#leaving ? 'user' : String(reason ?? 'disconnected');
        room.removeAllListeners();
        this.#room = null;
        this.#videos.clear();
        this.#audio.replaceChildren();
        this.tiles = [];
        if (this.phase === 'joined' || this.phase === 'reconnecting') {
          this.phase = 'idle';
          this.dispatchEvent(new PartaCallLeaveEvent(chatId, why));
        }
      });
  }

  #video(identity: string, local: boolean): HTMLVideoElement {
    let video = this.#videos.get(identity);
    if (!video) {
      video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.muted = local;
      video.setAttribute('aria-hidden', 'true');
      this.#videos.set(identity, video);
    }
    return video;
  }

  #tile(participant: Participant, local: boolean): Tile {
    const video = this.#video(participant.identity, local);
    const camera = participant.getTrackPublication(Track.Source.Camera);
    const track = camera && !camera.isMuted ? camera.track : undefined;
    if (track && !track.attachedElements.includes(video)) track.attach(video);
    if (!track) video.srcObject = null;
    const microphone = participant.getTrackPublication(Track.Source.Microphone);
    return {
      identity: participant.identity,
      name: participant.name || participant.identity,
      local,
      micMuted: !microphone || microphone.isMuted,
      video,
    };
  }

  #refresh() {
    const room = this.#room;
    if (!room) return;
    const remote = [...room.remoteParticipants.values()];
    const present = new Set([room.localParticipant.identity, ...remote.map((p) => p.identity)]);
    for (const identity of this.#videos.keys()) if (!present.has(identity)) this.#videos.delete(identity);
    this.tiles = [
      this.#tile(room.localParticipant, true),
      ...remote.map((participant) => this.#tile(participant, false)),
    ];
    this.micOn = room.localParticipant.isMicrophoneEnabled;
    this.cameraOn = room.localParticipant.isCameraEnabled;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.leave();
  }

  protected override render() {
    const s = this.#strings;
    const alert = this.error ? html`<p role="alert">${this.error}</p>` : nothing;
    if (this.phase === 'idle') {
      return html`<div class="idle">
        <div class="options">
          <label><input type="checkbox" .checked=${this.withMicrophone} @change=${(e: Event) => (this.withMicrophone = (e.target as HTMLInputElement).checked)} />${s.joinWithMic}</label>
          <label><input type="checkbox" .checked=${this.withCamera} @change=${(e: Event) => (this.withCamera = (e.target as HTMLInputElement).checked)} />${s.joinWithCamera}</label>
        </div>
        <button class="primary" type="button" @click=${() => this.join()}>${s.join}</button>
        ${alert}
      </div>`;
    }
    if (this.phase === 'joining') return html`<p class="status" role="status">${s.joining}</p>`;
    return html`
      ${this.phase === 'reconnecting' ? html`<p class="status" role="status">${s.reconnecting}</p>` : nothing}
      <ul class="grid" aria-label=${s.call}>
        ${this.tiles.map(
          (tile) => html`<li part="tile" class="tile" data-identity=${tile.identity}>
            ${tile.video}
            <span class="name">${tile.local ? `${tile.name} (${s.you})` : tile.name}${tile.micMuted ? html` <span role="img" aria-label=${s.muted}>🔇</span>` : nothing}</span>
          </li>`,
        )}
      </ul>
      <div part="controls" class="controls">
        <span class="count">${s.participants(this.tiles.length)}</span>
        <button type="button" aria-pressed=${this.micOn ? 'true' : 'false'} @click=${() => this.#toggleMicrophone()}>${s.microphone}</button>
        <button type="button" aria-pressed=${this.cameraOn ? 'true' : 'false'} @click=${() => this.#toggleCamera()}>${s.camera}</button>
        <button class="danger" type="button" @click=${() => this.leave()}>${s.leave}</button>
      </div>
      ${this.#audio}
      ${alert}
    `;
  }
}
