import { Alert, List } from '@mantine/core';
import { useErrorMessage } from './errors';

/** The error of a failed save, above the form; field errors already sit next to their fields. */
export function FormError({ error, extra = [] }: { error: unknown; extra?: string[] }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message(error)}
      {extra.length > 0 && (
        <List size="sm" mt={4}>
          {extra.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
