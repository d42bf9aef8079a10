import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Calibration of a unit, or privately of a person, over the last `cycles` closed cycles. */
export const calibrationQuery = (scope: { unit: string } | { person: string }, cycles: number) =>
  queryOptions({
    queryKey: ['calibration', scope, cycles],
    queryFn: () => unwrap(api.GET('/api/v1/calibration', { params: { query: { ...scope, cycles } } })),
    retry: false,
  });
