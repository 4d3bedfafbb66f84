import { startOAuthClientCredentialsEmulator } from '../e2e/emulators';

/**
 * The loopback token endpoint both sides of the token benchmark call, in a process of its own as
 * a real endpoint is: its work is not on the client's event loop. Prints its URL, then serves
 * until its parent closes stdin.
 */
const oauth = await startOAuthClientCredentialsEmulator({ clientId: process.argv[2] ?? '', clientSecret: process.argv[3] ?? '' });
process.stdout.write(`${oauth.url}/oauth/token\n`);
process.stdin.resume();
process.stdin.on('end', () => void oauth.close().then(() => process.exit(0)));
