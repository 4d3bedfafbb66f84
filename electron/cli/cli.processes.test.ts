import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startHighlineEmulator, startTogaiEmulator, type TogaiEmulator } from '../../e2e/emulators';
import { buildCli, runCli, type CliOptions } from '../test-support/cli-process';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import { closeAfterEach } from '../test-support/node-ports';

/**
 * The `keymint` command line as scripts use it: the built bundle, a process per command,
 * against the providers' emulators and a vault folder of each test's own. Most vaults open
 * with a key file standing in for the OS keyring (KEYMINT_KEYCHAIN_FILE, as the served host's
 * tests do); the passphrase and session tests pay the real key derivation.
 */
const started = closeAfterEach();
const harness = harnessesDisposedAfterEach();
const TOGAI_KEY = 'togai-cli-key-7c1e';
const PASSPHRASE = 'cli passphrase 42';
let cli: string;

beforeAll(() => {
  cli = buildCli();
}, 120_000);

function vaultFolder(): { dir: string; vault: string; keychain: string } {
  const dir = mkdtempSync(join(tmpdir(), 'keymint-cli-'));
  return { dir, vault: join(dir, 'vault'), keychain: join(dir, 'vault', 'keychain.key') };
}

/** A vault that opens with the key file, holding one Togai provider named Billing. */
async function togaiVault(options: { lifetimeSeconds?: number } = {}) {
  const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY, ...options }));
  const folder = vaultFolder();
  const env = { KEYMINT_KEYCHAIN_FILE: folder.keychain };
  const keymint = (args: string[], more: CliOptions = {}) => runCli(cli, ['--vault', folder.vault, ...args], { ...more, env: { ...env, ...more.env } });
  const added = await keymint(['add', 'togai', '--name', 'Billing', '--base-url', togai.url, '--field', 'apiKey=@env:TOGAI_KEY'], { env: { TOGAI_KEY } });
  expect(added).toMatchObject({ code: 0, stdout: '' });
  return { togai, keymint, ...folder, env };
}

const lastToken = (togai: TogaiEmulator) => togai.issued.at(-1)?.token;

describe('keymint token, header, curl', () => {
  it('prints the token alone; while it stays valid a second call asks the provider nothing', async () => {
    const { togai, keymint } = await togaiVault();
    const first = await keymint(['token', 'Billing']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(lastToken(togai));
    expect(togai.tokenRequests).toBe(1);

    const header = await keymint(['header', 'Billing']);
    expect(header.stdout).toBe(`Authorization: Bearer ${lastToken(togai)}`);
    const json = JSON.parse((await keymint(['token', 'Billing', '--format', 'json'])).stdout);
    expect(json).toEqual({ token: lastToken(togai), expiresAt: expect.any(String), expirySource: 'JWT exp', obtainedAt: expect.any(String), cached: true });
    expect(togai.tokenRequests).toBe(1);
  });

  it('--min-valid longer than the held token has left gets a new one, and writes it back for the next call', async () => {
    const { togai, keymint } = await togaiVault({ lifetimeSeconds: 600 });
    await keymint(['token', 'Billing']);
    const renewed = await keymint(['token', 'Billing', '--min-valid', '15m']);
    expect(togai.tokenRequests).toBe(2);
    expect(renewed.stdout).toBe(lastToken(togai));
    expect((await keymint(['token', 'Billing', '--min-valid', '5m'])).stdout).toBe(renewed.stdout);
    expect(togai.tokenRequests).toBe(2);
  });

  it("Highline's rotated refresh token is kept between calls: each renewal uses the one the last call got", async () => {
    const highline = await started(startHighlineEmulator({ apiKey: 'hl-cli-key', secret: 'hl-cli-secret', lifetimeSeconds: 300 }));
    const { vault, keychain } = vaultFolder();
    const keymint = (args: string[], more: CliOptions = {}) => runCli(cli, ['--vault', vault, ...args], { ...more, env: { KEYMINT_KEYCHAIN_FILE: keychain, ...more.env } });
    expect((await keymint(['add', 'highline', '--name', 'High', '--base-url', highline.url, '--field', 'apiKey=@env:K', '--field', 'secret=@-'], { env: { K: 'hl-cli-key' }, input: 'hl-cli-secret\n' })).code).toBe(0);
    await keymint(['token', 'High']);
    for (let i = 0; i < 3; i++) expect((await keymint(['token', 'High', '--min-valid', '10m'])).code).toBe(0);
    // One login, then three refreshes: a refresh token used twice would be refused (rotation).
    expect(highline.tokenRequests).toBe(4);
    expect(highline.refreshCount).toBe(3);
  });

  it('curl and export formats work when a shell runs them against the provider', async () => {
    const { togai, keymint, vault, env } = await togaiVault();
    const curlArgs = (await keymint(['curl', 'Billing'])).stdout;
    expect(curlArgs).toBe(`--oauth2-bearer ${lastToken(togai)}`);
    // Not spawnSync: the emulator answers from this process's event loop.
    const shell = (script: string) =>
      new Promise<string>((resolve) => {
        const child = spawn('sh', ['-c', script], { env: { ...env, PATH: process.env.PATH, KEYMINT: `${process.execPath} ${cli} --vault ${vault}` } });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('close', () => resolve(out));
      });
    // As the issue writes it: curl $(keymint curl NAME) URL
    expect(await shell(`curl -s -o /dev/null -w '%{http_code}' $($KEYMINT curl Billing) ${togai.url}/protected`)).toBe('200');
    expect(await shell(`eval "$($KEYMINT token Billing --format export)" && curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BILLING_TOKEN" ${togai.url}/protected`)).toBe('200');
    expect(await shell(`curl -s -o /dev/null -w '%{http_code}' -H "$($KEYMINT header Billing)" ${togai.url}/protected`)).toBe('200');
    // A token the provider refuses is not what passes: the same request without one is refused.
    expect(await shell(`curl -s -o /dev/null -w '%{http_code}' ${togai.url}/protected`)).not.toBe('200');
  });
});

describe('exit codes and messages', () => {
  it('no such provider is 5, a usage error 2, a provider refusal 4; stdout stays empty and no secret reaches stderr', async () => {
    const { togai, keymint } = await togaiVault();
    expect(await keymint(['token', 'Nobody'])).toMatchObject({ code: 5, stdout: '', stderr: expect.stringContaining('No provider named "Nobody"') });
    expect(await keymint(['token'])).toMatchObject({ code: 2, stdout: '' });
    expect(await keymint(['token', 'Billing', '--format', 'xml'])).toMatchObject({ code: 2, stdout: '' });
    expect(await keymint(['frobnicate'])).toMatchObject({ code: 2, stdout: '' });
    togai.failNext(401, { message: `key ${TOGAI_KEY} is revoked` });
    const refused = await keymint(['token', 'Billing']);
    expect(refused).toMatchObject({ code: 4, stdout: '' });
    expect(refused.stderr).toMatch(/401/);
    expect(refused.stderr).not.toContain(TOGAI_KEY);
  });

  it('a secret typed on the command line works but warns that ps and the history show it', async () => {
    const { togai, keymint } = await togaiVault();
    const literal = await keymint(['add', 'togai', '--name', 'Literal', '--base-url', togai.url, '--field', `apiKey=${TOGAI_KEY}`]);
    expect(literal.code).toBe(0);
    expect(literal.stderr).toMatch(/apiKey is on the command line, visible in ps and your shell history/);
    expect(literal.stderr).not.toContain(TOGAI_KEY);
    expect((await keymint(['token', 'Literal'])).code).toBe(0);
  });

  it('--help on every command exits 0 with its usage; list and presets answer JSON', async () => {
    const { keymint } = await togaiVault();
    for (const command of ['list', 'presets', 'add', 'edit', 'remove', 'token', 'header', 'curl', 'exec', 'kube', 'export', 'import', 'unlock', 'lock', 'completion']) {
      const help = await keymint([command, '--help']);
      expect(help, command).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: keymint ${command}`) });
    }
    const listed = JSON.parse((await keymint(['list', '--json'])).stdout);
    expect(listed).toEqual([expect.objectContaining({ name: 'Billing', preset: 'togai', state: 'none' })]);
    const presets = JSON.parse((await keymint(['presets', '--json'])).stdout);
    expect(presets).toContainEqual(expect.objectContaining({ id: 'togai', label: 'Togai', fields: [{ key: 'apiKey', label: 'API key', secret: true, required: true }] }));
  });

  it('starts from a V8 code cache once one run made it; a damaged cache is made again, not trusted', async () => {
    const { keymint } = await togaiVault();
    const cacheDir = join(dirname(cli), '..', 'cache', 'keymint');
    await keymint(['list', '--names']);
    // One per command, made by its first run (this vault's `add`, among others).
    expect(readdirSync(cacheDir)).toContainEqual(expect.stringMatching(/^cli-[0-9a-f]{16}-add\.v8cache$/));
    const cache = readdirSync(cacheDir).find((name) => name.endsWith('-list.v8cache'));
    expect(cache).toBeDefined();
    expect(statSync(join(cacheDir, cache as string)).mode & 0o777).toBe(0o600);
    writeFileSync(join(cacheDir, cache as string), 'not a code cache');
    expect(await keymint(['list', '--names'])).toMatchObject({ code: 0, stdout: 'Billing' });
    expect(readFileSync(join(cacheDir, cache as string)).length).toBeGreaterThan(1000);
  });

  it('completion scripts are valid shell', async () => {
    const { keymint } = await togaiVault();
    const bash = (await keymint(['completion', 'bash'])).stdout;
    expect(spawnSync('bash', ['-n'], { input: bash }).status).toBe(0);
    expect(bash).toContain('complete -F _keymint keymint');
    expect((await keymint(['completion', 'fish'])).stdout).toContain('complete -c keymint');
    expect((await keymint(['completion', 'zsh'])).stdout).toContain('compdef _keymint keymint');
    expect((await keymint(['list', '--names'])).stdout).toBe('Billing');
  });
});

describe('passphrase vaults and sessions', () => {
  /** A passphrase vault (no keyring: the children see no D-Bus session) with Billing in it. */
  async function passphraseVault() {
    const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const { vault } = vaultFolder();
    const keymint = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(cli, ['--vault', vault, ...args], { env });
    const added = await keymint(['add', 'togai', '--name', 'Billing', '--base-url', togai.url, '--field', 'apiKey=@env:K'], { KEYMINT_PASSPHRASE: PASSPHRASE, K: TOGAI_KEY });
    expect(added.code).toBe(0);
    return { togai, vault, keymint };
  }

  it('a wrong passphrase, none at all, an expired or ended session each exit 3; unlock gives a session that opens it', async () => {
    const { togai, vault, keymint } = await passphraseVault();
    expect(await keymint(['token', 'Billing'], { KEYMINT_PASSPHRASE: 'not the passphrase' })).toMatchObject({ code: 3, stdout: '', stderr: expect.stringContaining('does not unlock') });
    expect(await keymint(['token', 'Billing'])).toMatchObject({ code: 3, stdout: '' });

    const unlocked = await keymint(['unlock'], { KEYMINT_PASSPHRASE: PASSPHRASE });
    expect(unlocked.code).toBe(0);
    const session = /^export KEYMINT_SESSION=(\S+)$/.exec(unlocked.stdout)?.[1] as string;
    expect(session).toBeDefined();
    expect((await keymint(['token', 'Billing'], { KEYMINT_SESSION: session })).stdout).toBe(lastToken(togai));

    // The file alone is not the key, nor the variable alone.
    const files = readdirSync(join(vault, 'cli-sessions'));
    expect(files).toHaveLength(1);
    expect(statSync(join(vault, 'cli-sessions', files[0] as string)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(vault, 'cli-sessions', files[0] as string), 'utf8')).not.toContain(session.split('.')[1]);
    const forged = `${session.split('.')[0]}.${'A'.repeat(43)}`;
    expect(await keymint(['token', 'Billing'], { KEYMINT_SESSION: forged })).toMatchObject({ code: 3, stdout: '' });

    expect(await keymint(['lock'], { KEYMINT_SESSION: session })).toMatchObject({ code: 0, stdout: 'unset KEYMINT_SESSION' });
    expect(await keymint(['token', 'Billing'], { KEYMINT_SESSION: session })).toMatchObject({ code: 3, stdout: '', stderr: expect.stringContaining('session has ended') });

    const short = /KEYMINT_SESSION=(\S+)/.exec((await keymint(['unlock', '--idle', '1s'], { KEYMINT_PASSPHRASE: PASSPHRASE })).stdout)?.[1] as string;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await keymint(['token', 'Billing'], { KEYMINT_SESSION: short })).toMatchObject({ code: 3, stdout: '', stderr: expect.stringContaining('expired') });
    expect(existsSync(join(vault, 'cli-sessions', `${short.split('.')[0]}.json`))).toBe(false);
  }, 60_000);
});

describe('keymint exec and kube', () => {
  it('exec runs the command with the token in NAME_TOKEN (or --env) and passes its exit code through', async () => {
    const { togai, keymint } = await togaiVault();
    const shown = await keymint(['exec', 'Billing', '--', process.execPath, '-e', 'process.stdout.write(process.env.BILLING_TOKEN + " " + (process.env.KEYMINT_PASSPHRASE ?? "none"))'], { env: { KEYMINT_PASSPHRASE: 'never passed on' } });
    expect(shown).toMatchObject({ code: 0, stdout: `${lastToken(togai)} none` });
    expect((await keymint(['exec', 'Billing', '--env', 'API_TOKEN', '--', process.execPath, '-e', 'process.stdout.write(process.env.API_TOKEN)'])).stdout).toBe(lastToken(togai));
    expect((await keymint(['exec', 'Billing', '--', process.execPath, '-e', 'process.exit(7)'])).code).toBe(7);
    expect((await keymint(['exec', 'Billing', '--', 'no-such-command-here'])).code).toBe(127);
  });

  it('exec passes SIGINT on to the command and ends as the command did', async () => {
    const { keymint } = await togaiVault();
    const script = 'process.on("SIGINT", () => { process.stdout.write("interrupted"); process.exit(42); }); process.stdout.write("ready"); setInterval(() => {}, 1000);';
    const ran = await keymint(['exec', 'Billing', '--', process.execPath, '-e', script], {
      started: (child) => child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && child.kill('SIGINT')),
    });
    expect(ran).toMatchObject({ code: 42, stdout: 'readyinterrupted' });

    const killed = await keymint(['exec', 'Billing', '--', process.execPath, '-e', 'process.stdout.write("ready"); setInterval(() => {}, 1000);'], {
      started: (child) => child.stdout?.on('data', () => child.kill('SIGINT')),
    });
    expect(killed.signal).toBe('SIGINT');
  });

  it('kube prints an ExecCredential that the client.authentication.k8s.io/v1 schema accepts', async () => {
    const { togai, keymint } = await togaiVault();
    const execCredential = z
      .object({
        apiVersion: z.literal('client.authentication.k8s.io/v1'),
        kind: z.literal('ExecCredential'),
        status: z.object({ token: z.string().min(1), expirationTimestamp: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/).optional() }).strict(),
      })
      .strict();
    const printed = await keymint(['kube', 'Billing']);
    const parsed = execCredential.parse(JSON.parse(printed.stdout));
    expect(parsed.status.token).toBe(lastToken(togai));
    expect(Date.parse(parsed.status.expirationTimestamp ?? '')).toBeGreaterThan(Date.now());
  });
});

describe('one vault for the app and the command line', () => {
  it('the app (core) and the CLI adding providers at the same time lose none', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const app = harness();
    await app.value('vault:setup', { method: 'keychain' });
    const env = { KEYMINT_KEYCHAIN_FILE: join(app.dir, 'keychain.key'), K: TOGAI_KEY };
    const fromCli = Array.from({ length: 4 }, (_, i) => runCli(cli, ['--vault', app.dir, 'add', 'togai', '--name', `Cli ${i}`, '--base-url', togai.url, '--field', 'apiKey=@env:K'], { env }));
    const fromApp = Array.from({ length: 4 }, (_, i) => app.value('providers:create', { presetId: 'togai', name: `App ${i}`, baseUrl: togai.url, values: { apiKey: TOGAI_KEY } }));
    const results = await Promise.all(fromCli);
    await Promise.all(fromApp);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    // The app hears of the CLI's writes through the folder, as it would while running.
    const names = async () => (await app.value<{ name: string }[]>('providers:list')).map((p) => p.name).sort();
    await expect.poll(names).toEqual(['App 0', 'App 1', 'App 2', 'App 3', 'Cli 0', 'Cli 1', 'Cli 2', 'Cli 3']);
    const onDisk = JSON.parse((await runCli(cli, ['--vault', app.dir, 'list', '--json'], { env })).stdout) as { name: string }[];
    expect(onDisk.map((p) => p.name).sort()).toEqual(await names());
    // And the app sees a token the CLI got, without asking again.
    const token = (await runCli(cli, ['--vault', app.dir, 'token', 'Cli 0'], { env })).stdout;
    const id = (await app.value<{ id: string; name: string }[]>('providers:list')).find((p) => p.name === 'Cli 0')?.id;
    await expect.poll(async () => (await app.value<{ id: string; status: { state: string } }[]>('providers:list')).find((p) => p.id === id)?.status.state).toBe('valid');
    await app.value('tokens:copy', { id });
    expect(app.clipboard.text).toBe(`Authorization: Bearer ${token}`);
    expect(togai.tokenRequests).toBe(1);
  });

  it('edit changes what it names (a new key from stdin drops the old token), remove takes the provider away', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: 'second-togai-key' }));
    const { keymint } = await togaiVault();
    await keymint(['token', 'Billing']);
    const edited = await keymint(['edit', 'billing', '--name', 'Billing EU', '--base-url', togai.url, '--field', 'apiKey=@-'], { input: 'second-togai-key\n' });
    expect(edited).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse((await keymint(['list', '--json'])).stdout)).toEqual([expect.objectContaining({ name: 'Billing EU', baseUrl: togai.url, state: 'none' })]);
    expect((await keymint(['token', 'Billing EU'])).stdout).toBe(lastToken(togai));
    expect(await keymint(['remove', 'Billing EU'])).toMatchObject({ code: 0, stdout: '' });
    expect(await keymint(['remove', 'Billing EU'])).toMatchObject({ code: 5 });
    expect((await keymint(['list', '--names'])).stdout).toBe('');
  });

  it('recipes export to stdout and import from a file, without secret values', async () => {
    const { keymint, dir } = await togaiVault();
    const exported = await keymint(['export', '--recipes']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).not.toContain(TOGAI_KEY);
    const file = join(dir, 'recipes.json');
    writeFileSync(file, exported.stdout);
    const other = vaultFolder();
    const imported = await runCli(cli, ['--vault', other.vault, 'import', file], { env: { KEYMINT_KEYCHAIN_FILE: other.keychain } });
    expect(imported).toMatchObject({ code: 0, stdout: '' });
    const listed = JSON.parse((await runCli(cli, ['--vault', other.vault, 'list', '--json'], { env: { KEYMINT_KEYCHAIN_FILE: other.keychain } })).stdout);
    expect(listed).toEqual([expect.objectContaining({ name: 'Billing', missing: ['API key'] })]);
  });
});
