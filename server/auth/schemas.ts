import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';

const email = z.string().trim().toLowerCase().email().max(320);
const password = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** Input of sign-up: the person and, for the first sign-up, the organisation they create. */
export const signupSchema = z
  .object({
    email,
    password,
    name: z.string().trim().min(1).max(200),
    workspaceName: z.string().trim().min(1).max(200),
    timeZone: z.string().optional(),
  })
  .strict();

/** Input of sign-in; `workspaceId` picks a workspace when the account belongs to several. */
export const signinSchema = z
  .object({
    email,
    password: z.string().min(1).max(PASSWORD_MAX),
    workspaceId: z.string().min(1).optional(),
  })
  .strict();

/** Input of a password change. */
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: password })
  .strict();

/** Input of an invitation: a new person (email, name, role), or an existing `personId`. */
export const inviteSchema = z.union([
  z.object({ personId: z.string().min(1) }).strict(),
  z
    .object({
      email,
      name: z.string().trim().min(1).max(200),
      role: z.enum(['admin', 'member', 'viewer']).default('member'),
      managerId: z.string().min(1).nullable().optional(),
    })
    .strict(),
]);

/** Input of accepting an invitation: its secret, and the password to sign in with. */
export const acceptInvitationSchema = z.object({ token: z.string().min(1).max(200), password }).strict();

/** Input of a new personal API token. */
export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Days until it stops working; omit for a token that lasts until revoked. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

/** Input of setting a new password with a reset link's secret. */
export const resetPasswordSchema = z.object({ token: z.string().min(1).max(200), password }).strict();
