import type { AnyRouter } from '@tanstack/react-router';

/**
 * After every navigation but the first load, moves focus to the new screen's `<h1>`, so a
 * screen reader announces where the person landed and Tab starts from the top of the content.
 */
export function focusHeadingOnNavigation(router: AnyRouter): () => void {
  let isFirst = true;
  return router.subscribe('onResolved', (event) => {
    if (isFirst) {
      isFirst = false;
      return;
    }
    if (event.fromLocation?.pathname === event.toLocation.pathname) return;
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('h1[data-page-heading]');
      heading?.focus();
    });
  });
}
