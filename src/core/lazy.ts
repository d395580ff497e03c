// A module loaded on first use: the bundler puts it in a lazy chunk, so the entry stays small,
// and every later use shares the one promise (no extra hop per call). A failed load is retried.
export function lazy<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
