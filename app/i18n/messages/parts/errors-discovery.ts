// The errors of discovery and notifications (issue 16: follows, updates, notifications, digests),
// part of the `errors` namespace: errors.ts spreads them (parts/ holds pieces of one namespace).

const sv = {
  'errors.domain.follow_target_not_found': 'Det du vill följa finns inte eller är inte offentligt.',
  'errors.domain.update_fixed': 'En uppdatering kan inte ändras eller tas bort.',
  'errors.domain.notification_fixed':
    'En avisering som har skickats eller lästs kan inte ändras eller tas bort.',
  'errors.domain.digest_fixed': 'Ett skickat sammandrag kan inte ändras eller tas bort.',
}

const en: Record<keyof typeof sv, string> = {
  'errors.domain.follow_target_not_found':
    'What you want to follow does not exist or is not public.',
  'errors.domain.update_fixed': 'An update cannot be changed or deleted.',
  'errors.domain.notification_fixed':
    'A notification that has been sent or read cannot be changed or deleted.',
  'errors.domain.digest_fixed': 'A digest that has been sent cannot be changed or deleted.',
}

export default { sv, en }
