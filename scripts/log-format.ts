// The start command's log format: pretty-printed for a person at a terminal in development, JSON lines in
// production (what log collectors read). An explicit LOG_FORMAT always wins.
export function defaultLogFormat(env: NodeJS.ProcessEnv): void {
  if (!env.LOG_FORMAT && env.NODE_ENV !== 'production') env.LOG_FORMAT = 'pretty';
}
