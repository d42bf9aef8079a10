import { z } from '@hono/zod-openapi';
import { advise, advisorInputSchema, advisorResultSchema } from '../../core/advisor';
import type { Api, AppDeps } from '../app/env';
import { coachLintSchema } from '../services/coach.service';
import { actorOf } from './context';
import { json, jsonBody, route } from './openapi';

const findingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    target: z.string(),
    targetType: z.string(),
    message: z.string(),
    suggestion: z.string(),
  })
  .openapi('Finding');

const lintResultSchema = z
  .object({
    findings: z.array(findingSchema),
    summary: z.object({
      errors: z.number().int(),
      warnings: z.number().int(),
      infos: z.number().int(),
      goals: z.number().int(),
    }),
  })
  .openapi('LintResult');

const lint = route({
  method: 'post',
  path: '/api/v1/coach/lint',
  tags: ['coach'],
  summary:
    'Lint goals sent in the body (a goals file as `yaml` text or a `goals` object) with the workspace rules',
  request: { body: jsonBody(coachLintSchema, 'CoachLintInput') },
  responses: { 200: json(lintResultSchema, 'Findings and a summary') },
});

const findings = route({
  method: 'get',
  path: '/api/v1/coach/findings',
  tags: ['coach'],
  summary:
    "The coach's findings for the stored goals of a cycle (`?cycle=`), optionally of one unit (`?unit=`), that the viewer may see: for the planning view and a publish gate",
  request: {
    query: z.object({
      cycle: z.string().min(1).max(100),
      unit: z.string().min(1).max(100).optional(),
    }),
  },
  responses: { 200: json(lintResultSchema, 'Findings and a summary') },
});

const advisor = route({
  method: 'post',
  path: '/api/v1/advisor',
  tags: ['advisor'],
  summary: 'SMART goal, OKR, or both? Every signal found, for or against, and why',
  request: { body: jsonBody(advisorInputSchema, 'AdvisorInput') },
  responses: { 200: json(advisorResultSchema, 'The recommendation') },
});

/** The coach and the framework advisor. */
export function registerCoachRoutes(app: Api, deps: AppDeps): void {
  app.openapi(lint, async (c) => {
    const result = await deps.services.coach.lint(actorOf(c), c.req.valid('json'));
    return c.json(
      {
        findings: result.findings.map(({ source: _, ...f }) => f),
        summary: result.summary,
      },
      200,
    );
  });
  app.openapi(findings, async (c) => {
    const result = await deps.services.coach.findings(actorOf(c), c.req.valid('query'));
    return c.json(
      {
        findings: result.findings.map(({ source: _, ...f }) => f),
        summary: result.summary,
      },
      200,
    );
  });
  app.openapi(advisor, async (c) => {
    actorOf(c);
    return c.json(advise(c.req.valid('json')), 200);
  });
}
