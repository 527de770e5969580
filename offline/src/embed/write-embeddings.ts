/**
 * Every patient's current embedding, computed with a registry version's `encoder.onnx` in
 * onnxruntime (the artefact nearline re-embeds with), written to the offline store's
 * `patient_embedding` view for materialization. Patients are streamed in batches.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { patientEmbedding } from '@mediassist/feature-store/definitions';
import type { FeatureRow, OfflineStore } from '@mediassist/feature-store/offline';
import type { PatientId } from '@mediassist/shared/ids';
import { createEncoderInputBuilder, type EncoderSpec } from '@mediassist/shared/model';
import { loadOnnxRunner } from '../onnx/onnx-runner.js';
import { historySources } from './history-sources.js';
import { buildLatestCodesSql } from './latest-codes-sql.js';

const BATCH = 8192;
const ids = (text: unknown): string[] =>
  typeof text === 'string' && text.length > 0 ? text.split(' ') : [];

export async function writeEmbeddings(options: {
  connection: DuckDBConnection;
  store: Pick<OfflineStore, 'writeSnapshot'>;
  lakeDir: string;
  encoder: { spec: EncoderSpec; bytes: Uint8Array; version: string };
  createdAt: Date;
  signal?: AbortSignal;
  onProgress?: (patients: number) => void;
}): Promise<{ patients: number }> {
  const { connection, store, encoder } = options;
  const runner = await loadOnnxRunner({
    bytes: encoder.bytes,
    inputName: encoder.spec.inputName,
    outputName: encoder.spec.outputName,
    inputWidth: encoder.spec.vocabulary.length,
    outputWidth: encoder.spec.dimension,
    label: `encoder.onnx of ${encoder.version}`,
  });
  const build = createEncoderInputBuilder(encoder.spec);
  const width = encoder.spec.vocabulary.length;
  const k = encoder.spec.dimension;
  let patients = 0;
  const rows: FeatureRow<Float32Array>[] = [];
  try {
    const result = await connection.stream(
      buildLatestCodesSql(await historySources(options.lakeDir)),
    );
    let pending: { patientId: PatientId; eventMs: number; input: Float32Array }[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length === 0) {
        return;
      }
      const input = new Float32Array(pending.length * width);
      pending.forEach((p, i) => {
        input.set(p.input, i * width);
      });
      const output = await runner.run(input, pending.length);
      pending.forEach((p, i) => {
        rows.push({
          patientId: p.patientId,
          eventTimestamp: new Date(p.eventMs),
          value: output.slice(i * k, (i + 1) * k),
        });
      });
      patients += pending.length;
      options.onProgress?.(pending.length);
      pending = [];
    };
    for await (const chunk of result) {
      options.signal?.throwIfAborted();
      const [patient = [], eventMs = [], chronic = [], acute = [], findings = [], rxcuis = []] =
        chunk.getColumns();
      for (let i = 0; i < chunk.rowCount; i++) {
        pending.push({
          patientId: String(patient[i]) as PatientId,
          eventMs: Number(eventMs[i]),
          input: build({
            chronic: ids(chronic[i]),
            recentAcute: ids(acute[i]),
            findings: ids(findings[i]),
            rxcuis: ids(rxcuis[i]),
          }),
        });
        if (pending.length >= BATCH) {
          await flush();
        }
      }
    }
    await flush();
    if (rows.length > 0) {
      await store.writeSnapshot({ view: patientEmbedding, rows, createdAt: options.createdAt });
    }
    return { patients };
  } finally {
    await runner.release();
  }
}
