import type { DB } from '#db/connection'
import type { DigestPeriod, NotificationChannel } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { formatDateTime } from '~/i18n/format'
import { getTranslator } from '~/i18n/messages'
import { getEnv } from '~/utils/env.server'
import { queueRenderedMail } from './outbox.server'
import { unsubscribeToken } from './signed-links.server'
import type { UpdateItem } from './update-items.server'

// One template, two renderings (decision record 035): a notification mail — one update at once or
// a digest of several — is built as a list of blocks, then written out as plain text and as HTML
// from the same blocks, in the person's language. Every mail carries the one-click unsubscribe
// link of its kind (RFC 8058) and a link to the settings.

export interface Recipient {
  id: number
  email: string
  locale: Locale
}

interface Rendered {
  subject: string
  text: string
  html: string
  unsubscribe: string
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** The mail for `items` (one: an immediate notification; several: a digest of `period`). */
export function renderNotificationMail(
  recipient: Recipient,
  channel: NotificationChannel,
  items: readonly UpdateItem[],
  period: DigestPeriod | null,
): Rendered {
  const t = getTranslator(recipient.locale)
  const origin = getEnv().APP_ORIGIN
  const unsubscribe = `${origin}/unsubscribe/${unsubscribeToken(recipient.id, channel)}`
  const settings = `${origin}/account/notifications`
  const first = items[0]!
  const subject = period
    ? t(`notifications.mail.digest.subject.${period}`, { count: items.length })
    : t('notifications.mail.one.subject', {
        kind: t(`notifications.kind.${first.kind}`),
        title: first.title,
      })
  const intro = period
    ? t(`notifications.mail.digest.intro.${period}`, { count: items.length })
    : t('notifications.mail.one.intro')
  const lines = items.map((item) => ({
    kind: t(`notifications.kind.${item.kind}`),
    title: item.title,
    organisation: item.organisation,
    when: formatDateTime(item.at, recipient.locale),
    link: `${origin}${item.path}`,
  }))
  const why = t(`notifications.mail.why.${channel}`)
  const settingsText = t('notifications.mail.settings')
  const stopText = t(`notifications.mail.unsubscribe.${channel}`)
  const signature = t('mail.signature')

  const text = [
    intro,
    '',
    ...lines.flatMap((l) => [
      `• ${l.kind}: ${l.title} (${l.organisation}, ${l.when})`,
      `  ${l.link}`,
    ]),
    '',
    why,
    `${settingsText}: ${settings}`,
    `${stopText}: ${unsubscribe}`,
    '',
    signature,
    '',
  ].join('\n')

  const html = `<!doctype html>
<html lang="${recipient.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">
<p>${escapeHtml(intro)}</p>
<ul>
${lines
  .map(
    (l) =>
      `<li><strong>${escapeHtml(l.kind)}:</strong> <a href="${escapeHtml(l.link)}">${escapeHtml(l.title)}</a> <span>(${escapeHtml(l.organisation)}, ${escapeHtml(l.when)})</span></li>`,
  )
  .join('\n')}
</ul>
<p style="font-size: 0.9em;">${escapeHtml(why)}<br>
<a href="${escapeHtml(settings)}">${escapeHtml(settingsText)}</a> ·
<a href="${escapeHtml(unsubscribe)}">${escapeHtml(stopText)}</a></p>
<p style="white-space: pre-line;">${escapeHtml(signature)}</p>
</body></html>
`
  return { subject, text, html, unsubscribe }
}

/** Renders and queues the mail in the outbox (inside the caller's transaction). */
export async function queueNotificationMail(
  db: DB,
  recipient: Recipient,
  channel: NotificationChannel,
  items: readonly UpdateItem[],
  period: DigestPeriod | null,
): Promise<number> {
  const mail = renderNotificationMail(recipient, channel, items, period)
  return queueRenderedMail(db, {
    to: recipient.email,
    template: period ? 'notification_digest' : 'notification',
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    listUnsubscribe: mail.unsubscribe,
  })
}
