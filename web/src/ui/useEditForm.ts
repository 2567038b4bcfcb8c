// An entity's card form: starts from the stored entity, follows it when its version changes,
// and saves only the changed fields with If-Match. When someone else saved first (412), it
// reads their version, keeps what the user typed on top of it and lists what differs, so that
// the next save goes against the new version with nothing retyped.
import type { FieldError } from '@/lib/problem';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FormValidateInput } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { changedFields } from '@/lib/diff';
import { isApiError } from '@/lib/problem';
import { applyFieldErrors } from './errors';
import { notifySuccess } from './notify';

interface Versioned {
  id: string;
  version: number;
}

/** A field changed on the server since the user began: `yours` is what the form now holds. */
export interface EditConflict {
  field: string;
  yours: unknown;
  server: unknown;
  /** The user changed it too: the form kept theirs. Otherwise the form took the server's. */
  both: boolean;
}

interface Options<T extends Versioned, V extends object> {
  item: T;
  toValues: (item: T) => V;
  /** Turns the changed values into the PATCH body. */
  toPatch: (changes: Partial<V>, values: V) => object;
  save: (args: { item: T; patch: never }) => Promise<unknown>;
  /** Reads the stored item again; its new version arrives as `item`. */
  reload: () => void;
  validate?: FormValidateInput<V>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The server's values with the user's own changes on top, and what the server changed. */
export function mergeOntoServer<V extends object>(base: V, typed: V, server: V): { values: V; conflicts: EditConflict[] } {
  const values = { ...server };
  const conflicts: EditConflict[] = [];
  for (const field of Object.keys(server) as (keyof V & string)[]) {
    const mine = !same(typed[field], base[field]);
    if (mine) values[field] = typed[field];
    // Listed whether or not the user changed it too, unless both made it the same.
    if (!same(server[field], base[field]) && !(mine && same(typed[field], server[field]))) {
      conflicts.push({ field, yours: typed[field], server: server[field], both: mine });
    }
  }
  return { values, conflicts };
}

export function useEditForm<T extends Versioned, V extends object>({ item, toValues, toPatch, save, reload, validate }: Options<T, V>) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [conflicts, setConflicts] = useState<EditConflict[]>([]);
  /** Set by a 412: what the user started from and what they typed, to lay over the next version. */
  const pending = useRef<{ base: V; typed: V } | null>(null);
  const form = useForm<V>({ initialValues: toValues(item), validate });
  useEffect(() => {
    const server = toValues(item);
    form.setInitialValues(server);
    if (pending.current) {
      const merged = mergeOntoServer(pending.current.base, pending.current.typed, server);
      pending.current = null;
      form.setValues(merged.values);
      setConflicts(merged.conflicts);
    } else {
      form.setValues(server);
      setConflicts([]);
    }
  }, [item.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSubmit = form.onSubmit(async (values) => {
    const changes = changedFields(toValues(item), values);
    if (Object.keys(changes).length === 0) return;
    setExtra([]);
    try {
      await save({ item, patch: toPatch(changes, values) as never });
      setConflicts([]);
      notifySuccess(t('common.saved'));
    } catch (e) {
      if (isApiError(e, 412)) {
        pending.current = { base: toValues(item), typed: values };
        reload();
      } else {
        setExtra(applyFieldErrors(form, e));
      }
    }
  });
  return { form, onSubmit, extra, conflicts };
}
