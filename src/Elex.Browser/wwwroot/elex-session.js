// A conversation on a swarm (swarm.createSession()): questions asked here are understood in the
// context of the earlier ones.
import { ElexError, ErrorCode, call, settle } from './elex-errors.js';

export function sessionFacade(api, swarmHandle, id, ensureSwarmOpen) {
  let closed = false;
  const ensureOpen = () => {
    ensureSwarmOpen();
    if (closed) throw new ElexError(ErrorCode.SESSION_CLOSED, `session ${id} was closed`);
  };
  return Object.freeze({
    /** The session's handle, unique within its swarm. */
    id,
    /** Asks a question in this session; a follow-up that names no feature is answered about the feature(s) in context. */
    query(q) {
      return call(async () => {
        ensureOpen();
        const input = typeof q === 'string' ? { text: q } : q;
        if (input === null || typeof input !== 'object') throw new ElexError(ErrorCode.INVALID_QUERY, 'query needs { text } or a string');
        return settle(await api.SessionQuery(swarmHandle, id, JSON.stringify(input)));
      });
    },
    /** The features the session is about, most recent first: [{ code, name }]. */
    context() {
      return call(async () => { ensureOpen(); return settle(api.SessionContext(swarmHandle, id)); });
    },
    /** Forgets the features in context: the next question starts afresh. */
    reset() {
      return call(async () => { ensureOpen(); settle(api.ResetSession(swarmHandle, id)); });
    },
    /** Ends the session; later calls reject with SESSION_CLOSED. */
    close() {
      return call(async () => {
        if (closed) return;
        closed = true;
        settle(api.CloseSession(swarmHandle, id));
      });
    },
  });
}
