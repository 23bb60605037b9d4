import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffSession } from './session';

/** A fetch on the hall server's origin that carries the staff session's token. */
export type StaffFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface HallPageContextValue {
  session: StaffSession;
  staffFetch: StaffFetch;
}

export const HallPageContext = createContext<HallPageContextValue | null>(null);

/** The staff session and its fetch: only inside the 管理 page, once signed in. */
export function useHallPage(): HallPageContextValue {
  const value = useContext(HallPageContext);
  if (!value) throw new Error('useHallPage() must be used inside the signed-in hall admin page');
  return value;
}
