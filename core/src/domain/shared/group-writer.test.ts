import { GroupWriter } from './group-writer';

/** A writeGroup that records each group and answers once `release()` is called, failing groups holding `bad`. */
function recordingWriter(bad = new Set<number>()) {
  const groups: number[][] = [];
  const pending: (() => void)[] = [];
  const writeGroup = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      groups.push(items);
      pending.push(() => (items.some((i) => bad.has(i)) ? reject(new Error(`bad item in ${items.join(',')}`)) : resolve(items.map((i) => `ok ${i}`))));
    });
  const releaseAll = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { groups, writeGroup, releaseAll };
}

it('sends a lone item at once, and groups what arrives while maxInFlight writes are on their way', async () => {
  const w = recordingWriter();
  const writer = new GroupWriter(w.writeGroup, { maxInFlight: 2, maxWeight: 100, weight: () => 1 });
  const results = [1, 2, 3, 4, 5, 6].map((i) => writer.store(i));
  // 1 and 2 went at once; 3–6 wait for one of them
  expect(w.groups).toEqual([[1], [2]]);
  await w.releaseAll();
  expect(w.groups).toEqual([[1], [2], [3, 4, 5, 6]]);
  expect(await Promise.all(results)).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5', 'ok 6']);
});

it('keeps a group under maxWeight, and sends an item heavier than that alone', async () => {
  const w = recordingWriter();
  const writer = new GroupWriter(w.writeGroup, { maxInFlight: 1, maxWeight: 10, weight: (i) => i });
  const results = [1, 4, 5, 2, 30, 3].map((i) => writer.store(i));
  await w.releaseAll();
  expect(w.groups).toEqual([[1], [4, 5], [2], [30], [3]]);
  expect(await Promise.all(results)).toHaveLength(6);
});

it('writes a failed group again item by item, so only the bad item fails', async () => {
  const w = recordingWriter(new Set([4]));
  const writer = new GroupWriter(w.writeGroup, { maxInFlight: 1, maxWeight: 100, weight: () => 1 });
  const results = [1, 2, 3, 4, 5].map((i) =>
    writer.store(i).then(
      (r) => r,
      (e: Error) => e.message,
    ),
  );
  await w.releaseAll();
  expect(w.groups).toEqual([[1], [2, 3, 4, 5], [2], [3], [4], [5]]);
  expect(await Promise.all(results)).toEqual(['ok 1', 'ok 2', 'ok 3', 'bad item in 4', 'ok 5']);
});
