// Reaching a board row's action as a nurse does: on the row, or in its "More actions" menu.
import { screen } from '@testing-library/svelte';
import type { UserEvent } from '@testing-library/user-event';

/** The bay named by an action ("Discharge Bay 3" → "Bay 3"): the longest row header it holds. */
function bayIn(name: string): string {
  const bays = screen.getAllByRole('rowheader').map((th) => th.textContent?.trim() ?? '');
  const bay = bays.filter((b) => b !== '' && name.includes(b)).sort((a, b) => b.length - a.length)[0];
  if (!bay) throw new Error(`no board row for "${name}"`);
  return bay;
}

/** The action named `name`: a row button, else the item of its row's menu (opened for it). */
export async function findRowAction(user: UserEvent, name: string): Promise<HTMLElement> {
  const shown = screen.queryByRole('button', { name }) ?? screen.queryByRole('menuitem', { name });
  if (shown) return shown;
  await screen.findByRole('table', { name: 'Patients in recovery' });
  await user.click(await screen.findByRole('button', { name: `More actions for ${bayIn(name)}` }));
  return screen.getByRole('menuitem', { name });
}

/** Clicks the action named `name` of a board row (through its menu when it is there). */
export async function rowAction(user: UserEvent, name: string): Promise<void> {
  await user.click(await findRowAction(user, name));
}

/** The names of the items in `bay`'s "More actions" menu (opened and closed again). */
export async function menuItems(user: UserEvent, bay: string): Promise<string[]> {
  const more = screen.getByRole('button', { name: `More actions for ${bay}` });
  await user.click(more);
  const names = screen.getAllByRole('menuitem').map((item) => item.getAttribute('aria-label') ?? '');
  await user.keyboard('{Escape}');
  return names;
}
