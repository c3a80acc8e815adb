// Build of the three Electron parts:
// - main: out/main/index.js + out/main/import-worker.js and reader-worker.js (worker thread entries), CommonJS;
//   better-sqlite3-multiple-ciphers (native) and the other runtime dependencies stay external.
// - preload: out/preload/index.js, ONE CommonJS file with everything bundled (a sandboxed preload
//   can only require 'electron' and a few built-ins, never another file or an ES module).
// - renderer: Svelte 5, out/renderer; the CSP <meta> tag is written from the same policy the main
//   process sends as a header (src/main/shell/security.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/main/shell/security';

function cspMeta(): Plugin {
  return {
    name: 'footprint:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/import/import-worker.ts'),
          'reader-worker': resolve(__dirname, 'src/main/import/reader-worker.ts'),
        },
        external: ['better-sqlite3-multiple-ciphers'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // `@shared/…` instead of ../../../shared paths (the same alias is in tsconfig.web.json)
    resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
    plugins: [svelte(), cspMeta()],
    build: {
      rolldownOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
