/**
 * Input vectors in compressed sparse rows. Rows come from `createDiagnosisInputLayout(...).build`
 * (the serving layout), keeping only non-zero entries: most inputs are a few findings and history
 * flags plus the dense embedding, so training touches ~60 of ~1,000 weights rows per example.
 */
export interface SparseRows {
  readonly width: number;
  readonly count: number;
  /** Row r's entries are `cols/vals[rowStart[r] .. rowStart[r + 1])`. */
  readonly rowStart: Uint32Array;
  readonly cols: Uint32Array;
  readonly vals: Float32Array;
  /** Class index per row (-1: a class the model does not have). */
  readonly labels: Int32Array;
}

export class SparseRowsBuilder {
  readonly #width: number;
  #cols = new Uint32Array(1 << 16);
  #vals = new Float32Array(1 << 16);
  #nnz = 0;
  readonly #starts: number[] = [0];
  readonly #labels: number[] = [];

  constructor(width: number) {
    this.#width = width;
  }

  add(vector: Float32Array, label: number): void {
    for (let i = 0; i < vector.length; i++) {
      const v = vector[i] ?? 0;
      if (v !== 0) {
        if (this.#nnz === this.#cols.length) {
          this.#grow();
        }
        this.#cols[this.#nnz] = i;
        this.#vals[this.#nnz] = v;
        this.#nnz += 1;
      }
    }
    this.#starts.push(this.#nnz);
    this.#labels.push(label);
  }

  build(): SparseRows {
    return {
      width: this.#width,
      count: this.#labels.length,
      rowStart: Uint32Array.from(this.#starts),
      cols: this.#cols.slice(0, this.#nnz),
      vals: this.#vals.slice(0, this.#nnz),
      labels: Int32Array.from(this.#labels),
    };
  }

  #grow(): void {
    const cols = new Uint32Array(this.#cols.length * 2);
    cols.set(this.#cols);
    const vals = new Float32Array(this.#vals.length * 2);
    vals.set(this.#vals);
    this.#cols = cols;
    this.#vals = vals;
  }
}

/** The rows at `indices` (a subset, e.g. for the learning curve). */
export function selectRows(rows: SparseRows, indices: ArrayLike<number>): SparseRows {
  const builder = new SparseRowsBuilder(rows.width);
  const dense = new Float32Array(rows.width);
  for (let k = 0; k < indices.length; k++) {
    const r = indices[k] ?? 0;
    dense.fill(0);
    for (let p = rows.rowStart[r] ?? 0; p < (rows.rowStart[r + 1] ?? 0); p++) {
      dense[rows.cols[p] ?? 0] = rows.vals[p] ?? 0;
    }
    builder.add(dense, rows.labels[r] ?? -1);
  }
  return builder.build();
}

/** Row r as a dense vector (for ONNX runs and parity checks). */
export function denseRow(rows: SparseRows, r: number): Float32Array {
  const dense = new Float32Array(rows.width);
  for (let p = rows.rowStart[r] ?? 0; p < (rows.rowStart[r + 1] ?? 0); p++) {
    dense[rows.cols[p] ?? 0] = rows.vals[p] ?? 0;
  }
  return dense;
}
