import { getEnv } from '~/utils/env.server'
import { robotsTxt } from '~/utils/robots'

// /robots.txt: what crawlers may read, and where the sitemap is (app/utils/robots.ts).
export function loader() {
  return new Response(robotsTxt(getEnv().APP_ORIGIN), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
