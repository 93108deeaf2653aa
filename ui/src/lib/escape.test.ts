// Escape closes one open form at a time: the one it was pressed in, else the one opened last.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closesOnEscape } from './escape';

const opened: { destroy: () => void }[] = [];

function form(name: string) {
  const section = document.createElement('section');
  section.setAttribute('aria-label', name);
  const input = document.createElement('input');
  section.append(input);
  document.body.append(section);
  const close = vi.fn();
  opened.push(closesOnEscape(section, close));
  return { input, close };
}

const escape = (at: EventTarget) => {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  at.dispatchEvent(event);
  return event;
};

afterEach(() => {
  opened.splice(0).forEach((o) => o.destroy());
  document.body.replaceChildren();
});

describe('Escape', () => {
  it('closes only the form it was pressed in, and marks the key handled', () => {
    const first = form('First');
    const second = form('Second');
    const event = escape(first.input);
    expect(first.close).toHaveBeenCalledTimes(1);
    expect(second.close).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(true);
  });

  it('pressed outside every form closes the one opened last, once', () => {
    const first = form('First');
    const second = form('Second');
    escape(document.body);
    expect(second.close).toHaveBeenCalledTimes(1);
    expect(first.close).not.toHaveBeenCalled();
  });

  it('already handled (the emergency dialog), closes nothing; closed forms stop listening', () => {
    const first = form('First');
    document.body.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    escape(first.input);
    expect(first.close).not.toHaveBeenCalled();
    opened.splice(0).forEach((o) => o.destroy());
    escape(first.input);
    expect(first.close).not.toHaveBeenCalled();
  });
});
