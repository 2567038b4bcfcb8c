// Cursor-paged lists for react-query: one helper for every `{ items, nextCursor }` list.
import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { api, type Query } from './client';
import type { Page } from './types';

export const DEFAULT_PAGE_SIZE = 50;

export function usePagedList<T>(queryKey: QueryKey, path: string, query: Query = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...queryKey, query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(path, { limit: DEFAULT_PAGE_SIZE, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export const itemsOf = <T>(data: InfiniteData<Page<T>, unknown> | undefined): T[] => data?.pages.flatMap((p) => p.items) ?? [];

/** Walks every page of a short list (users, task types, pipelines). */
export async function fetchAllPages<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<T>>(path, { ...query, limit: 250, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
