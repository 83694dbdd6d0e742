// Who is signed in: undefined while asking, null when nobody is.
import { useEffect, useState } from "preact/hooks";
import { api, type User } from "./api/client";

let user: User | null | undefined = undefined;
const listeners = new Set<() => void>();

export function setUser(u: User | null) {
  user = u;
  listeners.forEach((l) => l());
}

/** Call `l` after every change of who is signed in (for what lives outside components, such
 * as the notifications' stream); returns the unsubscribe. */
export function watchUser(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}

/** Who is signed in now, outside a component. */
export const currentUser = (): User | null | undefined => user;

export async function loadUser(): Promise<void> {
  try {
    const { data, response } = await api.GET("/api/user");
    setUser(response.ok && data ? data : null);
  } catch {
    setUser(null);
  }
}

export async function signOut() {
  await api.POST("/api/auth/logout");
  setUser(null);
}

export function useUser(): User | null | undefined {
  const [, set] = useState(0);
  const rendered = user;
  useEffect(() => {
    const l = () => set((n) => n + 1);
    listeners.add(l);
    // The user may have been set between this render and the effect (the first /api/user
    // answer racing the first paint): then nothing would tell this component, and the
    // header would show neither "Sign in" nor the user. Catch up now.
    if (user !== rendered) l();
    return () => void listeners.delete(l);
  }, []);
  return user;
}
