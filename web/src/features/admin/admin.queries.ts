import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';
import { everyPage } from '../../api/pages';

export type Person = Schema<'Person'>;
export type Unit = Schema<'Unit'>;
export type UnitSummary = Schema<'UnitSummary'>;
export type ApiToken = Schema<'ApiToken'>;

/** Everyone in the workspace, every page (a large organisation has 10,000 people). */
export const peopleQuery = queryOptions({
  queryKey: ['admin', 'people'],
  queryFn: () =>
    everyPage((cursor) => unwrap(api.GET('/api/v1/people', { params: { query: { limit: 500, cursor } } }))),
});

/** Every unit of the tree (names and parents), every page. */
export const unitsQuery = queryOptions({
  queryKey: ['admin', 'units'],
  queryFn: () =>
    everyPage((cursor) => unwrap(api.GET('/api/v1/units', { params: { query: { limit: 500, cursor } } }))),
});

/** One unit with its leads and members, read when its row is on screen (the list has neither). */
export const unitQuery = (id: string) =>
  queryOptions({
    queryKey: ['admin', 'units', id],
    queryFn: () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id } } })),
  });

export const tokensQuery = queryOptions({
  queryKey: ['admin', 'tokens'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/tokens'))).items,
});
