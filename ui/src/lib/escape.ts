// Escape closes one thing at a time. Each open form registers its section (the `closesOnEscape`
// action); an Escape pressed inside a section closes that form only, an Escape pressed elsewhere
// (the board, the page body) closes the form opened last. The event is marked handled
// (preventDefault), so no other form closes with it; an Escape already handled (the emergency
// dialog's) closes nothing.

interface Open {
  section: HTMLElement;
  close: () => void;
}

/** The open forms, oldest first. */
const open: Open[] = [];

function onKeydown(event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.defaultPrevented || open.length === 0) return;
  const target = event.target instanceof Node ? event.target : null;
  const owner = open.find((o) => target !== null && o.section.contains(target)) ?? open.at(-1);
  if (!owner) return;
  event.preventDefault();
  owner.close();
}

/** Svelte action on a form's section: Escape (inside it, or as the form opened last) calls `close`. */
export function closesOnEscape(section: HTMLElement, close: () => void) {
  const entry: Open = { section, close };
  open.push(entry);
  if (open.length === 1) window.addEventListener('keydown', onKeydown);
  return {
    update(next: () => void) {
      entry.close = next;
    },
    destroy() {
      const at = open.indexOf(entry);
      if (at >= 0) open.splice(at, 1);
      if (open.length === 0) window.removeEventListener('keydown', onKeydown);
    },
  };
}
