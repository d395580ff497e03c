// An optional debug logger; every line it receives has secrets redacted already.
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, warn() {} };
