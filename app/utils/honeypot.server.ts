import { data } from '@remix-run/node'
import { HONEYPOT_FIELD } from '~/components/forms'

/** Public forms carry a field people never see; a filled one means a bot. Answers 400. */
export function checkHoneypot(formData: FormData): void {
  const value = formData.get(HONEYPOT_FIELD)
  if (typeof value === 'string' && value.length > 0) {
    throw data('honeypot', { status: 400 })
  }
}
