// local-server.mjs — starts Galley's own static server (scripts/serve.py) on a free port for tests that need a
// second origin (embed.test.mjs: a host page) or a site they can redeploy (pwa.test.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Serves `dir`; resolves to {port, stop()} once the server printed its address.
export function serveDirectory(dir) {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', [`${ROOT}scripts/serve.py`, dir, '--port', '0', '--quiet'],
                         { stdio: ['ignore', 'pipe', 'inherit'] });
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`serve.py ${dir} exited with ${code}`)));
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /:(\d+)\//.exec(output);
      if (match) resolve({ port: Number(match[1]), stop: () => server.kill() });
    });
  });
}
