import { z } from 'zod'

// Client-safe: never import .server here.

export const noticeSchema = z.enum(['deleted']).nullable().catch(null)
