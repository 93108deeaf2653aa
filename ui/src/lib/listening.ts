// A subscription a component holds while it is on screen (an event from the backend): made at
// once, and dropped when the component goes, even when it goes before the subscription is made.

/** Subscribes now; the function returned unsubscribes (for `onMount`'s cleanup). */
export function whileMounted(subscribe: () => Promise<() => void>): () => void {
  let stop: (() => void) | null = null;
  let disposed = false;
  void subscribe().then((unlisten) => (disposed ? unlisten() : (stop = unlisten)));
  return () => {
    disposed = true;
    stop?.();
  };
}
