import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { getTranslator } from '~/i18n/messages'
import {
  FirstTimersFigure,
  quarterStart,
  SmeShareFigure,
  smePercent,
} from '~/routes/organisations.$slug.reach/reach-charts'

// The SME reach page's figures (decision records 028, 032): a line chart labelled by its title
// and description, and the same figures in a captioned table beside it in a focusable region.

const t = getTranslator('sv')
const labelledBy = (html: string) => {
  const ids = /aria-labelledby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? []
  return ids.map((id) => new RegExp(`<(title|desc) id="${id}">([^<]*)<`).exec(html)?.[2])
}

describe('the SME reach figures', () => {
  test('quarters start on their first day; a share needs companies', () => {
    expect(quarterStart('2027-Q1').toISOString()).toBe('2027-01-01T00:00:00.000Z')
    expect(quarterStart('2026-Q4').toISOString()).toBe('2026-10-01T00:00:00.000Z')
    expect(smePercent({ companies: 4, smes: 3 })).toBe(75)
    expect(smePercent({ companies: 0, smes: 0 })).toBeNull()
  })

  test('first-time participants: two lines, oldest first, and the table beside them', () => {
    const html = renderToStaticMarkup(
      createElement(FirstTimersFigure, {
        quarters: [
          { quarter: '2026-Q4', companies: 5, smes: 4 },
          { quarter: '2026-Q2', companies: 2, smes: 2 },
        ],
        t,
        locale: 'sv',
      }),
    )
    expect(html).toContain('class="chart-split"')
    expect(html).toMatch(/<svg[^>]* role="img"/)
    expect(labelledBy(html)).toEqual([
      'Nya deltagare per kvartal',
      'Kvartal 2026-Q2 till 2026-Q4. Senaste kvartalet: 5 nya deltagare, varav 4 små och medelstora.',
    ])
    expect(html.match(/<path /g)).toHaveLength(2)
    expect(html).toContain('>Alla nya deltagare<')
    expect(html).toContain('role="region" aria-label="Nya deltagare per kvartal" tabindex="0"')
    expect(html).toContain('<caption>Nya deltagare per kvartal</caption>')
    expect(html).toContain('<th scope="row">2026-Q4</th><td class="numeric">5</td>')
  })

  test('SME shares: a line per stage on a 0–100 % axis, years without companies left out', () => {
    const html = renderToStaticMarkup(
      createElement(SmeShareFigure, {
        shares: [
          {
            year: '2026',
            applicants: { companies: 4, smes: 3 },
            bidders: { companies: 2, smes: 1 },
            winners: { companies: 0, smes: 0 },
          },
          {
            year: '2025',
            applicants: { companies: 2, smes: 2 },
            bidders: { companies: 0, smes: 0 },
            winners: { companies: 1, smes: 1 },
          },
        ],
        t,
        locale: 'sv',
      }),
    ).replace(/\u00a0/g, ' ') // Intl puts a no-break space before the per cent sign
    expect(labelledBy(html)).toEqual([
      'Andel små och medelstora företag',
      'Andel små och medelstora företag per år, 2025 till 2026. År 2026: sökande 75 %, anbudsgivare 50 %, vinnare inga.',
    ])
    expect(html.match(/<path /g)).toHaveLength(3)
    // Applicants in both years, bidders and winners in one each: four points.
    expect(html.match(/<circle [^>]*class="chart-point/g)).toHaveLength(4)
    expect(html).toContain('>100 %<')
    expect(html).toContain('<caption>Andel små och medelstora företag</caption>')
    expect(html).toContain('<td>3 av 4 (75 %)</td>')
    expect(html).toContain('<td>inga</td>')
  })
})
