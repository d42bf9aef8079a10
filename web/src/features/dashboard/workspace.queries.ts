import { api, unwrap } from '../../api/client';

export function fetchWorkspace() {
  return unwrap(api.GET('/api/v1/workspace'));
}
