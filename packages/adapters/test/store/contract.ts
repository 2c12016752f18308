import { ConflictError, type Store, type TokenRecord } from '@roam/engine';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** Empty storage for one test: how to open a store on it (again) and remove it. */
export interface StoreFixture {
  /** Opens a store on this storage; a durable store opened again sees what was written. */
  open(): Promise<Store>;
  /** Removes the storage, after every store opened on it was closed. */
  cleanup?(): Promise<void>;
}

/** How the suite treats a store. */
export interface StoreContractOptions {
  /** Whether writes survive close and open (SQLite, PostgreSQL), so reopening is tested. */
  readonly durable: boolean;
}

/** The contract of the Store port, run against one adapter; `fixture` makes fresh storage. */
export function storeContract(
  name: string,
  fixture: () => Promise<StoreFixture>,
  options: StoreContractOptions,
): void {
  describe(`${name} (Store contract)`, () => {
    let storage: StoreFixture;
    let store: Store;
    const opened: Store[] = [];

    const open = async () => {
      const reopened = await storage.open();
      opened.push(reopened);
      return reopened;
    };

    beforeEach(async () => {
      storage = await fixture();
      store = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((each) => each.close()));
      await storage.cleanup?.();
    });

    describe('objects', () => {
      it('an empty store holds nothing', async () => {
        expect(await store.get('Workload', 'a')).toBeUndefined();
        expect(await store.list('Workload')).toEqual([]);
        expect(await store.currentVersion()).toBe(0);
        expect(await store.changes(0)).toEqual([]);
        expect(await store.events(0, 10)).toEqual([]);
        expect(await store.listTokens()).toEqual([]);
      });

      it('put stores a document that get returns', async () => {
        const note = 'é 😀 "quoted" back\\slash\nnew line\ttab \u0000 nul {a,b} NULL';
        const doc = { spec: { queue: 'team-a', gpus: 2 }, labels: ['x', 'y'], note };
        const stored = await store.put('Workload', 'team-a/train', doc);
        expect(stored).toEqual({
          kind: 'Workload',
          key: 'team-a/train',
          resourceVersion: expect.any(Number),
          doc,
        });
        expect(stored.resourceVersion).toBeGreaterThan(0);
        expect(await store.get('Workload', 'team-a/train')).toEqual(stored);
      });

      it('put replaces the document and gives it a higher version', async () => {
        const first = await store.put('Queue', 'q', { weight: 1 });
        const second = await store.put('Queue', 'q', { weight: 2 });
        expect(second.resourceVersion).toBeGreaterThan(first.resourceVersion);
        expect(await store.get('Queue', 'q')).toEqual(second);
        expect(second.doc).toEqual({ weight: 2 });
      });

      it('documents are kept as JSON: reads are copies, undefined fields vanish', async () => {
        const doc = { a: [1, { b: 'c' }], gone: undefined, n: 1.5, t: true, z: null };
        const stored = await store.put('Node', 'n1', doc);
        (doc.a[1] as { b: string }).b = 'changed after put';
        (stored.doc as { n: number }).n = 99;
        const read = await store.get('Node', 'n1');
        expect(read?.doc).toEqual({ a: [1, { b: 'c' }], n: 1.5, t: true, z: null });
        expect(Object.keys(read?.doc as object)).not.toContain('gone');
        (read?.doc as { t: boolean }).t = false;
        expect((await store.get('Node', 'n1'))?.doc).toMatchObject({ t: true });
      });

      it('kinds are separate namespaces', async () => {
        await store.put('Queue', 'same', { kind: 'queue' });
        await store.put('Workload', 'same', { kind: 'workload' });
        expect((await store.get('Queue', 'same'))?.doc).toEqual({ kind: 'queue' });
        expect((await store.list('Workload')).map((object) => object.doc)).toEqual([
          { kind: 'workload' },
        ]);
      });

      it('list returns one kind ordered by key, in code point (UTF-8 byte) order', async () => {
        const keys = ['b', 'a', 'a/b', 'a-b', 'B', 'ab', 'é', '😀', '\uFFFD', 'z', 'a/a', '_'];
        keys.push('a"b', 'a\\b', '{a,b}', 'NULL', ' space', "it's");
        for (const key of keys) {
          await store.put('Workload', key, { key });
        }
        await store.put('Queue', 'a', {});
        const listed = await store.list('Workload');
        const byBytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
        expect(listed.map((object) => object.key)).toEqual(byBytes);
        expect(listed.every((object) => object.kind === 'Workload')).toBe(true);
        expect(listed.map((object) => object.doc)).toEqual(byBytes.map((key) => ({ key })));
      });

      it('delete removes an object and says it existed', async () => {
        await store.put('Workload', 'w', {});
        expect(await store.delete('Workload', 'w')).toBe(true);
        expect(await store.get('Workload', 'w')).toBeUndefined();
        expect(await store.list('Workload')).toEqual([]);
        expect(await store.delete('Workload', 'w')).toBe(false);
      });

      it('deleting a missing object writes nothing', async () => {
        await store.put('Workload', 'w', {});
        const version = await store.currentVersion();
        expect(await store.delete('Workload', 'other')).toBe(false);
        expect(await store.currentVersion()).toBe(version);
        expect(await store.changes(version)).toEqual([]);
      });

      it('refuses bad arguments with a TypeError and writes nothing', async () => {
        const cyclic: { self?: unknown } = {};
        cyclic.self = cyclic;
        const refused = [
          store.put('Workload', 'w', undefined),
          store.put('Workload', 'w', cyclic),
          store.put('Workload', 'w', { big: 1n }),
          store.put('', 'w', {}),
          store.put('Workload', '', {}),
          store.put('Workload', 'nul\u0000', {}),
          store.batch([
            { op: 'put', kind: 'Workload', key: 'ok', doc: {} },
            { op: 'put', kind: 'Workload', key: 'bad', doc: () => 1 },
          ]),
          store.appendEvents([{ at: 1.5, data: {} }]),
          store.appendEvents([{ at: 1, data: undefined }]),
          store.putToken({ ...token('h'), hash: '' }),
        ];
        for (const attempt of refused) {
          await expect(attempt).rejects.toThrow(TypeError);
        }
        expect(await store.currentVersion()).toBe(0);
        expect(await store.list('Workload')).toEqual([]);
        expect(await store.events(0, 10)).toEqual([]);
        expect(await store.listTokens()).toEqual([]);
      });
    });

    describe('versions', () => {
      it('every write gets a higher version, across kinds and deletes', async () => {
        const versions = [
          (await store.put('Queue', 'q', {})).resourceVersion,
          (await store.put('Workload', 'w', {})).resourceVersion,
          (await store.put('Queue', 'q', { again: true })).resourceVersion,
        ];
        await store.delete('Workload', 'w');
        const afterDelete = await store.currentVersion();
        versions.push(afterDelete, (await store.put('Node', 'n', {})).resourceVersion);
        expect(isStrictlyIncreasing(versions)).toBe(true);
        expect(await store.currentVersion()).toBe(versions.at(-1));
        expect((await store.changes(0)).map((change) => change.resourceVersion)).toEqual(versions);
      });
    });

    describe('preconditions', () => {
      it('absent: creates when missing, refuses when the object exists', async () => {
        const created = await store.put('Workload', 'w', { n: 1 }, { absent: true });
        const error = await conflict(store.put('Workload', 'w', { n: 2 }, { absent: true }));
        expect(error).toMatchObject({
          name: 'ConflictError',
          kind: 'Workload',
          key: 'w',
          current: created.resourceVersion,
        });
        expect(error.message).toContain('w');
        expect((await store.get('Workload', 'w'))?.doc).toEqual({ n: 1 });
      });

      it('version: writes when it matches, refuses a stale or missing object', async () => {
        const first = await store.put('Workload', 'w', { n: 1 });
        const second = await store.put(
          'Workload',
          'w',
          { n: 2 },
          { version: first.resourceVersion },
        );
        const stale = await conflict(
          store.put('Workload', 'w', { n: 3 }, { version: first.resourceVersion }),
        );
        expect(stale).toMatchObject({
          kind: 'Workload',
          key: 'w',
          current: second.resourceVersion,
        });
        const missing = await conflict(store.put('Workload', 'nope', {}, { version: 1 }));
        expect(missing).toMatchObject({ kind: 'Workload', key: 'nope', current: undefined });
        expect((await store.get('Workload', 'w'))?.doc).toEqual({ n: 2 });
        expect(await store.get('Workload', 'nope')).toBeUndefined();
      });

      it('delete honours version and absent preconditions', async () => {
        const stored = await store.put('Workload', 'w', {});
        const stale = await conflict(
          store.delete('Workload', 'w', { version: stored.resourceVersion - 1 }),
        );
        expect(stale.current).toBe(stored.resourceVersion);
        const present = await conflict(store.delete('Workload', 'w', { absent: true }));
        expect(present.current).toBe(stored.resourceVersion);
        expect(await store.get('Workload', 'w')).toEqual(stored);
        expect(await store.delete('Workload', 'w', { version: stored.resourceVersion })).toBe(true);
        const missing = await conflict(
          store.delete('Workload', 'w', { version: stored.resourceVersion }),
        );
        expect(missing.current).toBeUndefined();
        expect(await store.delete('Workload', 'w', { absent: true })).toBe(false);
      });

      it('a refused write changes nothing', async () => {
        await store.put('Workload', 'w', { n: 1 });
        const version = await store.currentVersion();
        await conflict(store.put('Workload', 'w', { n: 2 }, { absent: true }));
        await conflict(store.put('Workload', 'x', { n: 2 }, { version: 1 }));
        expect(await store.currentVersion()).toBe(version);
        expect(await store.changes(version)).toEqual([]);
        expect(await store.get('Workload', 'x')).toBeUndefined();
      });

      it('read-modify-write with version preconditions loses no update', async () => {
        await store.put('Queue', 'counter', { n: 0 });
        const increment = async () => {
          for (;;) {
            const current = await store.get('Queue', 'counter');
            const n = (current?.doc as { n: number }).n;
            try {
              const precondition = { version: current?.resourceVersion ?? 0 };
              return await store.put('Queue', 'counter', { n: n + 1 }, precondition);
            } catch (error) {
              if (!(error instanceof ConflictError)) {
                throw error;
              }
            }
          }
        };
        await Promise.all(Array.from({ length: 20 }, increment));
        expect((await store.get('Queue', 'counter'))?.doc).toEqual({ n: 20 });
      });
    });

    describe('batch', () => {
      it('applies every write in order, each with a higher version', async () => {
        await store.put('Workload', 'old', {});
        const results = await store.batch([
          { op: 'put', kind: 'Workload', key: 'a', doc: { n: 1 } },
          { op: 'delete', kind: 'Workload', key: 'old' },
          { op: 'put', kind: 'Queue', key: 'q', doc: { n: 2 }, precondition: { absent: true } },
        ]);
        expect(results).toHaveLength(3);
        expect(results[0]).toMatchObject({ kind: 'Workload', key: 'a', doc: { n: 1 } });
        expect(results[1]).toBeUndefined();
        expect(results[2]).toMatchObject({ kind: 'Queue', key: 'q', doc: { n: 2 } });
        const changes = await store.changes(0);
        expect(changes.map((change) => [change.type, change.key])).toEqual([
          ['put', 'old'],
          ['put', 'a'],
          ['delete', 'old'],
          ['put', 'q'],
        ]);
        expect(isStrictlyIncreasing(changes.map((change) => change.resourceVersion))).toBe(true);
        expect(results[2]?.resourceVersion).toBe(await store.currentVersion());
        expect(await store.get('Workload', 'old')).toBeUndefined();
      });

      it('later writes of a batch see the earlier ones', async () => {
        const base = await store.currentVersion();
        const results = await store.batch([
          { op: 'put', kind: 'Workload', key: 'w', doc: { n: 1 }, precondition: { absent: true } },
          {
            op: 'put',
            kind: 'Workload',
            key: 'w',
            doc: { n: 2 },
            precondition: { version: base + 1 },
          },
          { op: 'delete', kind: 'Workload', key: 'w', precondition: { version: base + 2 } },
          { op: 'put', kind: 'Workload', key: 'w', doc: { n: 3 }, precondition: { absent: true } },
        ]);
        expect(results.map((result) => result?.resourceVersion)).toEqual([
          base + 1,
          base + 2,
          undefined,
          base + 4,
        ]);
        expect(await store.get('Workload', 'w')).toEqual(results[3]);
      });

      it('one failed precondition refuses the whole batch and changes nothing', async () => {
        await store.put('Workload', 'taken', { n: 1 });
        await store.put('Workload', 'keep', { n: 1 });
        const version = await store.currentVersion();
        const error = await conflict(
          store.batch([
            { op: 'put', kind: 'Workload', key: 'new', doc: {} },
            { op: 'delete', kind: 'Workload', key: 'keep' },
            { op: 'put', kind: 'Workload', key: 'taken', doc: {}, precondition: { absent: true } },
          ]),
        );
        expect(error).toMatchObject({ kind: 'Workload', key: 'taken' });
        expect(await store.currentVersion()).toBe(version);
        expect(await store.changes(version)).toEqual([]);
        expect((await store.list('Workload')).map((object) => object.key)).toEqual([
          'keep',
          'taken',
        ]);
      });

      it('an empty batch writes nothing', async () => {
        expect(await store.batch([])).toEqual([]);
        expect(await store.currentVersion()).toBe(0);
      });
    });

    describe('changes', () => {
      it('lists puts and deletes in commit order, deletes without a document', async () => {
        const a = await store.put('Workload', 'a', { n: 1 });
        const b = await store.put('Queue', 'b', { n: 2 });
        await store.delete('Workload', 'a');
        const deleted = await store.currentVersion();
        expect(await store.changes(0)).toEqual([
          {
            type: 'put',
            kind: 'Workload',
            key: 'a',
            resourceVersion: a.resourceVersion,
            doc: { n: 1 },
          },
          {
            type: 'put',
            kind: 'Queue',
            key: 'b',
            resourceVersion: b.resourceVersion,
            doc: { n: 2 },
          },
          { type: 'delete', kind: 'Workload', key: 'a', resourceVersion: deleted },
        ]);
        const [deletion] = await store.changes(b.resourceVersion);
        expect(deletion).not.toHaveProperty('doc');
      });

      it('starts after a version and stops at a limit', async () => {
        const versions: number[] = [];
        for (let i = 0; i < 10; i++) {
          versions.push((await store.put('Workload', `w${i}`, { i })).resourceVersion);
        }
        const since = versions[3] ?? 0;
        const page = await store.changes(since, 4);
        expect(page.map((change) => change.resourceVersion)).toEqual(versions.slice(4, 8));
        expect(await store.changes(since, 0)).toEqual([]);
        expect(await store.changes(await store.currentVersion())).toEqual([]);
        expect(await store.changes(since)).toHaveLength(6);
      });

      it('paging through changes returns each exactly once', async () => {
        for (let i = 0; i < 25; i++) {
          await store.put('Workload', `w${i % 7}`, { i });
        }
        const seen: number[] = [];
        let since = 0;
        for (;;) {
          const page = await store.changes(since, 4);
          if (page.length === 0) {
            break;
          }
          seen.push(...page.map((change) => change.resourceVersion));
          since = page.at(-1)?.resourceVersion ?? since;
        }
        expect(seen).toHaveLength(25);
        expect(isStrictlyIncreasing(seen)).toBe(true);
      });
    });

    describe('events', () => {
      it('appends events with increasing seqs and reads them back in order', async () => {
        const first = await store.appendEvents([
          { at: 1_700_000_000_000, data: { type: 'Submitted', key: 'w' } },
          { at: 1_700_000_000_001, data: 'plain' },
        ]);
        const second = await store.appendEvents([{ at: 1_700_000_000_002, data: [1, 2] }]);
        const all = [...first, ...second];
        expect(all.map((event) => event.data)).toEqual([
          { type: 'Submitted', key: 'w' },
          'plain',
          [1, 2],
        ]);
        expect(all.every((event) => event.seq > 0)).toBe(true);
        expect(isStrictlyIncreasing(all.map((event) => event.seq))).toBe(true);
        expect(await store.events(0, 100)).toEqual(all);
      });

      it('reads after a seq, at most a limit', async () => {
        const events = await store.appendEvents(
          Array.from({ length: 10 }, (_, i) => ({ at: 1000 + i, data: { i } })),
        );
        const after = events[2]?.seq ?? 0;
        expect(await store.events(after, 3)).toEqual(events.slice(3, 6));
        expect(await store.events(after, 0)).toEqual([]);
        expect(await store.events(events.at(-1)?.seq ?? 0, 10)).toEqual([]);
      });

      it('appending nothing returns nothing', async () => {
        expect(await store.appendEvents([])).toEqual([]);
        expect(await store.events(0, 10)).toEqual([]);
      });
    });

    describe('tokens', () => {
      it('puts, gets, lists, replaces and deletes token records', async () => {
        const admin = token('aa', { name: 'ops', role: 'admin', queues: [] });
        const member = token('bb', { name: 'alice', queues: ['team-a', 'team-b'] });
        await store.putToken(admin);
        await store.putToken(member);
        expect(await store.getToken('bb')).toEqual(member);
        expect(await store.getToken('cc')).toBeUndefined();
        expect(byHash(await store.listTokens())).toEqual([admin, member]);

        const replaced = { ...member, role: 'queue-admin' as const, queues: ['team-c'] };
        await store.putToken(replaced);
        expect(await store.getToken('bb')).toEqual(replaced);

        expect(await store.deleteToken('aa')).toBe(true);
        expect(await store.deleteToken('aa')).toBe(false);
        expect(await store.listTokens()).toEqual([replaced]);
      });

      it('token records read back are copies', async () => {
        const record = token('aa', { queues: ['q'] });
        await store.putToken(record);
        (record.queues as string[]).push('added later');
        const read = await store.getToken('aa');
        (read?.queues as string[] | undefined)?.push('added to a copy');
        expect((await store.getToken('aa'))?.queues).toEqual(['q']);
      });
    });

    describe('concurrent writes', () => {
      it('200 parallel puts are all acknowledged with unique versions', async () => {
        const keys = Array.from({ length: 200 }, (_, i) => `team/w${String(i).padStart(3, '0')}`);
        const stored = await Promise.all(keys.map((key, i) => store.put('Workload', key, { i })));
        const versions = stored.map((object) => object.resourceVersion);
        expect(new Set(versions).size).toBe(200);
        expect(await store.currentVersion()).toBe(Math.max(...versions));
        const listed = await store.list('Workload');
        expect(listed).toEqual(stored);
        const changes = await store.changes(0);
        expect(changes.map((change) => change.resourceVersion)).toEqual(
          [...versions].sort((x, y) => x - y),
        );
      });

      it('of many parallel creates of one key exactly one wins', async () => {
        const attempts = await Promise.allSettled(
          Array.from({ length: 50 }, (_, i) =>
            store.put('Workload', 'contested', { i }, { absent: true }),
          ),
        );
        const won = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
        const lost = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const reason of lost) {
          expect(reason).toBeInstanceOf(ConflictError);
          expect((reason as ConflictError).current).toBe(won[0]?.resourceVersion);
        }
        expect(await store.get('Workload', 'contested')).toEqual(won[0]);
      });

      it('a refused write does not affect the writes issued with it', async () => {
        await store.put('Workload', 'taken', {});
        const outcomes = await Promise.allSettled([
          store.put('Workload', 'a', { n: 1 }),
          store.put('Workload', 'missing', {}, { version: 999 }),
          store.batch([
            { op: 'put', kind: 'Workload', key: 'in-batch', doc: {} },
            { op: 'put', kind: 'Workload', key: 'taken', doc: {}, precondition: { absent: true } },
          ]),
          store.put('Workload', 'b', { n: 2 }),
          store.appendEvents([{ at: 1, data: 'e' }]),
          store.putToken(token('t')),
          store.delete('Workload', 'taken'),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual([
          'fulfilled',
          'rejected',
          'rejected',
          'fulfilled',
          'fulfilled',
          'fulfilled',
          'fulfilled',
        ]);
        expect((await store.list('Workload')).map((object) => object.key)).toEqual(['a', 'b']);
        expect(await store.events(0, 10)).toHaveLength(1);
        expect(await store.getToken('t')).toEqual(token('t'));
      });

      it('writes issued together are applied in call order', async () => {
        const writes = Array.from({ length: 30 }, (_, i) => store.put('Queue', 'q', { i }));
        const stored = await Promise.all(writes);
        expect(isStrictlyIncreasing(stored.map((object) => object.resourceVersion))).toBe(true);
        expect((await store.get('Queue', 'q'))?.doc).toEqual({ i: 29 });
      });
    });

    describe('close', () => {
      it('writes issued before close are committed; later calls are refused', async () => {
        const pending = Array.from({ length: 20 }, (_, i) => store.put('Workload', `w${i}`, {}));
        await store.close();
        expect(await Promise.all(pending)).toHaveLength(20);
        const calls: (() => Promise<unknown>)[] = [
          () => store.get('Workload', 'w0'),
          () => store.list('Workload'),
          () => store.put('Workload', 'late', {}),
          () => store.delete('Workload', 'w0'),
          () => store.batch([{ op: 'delete', kind: 'Workload', key: 'w1' }]),
          () => store.batch([]),
          () => store.changes(0),
          () => store.currentVersion(),
          () => store.appendEvents([{ at: 1, data: {} }]),
          () => store.appendEvents([]),
          () => store.events(0, 1),
          () => store.putToken(token('t')),
          () => store.getToken('t'),
          () => store.listTokens(),
          () => store.deleteToken('t'),
        ];
        for (const call of calls) {
          await expect(call()).rejects.toThrow(/closed/);
        }
      });

      it('closing twice is harmless', async () => {
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });

    describe.runIf(options.durable)('durability', () => {
      it('a reopened store has every object, change, event and token', async () => {
        await store.put('Queue', 'q', { weight: 3 });
        await store.batch([
          { op: 'put', kind: 'Workload', key: 'a', doc: { n: 1 } },
          { op: 'put', kind: 'Workload', key: 'b', doc: { n: 2 } },
        ]);
        await store.delete('Workload', 'a');
        const events = await store.appendEvents([{ at: 5, data: { e: 1 } }]);
        await store.putToken(token('hash'));
        const before = await snapshot(store);
        await store.close();

        const reopened = await open();
        expect(await snapshot(reopened)).toEqual(before);
        const next = await reopened.put('Queue', 'q', { weight: 4 });
        expect(next.resourceVersion).toBeGreaterThan(before.version);
        const [event] = await reopened.appendEvents([{ at: 6, data: {} }]);
        expect(event?.seq).toBeGreaterThan(events[0]?.seq ?? Infinity);
      });

      it('writes still pending at close are on disk after reopening', async () => {
        const pending = Array.from({ length: 50 }, (_, i) => store.put('Workload', `w${i}`, { i }));
        await store.close();
        const stored = await Promise.all(pending);
        const reopened = await open();
        expect(await reopened.list('Workload')).toEqual(
          [...stored].sort((x, y) => (x.key < y.key ? -1 : 1)),
        );
      });

      it('two stores opened on the same storage see each other’s writes', async () => {
        const other = await open();
        const stored = await store.put('Workload', 'w', { n: 1 });
        expect(await other.get('Workload', 'w')).toEqual(stored);
        const next = await other.put(
          'Workload',
          'w',
          { n: 2 },
          { version: stored.resourceVersion },
        );
        await conflict(store.put('Workload', 'w', { n: 3 }, { version: stored.resourceVersion }));
        expect(await store.get('Workload', 'w')).toEqual(next);
      });

      it('two stores writing at once on the same storage never share a version', async () => {
        const other = await open();
        const stored = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            (i % 2 === 0 ? store : other).put('Workload', `w${i}`, { i }),
          ),
        );
        const versions = stored.map((object) => object.resourceVersion);
        expect(new Set(versions).size).toBe(100);
        const changes = await other.changes(0);
        expect(changes.map((change) => change.resourceVersion)).toEqual(
          [...versions].sort((x, y) => x - y),
        );
      });
    });
  });
}

/** Everything a store holds, for comparing before and after a reopen. */
async function snapshot(store: Store) {
  const kinds = ['Queue', 'Workload'];
  return {
    version: await store.currentVersion(),
    objects: await Promise.all(kinds.map((kind) => store.list(kind))),
    changes: await store.changes(0),
    events: await store.events(0, 1000),
    tokens: await store.listTokens(),
  };
}

/** Awaits a write expected to be refused with a ConflictError, and returns the error. */
async function conflict(write: Promise<unknown>): Promise<ConflictError> {
  const error: unknown = await write.then(
    () => new Error('expected a ConflictError, the write succeeded'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

/** A token record for tests. */
function token(hash: string, fields: Partial<TokenRecord> = {}): TokenRecord {
  return { hash, name: `token-${hash}`, role: 'member', queues: ['q'], createdAt: 1, ...fields };
}

function byHash(tokens: TokenRecord[]): TokenRecord[] {
  return [...tokens].sort((a, b) => (a.hash < b.hash ? -1 : 1));
}

function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] ?? Infinity));
}
