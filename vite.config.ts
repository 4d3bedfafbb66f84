import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

// One config, five builds: `vite build` (renderer), `--mode main`, `--mode preload`, and the
// served host: `--mode serve` (its Node entry) and `--mode serve-page` (the page's bootstrap).
// Main and preload are bundled to single CommonJS files: sandboxed preloads cannot
// import modules, and bundling main keeps ESM-only deps (electron-store) working.
const root = import.meta.dirname;
// The keyring binding picks its platform's .node file at run time (unpacked beside app.asar):
// bundled, its loader would look for that file next to main.cjs instead.
const nativeExternals = ['@napi-rs/keyring'];
const nodeExternals = ['electron', ...nativeExternals, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
// Loaded from node_modules at run time: both find helper programs beside their own files
// (clipboardy's xsel fallback, open's xdg-open), which bundling would leave behind.
const servedExternals = [...nodeExternals, 'clipboardy', 'open'];

function nodeBundle(entry: string, fileName: string): UserConfig {
  return {
    root,
    publicDir: false,
    // Node's package entry points, not browser ones (when-exit's browser build touches `window`).
    resolve: { conditions: ['node'], mainFields: ['module', 'main'] },
    build: {
      outDir: resolve(root, 'dist/electron'),
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      lib: { entry: resolve(root, entry), formats: ['cjs'], fileName: () => fileName },
      rollupOptions: { external: nodeExternals },
    },
  };
}

/**
 * The served host runs in plain Node (no Electron), as an ES module so that it can import
 * the ESM-only clipboardy and open; its bootstrap is a classic script for the browser.
 */
function servedBuilds(mode: 'serve' | 'serve-page'): UserConfig {
  const outDir = resolve(root, 'dist/serve');
  if (mode === 'serve') {
    const config = nodeBundle('electron/serve/serve.ts', 'serve.mjs');
    return {
      ...config,
      build: { ...config.build, outDir, lib: { entry: resolve(root, 'electron/serve/serve.ts'), formats: ['es'], fileName: () => 'serve.mjs' }, rollupOptions: { external: servedExternals } },
    };
  }
  return {
    root,
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome120',
      minify: false,
      sourcemap: true,
      lib: { entry: resolve(root, 'electron/serve/page/keymint-over-http.ts'), formats: ['iife'], name: 'keymintOverHttp', fileName: () => 'keymint-api.js' },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return nodeBundle('electron/main/main.ts', 'main.cjs');
  if (mode === 'preload') return nodeBundle('electron/preload/preload.ts', 'preload.cjs');
  if (mode === 'serve' || mode === 'serve-page') return servedBuilds(mode);
  return {
    root: resolve(root, 'renderer'),
    base: './',
    publicDir: false,
    esbuild: { jsx: 'automatic' },
    build: {
      outDir: resolve(root, 'dist/renderer'),
      emptyOutDir: true,
      target: 'chrome120',
      rollupOptions: {
        // react-query marks modules "use client" for React Server Components; meaningless in a bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  };
});
