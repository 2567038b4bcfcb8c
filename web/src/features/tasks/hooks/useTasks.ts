// Tasks: lists by status and due range, task types, and the changes a manager makes all day.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { Page, Task, TaskInput, TaskType } from '@/api/types';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: Query) => ['tasks', 'list', query] as const,
};

export function useTasks(query: Query, enabled = true) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(query),
    queryFn: ({ pageParam, signal }) => api.get<Page<Task>>('/tasks', { limit: 100, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Every task due in a range (a calendar week), all pages. */
export function useTasksDue(from: string, to: string) {
  return useQuery({
    queryKey: ['tasks', 'due', from, to],
    queryFn: ({ signal }) => fetchAllPages<Task>('/tasks', { dueFrom: from, dueTo: to }, signal),
  });
}

export function useTaskTypes() {
  return useQuery({
    queryKey: ['task-types'],
    queryFn: ({ signal }) => fetchAllPages<TaskType>('/task-types', {}, signal),
    staleTime: 10 * 60_000,
  });
}

function useAfterTaskChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: taskKeys.all });
    void qc.invalidateQueries({ queryKey: ['timeline'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateTask() {
  const onSuccess = useAfterTaskChange();
  return useMutation({
    mutationFn: (body: TaskInput) => api.post<Task>('/tasks', body, { idempotencyKey: crypto.randomUUID() }),
    onSuccess,
  });
}

/** Edit or reschedule; If-Match keeps two managers from overwriting each other. */
export function useUpdateTask() {
  const onSuccess = useAfterTaskChange();
  return useMutation({
    mutationFn: ({ task, patch }: { task: Task; patch: Partial<TaskInput> }) => api.patch<Task>(`/tasks/${task.id}`, patch, task.version),
    onSuccess,
  });
}

export function useCompleteTask() {
  const onSuccess = useAfterTaskChange();
  return useMutation({
    mutationFn: ({ task, result }: { task: Task; result?: string }) =>
      api.post<Task>(`/tasks/${task.id}/complete`, result ? { result } : {}),
    onSuccess,
  });
}
