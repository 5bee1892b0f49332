import { expect, test } from 'vitest'
import { parsePlainText } from '~/utils/plain-text'

test('blank lines separate paragraphs and single newlines stay within one', () => {
  expect(parsePlainText('Första raden\nandra raden\n\nNytt stycke')).toEqual([
    { kind: 'paragraph', lines: ['Första raden', 'andra raden'] },
    { kind: 'paragraph', lines: ['Nytt stycke'] },
  ])
})

test('dashes and numbers become lists, and markup stays text', () => {
  expect(
    parsePlainText('Vi erbjuder:\n- hemtjänst\n- <b>särskilt</b> boende\n1. ett\n2) två'),
  ).toEqual([
    { kind: 'paragraph', lines: ['Vi erbjuder:'] },
    { kind: 'list', ordered: false, items: ['hemtjänst', '<b>särskilt</b> boende'] },
    { kind: 'list', ordered: true, items: ['ett', 'två'] },
  ])
})
