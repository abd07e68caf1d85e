// The errors of elex-idb.js: every message starts with a tag ([elex-idb:QUOTA], [elex-idb:BLOCKED],
// [elex-idb:VERSION], [elex-idb:UNAVAILABLE], [elex-idb:FAILED]) so the .NET side
// (IndexedDbFailure.cs) turns it into a StoreException without parsing prose.

export function failure(tag, message, cause) {
  const error = new Error(`[elex-idb:${tag}] ${message}`);
  if (cause) error.cause = cause;
  return error;
}

/** A failed request or transaction: QUOTA for QuotaExceededError, otherwise FAILED with the DOM error's name. */
export function requestFailure(what, error) {
  if (error && error.name === 'QuotaExceededError') {
    return failure('QUOTA', `${what}: the browser's storage quota for this site is exhausted (QuotaExceededError); nothing of it was written. Free space or grant persistent storage.`, error);
  }
  return failure('FAILED', `${what}: ${error ? `${error.name}: ${error.message}` : 'unknown IndexedDB error'}`, error);
}
