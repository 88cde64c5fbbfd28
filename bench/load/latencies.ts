/** Milliseconds from a seat's send to the other seat's client having the update, and what went wrong on the way. */
export class Latencies {
  private readonly samples: number[] = [];
  sent = 0;
  /** Slots a seat skipped because its previous action had not arrived yet (the table was behind). */
  skipped = 0;
  readonly refusals = new Map<string, number>();

  add(ms: number): void {
    this.samples.push(ms);
  }

  refused(code: string): void {
    this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
  }

  get delivered(): number {
    return this.samples.length;
  }

  summary(): { p50: number; p95: number; p99: number; max: number } {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
  }
}
