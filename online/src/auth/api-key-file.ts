/** Reading and writing api-keys.json: validated on read, written atomically with mode 0600. */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, detailsFromZod } from '@mediassist/shared/errors';
import type { z } from 'zod';
import { ApiKeyFileSchema, type ApiKeyEntry } from './api-key.js';

const SECRET_FILE_MODE = 0o600;
const SECRET_DIR_MODE = 0o700;

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** Parses a JSON secrets file with `schema`; `undefined` when the file does not exist. */
export async function readSecretJson<TSchema extends z.ZodType>(
  file: string,
  schema: TSchema,
): Promise<z.infer<TSchema> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) {
      return undefined;
    }
    throw new AppError('CONFIG_INVALID', `Cannot read ${path.basename(file)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // No cause: a JSON.parse message quotes the file's content, which is secret.
    throw new AppError('CONFIG_INVALID', `${path.basename(file)} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('CONFIG_INVALID', `${path.basename(file)} failed validation`, {
      details: detailsFromZod(parsed.error),
    });
  }
  return parsed.data;
}

/** Writes `value` as JSON via a temp file and rename, mode 0600, creating the folder with 0700. */
export async function writeSecretJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: SECRET_DIR_MODE });
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: SECRET_FILE_MODE });
  await rename(temp, file);
}

/** Narrows a secrets file to 0600 if it is readable by group or others. Returns whether it changed. */
export async function restrictSecretFile(file: string): Promise<boolean> {
  const { mode } = await stat(file);
  if ((mode & 0o077) === 0) {
    return false;
  }
  await chmod(file, SECRET_FILE_MODE);
  return true;
}

export async function readApiKeyFile(file: string): Promise<ApiKeyEntry[]> {
  const content = await readSecretJson(file, ApiKeyFileSchema);
  return content?.keys ?? [];
}

export async function writeApiKeyFile(file: string, keys: readonly ApiKeyEntry[]): Promise<void> {
  await writeSecretJson(file, { keys });
}
