/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves ui/dist from its own protocol; no dev server is needed for tests or the app.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true },
  // Svelte's browser build (mount, not SSR) under vitest's jsdom.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.ts'],
    // A harness limit, not a speed assertion: typing through testing-library on a 2-core
    // machine that is also compiling can pass the 5 s default.
    testTimeout: 30_000,
  },
}));
