// Where a logger writes: JSON lines (production, and anything that collects logs), or the same entries
// pretty-printed for a person at a terminal (LOG_FORMAT=pretty, which the start command sets in development).
// Pretty printing is a synchronous stream in this process, not a worker-thread transport: nothing is lost on
// a fatal exit, and redaction has already happened when an entry reaches it.
import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/** The stream a pino logger writes to; `undefined` means pino's own stdout. `destination` defaults to stdout. */
export function logDestination(format: LogFormat, destination?: DestinationStream): DestinationStream | undefined {
  if (format !== 'pretty') return destination;
  return pretty({
    sync: true,
    // colours only on a terminal
    colorize: destination ? false : Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    ...(destination ? { destination } : {}),
  });
}
