// About Vigil: the versions and the data directory as a definition list, for every nurse (on
// the Settings screen of a nurse who is not an administrator too), and a failure said.
import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../lib/ipc';
import { IpcError } from '../../lib/ipc';
import { ipc, resetIpc } from '../../test/fakeIpc';
import { showSettings } from '../../test/settingsScreen';

vi.mock('../../lib/ipc', async (importOriginal) =>
  (await import('../../test/fakeIpc')).fakeIpc(await importOriginal()),
);

import AboutPanel from './AboutPanel.svelte';

beforeEach(() => {
  resetIpc();
  vi.clearAllMocks();
});

/** The definition list as [term, description] pairs. */
function pairs(): [string, string][] {
  const terms = [...document.querySelectorAll('dt')];
  return terms.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']);
}

describe('About panel', () => {
  it('lists the versions and the data directory', async () => {
    render(AboutPanel);
    expect(await screen.findByRole('heading', { name: 'About Vigil' })).toBeTruthy();
    await screen.findByText('Data directory');
    expect(pairs()).toEqual([
      ['Version', '0.1.0'],
      ['Schema version', '20'],
      ['SQLite', '3.50.4'],
      ['SQLCipher', '4.10.0 community'],
      ['Data directory', ipc.about.dataDir],
    ]);
  });

  it('is on the Settings screen of a nurse who is not an administrator', async () => {
    showSettings('nurse');
    await screen.findByText('Data directory');
    expect(screen.getByText(ipc.about.dataDir)).toBeTruthy();
  });

  it('says when the versions could not be loaded', async () => {
    vi.mocked(api.loadAbout).mockRejectedValueOnce(
      new IpcError({ code: 'internal', message: 'the state is not ready' }),
    );
    render(AboutPanel);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The versions could not be loaded: the state is not ready');
  });
});
