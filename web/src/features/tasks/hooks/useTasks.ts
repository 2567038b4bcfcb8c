// Tasks: lists by status and due range, task types, and the changes a manager makes all day.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryOf } from '@crm/contract/client';
import { putSaved } from '@/api/cache';
import { api } from '@/api/client';
import { fetchAllPages, usePagedList } from '@/api/queries';
import type { Task, TaskInput } from '@/api/types';

/** A task list's filters (status, due range, responsible, linked record); paging is added per page. */
export type TaskListFilters = Omit<QueryOf<'tasks.list'>, 'cursor'>;

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskListFilters) => ['tasks', 'list', query] as const,
};

export function useTasks(query: TaskListFilters) {
  return usePagedList(taskKeys.list(query), (page, signal) => api.tasks.list({ ...page, ...query }, { signal }), { pageSize: 100 });
}

/** Every task due in a range (a calendar week), all pages. */
export function useTasksDue(from: string, to: string) {
  return useQuery({
    queryKey: ['tasks', 'due', from, to],
    queryFn: ({ signal }) => fetchAllPages((page) => api.tasks.list({ ...page, dueFrom: from, dueTo: to }, { signal })),
  });
}

export function useTaskTypes() {
  return useQuery({
    queryKey: ['task-types'],
    queryFn: ({ signal }) => fetchAllPages((page) => api.taskTypes.list(page, { signal })),
    staleTime: 10 * 60_000,
  });
}

/** A changed task from the answer goes into every task list at once: a second move right after is not a 412. */
function useAfterTaskChange() {
  const qc = useQueryClient();
  return (saved?: Task) => {
    if (saved) putSaved(qc, taskKeys.all, saved);
    void qc.invalidateQueries({ queryKey: taskKeys.all });
    void qc.invalidateQueries({ queryKey: ['timeline'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

export function useCreateTask() {
  const onSuccess = useAfterTaskChange();
  return useMutation({
    mutationFn: (body: TaskInput) => api.tasks.create(body, { idempotencyKey: crypto.randomUUID() }),
    onSuccess,
  });
}

/** Edit or reschedule; If-Match keeps two managers from overwriting each other. */
export function useUpdateTask() {
  const onSuccess = useAfterTaskChange();
  return useMutation({
    mutationFn: ({ task, patch }: { task: Task; patch: Partial<TaskInput> }) =>
      api.tasks.patch({ id: task.id }, patch, { ifMatch: task.version }),
    onSuccess,
  });
}

export function useCompleteTask() {
  const onSuccess = useAfterTaskChange();
  return useMutation({
    mutationFn: ({ task, result }: { task: Task; result?: string }) => api.tasks.complete({ id: task.id }, result ? { result } : {}),
    onSuccess,
  });
}
