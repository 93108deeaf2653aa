// Where the focus goes when something that took it closes (a form, a dialog): back to the
// control that opened it, or, when that control is gone (the emergency dialog's button, a row
// whose patient left), to the board's heading. Never taken from something that focused itself
// meanwhile (a form opened in its place).
import { tick } from 'svelte';

/** The element holding the focus now; null when it is nowhere (the page body). */
export function focusedElement(): HTMLElement | null {
  const at = document.activeElement;
  return at instanceof HTMLElement && at !== document.body ? at : null;
}

/** The place to come back to: the board's heading (`data-focus-home`, tabindex=-1). */
export function focusHome() {
  document.querySelector<HTMLElement>('[data-focus-home]')?.focus();
}

/** After the next render: back to `opener`, else home, unless the focus is somewhere already. */
export async function giveFocusBack(opener: HTMLElement | null) {
  await tick();
  if (focusedElement() !== null) return;
  if (opener?.isConnected) opener.focus();
  if (focusedElement() === null) focusHome();
}
