/** The origin the embedding CRM page announced in the frame's query string, or null when absent or invalid. */
export function serviceOriginOf(window: Window): string | null {
  const announced = new URLSearchParams(window.location.search).get('serviceOrigin');
  if (!announced) return null;
  try {
    return new URL(announced).origin;
  } catch {
    return null;
  }
}

/**
 * Drops every `message` event that does not come from the parent window at the announced
 * serviceOrigin, before Zoho's SDK sees it: the SDK's own sender check lets everything through,
 * so any frame could feed it a false record or a false answer. Must be installed before
 * `ZOHO.embeddedApp.init()` so that it runs first. Returns the uninstall.
 */
export function installMessageGuard(window: Window): () => void {
  const serviceOrigin = serviceOriginOf(window);
  const guard = (event: MessageEvent): void => {
    if (serviceOrigin === null || event.source !== window.parent || event.origin !== serviceOrigin) {
      event.stopImmediatePropagation();
    }
  };
  window.addEventListener('message', guard, true);
  return () => window.removeEventListener('message', guard, true);
}
