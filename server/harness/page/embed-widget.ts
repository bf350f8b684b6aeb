/**
 * Frames one of the extension's pages as Zoho does: the page's services answer its SDK requests,
 * a widget parent speaks the CRM's side of the protocol with this frame only, and the frame is
 * pointed at the widget's URL once the page listens, so that its REGISTER cannot be missed.
 */
import type { CallLogEntry } from '../invoke-schema';
import type { PageConfig } from '../page-config';
import { createWidgetParent } from '../widget-parent';
import { createPageServices, type HarnessFault } from './page-services';

/** What the page keeps across frames: its call and protocol logs, and the fault queued for the next call. */
export interface PageLogs {
  logCall(call: CallLogEntry): void;
  logProtocol(direction: 'in' | 'out', eventName: string): void;
  takeFault(): HarnessFault | null;
  navigate(href: string, target: string | null): void;
}

let registrations = 0;

export function embedWidget(options: {
  config: PageConfig;
  frame: HTMLIFrameElement;
  pageLoad: Record<string, unknown>;
  logs: PageLogs;
  /** For a frame in a popup: closes it (and reloads the list) when the widget asks. */
  closePopup?(reload: boolean): boolean;
}): { detach(): void } {
  const { config, frame, logs } = options;
  const services = createPageServices({
    config,
    fetch: window.fetch.bind(window),
    resizeFrame: (height) => (frame.style.height = `${Math.max(0, Math.round(height))}px`),
    takeFault: logs.takeFault,
    logCall: logs.logCall,
    navigate: logs.navigate,
    ...(options.closePopup ? { closePopup: options.closePopup } : {}),
  });
  const parent = createWidgetParent({
    frame: { window: () => frame.contentWindow, origin: config.widgetOrigin },
    post: (message) => frame.contentWindow?.postMessage(message, config.widgetOrigin),
    context: { connectors: {}, locale: config.locale },
    pageLoad: options.pageLoad,
    services,
    newUniqueId: () => `record-lock-${Date.now().toString(36)}-${(registrations += 1)}`,
    observe: (direction, message) => logs.logProtocol(direction, String(message.eventName)),
  });
  const listener = (event: MessageEvent) => void parent.handleMessage(event);
  window.addEventListener('message', listener);
  frame.src = config.widgetUrl;
  return { detach: () => window.removeEventListener('message', listener) };
}
