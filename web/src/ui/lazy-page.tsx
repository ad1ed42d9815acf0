import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

const RELOADED = 'zd-chunk-reload';

/**
 * A page loaded when it is first shown (its own chunk), so the sign-in pages carry no other
 * feature's code. `name` is the page's named export. If the chunk cannot be fetched because a
 * newer version was deployed (old hashed files are gone), the app reloads once to pick it up.
 */
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() =>
    load().then(
      (m) => {
        sessionStorage.removeItem(RELOADED);
        return { default: m[name] };
      },
      (error: unknown) => {
        if (!sessionStorage.getItem(RELOADED)) {
          sessionStorage.setItem(RELOADED, '1');
          window.location.reload();
        }
        throw error;
      },
    ),
  );
}
