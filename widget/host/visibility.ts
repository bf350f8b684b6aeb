/** Calls back each time the document becomes visible again (the user came back to the tab). Returns the unsubscribe. */
export function watchVisibility(document: Document, callback: () => void): () => void {
  const listener = () => {
    if (document.visibilityState === 'visible') callback();
  };
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}
