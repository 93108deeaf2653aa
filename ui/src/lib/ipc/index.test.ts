// The page's IPC functions send what their commands expect: the command's name, arguments in
// Tauri's camelCase, and the few whose page-side shape differs from the command's.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauri = vi.hoisted(() => ({
  invoke: vi.fn(async (_command: string, _args?: Record<string, unknown>): Promise<unknown> => null),
  listen: vi.fn(async (_event: string, _handler: (event: { payload: unknown }) => void) => () => {}),
}));
vi.mock('@tauri-apps/api/core', () => ({ invoke: tauri.invoke }));
vi.mock('@tauri-apps/api/event', () => ({ listen: tauri.listen }));

import * as ipc from './index';

beforeEach(() => {
  tauri.invoke.mockClear();
  tauri.listen.mockClear();
});

describe('the IPC functions', () => {
  it('name the command and send the arguments by their camelCase names', async () => {
    await ipc.acknowledgeAlert(7);
    await ipc.printPaper(3, 'rems');
    await ipc.loadBoard();
    expect(tauri.invoke.mock.calls).toEqual([
      ['acknowledge_alert', { firingId: 7 }],
      ['print_paper', { sessionId: 3, paper: 'rems' }],
      ['load_board', undefined],
    ]);
  });

  it('keep the page-side names and shapes that differ from the command', async () => {
    await ipc.loadEmergencyActions(4);
    await ipc.reviewEmergencyUse(5);
    await ipc.loadDischargeSheet(6);
    await ipc.loadRemsForm(8);
    expect(tauri.invoke.mock.calls).toEqual([
      ['load_emergency_actions', { input: { seq: 4 } }],
      ['review_emergency_use', { input: { seq: 5 } }],
      ['discharge_sheet', { sessionId: 6 }],
      ['rems_form', { sessionId: 8 }],
    ]);
  });

  it('turn a backend error into an IpcError with its code and field', async () => {
    tauri.invoke.mockRejectedValueOnce({ code: 'validation', message: 'Bad bay.', field: 'input.bay' });
    const error = await ipc.loadSession(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ipc.IpcError);
    expect(error).toMatchObject({ code: 'validation', message: 'Bad bay.', field: 'input.bay' });
    tauri.invoke.mockRejectedValueOnce('gone');
    await expect(ipc.loadBoard()).rejects.toMatchObject({ code: 'internal' });
  });

  it('listen to each event by its name; a clicked notification gives the session id', async () => {
    const opened = vi.fn();
    await ipc.onRecordsChanged(() => {});
    await ipc.onOpenSession(opened);
    expect(tauri.listen.mock.calls.map(([event]) => event)).toEqual(['records-changed', 'open-session']);
    const handler = tauri.listen.mock.calls[1]?.[1];
    handler?.({ payload: { sessionId: 12 } });
    expect(opened).toHaveBeenCalledWith(12);
  });
});
