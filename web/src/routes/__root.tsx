import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';
import { NotFound, RouteError } from '../app/RouteError';
import type { RouterContext } from '../app/router';

export const Route = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <Outlet />
    </>
  ),
  errorComponent: RouteError,
  notFoundComponent: NotFound,
});
