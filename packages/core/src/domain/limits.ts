/*
 * Limits the web app shows as well as the server checks. They live apart from the zod schemas: a page that
 * imports a module defining schemas builds them on load, and zod's first object schema probes for eval,
 * which the Content-Security-Policy reports as a violation.
 */

/**
 * Longest title the product stores (objectives, KRs, cycles, departments…). Published OKRs run long — one of
 * the real objectives in ../shared/data/real-okrs has 586 characters — and a title is what people wrote.
 */
export const MAX_TITLE = 1000;

/** The most user ids `GET /members?ids=` takes at once: the web app asks for names in batches of this size. */
export const MAX_MEMBER_IDS = 200;
