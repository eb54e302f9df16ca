import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, setCsrfToken, setUnauthorizedHandler } from "./api.ts";
import type { Session, User } from "./types.ts";

interface AuthState {
  /** undefined while the session is being looked up; null when nobody is signed in. */
  user: User | null | undefined;
  /** Stores the session login answered with. */
  signedIn: (session: Session) => void;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    // An expired session anywhere signs the user out here; the pages then redirect to /login.
    setUnauthorizedHandler(() => {
      setCsrfToken("");
      setUser(null);
    });
    api<Session>("/api/auth/me", { quiet: true }).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      },
      () => setUser(null),
    );
  }, []);
  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);
  const logout = useCallback(async () => {
    try {
      await api("/api/auth/logout", { method: "POST", quiet: true });
    } finally {
      setCsrfToken("");
      setUser(null);
    }
  }, []);
  const value = useMemo(() => ({ user, signedIn, logout }), [user, signedIn, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === undefined) throw new Error("useAuth 须在 AuthProvider 之内使用");
  return state;
}

/** The signed-in user; only for pages the shell renders after sign-in. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error("未登录");
  return user;
}
