// Group commit (issue 17): writes that arrive while `maxInFlight` earlier ones are still on their way wait, and then
// go out together through one `writeGroup` call — for a one-statement write, one round trip and one commit (a WAL
// flush) for all of them instead of one each. An idle writer sends a write at once, so a lone caller waits for
// nobody. A group that fails is written again one item at a time: every caller gets its own outcome, and one bad
// item (a unique violation) never fails the others.

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

export interface GroupWriterOptions<T> {
  /** writes on their way at once; the rest wait to be grouped */
  maxInFlight: number;
  /** the most a group may weigh (e.g. rows in one statement); an item heavier than that goes alone */
  maxWeight: number;
  weight(item: T): number;
}

export class GroupWriter<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private inFlight = 0;

  /** `writeGroup` writes all of its items or none, answering one result per item in their order. */
  constructor(
    private readonly writeGroup: (items: T[]) => Promise<R[]>,
    private readonly options: GroupWriterOptions<T>,
  ) {}

  /** Writes `item`, alone or with others; resolves once it is written (committed, for a statement outside a transaction). */
  store(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length) {
      const group = this.nextGroup();
      this.inFlight += 1;
      void this.write(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** The waiting items, oldest first, up to maxWeight (always at least one). */
  private nextGroup(): Waiting<T, R>[] {
    let weight = 0;
    let n = 0;
    while (n < this.waiting.length) {
      const w = this.options.weight(this.waiting[n]!.item);
      if (n > 0 && weight + w > this.options.maxWeight) break;
      weight += w;
      n += 1;
    }
    return this.waiting.splice(0, n);
  }

  private async write(group: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.writeGroup(group.map((g) => g.item));
      group.forEach((g, i) => g.resolve(results[i]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      // all or none was written: each item again on its own, so each caller hears its own outcome
      await Promise.all(
        group.map((g) =>
          this.writeGroup([g.item]).then(
            ([result]) => g.resolve(result!),
            (e: unknown) => g.reject(e),
          ),
        ),
      );
    }
  }
}
