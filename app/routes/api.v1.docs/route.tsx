import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { openApiDocument } from '~/api-docs/openapi.server'
import { TableScroll } from '~/components/table-scroll'
import { useLocale, useT } from '~/i18n/use-t'
import apiDocsMessages from '~/i18n/messages/api-docs'
import { API_BASE, API_PAGE_DEFAULT, API_PAGE_MAX, apiLimits } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'

// /api/v1/docs (issue 17 part 5, decision record 041): the read API's documentation, rendered from
// the OpenAPI document itself, so the page and /api/v1/openapi.json cannot diverge. The document
// is English (the API's language); the page's own texts are Swedish first, English complete.

export const handle = { i18n: [apiDocsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'apiDocs.title')

interface DocParameter {
  name: string
  in: string
  required: boolean
  description: string
  schema: { type?: string | string[]; enum?: readonly unknown[] }
  example?: string
}

export function loader() {
  const origin = getEnv().APP_ORIGIN
  const doc = openApiDocument(origin)
  const paths = Object.entries(doc.paths).map(([path, { get }]) => {
    const parameters = get.parameters as DocParameter[]
    const ok = get.responses['200']
    const schemaRef = 'content' in ok ? Object.values(ok.content)[0]?.schema : undefined
    let example = path
    const query = new URLSearchParams()
    for (const p of parameters) {
      if (p.in === 'path') example = example.replace(`{${p.name}}`, p.example ?? '1')
      else if (p.required) query.set(p.name, p.example ?? '')
    }
    const filter = parameters.find(
      (p) => p.in === 'query' && p.example && !['limit', 'cursor', 'since'].includes(p.name),
    )
    if (filter?.example) query.set(filter.name, filter.example)
    return {
      path,
      operationId: get.operationId,
      summary: get.summary,
      description: get.description,
      parameters: parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        description: p.description,
        values: p.schema.enum ? p.schema.enum.join(', ') : String(p.schema.type ?? ''),
      })),
      example: `${origin}${example}${query.size ? `?${query}` : ''}`,
      schema:
        schemaRef && '$ref' in schemaRef
          ? String(schemaRef.$ref).replace('#/components/schemas/', '')
          : null,
      externalDocs: 'externalDocs' in get ? (get.externalDocs?.url ?? null) : null,
    }
  })
  return {
    openApiUrl: `${API_BASE}/openapi.json`,
    paths,
    numbers: {
      default: API_PAGE_DEFAULT,
      max: API_PAGE_MAX,
      ...apiLimits(),
    },
  }
}

const anchorOf = (operationId: string) => `op-${operationId}`

export default function ApiDocs() {
  const { openApiUrl, paths, numbers } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  // The OpenAPI texts are English: marked as such on the Swedish page (WCAG 3.1.2).
  const en = locale === 'en' ? undefined : 'en'
  return (
    <article className="api-docs">
      <h1>{t('apiDocs.title')}</h1>
      <p className="lead">{t('apiDocs.lead')}</p>
      <p>
        <a href={openApiUrl}>{t('apiDocs.document')}</a>
      </p>
      <p>{t('apiDocs.langNote')}</p>

      <h2>{t('apiDocs.terms.title')}</h2>
      <p>{t('apiDocs.terms.body')}</p>

      <h2>{t('apiDocs.how.title')}</h2>
      <ul>
        <li>{t('apiDocs.how.read')}</li>
        <li>{t('apiDocs.how.paging', { default: numbers.default, max: numbers.max })}</li>
        <li>{t('apiDocs.how.since')}</li>
        <li>{t('apiDocs.how.etag')}</li>
        <li>{t('apiDocs.how.cors')}</li>
        <li>{t('apiDocs.how.limit', { burst: numbers.burst, perMinute: numbers.perMinute })}</li>
        <li>{t('apiDocs.how.formats')}</li>
      </ul>

      <h2>{t('apiDocs.paths.title')}</h2>
      <ul className="api-docs-toc">
        {paths.map((p) => (
          <li key={p.path}>
            <a href={`#${anchorOf(p.operationId)}`}>
              <code>{`GET ${p.path}`}</code>
            </a>
          </li>
        ))}
      </ul>
      {paths.map((p) => (
        <section key={p.path} aria-labelledby={anchorOf(p.operationId)}>
          <h3 id={anchorOf(p.operationId)}>
            <code>{`GET ${p.path}`}</code>
          </h3>
          <p lang={en}>
            <strong>{`${p.summary}.`}</strong> {p.description}
          </p>
          {p.parameters.length === 0 ? (
            <p>{t('apiDocs.param.none')}</p>
          ) : (
            <TableScroll label={t('apiDocs.param.caption', { path: p.path })}>
              <table>
                <caption>{t('apiDocs.param.caption', { path: p.path })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('apiDocs.param.name')}</th>
                    <th scope="col">{t('apiDocs.param.in')}</th>
                    <th scope="col">{t('apiDocs.param.values')}</th>
                    <th scope="col">{t('apiDocs.param.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.parameters.map((param) => (
                    <tr key={param.name}>
                      <th scope="row">
                        <code>{param.name}</code>
                      </th>
                      <td>
                        {param.in === 'path'
                          ? t('apiDocs.param.in.path')
                          : t('apiDocs.param.in.query')}
                      </td>
                      <td>
                        <code>{param.values}</code>
                      </td>
                      <td lang={en}>{param.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <p>{t('apiDocs.example')}</p>
          <pre className="api-docs-code">
            <code>{`curl ${p.example}`}</code>
          </pre>
          <p>
            {p.schema
              ? t('apiDocs.response', { what: t('apiDocs.schema', { name: p.schema }) })
              : null}
            {p.externalDocs ? (
              <>
                {t('apiDocs.response', { what: '' })}
                <a href={p.externalDocs}>{t('apiDocs.ocdsSchema')}</a>
              </>
            ) : null}
          </p>
        </section>
      ))}

      <h2>{t('apiDocs.problems.title')}</h2>
      <p>{t('apiDocs.problems.intro')}</p>
      <h3 id="problem-not-found">{t('apiDocs.problem.notFound.title')}</h3>
      <p>{t('apiDocs.problem.notFound.body')}</p>
      <h3 id="problem-bad-request">{t('apiDocs.problem.badRequest.title')}</h3>
      <p>{t('apiDocs.problem.badRequest.body')}</p>
      <h3 id="problem-too-many-requests">{t('apiDocs.problem.tooMany.title')}</h3>
      <p>{t('apiDocs.problem.tooMany.body')}</p>
    </article>
  )
}
