import type { Api, AppDeps } from '../app/env';
import { updateSettingsSchema } from '../services/workspace.service';
import { actorOf } from './context';
import { json, jsonBody, route } from './openapi';
import { workspaceSchema } from './schemas';

const tags = ['workspace'];

const get = route({
  method: 'get',
  path: '/api/v1/workspace',
  tags,
  summary: 'The current workspace and its settings',
  responses: { 200: json(workspaceSchema, 'The workspace') },
});

const updateSettings = route({
  method: 'patch',
  path: '/api/v1/workspace/settings',
  tags,
  summary: 'Change the name or settings (admins); a stale `version` is a 409',
  request: { body: jsonBody(updateSettingsSchema, 'UpdateSettingsInput') },
  responses: { 200: json(workspaceSchema, 'The workspace after the change') },
});

/** The workspace and its settings. */
export function registerWorkspaceRoutes(app: Api, deps: AppDeps): void {
  app.openapi(get, async (c) => c.json(await deps.services.workspaces.get(actorOf(c)), 200));
  app.openapi(updateSettings, async (c) => {
    const actor = actorOf(c);
    const workspace = await deps.services.workspaces.updateSettings(actor, c.req.valid('json'));
    return c.json(workspace, 200);
  });
}
