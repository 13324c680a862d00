import { isApiError } from "@luodi/client";
import { useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useMe, useSessionStatus, useSetupStatus } from "../api/queries.ts";
import { ErrorState } from "../components/ErrorState.tsx";
import { Loading } from "../components/Loading.tsx";
import { SessionContext } from "../features/auth/session.ts";
import { hasStoredLanguage, isLanguage, setLanguage } from "../i18n/index.ts";

/** The signed-in part of the app: first run goes to setup, no session to sign-in. */
export function RequireSession() {
  const location = useLocation();
  const setup = useSetupStatus();
  // Nobody can be signed in before setup. Whether someone is comes from /session, which answers 200 either
  // way: asking /me of a signed-out browser would earn a 401, which the browser logs as an error.
  const session = useSessionStatus(setup.data?.needed === false);
  const me = useMe(session.data?.signedIn === true);
  const userLocale = me.data?.user.locale;

  useEffect(() => {
    // The profile's language applies unless the person chose one in this browser.
    if (isLanguage(userLocale) && !hasStoredLanguage()) void setLanguage(userLocale, { remember: false });
  }, [userLocale]);

  if (setup.isPending) return <Loading />;
  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needed) return <Navigate to="/setup" replace />;
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const next = `${location.pathname}${location.search}`;
  const toLogin = (
    <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />
  );
  if (!session.data.signedIn) return toLogin;
  if (me.isPending) return <Loading />;
  if (me.isError) {
    // The session ended between the two questions.
    if (isApiError(me.error) && me.error.status === 401) return toLogin;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
