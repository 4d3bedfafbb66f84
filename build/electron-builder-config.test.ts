import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { PlatformPackager, type Configuration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { existsSync, readFileSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigEnv, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import viteConfig from '../vite.config';

// Packaging downloads Electron, which these machines cannot. So the configuration is checked
// here the way `npm run dist` reads it: electron-builder's own loader, schema and fuse mapping.
const root = resolve(import.meta.dirname, '..');
const quietDebugLog = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];
const loadConfig = () => getConfig(root, null, null);

/** electron-builder's private step turning `electronFuses` into what @electron/fuses writes into the binary. */
async function fusesWritten(config: Configuration): Promise<FuseConfig> {
  const packager = PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<FuseConfig> };
  return packager.generateFuseConfig(config.electronFuses);
}

/** The file patterns as electron-builder merged them (strings become `{ filter }` sets); a set with `from` would copy from elsewhere. */
function filePatterns(files: Configuration['files']): string[] {
  return [files ?? []].flat().flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    expect(entry.from, 'a file set copying from another folder').toBeUndefined();
    return [entry.filter ?? []].flat();
  });
}

/** Whether electron-builder's asar step would put this file (relative to the app) in app.asar.unpacked. */
async function unpacked(config: Configuration, path: string): Promise<boolean> {
  const options = { macroExpander: (pattern: string) => pattern, customBuildOptions: {}, globalOutDir: resolve(root, 'release'), defaultSrc: root };
  const [matcher] = getFileMatchers(config, 'asarUnpack', root, options) ?? [];
  if (!matcher) return false;
  // As electron-builder describes a node_modules file to the filter: its path inside the app.
  return matcher.createFilter()(resolve(root, path), { isDirectory: () => false, moduleFullFilePath: path } as unknown as Stats);
}

const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

function targetsOf(platform: Configuration['linux'] | Configuration['mac'] | Configuration['win']): unknown {
  return platform?.target;
}

describe('electron-builder configuration', () => {
  it('is found by electron-builder and passes its schema', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'dev.keymint.app', productName: 'Keymint' });
    await expect(validateConfiguration(config, quietDebugLog)).resolves.toBeUndefined();
  });

  it('would reject a misspelt fuse, so passing the schema means something', async () => {
    const config = await loadConfig();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(misspelt, quietDebugLog)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('flips exactly the fuses that keep Node, debuggers and foreign code out of the packaged app', async () => {
    expect(await fusesWritten(await loadConfig())).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('builds an AppImage and a deb, a dmg, and a per-user NSIS installer', async () => {
    const config = await loadConfig();
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false });
  });

  it('packs only the built bundle and package.json, into an asar whose integrity is recorded', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).not.toBe(true);
    const included = filePatterns(config.files).filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['dist/**/*', 'package.json']);
    expect(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).main).toMatch(/^dist\//);
  });

  it("ships the OS keyring binding as a production dependency, its native file outside app.asar on every platform", async () => {
    const config = await loadConfig();
    expect(readJson('package.json').dependencies).toHaveProperty('@napi-rs/keyring');
    const platforms = Object.keys(readJson('node_modules/@napi-rs/keyring/package.json').optionalDependencies as object);
    const natives = platforms.map((name) => `node_modules/${name}/keyring.${name.slice('@napi-rs/keyring-'.length)}.node`);
    expect(natives).toContain('node_modules/@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node');
    if (process.platform === 'linux' && process.arch === 'x64') expect(existsSync(resolve(root, natives.find((path) => path.includes('linux-x64-gnu'))!))).toBe(true);
    for (const path of natives) expect(await unpacked(config, path), path).toBe(true);
    for (const path of ['node_modules/@napi-rs/keyring/index.js', 'dist/electron/main.cjs', 'package.json']) expect(await unpacked(config, path), path).toBe(false);
  });

  it('leaves the keyring binding out of the main bundle, so its loader finds the native file at run time', () => {
    const main = (viteConfig as (env: ConfigEnv) => UserConfig)({ mode: 'main', command: 'build' });
    expect(main.build?.rollupOptions?.external).toContain('@napi-rs/keyring');
  });

  it('names an icon on every platform that exists and is large enough for macOS', async () => {
    const config = await loadConfig();
    for (const platform of [config.linux, config.mac, config.win]) {
      const icon = resolve(root, platform!.icon!);
      expect(existsSync(icon), icon).toBe(true);
      const png = readFileSync(icon);
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });

  it('offers `npm run dist`, building first and never publishing', async () => {
    const { scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.dist).toMatch(/^npm run build && electron-builder\b/);
    expect((await loadConfig()).publish).toBeNull();
  });
});
