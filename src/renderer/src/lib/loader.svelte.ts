// The one way the window loads data: `loading`, `error` and `value` as runes, and stale answers
// dropped (a slow page-1 answer must not overwrite page 2 the user already asked for). The last
// value stays shown while the next one loads, so tables do not jump.
//
//   const page = new Loader<RecordPage>();
//   $effect(() => { const input = { dataset, offset }; page.load(() => api.listRecords(input)); });

export class Loader<T> {
  value = $state<T | undefined>(undefined);
  error = $state<unknown>(null);
  loading = $state(false);
  #seq = 0;

  /** Starts a load; an earlier one still running is forgotten. Resolves when this one settles. */
  async load(work: () => Promise<T>): Promise<void> {
    const my = ++this.#seq;
    this.loading = true;
    this.error = null;
    try {
      const v = await work();
      if (my === this.#seq) this.value = v;
    } catch (e) {
      if (my === this.#seq) this.error = e;
    } finally {
      if (my === this.#seq) this.loading = false;
    }
  }

  /** Forgets the value and any load in flight (nothing to show, e.g. no pair to compare). */
  clear(): void {
    this.#seq++;
    this.value = undefined;
    this.error = null;
    this.loading = false;
  }
}
