import { useRouteError } from "react-router";
import { ErrorState } from "../components/ErrorState.tsx";

/**
 * A screen that failed to load or render: usually its chunk could not be fetched (the server is down, or
 * a new version replaced the old chunks), so reloading is the retry.
 */
export function RouteError() {
  const error = useRouteError();
  return (
    <main className="page">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
