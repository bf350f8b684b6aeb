/** A message as the SDK sees it: what `window`'s `message` event carries. */
export interface IncomingMessage {
  data: unknown;
  origin: string;
  source: unknown;
}

export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/**
 * What the SDK stand-in needs from the widget's window. entry.ts builds it over the real window;
 * tests build a fake one whose parent records and sends the protocol's real messages.
 */
export interface SdkEnvironment {
  /** The frame's own URL, carrying `serviceOrigin` in its query string. */
  href: string;
  /** The embedding CRM page. */
  parent: MessageTarget;
  onMessage(listener: (message: IncomingMessage) => void): void;
  onUnload(listener: () => void): void;
  /** Appends `<script src=url>`; resolves when it loaded, rejects when it failed. */
  loadScript(url: string): Promise<void>;
  now(): number;
  /** Where the SDK reports what a developer should see in the console. */
  console: Pick<Console, 'error' | 'warn'>;
}

/** The environment of a real browser window. */
export function browserEnvironment(window: Window): SdkEnvironment {
  return {
    href: window.location.href,
    parent: window.parent,
    onMessage: (listener) => window.addEventListener('message', (event) => listener(event)),
    onUnload: (listener) => window.addEventListener('pagehide', () => listener()),
    loadScript: (url) =>
      new Promise((resolve, reject) => {
        const script = window.document.createElement('script');
        script.src = url;
        script.addEventListener('load', () => resolve());
        script.addEventListener('error', () => reject(new Error(`Could not load ${url}`)));
        window.document.head.appendChild(script);
      }),
    now: () => Date.now(),
    console: globalThis.console,
  };
}
