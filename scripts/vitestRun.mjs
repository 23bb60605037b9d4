// What `npm run chaos` and `npm run fuzz` share: reading their options, and running vitest with a
// config of their own into a JSON report they print as a table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * `--name value`, `--name=value`, or `npm run x --name value` (npm hands that over as
 * npm_config_name); the fallback otherwise.
 */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0 && process.argv[at + 1] !== undefined) return process.argv[at + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  return process.env[`npm_config_${name}`] ?? fallback;
}

/** A flag given as `--name` (or to npm as `npm run x --name`). */
export const flag = (name) =>
  process.argv.includes(`--${name}`) || process.env[`npm_config_${name}`] === 'true';

/**
 * Runs vitest with `args` and `env`, and reads the report the run wrote at `reportPath`; exits
 * with a message when there is none. Returns the report, vitest's exit status and the wall time.
 */
export function runVitest({ what, args, env, reportPath, stdout = 'inherit' }) {
  rmSync(reportPath, { force: true });
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: ['ignore', stdout, 'inherit'],
    env: { ...process.env, ...env },
  });
  const wall = (Date.now() - started) / 1000;
  if (!existsSync(reportPath)) {
    console.error(`The ${what} run wrote no report (vitest exited ${run.status}); see above.`);
    process.exit(1);
  }
  return { report: JSON.parse(readFileSync(reportPath, 'utf8')), status: run.status, wall };
}
