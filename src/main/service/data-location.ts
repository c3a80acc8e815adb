// Where Footprint keeps its database: the same per-OS folder Electron calls "userData" for an app
// named Footprint, so the CLI and the desktop app share one file. FOOTPRINT_DB overrides it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Footprint';
export const DB_FILE = 'footprint.db';

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FOOTPRINT_DB || join(userDataDir(process.platform, env), DB_FILE);
}
