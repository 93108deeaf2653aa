// The board's single-key shortcuts: which key does what, and when a key press is not for the
// board (typing in a field, a modifier held, a menu or dialog has it).

export type BoardKey = 'up' | 'down' | 'home' | 'end' | 'open' | 'check' | 'escort' | 'discharge' | 'note' | 'admit' | 'help';

const KEYS: Record<string, BoardKey> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
  Enter: 'open',
  c: 'check',
  e: 'escort',
  d: 'discharge',
  n: 'note',
  a: 'admit',
};

/** What the help overlay lists, in order: the key as shown and what it does. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['↑ / ↓', 'Select the previous / next patient'],
  ['Home / End', 'Select the first / last patient'],
  ['Enter', "Open the selected patient's record"],
  ['C', 'Record a check for the selected patient'],
  ['E', 'Escort details for the selected patient'],
  ['D', 'Discharge the selected patient'],
  ['N', 'Add a note for the selected patient'],
  ['A', 'Admit a patient'],
  ['?', 'Show these shortcuts'],
  ['Escape', 'Close a menu or this help'],
];

/** The focus is in a field where keys are typed. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** The board's meaning of a key press, or null when it is not the board's. */
export function boardKey(event: KeyboardEvent): BoardKey | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || event.isComposing) return null;
  if (typingIn(event.target)) return null;
  if (event.target instanceof Element && event.target.closest('[role="menu"], [role="dialog"], [role="alertdialog"]'))
    return null;
  if (event.key === '?') return 'help';
  if (event.shiftKey) return null;
  // Caps Lock on: "C" without Shift is still c (named keys such as "Enter" stay as they are).
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return KEYS[key] ?? null;
}

/** A modal dialog is open somewhere on the page (the board's keys then wait). */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"], dialog[open]') !== null;
}
