// Subscriptions to a swarm's streams (responses, telemetry), each with its own bounded mailbox.
import { ElexError, ErrorCode, toElexError } from './elex-errors.js';

const DEFAULT_QUEUE_CAPACITY = 256;

// A subscriber's own mailbox: .NET pushes synchronously, the callback is awaited one item at a
// time, so a slow (async) callback gets items in order while the mailbox holds at most `capacity`;
// beyond that the oldest waiting item is dropped and counted.
function mailbox(callback, capacity, unsubscribeNative) {
  const queue = [];
  let draining = false;
  let closed = false;
  const stats = { delivered: 0, dropped: 0, errors: 0 };

  async function drain() {
    draining = true;
    while (queue.length > 0 && !closed) {
      const item = queue.shift();
      try {
        await callback(item);
        stats.delivered++;
      } catch (error) {
        stats.errors++;
        globalThis.reportError?.(error);
      }
    }
    draining = false;
  }

  const unsubscribe = () => {
    if (closed) return;
    closed = true;
    queue.length = 0;
    unsubscribeNative();
  };
  unsubscribe.stats = () => ({ ...stats, pending: queue.length, closed });

  return {
    push(json) {
      if (closed) return;
      if (queue.length >= capacity) {
        queue.shift();
        stats.dropped++;
      }
      // .NET pushes JSON text; the worker bridge (elex-worker-client.js) pushes structured clones.
      queue.push(typeof json === 'string' ? JSON.parse(json) : json);
      if (!draining) void drain();
    },
    unsubscribe,
  };
}

export function subscribable(subscribeNative) {
  return {
    subscribe(listener, options = {}) {
      const callback = typeof listener === 'function' ? listener : listener?.next?.bind(listener);
      if (typeof callback !== 'function') throw new ElexError(ErrorCode.INVALID_QUERY, 'subscribe needs a function or an object with next()');
      const capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_QUEUE_CAPACITY));
      let box;
      let native = () => {};
      box = mailbox(callback, capacity, () => native());
      try {
        native = subscribeNative((json) => box.push(json));
      } catch (error) {
        throw toElexError(error);
      }
      return box.unsubscribe;
    },
  };
}

