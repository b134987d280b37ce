import { type ClientFrame, CloseCode, routes, type ServerFrame } from '@parta/protocol';
import { type BackoffOptions, backoffDelay } from './backoff.js';
import type { TokenManager } from './token.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export type ReadyFrame = Extract<ServerFrame, { type: 'ready' }>;

export interface ConnectionHandlers {
  status(status: ConnectionStatus): void;
  /** The socket is authenticated; the handler sends `resume`. */
  ready(frame: ReadyFrame): void;
  frame(frame: ServerFrame): void;
}

export interface ConnectionOptions {
  backoff?: BackoffOptions;
  /** How often to ping; a socket silent for twice as long is treated as dead. */
  pingIntervalMs?: number;
  /** How long to wait for `ready` after the socket opens. */
  readyTimeoutMs?: number;
}

/** Normal closure requested by this client: never reconnect on its own. */
const CLOSED_BY_CLIENT = 1000;

/**
 * The one WebSocket: authenticates with the first frame, keeps itself alive
 * with pings, and comes back after any loss with backoff and jitter, at once
 * when the browser says it is online again.
 */
export class Connection {
  readonly url: string;
  #tokens: TokenManager;
  #handlers: ConnectionHandlers;
  #options: Required<Omit<ConnectionOptions, 'backoff'>> & { backoff: BackoffOptions };
  #socket: WebSocket | null = null;
  #running = false;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #lastHeard = 0;
  #status: ConnectionStatus = 'offline';
  #authenticated = false;

  constructor(baseUrl: string, tokens: TokenManager, handlers: ConnectionHandlers, options: ConnectionOptions = {}) {
    const url = new URL(baseUrl.replace(/\/+$/, '') + routes.socket);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = url.href;
    this.#tokens = tokens;
    this.#handlers = handlers;
    this.#options = {
      backoff: options.backoff ?? {},
      pingIntervalMs: options.pingIntervalMs ?? 20_000,
      readyTimeoutMs: options.readyTimeoutMs ?? 10_000,
    };
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** True once the server answered `ready` on the current socket. */
  get authenticated(): boolean {
    return this.#authenticated;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
    this.#attempt = 0;
    if (isOffline()) this.#setStatus('offline');
    else void this.#open();
  }

  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    clearTimeout(this.#retryTimer);
    this.#drop(CLOSED_BY_CLIENT, 'client stopped');
    this.#setStatus('offline');
  }

  send(frame: ClientFrame): boolean {
    if (this.#socket?.readyState !== WebSocket.OPEN) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  /** Drop the current socket and reconnect through the usual backoff. */
  reconnect(): void {
    if (!this.#running) return;
    this.#drop(CLOSED_BY_CLIENT, 'reconnecting');
    this.#scheduleRetry();
  }

  #onOnline = () => {
    if (!this.#running) return;
    clearTimeout(this.#retryTimer);
    this.#attempt = 0;
    if (!this.#socket) void this.#open();
  };

  #onOffline = () => {
    if (!this.#running) return;
    // A socket may linger after the network is gone; anything it still
    // delivers would arrive out of band. Close it and resume when back.
    clearTimeout(this.#retryTimer);
    this.#drop(CLOSED_BY_CLIENT, 'offline');
    this.#setStatus('offline');
  };

  async #open() {
    if (!this.#running || this.#socket) return;
    this.#setStatus('connecting');
    let token: string;
    try {
      token = await this.#tokens.get();
    } catch {
      this.#scheduleRetry();
      return;
    }
    if (!this.#running || this.#socket || isOffline()) return;

    const socket = new WebSocket(this.url);
    this.#socket = socket;
    this.#authenticated = false;
    socket.addEventListener('open', () => {
      if (this.#socket !== socket) return;
      this.#lastHeard = Date.now();
      socket.send(JSON.stringify({ type: 'auth', token } satisfies ClientFrame));
      this.#readyTimer = setTimeout(() => this.#socket === socket && this.reconnect(), this.#options.readyTimeoutMs);
    });
    socket.addEventListener('message', (message) => {
      if (this.#socket !== socket) return;
      this.#lastHeard = Date.now();
      this.#receive(message.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.#socket !== socket) return;
      this.#cleanupSocket();
      this.#onClose(event.code);
    });
  }

  #receive(data: unknown) {
    if (typeof data !== 'string') return;
    // Frames are trusted like the server's HTTP answers (see Http): parsed, not validated.
    // A frame of a type this client does not know (a newer server) is passed on and ignored.
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame?.type !== 'string') return;
    if (frame.type === 'ready') {
      clearTimeout(this.#readyTimer);
      this.#authenticated = true;
      this.#attempt = 0;
      this.#startPing();
      this.#setStatus('online');
      this.#handlers.ready(frame);
      return;
    }
    if (frame.type === 'pong') return;
    this.#handlers.frame(frame);
  }

  #onClose(code: number) {
    if (!this.#running) return;
    if (code === CloseCode.Removed) {
      this.stop();
      return;
    }
    if (code === CloseCode.TokenExpired || code === CloseCode.Unauthorized) {
      this.#tokens.invalidate();
    }
    if (isOffline()) {
      this.#setStatus('offline');
      return;
    }
    // An expired token is routine: come straight back with a fresh one.
    if (code === CloseCode.TokenExpired) {
      this.#attempt = 0;
      void this.#open();
      return;
    }
    this.#scheduleRetry();
  }

  #scheduleRetry() {
    if (!this.#running) return;
    clearTimeout(this.#retryTimer);
    this.#setStatus(isOffline() ? 'offline' : 'connecting');
    const delay = backoffDelay(this.#attempt++, this.#options.backoff);
    this.#retryTimer = setTimeout(() => void this.#open(), delay);
  }

  #startPing() {
    clearInterval(this.#pingTimer);
    const interval = this.#options.pingIntervalMs;
    this.#pingTimer = setInterval(() => {
      if (Date.now() - this.#lastHeard > interval * 2) {
        this.reconnect();
        return;
      }
      this.send({ type: 'ping', t: Date.now() });
    }, interval);
  }

  #drop(code: number, reason: string) {
    const socket = this.#socket;
    if (!socket) return;
    this.#cleanupSocket();
    try {
      socket.close(code, reason);
    } catch {}
  }

  #cleanupSocket() {
    this.#socket = null;
    this.#authenticated = false;
    clearTimeout(this.#readyTimer);
    clearInterval(this.#pingTimer);
  }

  #setStatus(status: ConnectionStatus) {
    if (this.#status === status) return;
    this.#status = status;
    this.#handlers.status(status);
  }
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
