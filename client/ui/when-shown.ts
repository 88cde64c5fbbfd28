/** How far outside the visible page a panel may still be for its content to start coming: a short scroll. */
const AHEAD = '200px';

/**
 * Calls `then` once, the first time `el` is laid out within a short scroll of the visible
 * page: never while it sits in a hidden tab or far below. Returns a function that cancels
 * the wait. A browser without IntersectionObserver calls `then` at once.
 */
export function whenShown(el: Element, then: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    then();
    return () => undefined;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      then();
    },
    { rootMargin: AHEAD },
  );
  observer.observe(el);
  return () => observer.disconnect();
}
