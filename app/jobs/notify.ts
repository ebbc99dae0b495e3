type Listener = () => void;

const listeners = new Set<Listener>();

/** Subscribes to enqueues made in this process; returns the unsubscribe function. */
export function onJobEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells this process's workers that a due job was just enqueued, so they claim it now rather than at their
 * next poll. The job may still sit in an uncommitted transaction; workers re-poll briefly to catch the commit.
 */
export function notifyJobEnqueued(): void {
  for (const listener of listeners) listener();
}
