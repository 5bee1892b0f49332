import type { InitiativeInput } from '~/models/initiatives.server'

// A complete initiative for tests that need one (the register's demo texts are in app/seed).

export const INPUT: InitiativeInput = {
  kind: 'programme',
  title: 'Aktivt och hälsosamt åldrande',
  summary: 'Ett program för testmiljöer kring äldres hälsa.',
  description: '',
  starts_on: '2027-01-01',
  ends_on: '2028-12-31',
  budget_band: '5m_20m',
  contact_role: 'Programledare',
  contact_email: 'aldrande@example.test',
  themes: ['active_healthy_ageing'],
  cpv_codes: [],
  size_classes: ['small'],
  sectors: ['Q'],
  counties: ['25'],
  municipalities: ['2580'],
}
