// One question's answer as it is produced (swarm.queryStream): the parts arrive in order — routed,
// section…, verdict…, then done — and the observer hears next for each, then complete; or error
// (an ElexError with the part as `part`) instead of complete when the question failed.
import { ElexError, ErrorCode, toElexError } from './elex-errors.js';

// `start(push)` asks .NET and answers its unsubscribe function; each part crosses as JSON.
export function answerStream(start) {
  return Object.freeze({
    subscribe(observer) {
      const o = typeof observer === 'function' ? { next: observer } : observer ?? {};
      const queue = [];
      let draining = false;
      let ended = false;
      let native = null;
      let released = false;

      // The .NET subscription is ended once: on the last part, on unsubscribe, whichever comes first.
      const release = () => {
        released = true;
        if (native) {
          const stop = native;
          native = null;
          stop();
        }
      };

      const callback = (name, value) => {
        try {
          return o[name]?.(value);
        } catch (error) {
          // An observer that throws must not stop the parts after it, nor the swarm.
          globalThis.reportError?.(error);
          return undefined;
        }
      };

      // Parts are handed over one at a time: an async next() is awaited before the next part.
      async function drain() {
        draining = true;
        while (queue.length > 0 && !ended) {
          const part = queue.shift();
          if (part.kind === 'error') {
            ended = true;
            release();
            const error = new ElexError(part.error?.code ?? ErrorCode.INTERNAL, part.error?.message ?? 'the question failed');
            error.part = part;
            callback('error', error);
            break;
          }
          try {
            await callback('next', part);
          } catch (error) {
            globalThis.reportError?.(error);
          }
          if (part.kind === 'done') {
            ended = true;
            release();
            callback('complete');
          }
        }
        draining = false;
      }

      try {
        native = start((json) => {
          if (ended) return;
          queue.push(typeof json === 'string' ? JSON.parse(json) : json);
          if (!draining) void drain();
        });
      } catch (error) {
        ended = true;
        const failure = toElexError(error);
        queueMicrotask(() => callback('error', failure));
      }
      // A part that ended the stream may have come before start() returned.
      if (released) release();

      const unsubscribe = () => {
        ended = true;
        queue.length = 0;
        release();
      };
      unsubscribe.unsubscribe = unsubscribe;
      return unsubscribe;
    },
  });
}
