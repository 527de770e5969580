/** The route pattern that answered a request (`/api/v1/kb/search`), for metric labels and audit records. */
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/** Requests no route handled share one label, so metric cardinality stays bounded. */
export const UNMATCHED_ROUTE = 'unmatched';

export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const route = routes[i];
    if (route && route.method !== 'ALL') {
      return route.path;
    }
  }
  return UNMATCHED_ROUTE;
}
