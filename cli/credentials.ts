import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** A stored login: the server and the API token `tandem login` checked, and who it is. */
export interface StoredLogin {
  server: string;
  token: string;
  email?: string | undefined;
  workspace?: string | undefined;
}

/** The folder of Tandem's CLI configuration: `$XDG_CONFIG_HOME/tandem`, else `~/.config/tandem`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), 'tandem');
}

/** The file `tandem login` writes (mode 0600: it holds a token). */
export function loginFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'login.json');
}

/** The stored login, if any (a file that is not one reads as none). */
export function readLogin(env: NodeJS.ProcessEnv = process.env): StoredLogin | undefined {
  const file = loginFile(env);
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredLogin>;
    if (typeof value.server === 'string' && typeof value.token === 'string')
      return { server: value.server, token: value.token, email: value.email, workspace: value.workspace };
  } catch {
    // Unreadable: as if none; `tandem login` writes it again.
  }
  return undefined;
}

/** Stores a login, readable by its owner only (the folder 0700, the file 0600). */
export function writeLogin(login: StoredLogin, env: NodeJS.ProcessEnv = process.env): string {
  const file = loginFile(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created: tighten one written before.
  chmodSync(file, 0o600);
  return file;
}

/** Forgets the stored login; answers the server it was for. */
export function removeLogin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const login = readLogin(env);
  rmSync(loginFile(env), { force: true });
  return login?.server;
}
