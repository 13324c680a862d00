import { useEffect } from "react";
import { useLocation } from "react-router";

/** Where a section's top lands below the sticky header (its `scroll-margin-top` in styles.css). */
const LANDING_PX = 80;
/** How long sections above may still grow (the chart, the check-ins) and push the target away. */
const SETTLE_MS = 2500;

/**
 * Brings the section the address names (`#scoring`, `#review`) into view once the page has drawn it, and
 * keeps it there while what loads above it (the chart, the check-ins) pushes it down — until the reader
 * scrolls, types or touches the page, which always wins.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const id = decodeURIComponent(hash.slice(1));
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
    };
    const events = ["wheel", "touchstart", "keydown", "mousedown"] as const;
    for (const event of events) window.addEventListener(event, stop, { passive: true });
    const tick = () => {
      if (stopped) return;
      const element = document.getElementById(id);
      if (element && Math.abs(element.getBoundingClientRect().top - LANDING_PX) > 4) {
        element.scrollIntoView({ block: "start" });
      }
      if (Date.now() - started < SETTLE_MS) timer = setTimeout(tick, 120);
    };
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const event of events) window.removeEventListener(event, stop);
    };
  }, [ready, hash]);
}
