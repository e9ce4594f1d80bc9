/**
 * Run in a child process: `node --import tsx test/wechaty/support/list-loaded-modules.ts <module> [--enable-wechaty]`.
 * Records every module URL the ESM loader resolves while importing <module> (and, with
 * --enable-wechaty, while creating the adapters with Wechaty configured), then prints them as JSON.
 */
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { port1, port2 } = new MessageChannel();
const resolved: string[] = [];
let flushed: (() => void) | undefined;
port1.on('message', (message: { url?: string; flushed?: true }) => {
  if (message.url) resolved.push(message.url);
  if (message.flushed) flushed?.();
});
port1.unref();

const hooks = `
let port;
export function initialize(data) {
  port = data.port;
  port.on('message', () => port.postMessage({ flushed: true }));
}
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage({ url: result.url });
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });

const [target, flag] = process.argv.slice(2);
const mod = (await import(pathToFileURL(target!).href)) as typeof import('../../../src/app/platform-adapters.ts');
if (flag === '--enable-wechaty') {
  const noop = () => undefined;
  const logger = { info: noop, warn: noop, error: noop, debug: noop } as never;
  const config = { localChat: false, wechaty: { puppet: 'wechaty-puppet-mock' } } as never;
  await mod.createPlatformAdapters(config, { engine: {} as never, clock: { now: () => new Date() }, logger, publicUrl: 'http://x', db: {} as never });
}
// Messages on one port arrive in order: once the hook thread answers this, every URL it sent is in.
await new Promise<void>((resolve) => {
  flushed = resolve;
  port1.ref();
  port1.postMessage('flush');
});
// stdout is a pipe, written asynchronously: exit only once the whole list is out (a bare exit cut it
// short once the module list grew past the pipe's buffer).
process.stdout.write(JSON.stringify(resolved), () => process.exit(0));
