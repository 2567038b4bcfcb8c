// Cursor-paged lists for react-query: one helper for every `{ items, nextCursor }` list.
import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import type { Page } from './types';

export const DEFAULT_PAGE_SIZE = 50;

/** What a list call of the API client is given for one page. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * `fetchPage` gets `limit` and `cursor`, and the list's own filters from its closure; the
 * `queryKey` names the list with those filters.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: (page: PageRequest, signal: AbortSignal) => Promise<Page<T>>,
  { enabled = true, pageSize = DEFAULT_PAGE_SIZE } = {},
) {
  return useInfiniteQuery({ ...pagedListOptions(queryKey, fetchPage, pageSize), enabled });
}

/** The same list as options, for a prefetch that must meet the hook's cache entry exactly. */
export function pagedListOptions<T>(
  queryKey: QueryKey,
  fetchPage: (page: PageRequest, signal: AbortSignal) => Promise<Page<T>>,
  pageSize = DEFAULT_PAGE_SIZE,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage({ limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
}

export const itemsOf = <T>(data: InfiniteData<Page<T>, unknown> | undefined): T[] => data?.pages.flatMap((p) => p.items) ?? [];

/** Walks every page of a short list (users, task types, pipelines). */
export async function fetchAllPages<T>(fetchPage: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ limit: 250, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
