import { isApiError } from "@luodi/client";
import { useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useMe, useSetupStatus } from "../api/queries.ts";
import { ErrorState } from "../components/ErrorState.tsx";
import { Loading } from "../components/Loading.tsx";
import { SessionContext } from "../features/auth/session.ts";
import { hasStoredLanguage, isLanguage, setLanguage } from "../i18n/index.ts";

/** The signed-in part of the app: first run goes to setup, no session to sign-in. */
export function RequireSession() {
  const location = useLocation();
  const setup = useSetupStatus();
  // Nobody can be signed in before setup: asking would only earn a 401.
  const me = useMe(setup.data?.needed === false);
  const userLocale = me.data?.user.locale;

  useEffect(() => {
    // The profile's language applies unless the person chose one in this browser.
    if (isLanguage(userLocale) && !hasStoredLanguage()) void setLanguage(userLocale, { remember: false });
  }, [userLocale]);

  if (setup.isPending) return <Loading />;
  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needed) return <Navigate to="/setup" replace />;
  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
