import { EventEmitter } from 'node:events';
import type { ServerFrame } from '@parta/protocol';
import { Redis } from 'ioredis';

/**
 * Fan-out between server processes. A topic is `chat:<id>` or `user:<id>`;
 * every process delivers what it hears to its own sockets. With Redis, a
 * process hears its own publications through Redis too, so each frame is
 * delivered exactly once per process.
 */
export interface Bus {
  publish(topic: string, frame: ServerFrame): Promise<void>;
  /**
   * `raw` is the frame already serialised, when the bus has it (Redis): a fan-out sends
   * that string to every socket instead of serialising the frame again per socket.
   */
  onMessage(handler: (topic: string, frame: ServerFrame, raw?: string) => void): void;
  close(): Promise<void>;
}

export function localBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(topic, frame) {
      emitter.emit('message', topic, frame);
    },
    onMessage(handler) {
      emitter.on('message', handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

const channel = 'parta:bus';

/**
 * One Redis message per publication (per chat event, not per socket): the topic, a newline,
 * then the frame's JSON, which every process parses once and passes on as it came.
 */
export async function redisBus(url: string): Promise<Bus> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers: ((topic: string, frame: ServerFrame, raw?: string) => void)[] = [];
  subscriber.on('message', (_channel: string, message: string) => {
    const split = message.indexOf('\n');
    const raw = message.slice(split + 1);
    let frame: ServerFrame;
    try {
      frame = JSON.parse(raw) as ServerFrame;
    } catch {
      // Not ours (another program on the channel, or an older format): dropped, never a crash.
      return;
    }
    if (split < 0) return;
    for (const handler of handlers) handler(message.slice(0, split), frame, raw);
  });
  await subscriber.subscribe(channel);
  return {
    async publish(topic, frame) {
      await publisher.publish(channel, `${topic}\n${JSON.stringify(frame)}`);
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
