import { useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes.js';

/** The route of the location's hash, following its changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Goes to a route; `replace` keeps it out of the history (a used sign-in code, say). */
export function navigate(route: Route, replace = false): void {
  const href = routeHref(route);
  if (replace) location.replace(href);
  else location.hash = href;
}
