// The defaulted fields: the folder offered never overwrites what was typed before it arrived,
// and an untouched day is today when the form is sent (also after midnight).
import { describe, expect, it } from 'vitest';
import { DayField, OfferedFolder } from './defaultedField.svelte';

function deferred() {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('OfferedFolder', () => {
  it('fills the folder offered into an untouched field', async () => {
    const answer = deferred();
    const folder = new OfferedFolder(() => answer.promise);
    expect(folder.value).toBe('');
    answer.resolve('/home/test/Documents');
    await answer.promise;
    await Promise.resolve();
    expect(folder.value).toBe('/home/test/Documents');
  });

  it('keeps what was typed when the offer arrives late', async () => {
    const answer = deferred();
    const folder = new OfferedFolder(() => answer.promise);
    folder.value = '/tm';
    answer.resolve('/home/test/Documents');
    await answer.promise;
    await Promise.resolve();
    expect(folder.value).toBe('/tm');
  });

  it('keeps a field cleared on purpose empty', async () => {
    const answer = deferred();
    const folder = new OfferedFolder(() => answer.promise);
    folder.value = '';
    answer.resolve('/home/test/Documents');
    await answer.promise;
    await Promise.resolve();
    expect(folder.value).toBe('');
  });

  it('stays empty when no folder is offered', async () => {
    const folder = new OfferedFolder(() => Promise.reject(new Error('none')));
    await Promise.resolve();
    await Promise.resolve();
    expect(folder.value).toBe('');
  });
});

describe('DayField', () => {
  it('is today until typed, and today again at send time after midnight', () => {
    let today = '2026-11-30';
    const day = new DayField(() => today);
    expect(day.value).toBe('2026-11-30');
    today = '2026-12-01';
    expect(day.current()).toBe('2026-12-01');
    expect(day.value).toBe('2026-12-01');
  });

  it('keeps the day typed', () => {
    let today = '2026-11-30';
    const day = new DayField(() => today);
    day.value = '2026-07-01';
    today = '2026-12-01';
    expect(day.current()).toBe('2026-07-01');
  });
});
