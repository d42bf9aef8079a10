import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';

export type Person = Schema<'Person'>;
export type Unit = Schema<'Unit'>;
export type ApiToken = Schema<'ApiToken'>;

export const peopleQuery = queryOptions({
  queryKey: ['admin', 'people'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/people', { params: { query: { limit: 500 } } }))).items,
});

/** Every unit with its leads and members (one read per unit: the list has neither). */
export const unitsQuery = queryOptions({
  queryKey: ['admin', 'units'],
  queryFn: async () => {
    const list = (await unwrap(api.GET('/api/v1/units', { params: { query: { limit: 500 } } }))).items;
    return Promise.all(
      list.map((u) => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: u.id } } }))),
    );
  },
});

export const tokensQuery = queryOptions({
  queryKey: ['admin', 'tokens'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/tokens'))).items,
});
