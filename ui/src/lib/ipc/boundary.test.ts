// The house rule: src/lib/ipc/ is the only code that imports @tauri-apps/*.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('the IPC boundary', () => {
  it('finds the sources it checks', () => {
    expect(sources(SRC).length).toBeGreaterThan(5);
  });

  it('keeps @tauri-apps imports inside lib/ipc', () => {
    const offenders = sources(SRC)
      .map((path) => relative(SRC, path).split(sep).join('/'))
      .filter((path) => !path.startsWith('lib/ipc/'))
      .filter((path) => /from\s+['"]@tauri-apps\//.test(readFileSync(join(SRC, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
