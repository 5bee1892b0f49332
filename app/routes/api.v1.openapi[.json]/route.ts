import type { LoaderFunctionArgs } from '@remix-run/node'
import { openApiDocument } from '~/api-docs/openapi.server'
import { apiGuard, apiJson } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'

// GET /api/v1/openapi.json (decision record 041): the OpenAPI 3.1 document of the read API.

export function loader({ request, context }: LoaderFunctionArgs) {
  apiGuard(request, context)
  // Plain application/json, so that a browser shows it rather than downloading it.
  return apiJson(request, openApiDocument(getEnv().APP_ORIGIN), { maxAge: 3600 })
}
