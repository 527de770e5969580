/** Races a promise against a deadline; the timer never keeps the process alive. */
import { AppError } from '@mediassist/shared/errors';

export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AppError('DEPENDENCY_TIMEOUT', `No answer within ${String(timeoutMs)} ms`));
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
