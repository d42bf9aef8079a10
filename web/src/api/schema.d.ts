// Generated from docs/openapi.json by `npm run generate` (scripts/web-api-types.ts). Do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the server and its database answer */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a sign-up would create a workspace now */
        get: operations["getAuthSignup"];
        put?: never;
        /** Sign up: the first person creates the workspace and becomes its admin */
        post: operations["postAuthSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (locked for a while after repeated failures) */
        post: operations["postAuthSignin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends this session) */
        post: operations["postAuthSignout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and the CSRF token for unsafe requests */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (ends every other session) */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite someone by link (admins); the link is shown once */
        post: operations["createInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a one-time password reset link for a person who has a sign-in (admins); shown once, valid 24 hours, only the newest works */
        post: operations["postPersonPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset link's secret (once, before it expires); ends every session of the account */
        post: operations["postAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation with a password, and sign in */
        post: operations["postAuthInvitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current workspace and its settings */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the name or settings (admins); a stale `version` is a 409 */
        patch: operations["patchWorkspaceSettings"];
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everyone in the workspace, by email */
        get: operations["listPeople"];
        put?: never;
        /** Add a person without an invitation (admins); `POST /api/v1/invitations` also sends a link */
        post: operations["createPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person's name, role, timezone, manager or active flag (admins) */
        patch: operations["updatePerson"];
        trace?: never;
    };
    "/api/v1/people/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a person (admins): they cannot sign in, their sessions end and their API tokens are revoked; their goals stay, marked `hasFormerOwner` */
        post: operations["postPersonDeactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a person (admins): they may sign in again */
        post: operations["postPersonReactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every unit of the organisation tree (by `parentId`) */
        get: operations["listUnits"];
        put?: never;
        /** Create a unit (admins); no parent makes a root (the company) */
        post: operations["createUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit with its leads and members */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        /** Remove an empty unit (admins): no units below it, no members and no goals; otherwise a 409 whose details say what is left */
        delete: operations["deleteUnit"];
        options?: never;
        head?: never;
        /** Move a unit under another parent (admins); `{}` changes nothing */
        patch: operations["updateUnit"];
        trace?: never;
    };
    "/api/v1/units/{id}/members/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a person to a unit as a member or a lead (admins) */
        put: operations["setUnitMember"];
        post?: never;
        /** Remove a person from a unit (admins) */
        delete: operations["deleteUnitMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every cycle, by start date */
        get: operations["listCycles"];
        put?: never;
        /** Create a cycle (admins): a quarter or year by name (`2026-Q4`, `FY2027-Q1`), or a custom window */
        post: operations["createCycles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cycle by id or name (`2026-Q4`); `active` is the active cycle (several active: the shortest containing now) */
        get: operations["getCycle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a planning cycle to active (admins), publishing its drafts (objectives active, SMART goals open); where the workspace's coach blocks publishing, a 409 lists the blocking findings (docs/api.md) */
        post: operations["postCycleActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a cycle (admins): freezes scores and grades; every missing root-cause note or decision is listed at once */
        post: operations["postCycleClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed cycle (admins), saying why */
        post: operations["postCycleReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/goal-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The keys goals files give a cycle's goals (as an export writes them and an import matches them), with each goal's id: what the viewer may see */
        get: operations["getCycleGoalKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Objectives you may see, with KRs and numbers; filters `?cycle=&unit=&owner=&state=&status=`; `?view=summary` leaves out each KR's aligned children */
        get: operations["listObjectives"];
        put?: never;
        /** Create an objective for a unit you belong to or lead, or a personal one */
        post: operations["createObjectives"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objectives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One objective with its KRs, progress, score, status, flags and forecast */
        get: operations["getObjective"];
        put?: never;
        post?: never;
        /** Delete an objective created by mistake, with its KRs; the links of goals aligned to it are removed. Who: its owner, or a lead of its unit, while nothing was checked in on it; admins always. A goal with check-ins is a 409 for others: drop it instead. A closed cycle is a 409. */
        delete: operations["deleteObjective"];
        options?: never;
        head?: never;
        /** Edit an objective; send the `version` you read (a stale one is a 409) */
        patch: operations["updateObjective"];
        trace?: never;
    };
    "/api/v1/key-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key results you may see, with numbers and aligned children; filters `?cycle=&unit=&owner=&state=&status=` (unit and state are the objective's) */
        get: operations["listKeyResults"];
        put?: never;
        /** Add a KR to an objective you own or whose unit you lead (no measure: a draft) */
        post: operations["createKeyResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/key-results/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One KR with its numbers and the goals aligned to it (private ones counted, not described) */
        get: operations["getKeyResult"];
        put?: never;
        post?: never;
        /** Delete a KR created by mistake; the links of goals aligned to it are removed. Who: its owner, or a lead of its unit, while nothing was checked in on it; admins always. A goal with check-ins is a 409 for others: drop it instead. A closed cycle is a 409. */
        delete: operations["deleteKeyResult"];
        options?: never;
        head?: never;
        /** Edit a KR; send the `version` you read (a stale one is a 409) */
        patch: operations["updateKeyResult"];
        trace?: never;
    };
    "/api/v1/smart-goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SMART goals you may see; filters `?cycle=&unit=&owner=&state=&status=` ("my goals": `?owner=<me>`) */
        get: operations["listSmartGoals"];
        put?: never;
        /** Create a SMART goal, with the KRs or objectives it supports */
        post: operations["createSmartGoals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/smart-goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SMART goal with its numbers */
        get: operations["getSmartGoal"];
        put?: never;
        post?: never;
        /** Delete a SMART goal created by mistake, with its links. Who: its owner, or a lead of its unit, while nothing was checked in on it; admins always. A goal with check-ins is a 409 for others: drop it instead. A closed cycle is a 409. */
        delete: operations["deleteSmartGoal"];
        options?: never;
        head?: never;
        /** Edit a SMART goal; send the `version` you read (a stale one is a 409) */
        patch: operations["updateSmartGoal"];
        trace?: never;
    };
    "/api/v1/key-results/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a KR to another objective (`{"version", "objectiveId"}`): you must be able to edit the KR and add KRs to the target; both objectives are recomputed */
        post: operations["postKeyResultMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a child (objective or SMART goal) up to a parent (objective or KR); again to re-weight */
        post: operations["createAlignments"];
        /** Remove a link: `?childType=&childId=&parentId=` */
        delete: operations["deleteAlignments"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alignment graph of a cycle (`?cycle=`, default the active one; `?unit=` a unit's subtree): objectives with their KRs and SMART goals, with numbers and parents; goals you may not see are counted where they sit. `?parent=ID` gives one node's children (lazy expansion). Cursor paged */
        get: operations["getAlignment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-ins/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What to check in on now (`?person=me|ID`): every KR and SMART goal the person owns that is due a check-in this cadence period, with its last value, confidence and note; those already checked in this period flagged `isDone`. Another person: their manager, leads and admins only */
        get: operations["getCheckInsDue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A goal's check-ins in entry order: `?goalType=key_result|smart_goal&goalId=` */
        get: operations["listCheckIns"];
        put?: never;
        /** Check in on a KR or SMART goal; every rollup above it is current for any read after this returns */
        post: operations["createCheckIns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/check-ins/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check in on several goals at once (the check-in screen): all are written, or none */
        post: operations["postCheckInsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A goal's history, oldest first: who changed what, when, from where, before and after (`?goalType=&goalId=`) */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company dashboard of a cycle (`?cycle=`, default the active one): a page of the root unit's objectives with trends (`?limit=&cursor=`, follow `nextCursor`), counts by status of the whole cycle, compliance by department and week */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's page in a cycle (`?cycle=`, default the active one): a page of its objectives with trends, then its people's SMART goals (`?limit=&cursor=`, follow `nextCursor`), compliance by child unit and week */
        get: operations["getDashboardUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coach/lint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lint goals sent in the body (a goals file as `yaml` text or a `goals` object) with the workspace rules */
        post: operations["postCoachLint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/coach/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coach's findings for the stored goals of a cycle (`?cycle=`), optionally of one unit (`?unit=`), that the viewer may see: for the planning view and a publish gate */
        get: operations["getCoachFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advisor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SMART goal, OKR, or both? Every signal found, for or against, and why */
        post: operations["postAdvisor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A closed cycle's report: grades, their distribution, root causes, decisions and lessons, as JSON or, with `format`, as a document to download: Markdown (`md`), one self-contained HTML file (`html`) or a PDF (`pdf`), with calibration and charts */
        get: operations["getCycleReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calibration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ambition, commitment reliability and confidence calibration over the last closed cycles: `?unit=` or, privately, `?person=` */
        get: operations["getCalibration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cycles/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cycle's goals as a goals file (`yaml`, read by `tandem score` and `tandem lint`), a spreadsheet (`csv`, or an `xlsx` workbook that `tandem import` reads back) or a Markdown document (`md`): what the viewer may see, optionally one unit's subtree */
        get: operations["getCycleExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every cycle's goals, oldest first, in one document: `yaml` as a stream of goals files (one per cycle, `---` between them, that `POST /imports` reads whole), `csv` with a Cycle column first, an `xlsx` workbook with a sheet per cycle, or `md`; what the viewer may see, optionally one unit's subtree in each */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import goals files (YAML, SPEC 9), CSV and workbooks idempotently by key: a plan of what is created, updated or left alone (`dryRun`), or the import itself, in one transaction. Any problem (with file, line and column) is a 400 and nothing is written, unless `skipInvalid`: then the rows with problems are left out and listed in `skipped` (a 200), and only problems of no row (an unreadable file, no cycle) are a 400 */
        post: operations["createImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your personal API tokens (never their secrets) */
        get: operations["listTokens"];
        put?: never;
        /** Create a personal API token; the secret is in this answer only */
        post: operations["createTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your tokens */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's outgoing webhooks (admins) */
        get: operations["listWebhooks"];
        put?: never;
        /** Register a webhook (admins); its signing secret is in this answer only */
        post: operations["createWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook (admins) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its delivery log (admins) */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook's URL, description, events or enabled flag, with the version you read (admins) */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret at once (admins); the new one is in this answer only */
        post: operations["postWebhookRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` message to this webhook (admins) */
        post: operations["postWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's delivery log, newest first (`?state=pending|delivered|failed`) (admins) */
        get: operations["getWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivered or failed delivery again now, with the same message id (admins) */
        post: operations["postWebhookDeliverieRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's Slack and Teams incoming webhooks (admins) */
        get: operations["listChatWebhooks"];
        put?: never;
        /** Add a Slack or Teams incoming webhook for the workspace or for one unit (admins); the URL must be https */
        post: operations["createChatWebhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a chat webhook (admins) */
        delete: operations["deleteChatWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message to a chat webhook now, and say whether Slack or Teams accepted it (admins) */
        post: operations["postChatWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create your secret calendar feed, or replace its secret (the old URL stops working); the URL is in this answer only */
        post: operations["postPeopleMeCalendarFeed"];
        /** Revoke your calendar feed: its URL answers 404 from now on */
        delete: operations["deletePeopleMeCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{secret}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's iCalendar feed (RFC 5545): the due dates of their own SMART goals, the weekly check-in in their time zone, the ends of cycles. No session: the secret in the URL is the credential; an unknown or revoked one is a 404 */
        get: operations["getCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notification settings: channels and pause */
        get: operations["getPeopleMeNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Choose your channels, or pause reminders and digests until a date (`pausedUntil`, null to resume) */
        patch: operations["patchPeopleMeNotifications"];
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was sent to whom on which channel, and what failed, newest first (`?state=sent|retrying|failed`) (admins) */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace/test-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test email to yourself now (admins); 409 when email is not set up or the server refused it */
        post: operations["postWorkspaceTestEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: a `change` event `{entityType, entityId, action, at}` for every change you may see (check-ins, edits, status changes); refetch what it names */
        get: operations["getStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @enum {string} */
                code: "validation" | "not_found" | "forbidden" | "unauthenticated" | "conflict" | "rate_limited" | "internal";
                message: string;
                /** @description For `validation`: `issues`, every problem with the dotted path of its field. */
                details: {
                    [key: string]: unknown;
                };
                requestId: string;
            };
        };
        Me: {
            person: {
                id: string;
                email: string;
                name: string;
                role: string;
                timeZone: string;
            };
            workspace: {
                id: string;
                name: string;
            };
            workspaces: {
                id: string;
                name: string;
            }[];
            /** @description The units the person belongs to in this workspace (the web app's dashboard opens on them) */
            units: {
                id: string;
                isLead: boolean;
            }[];
            /** @enum {string} */
            via: "session" | "token";
            /** @description Send it back as `X-CSRF-Token` on every POST, PATCH, PUT and DELETE made with the cookie. */
            csrfToken: string | null;
        };
        SignupInput: {
            /** Format: email */
            email: string;
            password: string;
            name: string;
            workspaceName: string;
            timeZone?: string;
        };
        SigninInput: {
            /** Format: email */
            email: string;
            password: string;
            workspaceId?: string;
        };
        Ok: {
            /** @enum {boolean} */
            ok: true;
        };
        ChangePasswordInput: {
            currentPassword: string;
            newPassword: string;
        };
        Person: {
            id: string;
            workspaceId: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "member" | "viewer";
            timeZone: string;
            managerId: string | null;
            isActive: boolean;
        };
        InviteInput: {
            personId: string;
        } | {
            /** Format: email */
            email: string;
            name: string;
            /**
             * @default member
             * @enum {string}
             */
            role: "admin" | "member" | "viewer";
            managerId?: string | null;
        };
        ResetPasswordInput: {
            token: string;
            password: string;
        };
        AcceptInvitationInput: {
            token: string;
            password: string;
        };
        Workspace: {
            id: string;
            name: string;
            version: number;
            settings: {
                /** @default 1 */
                fiscalYearStartMonth: number;
                /** @default UTC */
                timeZone: string;
                /** @default 1 */
                weekStart: number;
                /**
                 * @default weekly
                 * @enum {string}
                 */
                defaultCadence: "weekly" | "biweekly" | "monthly";
                /** @default 1 */
                checkinDay: number;
                /** @default 9 */
                checkinHour: number;
                /**
                 * @default {
                 *       "onTrack": 0.9,
                 *       "atRisk": 0.6,
                 *       "staleFactor": 2,
                 *       "tooEarlyShare": 0.1
                 *     }
                 */
                thresholds: {
                    /**
                     * @description r = p / e(t) at or above this is on track
                     * @default 0.9
                     */
                    onTrack: number;
                    /**
                     * @description r at or above this (and below onTrack) is at risk
                     * @default 0.6
                     */
                    atRisk: number;
                    /**
                     * @description stale when silent for more than this many cadence periods
                     * @default 2
                     */
                    staleFactor: number;
                    /**
                     * @description too early to tell while e(t) < this share of L
                     * @default 0.1
                     */
                    tooEarlyShare: number;
                };
                /** @default {} */
                coachSeverities: {
                    [key: string]: "error" | "warning" | "info" | "off";
                };
                /**
                 * @default [
                 *       "email"
                 *     ]
                 */
                notificationChannels: ("email" | "slack" | "teams" | "webhook")[];
                /** @default false */
                coachBlocksPublishing: boolean;
            };
        };
        UpdateSettingsInput: {
            version: number;
            name?: string;
            /** @default {} */
            settings: {
                fiscalYearStartMonth?: number;
                timeZone?: string;
                weekStart?: number;
                /** @enum {string} */
                defaultCadence?: "weekly" | "biweekly" | "monthly";
                checkinDay?: number;
                checkinHour?: number;
                thresholds?: {
                    onTrack?: number;
                    atRisk?: number;
                    staleFactor?: number;
                    tooEarlyShare?: number;
                };
                coachSeverities?: {
                    [key: string]: "error" | "warning" | "info" | "off" | null;
                };
                notificationChannels?: ("email" | "slack" | "teams" | "webhook")[];
                coachBlocksPublishing?: boolean;
            };
        };
        AddPersonInput: {
            /** Format: email */
            email: string;
            name: string;
            /**
             * @default member
             * @enum {string}
             */
            role: "admin" | "member" | "viewer";
            timeZone?: string;
            managerId?: string | null;
        };
        UpdatePersonInput: {
            name?: string;
            /** @enum {string} */
            role?: "admin" | "member" | "viewer";
            timeZone?: string;
            managerId?: string | null;
            isActive?: boolean;
        };
        UnitSummary: {
            id: string;
            name: string;
            parentId: string | null;
        };
        Unit: components["schemas"]["UnitSummary"] & {
            leads: string[];
            members: string[];
        };
        CreateUnitInput: {
            name: string;
            /** @default null */
            parentId: string | null;
        };
        Cycle: {
            id: string;
            workspaceId: string;
            name: string;
            /** @enum {string} */
            kind: "quarter" | "year" | "custom";
            /**
             * @description a calendar date, YYYY-MM-DD
             * @example 2026-10-01
             */
            startDate: string;
            /**
             * @description a calendar date, YYYY-MM-DD
             * @example 2026-10-01
             */
            endDate: string;
            parentId: string | null;
            /** @enum {string} */
            state: "planning" | "active" | "closed";
            /** @description epoch milliseconds */
            closedAt: number | null;
        };
        CreateCycleInput: {
            name: string;
            /**
             * @default planning
             * @enum {string}
             */
            state: "planning" | "active";
        } | {
            name: string;
            /** @enum {string} */
            kind: "custom";
            startDate: string;
            endDate: string;
            /**
             * @default planning
             * @enum {string}
             */
            state: "planning" | "active";
        };
        CloseResult: {
            closingId: string;
            grades: {
                goalId: string;
                /** @enum {string} */
                goalType: "objective" | "key_result" | "smart_goal";
                score: number | null;
                grade: number | null;
            }[];
            prompts: {
                goalId: string;
                message: string;
            }[];
            successors: {
                objectiveId: string;
                successorId: string;
                draftKeyResults: string[];
            }[];
        };
        CloseCycleInput: {
            /** @default [] */
            notes: {
                goalId: string;
                rootCauseNote?: string;
                /** @enum {string} */
                rootCauseTag?: "too_ambitious" | "execution" | "external_change" | "wrong_metric" | "deprioritised";
            }[];
            /** @default [] */
            decisions: {
                objectiveId: string;
                /** @enum {string} */
                decision: "continue" | "modify" | "drop";
                learned: string;
            }[];
            nextCycleId?: string;
        };
        ReopenCycleInput: {
            reason: string;
        };
        GoalKeys: {
            cycle: {
                id: string;
                name: string;
            };
            items: {
                key: string;
                /** @enum {string} */
                goalType: "objective" | "key_result" | "smart_goal";
                goalId: string;
                title: string;
            }[];
        };
        Objective: components["schemas"]["ObjectiveRecord"] & {
            evaluation: components["schemas"]["Evaluation"];
            /** @description the owner (for objectives, the lead or personal owner) was deactivated: a former owner */
            hasFormerOwner: boolean;
            keyResults: components["schemas"]["KeyResult"][];
            /** @description Parents the viewer may see */
            alignsTo: {
                /** @enum {string} */
                parentType: "objective" | "key_result";
                parentId: string;
                weight: number;
            }[];
            /** @description Parents the viewer may not see: counted here, never named */
            hiddenParents: number;
        };
        Evaluation: {
            progress: number | null;
            score: number | null;
            expected: number | null;
            /** @enum {string|null} */
            status: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped" | null;
            flags: ("needs_attention" | "reported_vs_data" | "overachieved" | "edited_after_close" | "draft")[];
            forecast: {
                progress: number;
                score: number;
                reachesTarget: boolean;
            } | null;
            grade: number | null;
        };
        KeyResult: components["schemas"]["KeyResultRecord"] & {
            evaluation: components["schemas"]["Evaluation"];
            /** @description the owner (for objectives, the lead or personal owner) was deactivated: a former owner */
            hasFormerOwner: boolean;
            children: {
                id: string;
                /** @enum {string} */
                type: "objective" | "smart_goal";
                title: string;
                weight: number;
                score: number | null;
                /** @enum {string|null} */
                status: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped" | null;
            }[];
            /** @description Goals aligned below the viewer may not see: counted here, never named */
            hiddenChildren: number;
            /** @description "1 private goal", "n private goals", or null when nothing is hidden */
            hiddenSummary: string | null;
        };
        Measure: {
            /** @enum {string} */
            type: "increase";
            start: number;
            target: number;
            /** @description Unit shown beside values, such as "%", "ms", "$". */
            unit?: string;
        } | {
            /** @enum {string} */
            type: "decrease";
            start: number;
            target: number;
            /** @description Unit shown beside values, such as "%", "ms", "$". */
            unit?: string;
        } | {
            /** @enum {string} */
            type: "at_least";
            threshold: number;
            /** @description Unit shown beside values, such as "%", "ms", "$". */
            unit?: string;
        } | {
            /** @enum {string} */
            type: "at_most";
            threshold: number;
            /** @description Unit shown beside values, such as "%", "ms", "$". */
            unit?: string;
        } | {
            /** @enum {string} */
            type: "between";
            low: number;
            high: number;
            /** @description Unit shown beside values, such as "%", "ms", "$". */
            unit?: string;
        } | {
            /** @enum {string} */
            type: "milestones";
            milestones: (string | {
                name: string;
                /** @default 1 */
                weight: number;
            })[];
        } | {
            /** @enum {string} */
            type: "boolean";
        } | null;
        KeyResultRecord: {
            id: string;
            /** @description Its objective; null when you may see the KR (you own it) but not its objective */
            objectiveId: string | null;
            title: string;
            measure: components["schemas"]["Measure"];
            weight: number;
            ownerId: string | null;
            plan: {
                /**
                 * @description a calendar date, YYYY-MM-DD
                 * @example 2026-10-01
                 */
                date: string;
                expected: number;
            }[];
            /** @enum {string|null} */
            cadence: "weekly" | "biweekly" | "monthly" | null;
            /** @enum {string} */
            progressSource: "metric" | "aligned";
            isLeading: boolean;
            position: number;
            version: number;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            updatedAt: number;
            progress: number | null;
            score: number | null;
            /** @description epoch milliseconds */
            latestCheckinAt: number | null;
            frozenScore: number | null;
            frozenGrade: number | null;
            latestValue: number | null;
            checkinCount: number;
        };
        ObjectiveRecord: {
            id: string;
            cycleId: string;
            title: string;
            description: string | null;
            /** @enum {string|null} */
            kind: "aspirational" | "committed" | null;
            unitId: string | null;
            ownerId: string | null;
            leadId: string | null;
            /** @enum {string} */
            visibility: "workspace" | "unit" | "private";
            /** @enum {string} */
            state: "draft" | "active" | "closed" | "dropped";
            /** @description The objective this one continues; null also when the viewer may not see it */
            predecessorId: string | null;
            version: number;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            updatedAt: number;
            progress: number | null;
            score: number | null;
            /** @description epoch milliseconds */
            latestCheckinAt: number | null;
            frozenScore: number | null;
            frozenGrade: number | null;
        };
        ObjectiveSummary: components["schemas"]["Objective"] & {
            keyResults?: components["schemas"]["KeyResultSummary"][];
        };
        KeyResultSummary: {
            id: string;
            /** @description Its objective; null when you may see the KR (you own it) but not its objective */
            objectiveId: string | null;
            title: string;
            measure: components["schemas"]["Measure"];
            weight: number;
            ownerId: string | null;
            plan: {
                /**
                 * @description a calendar date, YYYY-MM-DD
                 * @example 2026-10-01
                 */
                date: string;
                expected: number;
            }[];
            /** @enum {string|null} */
            cadence: "weekly" | "biweekly" | "monthly" | null;
            /** @enum {string} */
            progressSource: "metric" | "aligned";
            isLeading: boolean;
            position: number;
            version: number;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            updatedAt: number;
            progress: number | null;
            score: number | null;
            /** @description epoch milliseconds */
            latestCheckinAt: number | null;
            frozenScore: number | null;
            frozenGrade: number | null;
            latestValue: number | null;
            checkinCount: number;
            evaluation: components["schemas"]["Evaluation"];
            /** @description the owner (for objectives, the lead or personal owner) was deactivated: a former owner */
            hasFormerOwner: boolean;
        };
        CreateObjectiveInput: {
            cycleId: string;
            title: string;
            description?: string;
            /** @enum {string} */
            kind?: "aspirational" | "committed";
            unitId?: string;
            ownerId?: string;
            leadId?: string;
            /**
             * @default workspace
             * @enum {string}
             */
            visibility: "workspace" | "unit" | "private";
            /**
             * @default active
             * @enum {string}
             */
            state: "draft" | "active";
        };
        UpdateObjectiveInput: {
            version: number;
            title?: string;
            description?: string | null;
            /** @enum {string} */
            kind?: "aspirational" | "committed";
            leadId?: string;
            /** @enum {string} */
            visibility?: "workspace" | "unit" | "private";
            /** @enum {string} */
            state?: "draft" | "active" | "dropped";
        };
        CreateKeyResultInput: {
            objectiveId: string;
            title: string;
            /** @default null */
            measure: {
                /** @enum {string} */
                type: "increase";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "decrease";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_least";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_most";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "between";
                low: number;
                high: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "milestones";
                milestones: (string | {
                    name: string;
                    /** @default 1 */
                    weight: number;
                })[];
            } | {
                /** @enum {string} */
                type: "boolean";
            } | null;
            /** @default 1 */
            weight: number;
            ownerId?: string | null;
            /** @default [] */
            plan: {
                date: string;
                expected: number;
            }[];
            /**
             * @default null
             * @enum {string|null}
             */
            cadence: "weekly" | "biweekly" | "monthly" | null;
            /**
             * @default metric
             * @enum {string}
             */
            progressSource: "metric" | "aligned";
            /** @default false */
            isLeading: boolean;
        };
        UpdateKeyResultInput: {
            version: number;
            title?: string;
            measure?: {
                /** @enum {string} */
                type: "increase";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "decrease";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_least";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_most";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "between";
                low: number;
                high: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "milestones";
                milestones: (string | {
                    name: string;
                    /** @default 1 */
                    weight: number;
                })[];
            } | {
                /** @enum {string} */
                type: "boolean";
            } | null;
            weight?: number;
            ownerId?: string | null;
            plan?: {
                date: string;
                expected: number;
            }[];
            /** @enum {string|null} */
            cadence?: "weekly" | "biweekly" | "monthly" | null;
            /** @enum {string} */
            progressSource?: "metric" | "aligned";
            isLeading?: boolean;
        };
        SmartGoal: components["schemas"]["SmartGoalRecord"] & {
            evaluation: components["schemas"]["Evaluation"];
            /** @description the owner (for objectives, the lead or personal owner) was deactivated: a former owner */
            hasFormerOwner: boolean;
            /** @description Parents the viewer may see */
            supports: {
                /** @enum {string} */
                parentType: "objective" | "key_result";
                parentId: string;
                weight: number;
            }[];
            /** @description Parents the viewer may not see: counted here, never named */
            hiddenParents: number;
        };
        SmartGoalRecord: {
            id: string;
            cycleId: string;
            title: string;
            definitionOfDone: string | null;
            ownerId: string;
            unitId: string | null;
            measure: components["schemas"]["Measure"];
            /**
             * @description a calendar date, YYYY-MM-DD
             * @example 2026-10-01
             */
            startDate: string;
            /**
             * @description a calendar date, YYYY-MM-DD
             * @example 2026-10-01
             */
            dueDate: string;
            achievability: string | null;
            /** @enum {string} */
            visibility: "workspace" | "unit" | "private";
            /**
             * @description `draft` while being planned (a SMART goal in a cycle in planning, unless created `open`); see docs/api.md
             * @enum {string}
             */
            state: "draft" | "open" | "done" | "missed" | "dropped";
            /** @enum {string|null} */
            cadence: "weekly" | "biweekly" | "monthly" | null;
            version: number;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            updatedAt: number;
            progress: number | null;
            score: number | null;
            /** @description epoch milliseconds */
            latestCheckinAt: number | null;
            frozenScore: number | null;
            frozenGrade: number | null;
            latestValue: number | null;
            checkinCount: number;
        };
        CreateSmartGoalInput: {
            cycleId: string;
            title: string;
            definitionOfDone?: string;
            ownerId?: string;
            unitId?: string;
            /** @default null */
            measure: {
                /** @enum {string} */
                type: "increase";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "decrease";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_least";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_most";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "between";
                low: number;
                high: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "milestones";
                milestones: (string | {
                    name: string;
                    /** @default 1 */
                    weight: number;
                })[];
            } | {
                /** @enum {string} */
                type: "boolean";
            } | null;
            startDate: string;
            dueDate: string;
            achievability?: string;
            /**
             * @default workspace
             * @enum {string}
             */
            visibility: "workspace" | "unit" | "private";
            /**
             * @default null
             * @enum {string|null}
             */
            cadence: "weekly" | "biweekly" | "monthly" | null;
            /** @default [] */
            supports: {
                /** @enum {string} */
                type: "objective" | "key_result";
                id: string;
                /** @default 1 */
                weight: number;
            }[];
            /** @enum {string} */
            state?: "draft" | "open";
        };
        UpdateSmartGoalInput: {
            version: number;
            title?: string;
            definitionOfDone?: string | null;
            measure?: {
                /** @enum {string} */
                type: "increase";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "decrease";
                start: number;
                target: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_least";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "at_most";
                threshold: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "between";
                low: number;
                high: number;
                /** @description Unit shown beside values, such as "%", "ms", "$". */
                unit?: string;
            } | {
                /** @enum {string} */
                type: "milestones";
                milestones: (string | {
                    name: string;
                    /** @default 1 */
                    weight: number;
                })[];
            } | {
                /** @enum {string} */
                type: "boolean";
            } | null;
            startDate?: string;
            dueDate?: string;
            achievability?: string | null;
            /** @enum {string} */
            visibility?: "workspace" | "unit" | "private";
            /** @enum {string} */
            state?: "draft" | "open" | "done" | "missed" | "dropped";
            /** @enum {string|null} */
            cadence?: "weekly" | "biweekly" | "monthly" | null;
        };
        Deletion: {
            id: string;
            /** @enum {string} */
            type: "objective" | "key_result" | "smart_goal";
            /** @description KRs deleted with an objective */
            keyResults: string[];
            /** @description the objective a deleted KR was on (recomputed) */
            objectiveId: string | null;
            /** @description alignment links removed: the goal's own and its children's */
            links: number;
            /** @description check-ins deleted with it (only admins delete a goal that has any) */
            checkIns: number;
        };
        MoveKeyResultInput: {
            version: number;
            objectiveId: string;
        };
        AlignInput: {
            /** @enum {string} */
            childType: "objective" | "smart_goal";
            childId: string;
            /** @enum {string} */
            parentType: "objective" | "key_result";
            parentId: string;
            /** @default 1 */
            weight: number;
        };
        AlignmentGraph: {
            cycle: {
                id: string;
                name: string;
            };
            nodes: {
                id: string;
                /** @enum {string} */
                type: "objective" | "key_result" | "smart_goal";
                title: string;
                unitId: string | null;
                ownerId: string | null;
                /** @enum {string|null} */
                status: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped" | null;
                score: number | null;
                progress: number | null;
                parentIds: string[];
                /** @description KRs and aligned goals below it, hidden ones included */
                childCount: number;
            }[];
            hidden: {
                /** @description The node they align to; null: at the top */
                parentId: string | null;
                count: number;
                /** @example 2 private goals */
                summary: string;
            }[];
            nextCursor: string | null;
        };
        DueCheckins: {
            person: {
                id: string;
                name: string;
            };
            /** @description epoch milliseconds */
            at: number;
            items: {
                /** @enum {string} */
                type: "key_result" | "smart_goal";
                id: string;
                cycleId: string;
                title: string;
                objectiveTitle: string | null;
                keyResultTitle: string | null;
                measure: components["schemas"]["Measure"];
                lastValue: number | null;
                lastDone: string[] | null;
                lastConfidence: number | null;
                lastNote: string | null;
                /** @description epoch milliseconds */
                lastCheckinAt: number | null;
                /** @enum {string|null} */
                status: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped" | null;
                period: {
                    /** @description epoch milliseconds */
                    start: number;
                    /** @description epoch milliseconds */
                    end: number;
                };
                /** @description Already checked in during this period */
                isDone: boolean;
                /** @description Ended cadence periods in a row without a check-in (two or more: escalated to the lead) */
                missedPeriods: number;
            }[];
            summary: {
                due: number;
                done: number;
            };
        };
        CheckInResult: {
            checkIn: components["schemas"]["CheckIn"];
            goal: {
                id: string;
                progress: number | null;
                score: number | null;
                latestValue: number | null;
                /** @description epoch milliseconds */
                latestCheckinAt: number | null;
            };
        };
        CheckIn: {
            id: string;
            /** @enum {string} */
            goalType: "key_result" | "smart_goal";
            goalId: string;
            seq: number;
            /** @description epoch milliseconds */
            at: number;
            value: number | null;
            done: string[] | null;
            confidence: number | null;
            note: string | null;
            authorId: string;
            /** @enum {string} */
            source: "web" | "api" | "cli" | "import" | "email" | "integration";
            correctsId: string | null;
            /** @description epoch milliseconds */
            createdAt: number;
        };
        CheckInInput: {
            /** @enum {string} */
            goalType: "key_result" | "smart_goal";
            goalId: string;
            value?: number;
            done?: string[] | boolean;
            confidence?: number;
            note?: string;
            at?: string;
            corrects?: string;
            idempotencyKey?: string;
        };
        CheckInBatchInput: {
            items: {
                /** @enum {string} */
                goalType: "key_result" | "smart_goal";
                goalId: string;
                value?: number;
                done?: string[] | boolean;
                confidence?: number;
                note?: string;
                at?: string;
                corrects?: string;
            }[];
            idempotencyKey?: string;
        };
        Event: {
            id: string;
            /** @enum {string} */
            actorType: "person" | "token" | "system";
            actorId: string | null;
            /** @description The API token the change was made with, if it was */
            actorTokenId: string | null;
            /** @description epoch milliseconds */
            at: number;
            /** @enum {string} */
            source: "web" | "api" | "cli" | "import" | "email" | "integration" | "system";
            action: string;
            before?: unknown;
            after?: unknown;
            isEditedAfterClose: boolean;
            /** @description References in `before` and `after` (such as the parent of an `aligned` event), replaced by null, to goals the viewer may not see: counted here, never named */
            hiddenGoals: number;
        };
        Dashboard: {
            cycle: {
                id: string;
                name: string;
                state: string;
            };
            company: components["schemas"]["DashboardObjective"][];
            statusCounts: {
                [key: string]: number;
            };
            units: {
                unitId: string;
                objectives: number;
                meanScore: number | null;
                statusCounts: {
                    [key: string]: number;
                };
                /** @description The unit's objectives the viewer may not see: counted here, never named */
                hiddenGoals: number;
            }[];
            /** @description The cycle's objectives the viewer may not see: counted here, never named */
            hiddenGoals: number;
            /** @description "1 private goal", "n private goals", or null when nothing is hidden */
            hiddenSummary: string | null;
            compliance: components["schemas"]["ComplianceHeatmap"];
            /** @description More company objectives: pass it as `?cursor=` for the next page; null on the last */
            nextCursor: string | null;
        };
        DashboardObjective: components["schemas"]["Objective"] & {
            /** @description The objective's score at the end of each week of the cycle so far (`compliance.weeks[i]`); the last point is now */
            trend: (number | null)[];
        };
        /** @description Check-in compliance (SPEC 3.9), units by weeks: the unit's own goals first, then each child unit's subtree; recomputed at most once a minute */
        ComplianceHeatmap: {
            /** @description The first day of each week of the cycle (the workspace week start) */
            weeks: string[];
            units: {
                unitId: string;
                name: string;
                cells: {
                    /** @description (goal, period) pairs due in the week */
                    due: number;
                    /** @description those with a check-in */
                    done: number;
                    /** @description done / due; null when nothing was due */
                    rate: number | null;
                }[];
            }[];
        };
        UnitPage: {
            unit: components["schemas"]["UnitSummary"];
            cycle: {
                id: string;
                name: string;
                state: string;
            };
            objectives: components["schemas"]["DashboardObjective"][];
            smartGoals: components["schemas"]["SmartGoal"][];
            /** @description The unit's objectives and SMART goals the viewer may not see: counted here, never named */
            hiddenGoals: number;
            /** @description "1 private goal", "n private goals", or null when nothing is hidden */
            hiddenSummary: string | null;
            compliance: components["schemas"]["ComplianceHeatmap"];
            /** @description More objectives, then SMART goals: pass it as `?cursor=` for the next page; null on the last */
            nextCursor: string | null;
        };
        LintResult: {
            findings: components["schemas"]["Finding"][];
            summary: {
                errors: number;
                warnings: number;
                infos: number;
                goals: number;
            };
        };
        Finding: {
            rule: string;
            /** @enum {string} */
            severity: "error" | "warning" | "info";
            target: string;
            targetType: string;
            message: string;
            suggestion: string;
        };
        CoachLintInput: {
            yaml?: string;
            goals?: {
                [key: string]: unknown;
            };
            at?: string;
        };
        AdvisorInput: {
            /** @description The goal as the person would write it. */
            statement?: string;
            /**
             * @description Language of the statement; English by default.
             * @enum {string}
             */
            locale?: "en";
            /** @enum {string} */
            level?: "company" | "department" | "team" | "individual";
            /** @description People working on it. */
            teamSize?: number;
            /** @description Departments to coordinate. */
            departmentsInvolved?: number;
            /** @description Compliance, a contract, a fixed deadline. */
            certaintyCritical?: boolean;
            /** @description A breakthrough (true) rather than an increment (false). */
            breakthrough?: boolean;
            /** @description A new market, an innovation. */
            uncertainGround?: boolean;
            /** @description The goal must inspire and rally people. */
            inspire?: boolean;
            /** @description One person's development: a skill, a certificate. */
            personalDevelopment?: boolean;
            /** @description A project deliverable with a clear scope. */
            clearScopeDeliverable?: boolean;
            /** @description Success is one-dimensional and obvious. */
            oneDimensionalSuccess?: boolean;
        };
        CycleReport: {
            cycle: {
                id: string;
                name: string;
                closedAt: number | null;
            };
            objectives: {
                id: string;
                title: string;
                /** @enum {string} */
                kind: "aspirational" | "committed";
                unitId: string | null;
                score: number | null;
                grade: number | null;
                /** @enum {string|null} */
                band: "red" | "yellow" | "green" | null;
                decision: string | null;
                learned: string | null;
                /** @description The objective created by `continue`; null also when the viewer may not see it */
                successorId: string | null;
                keyResults: {
                    id: string;
                    title: string;
                    score: number | null;
                    grade: number | null;
                    /** @enum {string|null} */
                    band: "red" | "yellow" | "green" | null;
                    mayBeTooSafe: boolean;
                    rootCauseTag: string | null;
                    rootCauseNote: string | null;
                }[];
            }[];
            smartGoals: {
                id: string;
                title: string;
                ownerId: string;
                score: number | null;
                grade: number | null;
                /** @enum {string|null} */
                band: "red" | "yellow" | "green" | null;
                rootCauseNote: string | null;
            }[];
            distribution: {
                objectives: {
                    red: number;
                    yellow: number;
                    green: number;
                };
                keyResults: {
                    red: number;
                    yellow: number;
                    green: number;
                };
                smartGoals: {
                    red: number;
                    yellow: number;
                    green: number;
                };
            };
            /** @description The cycle's objectives and SMART goals the viewer may not see: counted here, never named */
            hiddenGoals: number;
            /** @description "1 private goal", "n private goals", or null when nothing is hidden */
            hiddenSummary: string | null;
        };
        Calibration: {
            scope: {
                unitId: string | null;
                personId: string | null;
            };
            cycles: {
                id: string;
                name: string;
            }[];
            ambition: {
                value: number | null;
                /** @enum {string|null} */
                band: "overreaching" | "ambitious" | "calibrated" | "too_safe" | null;
                count: number;
            };
            commitment: {
                value: number | null;
                count: number;
            };
            confidence: {
                value: number | null;
                count: number;
            };
            /** @description KRs and SMART goals in scope, left out of every figure, the viewer may not see: counted here, never named */
            hiddenGoals: number;
            /** @description "1 private goal", "n private goals", or null when nothing is hidden */
            hiddenSummary: string | null;
        };
        ImportResult: {
            isDryRun: boolean;
            isApplied: boolean;
            /** @description the cycle imported into (several: comma-separated) */
            cycle: string | null;
            /** @description every cycle imported into, in the order of the files */
            cycles: string[];
            problems: {
                file: string;
                line: number;
                column: number;
                path: string;
                message: string;
            }[];
            isFileError: boolean;
            summary: {
                create: number;
                update: number;
                unchanged: number;
                checkIns: number;
                /** @description rows (or goals of a goals file) left out by `skipInvalid` */
                skipped: number;
            };
            items: {
                /** @enum {string} */
                type: "cycle" | "person" | "unit" | "objective" | "key_result" | "smart_goal";
                key: string;
                title: string;
                /** @enum {string} */
                action: "create" | "update" | "unchanged";
                changes: string[];
                /** @description the cycle, when the import holds several */
                cycle?: string;
            }[];
            /** @description with `skipInvalid`: each problem of the rows left out (file, row or line, column, reason); a row may have several */
            skipped: {
                file: string;
                line: number;
                column: number;
                path: string;
                message: string;
                /** @description the goal left out, when the row made one */
                key?: string;
                title?: string;
            }[];
        };
        ImportInput: {
            /** @description goals files (.yaml), CSV (.csv) as text, or workbooks (.xlsx) as base64 */
            files: ({
                name: string;
                text: string;
            } | {
                name: string;
                /** @description a workbook (.xlsx, .xls, .ods), base64 */
                base64: string;
            })[];
            /** @description import into this cycle instead of the files' own */
            cycle?: string;
            /** @default false */
            dryRun: boolean;
            /**
             * @description create the cycle, people and units the files name
             * @default false
             */
            createMissing: boolean;
            /**
             * @description import the valid goals and leave out those with problems (listed in `skipped`): a bad KR row skips that KR, a bad objective its KRs too, a goal aligned to a skipped one is skipped too. Problems of a whole file (unreadable, malformed YAML, no cycle) still stop the import
             * @default false
             */
            skipInvalid: boolean;
        };
        ApiToken: {
            id: string;
            name: string;
            prefix: string;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            expiresAt: number | null;
            /** @description epoch milliseconds */
            revokedAt: number | null;
            /** @description epoch milliseconds */
            lastUsedAt: number | null;
        };
        CreateTokenInput: {
            name: string;
            expiresInDays?: number;
        };
        Webhook: {
            id: string;
            url: string;
            description: string;
            /** @description `*`, `entity_type.*` or `entity_type.action` */
            events: string[];
            isEnabled: boolean;
            createdBy: string;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            updatedAt: number;
            version: number;
        };
        WebhookWithSecret: components["schemas"]["Webhook"] & {
            /** @description The Standard Webhooks signing secret (`whsec_...`), shown once */
            secret: string;
        };
        CreateWebhookInput: {
            url: string;
            /** @default  */
            description: string;
            /**
             * @default [
             *       "*"
             *     ]
             */
            events: string[];
            /** @default true */
            isEnabled: boolean;
        };
        UpdateWebhookInput: {
            version: number;
            url?: string;
            description?: string;
            events?: string[];
            isEnabled?: boolean;
        };
        WebhookDelivery: {
            /** @description The message id, sent as `webhook-id` on every attempt */
            id: string;
            webhookId: string;
            eventId: string;
            /** @example key_result.checked_in */
            type: string;
            /** @enum {string} */
            state: "pending" | "delivered" | "failed";
            attempts: number;
            /** @description epoch milliseconds */
            nextAttemptAt: number | null;
            lastStatusCode: number | null;
            lastError: string | null;
            /** @description epoch milliseconds */
            lastAttemptAt: number | null;
            /** @description epoch milliseconds */
            deliveredAt: number | null;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description The JSON body sent: `{type, timestamp, data}` */
            payload?: unknown;
        };
        ChatWebhook: {
            id: string;
            /** @enum {string} */
            kind: "slack" | "teams";
            /** @description The unit whose people it reaches; null: the workspace's default */
            unitId: string | null;
            /**
             * @description Scheme, host and the last four characters of the URL (the URL itself is a secret)
             * @example https://hooks.slack.com/…a1B2
             */
            maskedUrl: string;
            description: string;
            createdBy: string;
            /** @description epoch milliseconds */
            createdAt: number;
        };
        CreateChatWebhookInput: {
            /** @enum {string} */
            kind: "slack" | "teams";
            url: string;
            /** @default null */
            unitId: string | null;
            /** @default  */
            description: string;
        };
        ChatWebhookTestOutcome: {
            isDelivered: boolean;
            /** @description Slack's or Teams' HTTP status, if it answered */
            statusCode: number | null;
            /** @description Why it was not delivered (never the URL or the answer) */
            error: string | null;
        };
        CalendarFeedCreated: {
            /** @description The feed to subscribe to (`.../api/v1/calendar/<secret>.ics`), shown this once: whoever has it reads your calendar */
            url: string;
            /** @description epoch milliseconds */
            createdAt: number;
        };
        NotificationPreferences: {
            /** @description The channels to be reached on; null: every channel the workspace uses */
            channels: ("email" | "slack" | "teams")[] | null;
            /** @description No reminders or digests before then ("away until") */
            pausedUntil: number | null;
            /** @description The channels the workspace uses that this server has set up */
            available: ("email" | "slack" | "teams")[];
        };
        NotificationPreferencesPatch: {
            channels?: ("email" | "slack" | "teams")[] | null;
            pausedUntil?: number | null;
        };
        Notification: {
            id: string;
            personId: string | null;
            /** @enum {string} */
            kind: "reminder" | "escalation" | "digest" | "test" | "password-reset" | "invitation";
            /** @enum {string} */
            channel: "email" | "slack" | "teams";
            /** @description The email address (or webhook) it went to */
            destination: string;
            subject: string;
            /**
             * @description `retrying`: a send failed and is tried again with backoff; `failed`: no attempt left
             * @enum {string}
             */
            state: "sent" | "retrying" | "failed";
            attempts: number;
            error: string | null;
            /** @description epoch milliseconds */
            createdAt: number;
            /** @description epoch milliseconds */
            updatedAt: number;
            /** @description epoch milliseconds */
            sentAt: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @enum {string} */
                        database: "sqlite" | "postgres";
                        version: string;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sign-up state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        isOpen: boolean;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupInput"];
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SigninInput"];
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthSignout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordInput"];
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteInput"];
            };
        };
        responses: {
            /** @description The invitation link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: components["schemas"]["Person"];
                        url: string;
                        token: string;
                        expiresAt: number;
                        /** @description Whether the link was also emailed (email is set up and the server took it) */
                        emailed: boolean;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPersonPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reset link */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        personId: string;
                        url: string;
                        token: string;
                        expiresAt: number;
                        /** @description Whether the link was also emailed (email is set up and the server took it) */
                        emailed: boolean;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordInput"];
            };
        };
        responses: {
            /** @description The password is set; sign in with it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthInvitationsAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationInput"];
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `rate_limited`: too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchWorkspaceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSettingsInput"];
            };
        };
        responses: {
            /** @description The workspace after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPeople: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of people */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Person"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPersonInput"];
            };
        };
        responses: {
            /** @description The person */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePersonInput"];
            };
        };
        responses: {
            /** @description The person after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPersonDeactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person, inactive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPersonReactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person, active */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUnits: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of units */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UnitSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitInput"];
            };
        };
        responses: {
            /** @description The unit */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description The unit after the move */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setUnitMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    isLead?: boolean;
                };
            };
        };
        responses: {
            /** @description The unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUnitMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCycles: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cycles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Cycle"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCycles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCycleInput"];
            };
        };
        responses: {
            /** @description The cycle */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cycle"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCycle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cycle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cycle"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCycleActivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cycle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cycle"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCycleClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseCycleInput"];
            };
        };
        responses: {
            /** @description What was frozen and created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CloseResult"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCycleReopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopenCycleInput"];
            };
        };
        responses: {
            /** @description Reopened */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCycleGoalKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cycle's goals by key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalKeys"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listObjectives: {
        parameters: {
            query?: {
                cycle?: string;
                unit?: string;
                owner?: string;
                state?: string;
                status?: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped";
                cursor?: string;
                limit?: number;
                /** @description `summary`: each KR without its aligned children (`children`, `hiddenChildren`, `hiddenSummary`); every other field and number the same. `GET /key-results/{id}` has a KR's children */
                view?: "full" | "summary";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of objectives (`Objective`; with `?view=summary`, `ObjectiveSummary`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["Objective"] | components["schemas"]["ObjectiveSummary"])[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createObjectives: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateObjectiveInput"];
            };
        };
        responses: {
            /** @description The objective */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getObjective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The objective */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objective"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteObjective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deletion"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateObjective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateObjectiveInput"];
            };
        };
        responses: {
            /** @description The objective after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listKeyResults: {
        parameters: {
            query?: {
                cycle?: string;
                unit?: string;
                owner?: string;
                state?: string;
                status?: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of key results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["KeyResult"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createKeyResults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeyResultInput"];
            };
        };
        responses: {
            /** @description The key result */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyResultRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKeyResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyResult"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteKeyResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deletion"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateKeyResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateKeyResultInput"];
            };
        };
        responses: {
            /** @description The key result after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyResultRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSmartGoals: {
        parameters: {
            query?: {
                cycle?: string;
                unit?: string;
                owner?: string;
                state?: string;
                status?: "not_started" | "on_track" | "at_risk" | "off_track" | "stale" | "achieved" | "overdue" | "missed" | "dropped";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of SMART goals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SmartGoal"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSmartGoals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSmartGoalInput"];
            };
        };
        responses: {
            /** @description The SMART goal */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmartGoalRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSmartGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The SMART goal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmartGoal"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSmartGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deletion"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSmartGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSmartGoalInput"];
            };
        };
        responses: {
            /** @description The SMART goal after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmartGoalRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKeyResultMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveKeyResultInput"];
            };
        };
        responses: {
            /** @description The key result after the move */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyResultRecord"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAlignments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlignInput"];
            };
        };
        responses: {
            /** @description Linked; the parent rollup is current */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAlignments: {
        parameters: {
            query: {
                childType: "objective" | "smart_goal";
                childId: string;
                parentId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlinked; the parent rollup is current */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAlignment: {
        parameters: {
            query?: {
                /** @description A cycle id or name; default the active cycle */
                cycle?: string;
                /** @description A unit id: only its subtree's goals */
                unit?: string;
                /** @description An objective or KR id: only its children (an objective's KRs, then the goals aligned to it) */
                parent?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the graph */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlignmentGraph"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCheckInsDue: {
        parameters: {
            query?: {
                /** @description `me` or a person id */
                person?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The check-in screen */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueCheckins"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCheckIns: {
        parameters: {
            query: {
                cursor?: string;
                limit?: number;
                goalType: "key_result" | "smart_goal";
                goalId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of check-ins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CheckIn"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCheckIns: {
        parameters: {
            query?: never;
            header?: {
                /** @description `Idempotency-Key`: retrying with the same key returns the first result and records nothing new. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInInput"];
            };
        };
        responses: {
            /** @description The check-in and the goal right after it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInResult"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCheckInsBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description `Idempotency-Key`: retrying with the same key returns the first result and records nothing new. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInBatchInput"];
            };
        };
        responses: {
            /** @description Every check-in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CheckInResult"][];
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query: {
                cursor?: string;
                limit?: number;
                goalType: "objective" | "key_result" | "smart_goal";
                goalId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Event"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: {
                /** @description A cycle id or name (`2026-Q4`); without it, the active cycle */
                cycle?: string;
                /** @description Goals in full per page (default 25, at most 100) */
                limit?: number;
                /** @description The `nextCursor` of the previous page: the goals after it */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDashboardUnit: {
        parameters: {
            query?: {
                /** @description A cycle id or name (`2026-Q4`); without it, the active cycle */
                cycle?: string;
                /** @description Goals in full per page (default 25, at most 100) */
                limit?: number;
                /** @description The `nextCursor` of the previous page: the goals after it */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitPage"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postCoachLint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoachLintInput"];
            };
        };
        responses: {
            /** @description Findings and a summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LintResult"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCoachFindings: {
        parameters: {
            query: {
                cycle: string;
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Findings and a summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LintResult"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAdvisor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvisorInput"];
            };
        };
        responses: {
            /** @description The recommendation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        recommendation: "smart" | "okr" | "both";
                        /** @description Suggest a committed OKR (expected to reach 1.0). */
                        committed: boolean;
                        /** @description No signal was found; the recommendation is the fallback. */
                        isDefault: boolean;
                        signals: {
                            /** @enum {string} */
                            id: "personal-development" | "clear-scope-deliverable" | "small-team" | "certainty-critical" | "one-dimensional-success" | "individual-level" | "output-statement" | "strategic-level" | "cross-department" | "breakthrough" | "uncertain-ground" | "inspire" | "outcome-statement";
                            /**
                             * @description The framework this signal pushes toward.
                             * @enum {string}
                             */
                            side: "smart" | "okr";
                            /** @enum {string} */
                            source: "answer" | "statement";
                            reason: string;
                            /** @description The words of the statement that raised the signal. */
                            evidence?: string;
                        }[];
                        explanation: string;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCycleReport: {
        parameters: {
            query?: {
                /** @description a document (md, html or pdf) as an attachment instead of JSON */
                format?: "md" | "html" | "pdf";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report (JSON), or the document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleReport"];
                    "text/markdown": string;
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: the cycle is not closed yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalibration: {
        parameters: {
            query?: {
                unit?: string;
                person?: string;
                cycles?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Calibration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calibration"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCycleExport: {
        parameters: {
            query?: {
                /** @description default yaml */
                format?: "yaml" | "csv" | "xlsx" | "md";
                /** @description only this unit and the units below it */
                unit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExport: {
        parameters: {
            query?: {
                /** @description default yaml */
                format?: "yaml" | "csv" | "xlsx" | "md";
                /** @description only this unit and the units below it */
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                    "text/csv": string;
                    "text/markdown": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportInput"];
            };
        };
        responses: {
            /** @description What was (or, for a dry run, would be) done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiToken"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenInput"];
            };
        };
        responses: {
            /** @description The token, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"] & {
                        token: string;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookInput"];
            };
        };
        responses: {
            /** @description The webhook, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookInput"];
            };
        };
        responses: {
            /** @description The webhook after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhookRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, with its new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queued delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                state?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWebhookDeliverieRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queued delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listChatWebhooks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of chat webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChatWebhook"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createChatWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChatWebhookInput"];
            };
        };
        responses: {
            /** @description The chat webhook (URL masked) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatWebhook"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteChatWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postChatWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What happened */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatWebhookTestOutcome"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postPeopleMeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed URL, once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedCreated"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePeopleMeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (or there was none) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ok"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeopleMeNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchPeopleMeNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesPatch"];
            };
        };
        responses: {
            /** @description Your settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                state?: "sent" | "retrying" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkspaceTestEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message, sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `conflict`: a stale `version`, a duplicate, or a state that forbids it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the request body is over the limit (`TANDEM_BODY_LIMIT`, 1 MB by default) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `validation`: the body is not `Content-Type: application/json` (optionally `; charset=utf-8`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description `validation`: the input is wrong (a field, a query or path parameter, a NUL character); `details.issues` lists the problems (at most 100, `details.omittedIssues` counts the rest) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `unauthenticated`: sign in or send an API token (or the token sent is unknown, revoked or expired) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `forbidden`: your role may not do this (or the CSRF header is missing) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `not_found`: no such thing, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
