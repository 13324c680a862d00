import { createClient } from "@luodi/client";
import { currentLanguage } from "../i18n/index.ts";

type UnauthorizedListener = () => void;
let unauthorizedListener: UnauthorizedListener | undefined;

/** The app's one API client: same origin, the UI's language, the session cookie. */
export const api = createClient({
  locale: () => currentLanguage(),
  onUnauthorized: () => unauthorizedListener?.(),
});

/** Lets the app react when the session has ended (401 on any call). */
export function onUnauthorized(listener: UnauthorizedListener): void {
  unauthorizedListener = listener;
}
