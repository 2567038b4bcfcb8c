import { useSyncExternalStore } from 'react';
import { getSession, subscribe } from './session';

export const useSession = () => useSyncExternalStore(subscribe, getSession);
