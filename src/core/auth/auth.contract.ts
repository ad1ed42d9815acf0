import { z } from 'zod';

// What the sign-in API takes (issue 16 item 2): the routes declare these request schemas.

export const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const PasswordChangeBody = z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) });
