// Local HTTP stand-ins for the token providers Keymint supports, shared by vitest and Playwright.
export type { Emulator, EmulatorClockOptions, IssuedToken, RecordedRequest } from './emulator-server';
export { startBotlhaleEmulator } from './botlhale-emulator';
export type { BotlhaleEmulator, BotlhaleEmulatorOptions, BotlhaleIssuedToken } from './botlhale-emulator';
export { startFaultProxy } from './fault-proxy';
export type { Fault, FaultProxy } from './fault-proxy';
export { startHighlineEmulator } from './highline-emulator';
export type { HighlineEmulator, HighlineEmulatorOptions, HighlineIssuedToken } from './highline-emulator';
export { startOAuthClientCredentialsEmulator } from './oauth-client-credentials-emulator';
export type {
  ClientAuthMethod,
  OAuthClientCredentialsEmulator,
  OAuthClientCredentialsEmulatorOptions,
} from './oauth-client-credentials-emulator';
export { startTogaiEmulator } from './togai-emulator';
export type { TogaiEmulator, TogaiEmulatorOptions } from './togai-emulator';
export { startWelkinEmulator } from './welkin-emulator';
export type { WelkinEmulator, WelkinEmulatorOptions, WelkinIssuedToken } from './welkin-emulator';
export { startXeniooEmulator } from './xenioo-emulator';
export type { BotCredentials, XeniooEmulator, XeniooEmulatorOptions, XeniooIssuedToken, XeniooTokenKind } from './xenioo-emulator';
