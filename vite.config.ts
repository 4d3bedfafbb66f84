import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

// One config, three builds: `vite build` (renderer), `--mode main`, `--mode preload`.
// Main and preload are bundled to single CommonJS files: sandboxed preloads cannot
// import modules, and bundling main keeps ESM-only deps (electron-store) working.
const root = import.meta.dirname;
// The keyring binding picks its platform's .node file at run time (unpacked beside app.asar):
// bundled, its loader would look for that file next to main.cjs instead.
const nativeExternals = ['@napi-rs/keyring'];
const nodeExternals = ['electron', ...nativeExternals, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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

export default defineConfig(({ mode }) => {
  if (mode === 'main') return nodeBundle('electron/main/main.ts', 'main.cjs');
  if (mode === 'preload') return nodeBundle('electron/preload/preload.ts', 'preload.cjs');
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
