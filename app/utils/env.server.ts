import { z } from 'zod'

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1')

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_PATH: z.string().min(1).default('data/testarena.sqlite'),
    APP_ORIGIN: z
      .string()
      .url()
      .transform((v) => new URL(v).origin)
      .optional(),
    TRUST_PROXY: flag,
    SEED_DEMO: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
    SMTP_URL: z
      .string()
      .url()
      .refine(
        (v) => /^smtps?:$/.test(new URL(v).protocol),
        'SMTP_URL must start with smtp:// or smtps://',
      )
      .optional(),
    MAIL_FROM: z.string().min(3).default('Testarena <no-reply@testarena.test>'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    // Failed logins per 15 minutes (docs/operations/rate-limits.md).
    LOGIN_LIMIT_PER_IP_ACCOUNT: z.coerce.number().int().min(1).max(100).default(10),
    LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(100).default(25),
    LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(300),
    FORM_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    DEV_TOOLS: flag,
    // 32-byte AES key for sealed bids; without it a key file is kept next to the database.
    BID_SEAL_KEY: z
      .string()
      .regex(
        /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$/,
        'BID_SEAL_KEY must be 32 bytes as base64 or 64 hex characters',
      )
      .optional(),
    // Start even when sealed bids cannot be opened with the key ring (decision 023); default: refuse.
    BID_SEAL_ALLOW_MISSING_KEYS: flag,
    UPLOAD_DIR: z.string().min(1).optional(),
    // The OCDS ocid prefix (decision 040): one registered with the Open Contracting Partnership in
    // production ("ocds-" and six letters or digits); the default names this demo.
    OCDS_OCID_PREFIX: z
      .string()
      .trim()
      .regex(/^ocds-[a-z0-9]{6}$/, 'OCDS_OCID_PREFIX must be "ocds-" and six letters or digits')
      .default('ocds-tstrna'),
    // The read API's limit per client IP (decision 041): a burst, refilled at a rate per minute.
    API_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(120),
    API_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(60_000).default(120),
    // The cache of rendered anonymous pages (decision 044): on unless switched off.
    PAGE_CACHE: z
      .enum(['on', 'off'])
      .default('on')
      .transform((v) => v === 'on'),
    // 32-byte HMAC key for the audit log; without it audit.key is kept next to the database.
    AUDIT_KEY: z
      .string()
      .regex(
        /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$/,
        'AUDIT_KEY must be 32 bytes as base64 or 64 hex characters',
      )
      .optional(),
  })
  .transform((env) => {
    const origin = env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
    return {
      ...env,
      APP_ORIGIN: origin,
      /** Cookies get `Secure` and the `__Host-` prefix whenever the public origin is https. */
      secureCookies: origin.startsWith('https:'),
      devTools: env.NODE_ENV === 'development' || env.DEV_TOOLS,
    }
  })
  .superRefine((env, ctx) => {
    // The outbox page shows reset links: never on a real (https) deployment.
    if (env.DEV_TOOLS && env.secureCookies) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['DEV_TOOLS'],
        message: 'DEV_TOOLS must not be enabled on an https deployment',
      })
    }
  })

export type Env = z.infer<typeof schema>

let cached: Env | undefined

/** The validated environment. Throws a readable error listing every bad variable. */
export function getEnv(): Env {
  if (cached) return cached
  const result = schema.safeParse(process.env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  cached = result.data
  return cached
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined
}
