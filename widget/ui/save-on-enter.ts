/**
 * In a reason's text box Enter saves and Shift+Enter adds a line; an Enter that confirms an
 * input-method candidate (Japanese) does neither. Returns whether the key saved.
 */
export function saveOnEnter(event: KeyboardEvent, save: () => void): boolean {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return false;
  event.preventDefault();
  save();
  return true;
}
