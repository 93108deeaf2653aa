import { describe, expect, it } from 'vitest';
import { withKnown } from './known';

describe('withKnown', () => {
  const defaults = { name: '', arrived: false, count: 0 };

  it('takes the restored values of the fields the form has', () => {
    expect(withKnown(defaults, { name: 'Testy', arrived: true })).toEqual({ name: 'Testy', arrived: true, count: 0 });
  });

  it('drops keys the form does not have and values of another type', () => {
    expect(withKnown(defaults, { name: 7, oldField: 'x', count: 3 })).toEqual({ name: '', arrived: false, count: 3 });
  });

  it('falls back to the defaults for a draft that is not an object', () => {
    expect(withKnown(defaults, null)).toEqual(defaults);
    expect(withKnown(defaults, 'text')).toEqual(defaults);
  });
});
