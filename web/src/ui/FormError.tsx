import { Alert, List } from '@mantine/core';
import type { FieldError } from '@/lib/problem';
import { useErrorMessage, useFieldMessage } from './errors';

/** The error of a failed save, above the form; field errors already sit next to their fields. */
export function FormError({ error, extra = [] }: { error: unknown; extra?: FieldError[] }) {
  const message = useErrorMessage();
  const fieldMessage = useFieldMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message(error)}
      {extra.length > 0 && (
        <List size="sm" mt={4}>
          {extra.map((e) => (
            <List.Item key={`${e.path} ${e.message}`}>{e.path ? `${e.path}: ${fieldMessage(e)}` : fieldMessage(e)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
