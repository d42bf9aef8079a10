import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { focusHeadingOnNavigation } from './focus';
import { makeQueryClient } from './query-client';
import { makeRouter } from './router';
import './styles.css';

const queryClient = makeQueryClient();
const router = makeRouter(queryClient);
focusHeadingOnNavigation(router);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
