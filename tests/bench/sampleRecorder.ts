/**
 * A growable array of latency samples. Typed storage, no per-sample object: the load generator shares two
 * cores with the server under test, so recording must cost next to nothing.
 */
export class SampleRecorder {
  private data = new Float64Array(1024);
  private length = 0;

  add(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  get count(): number {
    return this.length;
  }

  /** The samples so far (a view; copy before keeping it past the next `add`). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
