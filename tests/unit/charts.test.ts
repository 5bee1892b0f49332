import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { BarChart } from '~/components/charts/bar-chart'
import { LineChart } from '~/components/charts/line-chart'
import { formatDateTick, formatPercent } from '~/i18n/format'

// The shared charts (decision record 028) are images with a title and a description that label
// them, their marks hidden from assistive technology, and scale with their viewBox.

const labelledBy = (html: string) => {
  const ids = /aria-labelledby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? []
  return ids.map((id) => new RegExp(`<(title|desc) id="${id}">([^<]*)<`).exec(html)?.[2])
}

describe('the bar chart', () => {
  test('one bar a row, as long as its share of the largest, labelled by title and description', () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        bars: [
          { key: '24', label: 'Västerbottens län', value: 2 },
          { key: '25', label: 'Norrbottens län', value: 1 },
          { key: '01', label: 'Stockholms län', value: 0 },
        ],
        title: 'Initiativ per län',
        desc: 'Flest har Västerbottens län med 2.',
        formatValue: String,
      }),
    )
    expect(html).toMatch(/<svg[^>]* viewBox="0 0 510 74"/)
    expect(html).toMatch(/<svg[^>]* role="img"/)
    expect(labelledBy(html)).toEqual(['Initiativ per län', 'Flest har Västerbottens län med 2.'])
    expect([...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => m[1])).toEqual([
      '260',
      '130',
      '0',
    ])
    expect(html.match(/<g aria-hidden="true"/g)).toHaveLength(3)
  })

  test('a fixed maximum (shares out of 100) and nothing drawn past it', () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        bars: [
          { key: 'a', label: 'Andel små företag', value: 50 },
          { key: 'b', label: 'Fel', value: 250 },
        ],
        title: 'Andelar',
        desc: 'Hälften.',
        formatValue: (n: number) => `${n} %`,
        max: 100,
      }),
    )
    expect([...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => m[1])).toEqual([
      '130',
      '260',
    ])
  })
})

describe('the line chart', () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`)
  test('a path per series, a target ring, a legend, and labels by title and description', () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, {
        series: [
          {
            key: 'smes',
            label: 'Små och medelstora företag',
            points: [
              { at: day('2026-01-01'), value: 2 },
              { at: day('2026-07-01'), value: 5 },
            ],
          },
        ],
        target: { at: day('2028-12-31'), value: 20, label: 'Mål: 20 till 2028' },
        title: 'Avslutade piloter',
        desc: 'Fem av tjugo.',
        formatValue: String,
        tickLabel: (d: Date) => String(d.getUTCFullYear()),
      }),
    )
    expect(html).toMatch(/<svg[^>]* role="img"/)
    expect(labelledBy(html)).toEqual(['Avslutade piloter', 'Fem av tjugo.'])
    expect(html.match(/<path /g)).toHaveLength(1)
    expect(html).toContain('class="chart-target-mark"')
    expect(html).toContain('>Små och medelstora företag<')
    expect(html).toContain('>Mål: 20 till 2028<')
    expect(html).toContain('>2027<')
    // The value axis reaches the target even though no point does.
    expect(html).toContain('>20<')
  })

  test('no points at all still draws an empty, labelled frame', () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, {
        series: [{ key: 'none', label: 'Inget', points: [] }],
        title: 'Tomt',
        desc: 'Inga värden ännu.',
        formatValue: String,
        tickLabel: (d: Date) => String(d.getUTCFullYear()),
      }),
    )
    expect(labelledBy(html)).toEqual(['Tomt', 'Inga värden ännu.'])
    expect(html).not.toContain('NaN')
  })
})

describe('chart formats', () => {
  test('percentages and date ticks the Swedish and the British way', () => {
    expect(formatPercent(0.423, 'sv')).toBe('42\u00a0%')
    expect(formatPercent(0.423, 'en')).toBe('42%')
    expect(formatDateTick(new Date(Date.UTC(2027, 0, 1)), 'sv')).toBe('2027')
    expect(formatDateTick(new Date(Date.UTC(2027, 3, 1)), 'sv')).toBe('apr. 2027')
    expect(formatDateTick(new Date(Date.UTC(2027, 3, 1)), 'en')).toBe('Apr 2027')
  })
})
