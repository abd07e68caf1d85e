// The Elex API's errors: the codes, the ElexError every failure rejects with, and how a .NET outcome
// becomes a value or an ElexError.

/** Error codes carried by every rejection's `code` property. */
export const ErrorCode = Object.freeze({
  INVALID_QUERY: 'INVALID_QUERY',
  INVALID_CONFIG: 'INVALID_CONFIG',
  UNKNOWN_RESPONSE: 'UNKNOWN_RESPONSE',
  UNKNOWN_AGENT: 'UNKNOWN_AGENT',
  INVALID_FEEDBACK: 'INVALID_FEEDBACK',
  SWARM_DISPOSED: 'SWARM_DISPOSED',
  SESSION_CLOSED: 'SESSION_CLOSED',
  SYNC_NOT_STARTED: 'SYNC_NOT_STARTED',
  SYNC_UNAVAILABLE: 'SYNC_UNAVAILABLE',
  STORE_ERROR: 'STORE_ERROR',
  NOT_LOADED: 'NOT_LOADED',
  MODEL_UNAVAILABLE: 'MODEL_UNAVAILABLE',
  INVALID_CATALOG: 'INVALID_CATALOG',
  INTERNAL: 'INTERNAL',
});

/** An error of the Elex API: `code` says what went wrong, `message` says it in words. */
export class ElexError extends Error {
  constructor(code, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = 'ElexError';
    this.code = code;
  }
}

// Every .NET call that can fail answers an outcome, { value } or { error: { code, message } }: the
// code crosses as a field. Anything .NET throws instead is a bug, reported as INTERNAL.
export function settle(outcomeJson) {
  const outcome = JSON.parse(outcomeJson);
  if (outcome.error) throw new ElexError(outcome.error.code, outcome.error.message);
  return outcome.value;
}

export function toElexError(error) {
  if (error instanceof ElexError) return error;
  return new ElexError(ErrorCode.INTERNAL, String(error?.message ?? error).split('\n')[0], error);
}

// Every call goes through here: sync throws and rejections alike become ElexErrors.
export async function call(fn) {
  try {
    return await fn();
  } catch (error) {
    throw toElexError(error);
  }
}
