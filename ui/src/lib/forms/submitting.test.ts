// The one submit path: one save at a time, old messages cleared, a refusal beside its field
// (focused) or at the top, and what the form does after a refusal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../ipc';
import { FormSubmit } from './submitting.svelte';

const idOf = (field: string) => `t-${field}`;

function input(id: string): HTMLInputElement {
  const el = document.createElement('input');
  el.id = id;
  document.body.append(el);
  return el;
}

const refusedOn = (field: string | undefined, message = 'Not like that.') =>
  new IpcError({ code: 'validation', message, field });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FormSubmit', () => {
  it('runs one save at a time and marks the event handled', async () => {
    const form = new FormSubmit(idOf);
    let finish: () => void = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const event = new Event('submit', { cancelable: true });
    const first = form.run(event, save);
    expect(event.defaultPrevented).toBe(true);
    expect(form.saving).toBe(true);
    await form.run(new Event('submit', { cancelable: true }), save);
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    await first;
    expect(form.saving).toBe(false);
  });

  it('puts a refusal beside the field it names and focuses that field', async () => {
    const field = input('t-bay');
    const form = new FormSubmit(idOf);
    await form.run(null, () => Promise.reject(refusedOn('bay', 'Bay is taken.')));
    expect(form.found).toEqual({ errors: { bay: 'Bay is taken.' }, formError: null });
    expect(document.activeElement).toBe(field);
  });

  it('puts a refusal naming no field on screen at the top, and clears it on the next submit', async () => {
    const form = new FormSubmit(idOf);
    await form.run(null, () => Promise.reject(refusedOn('missing', 'Refused.')));
    expect(form.found).toEqual({ errors: {}, formError: 'Refused.' });
    let during: unknown = null;
    await form.run(null, async () => {
      during = JSON.parse(JSON.stringify(form.found));
    });
    expect(during).toEqual({ errors: {}, formError: null });
    expect(form.found).toEqual({ errors: {}, formError: null });
  });

  it('tells the form after a refusal, and uses its own sorting when given', async () => {
    input('t-custom');
    const form = new FormSubmit(idOf, (e) => ({ errors: { custom: String(e) }, formError: null }));
    const after = vi.fn();
    await form.run(null, () => Promise.reject('no'), after);
    expect(form.found.errors).toEqual({ custom: 'no' });
    expect(after).toHaveBeenCalledWith('no');
    expect(document.activeElement?.id).toBe('t-custom');
  });
});
