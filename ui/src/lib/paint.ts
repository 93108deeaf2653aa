// Waiting for the page to be on screen before something that takes it away (the window hidden).

/** Resolves once the page has painted a frame after now (two animation frames; a timer where
    the page has none, as in unit tests, or when frames stop because the window is hidden). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}
