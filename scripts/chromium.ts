// Locates the Chromium that e2e tests drive. Playwright's own browser download
// cannot reach its CDN from our machines, so we use Debian's package instead
// and hand its path to Playwright through CHROMIUM_PATH.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const NOT_FOUND = 'Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH';

// --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
// --disable-dev-shm-usage: containers often give /dev/shm only 64 MB, which crashes tabs.
// The rest keep the browser from phoning home: only localhost is reachable here.
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file. ${NOT_FOUND}`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  // Only a root shell on a Debian-like machine (CI) installs it for the user.
  const canInstall = process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
  if (!canInstall) throw new Error(NOT_FOUND);

  console.log('Chromium not found: installing the Debian package (apt-get install chromium)…');
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', 'chromium']);
  if (!isExecutable(DEBIAN_CHROMIUM)) throw new Error(NOT_FOUND);
  return DEBIAN_CHROMIUM;
}
