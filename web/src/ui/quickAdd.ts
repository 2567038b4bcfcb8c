// "Add lead / contact / company / task" from any page: pages ask for a create dialog by kind,
// the signed-in shell (app/shell/QuickAdd.tsx) owns and opens the dialogs.
import { createContext, useContext } from 'react';

export type QuickAddKind = 'lead' | 'contact' | 'company' | 'task';

export const QuickAddContext = createContext<(kind: QuickAddKind) => void>(() => {});
export const useQuickAdd = () => useContext(QuickAddContext);
