/**
 * An error as log fields without its message: third-party messages can quote input (JSON.parse
 * quotes the body), so only the type, our own AppError message and code, and stack frames are kept.
 */
import { AppError } from '@mediassist/shared/errors';

export interface SafeErrorFields {
  type: string;
  code?: string;
  message?: string;
  frames?: string;
  cause?: SafeErrorFields;
}

function framesOf(error: Error): string | undefined {
  const lines = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at '));
  return lines && lines.length > 0 ? lines.slice(0, 12).join('\n') : undefined;
}

export function safeErrorFields(error: unknown, depth = 0): SafeErrorFields {
  if (!(error instanceof Error)) {
    return { type: typeof error };
  }
  const fields: SafeErrorFields = { type: error.name };
  if (error instanceof AppError) {
    fields.code = error.code;
    fields.message = error.message;
  } else if ('code' in error && typeof error.code === 'string') {
    fields.code = error.code;
  }
  const frames = framesOf(error);
  if (frames !== undefined) {
    fields.frames = frames;
  }
  if (error.cause !== undefined && depth < 3) {
    fields.cause = safeErrorFields(error.cause, depth + 1);
  }
  return fields;
}
