import { sdkMessageSchema } from '../../../server/sdk/protocol';

/** How the fake CRM page answers one CRM_EVENT: resolve with data, or fail with data. */
export type PageAnswer = { ok: true; data: unknown } | { ok: false; data: unknown };

/**
 * The CRM page around the widget's frame, speaking the SDK's postMessage protocol
 * (reference §1.4–1.5): it answers REGISTER with SET_CONTEXT, refuses the ZDK helper, answers each
 * CRM_EVENT through `answer` and can send PageLoad. Stands in as `window.parent` of a jsdom window.
 */
export function createFakeCrmPage(widget: Window, origin: string, answer: (data: Record<string, unknown>) => PageAnswer) {
  const received: unknown[] = [];
  const page = {
    received,
    postMessage(message: unknown, targetOrigin: string) {
      received.push(message);
      // The SDK must address the page at its own origin, never "*".
      if (targetOrigin !== origin) return;
      const parsed = sdkMessageSchema.safeParse(message);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.eventName === 'REGISTER') {
        send({ type: 'FRAMEWORK.EVENT', eventName: 'SET_CONTEXT', data: { uniqueID: 'widget-1', connectors: {}, locale: 'en_US' } });
      } else if (event.eventName === 'ZDK_EVENT') {
        send({ type: 'FRAMEWORK.EVENT', eventName: 'EVENT_RESPONSE_FAILURE', promiseid: event.promiseid, data: 'no helper' });
      } else if (event.eventName === 'CRM_EVENT') {
        const result = answer(event.data);
        const eventName = result.ok ? 'EVENT_RESPONSE' : 'EVENT_RESPONSE_FAILURE';
        send({ type: 'FRAMEWORK.EVENT', eventName, promiseid: event.promiseid, data: result.data });
      }
    },
    /** The page tells the widget which record it sits on. */
    pageLoad: (data: unknown) => send({ type: 'FRAMEWORK.EVENT', eventName: 'PageLoad', data }),
    /** Something else in the page posts to the widget as if it were the page. */
    sendFrom: (source: unknown, sourceOrigin: string, data: unknown) => deliver(source, sourceOrigin, data),
  };

  function deliver(source: unknown, sourceOrigin: string, data: unknown) {
    // Asynchronous, like postMessage; structuredClone as the browser copies the data.
    setTimeout(() => {
      const init = { data: structuredClone(data), origin: sourceOrigin, source: source as Window };
      widget.dispatchEvent(new MessageEvent('message', init));
    }, 0);
  }
  function send(data: unknown) {
    deliver(page, origin, data);
  }
  return page;
}
