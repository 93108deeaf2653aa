// The storage part of the in-memory IPC fake (fakeIpc.ts merges it): whether records can be
// saved, as load_storage_status answers, and the storage-changed event a test can fire.
import { vi } from 'vitest';
import type { StorageStatus } from '../lib/ipc';

export function freshStorage() {
  return {
    storage: { fault: null, since: null, unsavedAlerts: 0 } as StorageStatus,
    /** The handlers listening to storage-changed (a test calls them to fire it). */
    storageListeners: [] as (() => void)[],
  };
}

type State = ReturnType<typeof freshStorage>;

export function storageFakes(ipc: State) {
  return {
    loadStorageStatus: vi.fn(async () => ({ ...ipc.storage })),
    onStorageChanged: vi.fn(async (handler: () => void) => {
      ipc.storageListeners.push(handler);
      return () => {
        ipc.storageListeners = ipc.storageListeners.filter((h) => h !== handler);
      };
    }),
  };
}
