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
  onMessage(handler: (topic: string, frame: ServerFrame) => void): void;
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

export async function redisBus(url: string): Promise<Bus> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers: ((topic: string, frame: ServerFrame) => void)[] = [];
  subscriber.on('message', (_channel: string, raw: string) => {
    const { topic, frame } = JSON.parse(raw) as { topic: string; frame: ServerFrame };
    for (const handler of handlers) handler(topic, frame);
  });
  await subscriber.subscribe(channel);
  return {
    async publish(topic, frame) {
      await publisher.publish(channel, JSON.stringify({ topic, frame }));
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
